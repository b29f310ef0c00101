"""Each page loads only the scripts and stylesheets of the components it shows.

Sphinx extensions add their files to every page: the copy button's two scripts on pages without code,
the tabs script on pages without tabs, sphinx-design's and myst-nb's stylesheets on pages without cards
or notebook output. On a phone each of them costs time before the page appears. Here, when a page is
written (`html-page-context`), its content decides:

- a script of SCRIPTS (with the stylesheet of the same component) stays when the page's content has one
  of the classes the script looks for;
- a stylesheet of BY_RULES stays when one of its rules can match: every class of one of its selectors
  occurs in the page's content or in a string of one of the site's own scripts for that page (they
  build parts of the page in the browser, such as the planner).

Everything else (the theme, leren.css, the edition switch, print support, translations) stays on
every page.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

from sphinx.application import Sphinx

from leren.sphinx.themecss import WORD, Rule, classes_in_page, parse, required_classes, split

STATIC = Path(__file__).parent / "static"
# Component -> (its files, the classes in a page that need it: one is enough).
SCRIPTS = {
    "copybutton": (("clipboard.min.js", "copybutton.js", "copybutton.css"), {"highlight"}),
    # sphinx-togglebutton's default selector is ".toggle, .admonition.dropdown"; its {toggle} directive
    # writes "toggle-details".
    "togglebutton": (("togglebutton.js", "togglebutton.css"), {"toggle", "dropdown", "toggle-details"}),
    "tabs": (("design-tabs.js",), {"sd-tab-set"}),
}
# A string in a script ("...", '...' or `...`), where a class name it writes into the page stands.
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')
# The site's scripts on every page: they switch and print what is there, and build no component.
EVERY_PAGE = ("editie.js", "print.js", "translations-nl.js", "zijbalken.js")
BY_RULES = ("sphinx-design.min.css", "mystnb.*.css", "exercise.css", "pygments.css", "planner.css",
            "werkblad-invullen.css")


def _packaged(package: str, *parts: str) -> Path | None:
    try:
        module = __import__(package)
    except ImportError:
        return None
    return Path(module.__file__).parent.joinpath(*parts)


def source(app: Sphinx, name: str) -> Path | None:
    """The original of a stylesheet that ends up in _static: sphinx-exercise and myst-nb copy theirs only
    after the pages are written, so the output's copy may be missing or already trimmed."""
    candidates = []
    if name == "exercise.css":
        candidates.append(_packaged("sphinx_exercise", "assets", "html", "exercise.css"))
    if fnmatch(name, "mystnb.*.css"):
        candidates.append(_packaged("myst_nb", "static", "mystnb.css"))
    candidates += [Path(app.confdir, entry, name) for entry in app.config.html_static_path]
    candidates.append(Path(app.outdir) / "_static" / name)
    return next((path for path in candidates if path is not None and path.is_file()), None)


def _name(asset) -> str:
    return Path(str(getattr(asset, "filename", "") or "")).name


def selector_classes(css: str) -> list[frozenset[str]]:
    """For each selector of a stylesheet that requires a class: the classes it requires."""
    found: set[frozenset[str]] = set()

    def walk(rules: list[Rule]) -> None:
        for rule in rules:
            if rule.children is not None:
                walk(rule.children)
            elif rule.body is not None and not rule.prelude.startswith("@"):
                for selector in split(rule.prelude, ","):
                    classes = required_classes(selector)
                    if classes:
                        found.add(frozenset(classes))

    walk(parse(css))
    return sorted(found, key=sorted)


class Assets:
    def __init__(self) -> None:
        self._rules: dict[Path, tuple[float, list[frozenset[str]]]] = {}
        self._words: dict[str, set[str]] = {}

    def rules(self, path: Path | None) -> list[frozenset[str]] | None:
        """The selectors' classes of a stylesheet; None when it cannot be read."""
        if path is None:
            return None
        stamp = path.stat().st_mtime
        cached = self._rules.get(path)
        if cached is None or cached[0] != stamp:
            cached = (stamp, selector_classes(path.read_text(encoding="utf-8")))
            self._rules[path] = cached
        return cached[1]

    def words(self, name: str) -> set[str]:
        """The words in the strings of one of the site's own scripts (a class it writes into the page is one)."""
        if name not in self._words:
            path = STATIC / name
            text = path.read_text(encoding="utf-8") if path.is_file() and name not in EVERY_PAGE else ""
            self._words[name] = {word for literal in STRING.findall(text) for word in WORD.findall(literal)}
        return self._words[name]

    def page(self, app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
        if app.builder.format != "html" or doctree is None:
            return
        classes = classes_in_page(context.get("body", ""))
        unused = {name for files, needs in SCRIPTS.values() if not classes & needs for name in files}
        scripts = [s for s in context.get("script_files", []) if _name(s) not in unused]
        for script in scripts:
            classes |= self.words(_name(script))
        kept = []
        for css in context.get("css_files", []):
            name = _name(css)
            if name in unused:
                continue
            if any(fnmatch(name, pattern) for pattern in BY_RULES):
                rules = self.rules(source(app, name))
                if rules is not None and not any(rule <= classes for rule in rules):
                    continue
            kept.append(css)
        # New lists: the builder's own lists are shared by every page.
        context["script_files"] = scripts
        context["css_files"] = kept


def setup(app: Sphinx) -> None:
    # After the components' own handlers have added their page's files, before the scripts are deferred.
    app.connect("html-page-context", Assets().page, priority=940)

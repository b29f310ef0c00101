"""The third-party stylesheets, trimmed to what the site uses, and the theme's icon characters without
the icon font.

The PyData theme's stylesheet (397 KB, 65 KB compressed) holds all of Bootstrap and Font Awesome's CSS,
and every page waits for it before it shows any text. Most of its rules can never match on this site:
they style classes that no page has and no script adds. After the build (`build-finished`) this module
rewrites the files in TRIMMED in the output: a rule stays when, for one of its selectors, every class
that selector requires occurs in a built page or in a script the site ships (any word of any script, so
classes that scripts add stay). Classes inside `:not()`, `:is()` and other brackets never count as
required, so a rule is only dropped when it cannot match. Everything without a class stays: variables
(light and dark), element and id selectors, `@keyframes`, licence comments.

Some icons of the theme are characters of the Font Awesome font in a `content` property (the bell or
light bulb before an admonition title, the arrow of an external link); one such character fetched the
whole font, 157 KB, on any page with an admonition. Here each of those characters becomes an SVG mask of
the same outline in the text colour, the way `leren.sphinx.icons` draws the theme's other icons, and
the font's `@font-face` rules go. The files no page loads any more (UNUSED) leave the output. The same
input gives the same bytes.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sphinx.application import Sphinx

from leren.sphinx.icons import fontawesome_script, glyphs, mask_url

# Relative to _static; '*' for the file names with a content hash (myst-nb).
TRIMMED = ("basic.css", "styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css", "sphinx-design.min.css",
           "togglebutton.css", "copybutton.css", "mystnb.*.css", "exercise.css")
# Theme files no page loads any more (Font Awesome's script and fonts; the source maps of the stylesheets
# trimmed here, which no longer match them; styles/theme.css, which only imported basic.css): they only
# made the offline bundle larger. Relative to _static.
UNUSED = ("scripts/fontawesome.js", "scripts/fontawesome.js.map", "scripts/fontawesome.js.LICENSE.txt",
          "styles/pydata-sphinx-theme.css.map", "styles/sphinx-book-theme.css.map", "styles/theme.css",
          "vendor/fontawesome")
# Classes that scripts put together from parts instead of writing them whole (Bootstrap's
# `bs-tooltip-auto`, `bs-popover-top`).
BUILT_PREFIXES = ("bs-",)
# Classes that `leren pdf` adds to built pages afterwards (the "Download als PDF" link of
# leren.pdfbook.downloads).
ADDED_LATER = frozenset({"reference", "download"})
# Scripts that hold data, not code: no class comes from them.
DATA_SCRIPTS = ("searchindex.js", "zoekteksten.js")
GROUPING = ("@media", "@supports", "@layer", "@container")
ICON_FONT = "Font Awesome"
# An icon drawn as a mask in the text colour; the rule's own width, height and display come after it.
# Its padding stays space around the icon, as around the character (content-box, not Bootstrap's border-box).
MASK = ("display:inline-block;box-sizing:content-box;width:1em;height:1em;vertical-align:-.125em;"
        "background-color:currentColor;-webkit-mask:var(--leren-icoon) center/contain no-repeat content-box;"
        "mask:var(--leren-icoon) center/contain no-repeat content-box")
CLASS_ATTRIBUTE = re.compile(r'\sclass\s*=\s*(?:"([^"]*)"|\'([^\']*)\')', re.IGNORECASE)
WORD = re.compile(r"-?[A-Za-z_][\w-]*")
CLASS = re.compile(r"\.((?:[\w-]|\\.)+)")
ICON_VARIABLE = re.compile(r"^content:(var\(--pst-(?:icon-[\w-]+|breadcrumb-divider)\))$")


@dataclass
class Rule:
    """A style rule (`prelude` holds the selectors, `body` the declarations), a grouping at-rule
    (`children`), another at-rule with a block (`body`), or a statement or comment (neither)."""

    prelude: str
    body: str | None = None
    children: list[Rule] | None = None


def _skip(css: str, i: int) -> int:
    """The index after the string or comment that starts at i; i itself when none starts there."""
    if css.startswith("/*", i):
        end = css.find("*/", i + 2)
        return len(css) if end < 0 else end + 2
    if css[i] in "\"'":
        quote, j = css[i], i + 1
        while j < len(css) and css[j] != quote:
            j += 2 if css[j] == "\\" else 1
        return j + 1
    return i


def _outside(text: str, i: int = 0):
    """(index, character, bracket depth) of every character from i on that is outside strings and
    comments; an escaped character comes with its backslash. A bracket has the depth outside it."""
    depth = 0
    while i < len(text):
        after = _skip(text, i)
        if after != i:
            i = after
            continue
        char = text[i: i + 2] if text[i] == "\\" else text[i]
        if char in ")]":
            depth = max(depth - 1, 0)
        yield i, char, depth
        if char in "([":
            depth += 1
        i += len(char)


def _find(css: str, i: int, stops: str) -> int:
    """The index of the first character of `stops` outside strings, comments and brackets."""
    return next((j for j, char, depth in _outside(css, i) if depth == 0 and char in stops), len(css))


def _block_end(css: str, i: int) -> int:
    """The index of the `}` that closes the block whose `{` is at i."""
    depth, i = 0, i
    while i < len(css):
        after = _skip(css, i)
        if after != i:
            i = after
            continue
        if css[i] == "{":
            depth += 1
        elif css[i] == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(css)


def parse(css: str) -> list[Rule]:
    rules, i = [], 0
    while i < len(css):
        if css[i].isspace():
            i += 1
            continue
        if css.startswith("/*", i):
            end = _skip(css, i)
            if css.startswith("/*!", i):  # licence comments stay
                rules.append(Rule(css[i:end]))
            i = end
            continue
        j = _find(css, i, "{;}")
        if j >= len(css) or css[j] in ";}":
            if css[i:j].strip():
                rules.append(Rule(css[i:j].strip()))
            i = j + 1
            continue
        end = _block_end(css, j)
        prelude, inner = css[i:j].strip(), css[j + 1:end]
        if prelude.lower().startswith(GROUPING):
            rules.append(Rule(prelude, children=parse(inner)))
        else:
            rules.append(Rule(prelude, body=inner.strip()))
        i = end + 1
    return rules


def serialize(rules: list[Rule]) -> str:
    out = []
    for rule in rules:
        if rule.children is not None:
            out.append(f"{rule.prelude}{{{serialize(rule.children)}}}")
        elif rule.body is not None:
            out.append(f"{rule.prelude}{{{rule.body}}}")
        elif rule.prelude.startswith("/*"):
            out.append(rule.prelude + "\n")
        else:
            out.append(rule.prelude + ";")
    return "".join(out)


def split(text: str, separator: str) -> list[str]:
    """`text` split at `separator` outside strings, comments and brackets."""
    parts, i = [], 0
    while i <= len(text):
        j = _find(text, i, separator)
        parts.append(text[i:j])
        i = j + 1
    return [part.strip() for part in parts if part.strip()]


def required_classes(selector: str) -> set[str]:
    """The classes an element needs for `selector` to match; those inside brackets (`:not(.x)`,
    `:is(.x, .y)`, attribute values) never count."""
    plain = "".join(char for _, char, depth in _outside(selector) if depth == 0 and char not in "()[]")
    return {re.sub(r"\\(.)", r"\1", name) for name in CLASS.findall(plain)}


def _matches_some(selector: str, used: set[str]) -> bool:
    return all(name in used or name.startswith(BUILT_PREFIXES) for name in required_classes(selector))


def purge(rules: list[Rule], used: set[str]) -> list[Rule]:
    """The rules that can match a page with the classes in `used`; emptied groups go too."""
    kept = []
    for rule in rules:
        if rule.children is not None:
            children = purge(rule.children, used)
            if children:
                kept.append(Rule(rule.prelude, children=children))
        elif rule.body is None or rule.prelude.startswith("@"):
            if not (rule.prelude.lower().startswith("@font-face") and ICON_FONT in (rule.body or "")):
                kept.append(rule)
        else:
            selectors = [s for s in split(rule.prelude, ",") if _matches_some(s, used)]
            if selectors:
                kept.append(Rule(",".join(selectors), body=rule.body))
    return kept


def _glyph(value: str) -> int | None:
    """The code point of a CSS string value that is one private-use character (an icon-font glyph)."""
    value = value.strip()
    if len(value) < 3 or value[0] not in "\"'" or value[-1] != value[0]:
        return None
    text = re.sub(r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(int(m.group(1), 16)), value[1:-1])
    return ord(text) if len(text) == 1 and 0xE000 <= ord(text) <= 0xF8FF else None


def _icon_declarations(body: str, outlines: dict[int, tuple[int, int, str]]) -> str:
    declarations, masked = [], False
    for declaration in split(body, ";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        if name == "font" and "var(--fa-font" in value or name == "font-family" and ICON_FONT in value:
            masked = True
            continue
        code = _glyph(value) if name == "content" or name.startswith("--") else None
        if code is not None and code in outlines:
            url = mask_url(*outlines[code])
            declarations += [f"{name}:{url}"] if name.startswith("--") else ['content:""', f"--leren-icoon:{url}"]
            continue
        icon = ICON_VARIABLE.match(declaration.replace(" ", ""))
        if icon:
            declarations += ['content:""', f"--leren-icoon:{icon.group(1)}"]
            continue
        declarations.append(declaration)
    # Only where a character was drawn: `.fa-solid{font-family:...}` itself styles the theme's <i> icons,
    # which leren.sphinx.icons draws.
    if masked and any(d.startswith('content:""') for d in declarations):
        declarations.insert(0, MASK)
    return ";".join(declarations)


def draw_icons(rules: list[Rule], outlines: dict[int, tuple[int, int, str]]) -> list[Rule]:
    """The rules with every icon-font character as an SVG mask instead."""
    out = []
    for rule in rules:
        if rule.children is not None:
            out.append(Rule(rule.prelude, children=draw_icons(rule.children, outlines)))
        elif rule.body is not None and not rule.prelude.startswith("@"):
            body = _icon_declarations(rule.body, outlines)
            if body:
                out.append(Rule(rule.prelude, body=body))
        else:
            out.append(rule)
    return out


def trim(css: str, used: set[str], outlines: dict[int, tuple[int, int, str]]) -> str:
    return serialize(draw_icons(purge(parse(css), used), outlines))


def classes_in_page(text: str) -> set[str]:
    found = set()
    for double, single in CLASS_ATTRIBUTE.findall(text):
        found.update(html.unescape(double or single).split())
    return found


def used_classes(outdir: Path) -> set[str]:
    """Every class of every built page, and every word of every script the site ships."""
    used = set(ADDED_LATER)
    for page in sorted(outdir.rglob("*.html")):
        used |= classes_in_page(page.read_text(encoding="utf-8", errors="replace"))
    for script in sorted((outdir / "_static").rglob("*.js")):
        if script.name in DATA_SCRIPTS:
            continue
        used.update(WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
    return used


def trimmed_files(static: Path) -> list[Path]:
    return sorted({path for pattern in TRIMMED for path in static.glob(pattern) if path.is_file()})


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or app.config.html_theme != "sphinx_book_theme":
        return
    outdir = Path(app.outdir)
    # First: a removed script's words must not keep rules alive.
    for name in UNUSED:
        path = outdir / "_static" / name
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    used = used_classes(outdir)
    outlines = glyphs(fontawesome_script().read_text(encoding="utf-8"))
    for path in trimmed_files(outdir / "_static"):
        css = path.read_text(encoding="utf-8")
        result = trim(css, used, outlines)
        if result != css:
            path.write_text(result, encoding="utf-8")


def setup(app: Sphinx) -> None:
    # After sphinx-exercise and myst-nb have copied their stylesheets (default priority).
    app.connect("build-finished", _finish, priority=800)

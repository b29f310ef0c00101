"""Search result summaries that work without a web server.

Sphinx's search page fetches every result page to show a summary under the link. Opened straight from a
folder (file://), the browser blocks those requests, so the offline bundle would show links without
summaries and log an error per result. Instead, the build writes the plain text of every page once, into a
script (`_static/zoekteksten.js`) that only the search page loads, and `zoeksamenvatting.js` makes the
summaries from it. Sphinx's own fetching is switched off (`html_show_search_summary = False`), so the
search page behaves the same over http:// and file://.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from sphinx.application import Sphinx

SCRIPT = "zoekteksten.js"
# Elements whose text is no part of a summary: permalinks, scripts, styles and forms (self-checks, finder).
SKIP_TAGS = {"script", "style", "form", "button", "select", "svg"}
SKIP_CLASSES = {"headerlink", "toctree-wrapper", "leren-alleen-scherm"}


class _TextOf(HTMLParser):
    """Collects the visible text of a page's article, leaving out what a summary should not quote."""

    VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area", "base", "embed"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._stack: list[tuple[bool, bool]] = []  # per open element: (inside main, skipped)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        inside, skipped = self._stack[-1] if self._stack else (False, False)
        classes = set((attrs.get("class") or "").split())
        inside = inside or "bd-article" in classes
        skipped = skipped or tag in SKIP_TAGS or bool(classes & SKIP_CLASSES)
        self._stack.append((inside, skipped))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if self._stack and self._stack[-1] == (True, False):
            self.parts.append(data)

    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def page_text(html: str) -> str:
    """The plain text of a built page's article (the theme's `bd-article`), without navigation."""
    parser = _TextOf()
    parser.feed(html)
    parser.close()
    return parser.text()


def _search_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    # Only the search page loads the texts and the script that makes the summaries from them.
    if pagename == "search" and app.builder.format == "html":
        app.add_js_file(SCRIPT)
        app.add_js_file("zoeksamenvatting.js")


def _write(app: Sphinx) -> list:
    """Runs when every page is written (also after an incremental build) and before the search page, so
    the search page links the final file. The same site gives the same file."""
    if app.builder.format != "html":
        return []
    outdir = Path(app.outdir)
    texts = {}
    for name in sorted(app.env.found_docs):
        page = outdir / app.builder.get_target_uri(name)
        if page.suffix == ".html" and page.is_file():
            texts[name] = page_text(page.read_text(encoding="utf-8"))
    payload = json.dumps(texts, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # "</" never ends a script early; U+2028/9 are line ends in old JavaScript parsers.
    payload = payload.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    out = outdir / "_static" / SCRIPT
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(f"window.LEREN_ZOEKTEKSTEN={payload};\n", encoding="utf-8")
    return []


def _no_fetching(app: Sphinx, config) -> None:
    config.html_show_search_summary = False


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _no_fetching)
    app.connect("html-page-context", _search_page)
    app.connect("html-collect-pages", _write)

"""A light first visit (issue 18): what every page loads, checked on the built HTML."""

from __future__ import annotations

import re
from pathlib import Path

from leren.sphinx import icons

SCRIPT = re.compile(r'<script[^>]*\ssrc="([^"]+)"')


def scripts(page_html: str) -> list[str]:
    return [src.split("?")[0].rsplit("/", 1)[-1] for src in SCRIPT.findall(page_html)]


def test_search_index_loads_only_on_the_search_page(book):
    pages = sorted(book.html.rglob("*.html"))
    loading = [p.relative_to(book.html).as_posix() for p in pages
               if "searchindex.js" in scripts(p.read_text(encoding="utf-8"))]
    assert loading == ["search.html"]
    assert "searchtools.js" not in scripts(book.page("book/intro"))



def test_no_page_loads_the_font_awesome_script(book):
    loading = [p.relative_to(book.html).as_posix() for p in sorted(book.html.rglob("*.html"))
               if "fontawesome.js" in scripts(p.read_text(encoding="utf-8"))]
    assert loading == []
    assert "_static/iconen.css" in book.page("book/intro")


def test_every_icon_on_the_site_is_drawn_by_the_stylesheet(book):
    used = set()
    for page in book.html.rglob("*.html"):
        for classes in re.findall(r'class="([^"]*\bfa-solid\b[^"]*)"', page.read_text(encoding="utf-8")):
            used |= {c.removeprefix("fa-") for c in classes.split() if c.startswith("fa-")}
    used -= {"solid", "lg"}
    assert used and used <= set(icons.ICONS), used - set(icons.ICONS)


def test_icon_stylesheet_matches_the_theme():
    script = icons.FONTAWESOME.read_text(encoding="utf-8")
    assert icons.STYLESHEET.read_text(encoding="utf-8") == icons.stylesheet(script), \
        "static/iconen.css is verouderd; maak hem opnieuw met: python -m leren.sphinx.icons"


def test_macro_copy_is_the_theme_file_without_the_script():
    theme = (icons.THEME_STATIC / "webpack-macros.html").read_text(encoding="utf-8")
    ours = (Path(icons.__file__).parent / "templates" / "static" / "webpack-macros.html").read_text(encoding="utf-8")
    body = [line for line in theme.split("\n")[4:]
            if "fontawesome.js" not in line and "custom icons" not in line]
    assert ours.split("\n")[3:] == body

"""Site-wide output of leren.sphinx.a11y, .i18n and .site, checked in the built HTML (no browser)."""

from __future__ import annotations

import html
import re

from leren.sphinx.site import page_description
from leren.text import shorten

# Interface strings the theme and Sphinx leave in English; the extension translates or replaces them.
ENGLISH_UI = [
    "Link to this heading", "Link to this image", "Link to this table", "Link to this term",
    "Skip to main content", "Back to top", "Color mode", "System Settings", "Toggle primary sidebar",
    "Toggle secondary sidebar", "On this page", "previous page", "next page", "Site navigation",
    "Version warning", 'aria-label="Main"', 'aria-label="Page"', "Please activate JavaScript",
    "© Copyright",
]
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]+)"')


def pages(book):
    return sorted(book.html.rglob("*.html"))


def test_no_english_interface_strings(book):
    found = {}
    for path in pages(book):
        text = path.read_text(encoding="utf-8")
        hits = [s for s in ENGLISH_UI if s in text]
        if hits:
            found[path.relative_to(book.html).as_posix()] = hits
    assert found == {}


def test_every_page_has_a_description(book):
    missing = [p.relative_to(book.html).as_posix() for p in pages(book)
               if not DESCRIPTION.search(p.read_text(encoding="utf-8"))]
    assert missing == []


def test_content_pages_describe_themselves(book):
    descriptions = {}
    for name in ["book/intro", "book/principes/ervaringsleren", "book/werkvormen/index", "book/inleiding"]:
        descriptions[name] = html.unescape(DESCRIPTION.search(book.page(name)).group(1))
        assert 60 <= len(descriptions[name]) <= 160, descriptions[name]
    assert len(set(descriptions.values())) == len(descriptions)


def test_favicon_and_robots(book):
    assert 'rel="icon" href="../_static/favicon.svg"' in book.page("book/intro")
    assert (book.html / "_static" / "favicon.svg").is_file()
    assert (book.html / "robots.txt").read_text(encoding="utf-8").startswith("User-agent: *")


def test_no_theme_macro_files_in_the_output(book):
    assert list((book.html / "_static").glob("*.html")) == []


def test_citations_are_list_items(book):
    page = book.page("book/naslag/bronnen")
    assert 'role="doc-biblioentry"' not in page
    if 'class="citation-list"' in page:
        assert 'role="listitem"' in page


def test_sidebar_toggles_have_a_name(book):
    page = book.page("book/intro")
    summaries = re.findall(r"<summary>(.*?)</summary>", page, flags=re.S)
    assert summaries
    for summary in summaries:
        assert re.sub(r"<[^>]+>", "", summary).strip(), summary


def test_colour_mode_has_a_default(book):
    assert 'data-theme="auto"' in book.page("book/intro")


def test_shorten_cuts_at_a_word_boundary():
    assert shorten(" kort  en\nklaar ", 160) == "kort en klaar"
    long = " ".join(f"woord{i}" for i in range(40))
    short = shorten(long, 160)
    assert len(short) <= 160 and short.endswith("…")
    assert long.startswith(short[:-1]) and long[len(short) - 1] == " "


def test_page_description_skips_admonitions_and_short_lines():
    from docutils.core import publish_doctree

    doctree = publish_doctree(
        "Kort.\n\n.. note::\n\n   Een lange notitie die geen beschrijving van de pagina hoort te zijn, "
        "want ze staat in een kader.\n\nDit is de eerste echte alinea van de pagina, lang genoeg om haar "
        "te beschrijven.\n")
    assert page_description(doctree).startswith("Dit is de eerste echte alinea")
    assert page_description(None) == ""


def test_stylesheets_have_balanced_braces():
    from pathlib import Path

    static = Path(__file__).resolve().parent.parent / "src" / "leren" / "sphinx" / "static"
    for sheet in static.glob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        assert text.count("{") == text.count("}"), sheet.name

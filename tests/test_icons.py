"""The theme's icons come from a small stylesheet, not from Font Awesome's 1.5 MB script."""

import re

from leren.sphinx.icons import ICONS, fontawesome_script, outlines, stylesheet


def test_every_icon_has_an_outline_in_the_themes_font_awesome():
    found = outlines(fontawesome_script().read_text(encoding="utf-8"))
    assert set(found) == set(ICONS)
    for width, height, path in found.values():
        assert width > 0 and height > 0 and path.startswith("M")


def test_stylesheet_is_small_and_draws_in_the_text_colour():
    css = stylesheet(outlines(fontawesome_script().read_text(encoding="utf-8")))
    assert len(css.encode()) < 10_000
    assert "currentColor" in css and "forced-colors" in css
    assert css.count("--leren-icoon:url(") == len(ICONS)


def test_built_pages_use_only_icons_that_the_stylesheet_draws(book):
    used = set()
    for page in book.html.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fontawesome.js" not in text, page
        used |= set(re.findall(r'class="[^"]*\bfa-solid fa-([a-z0-9-]+)', text))
    assert used and used <= set(ICONS)
    assert (book.html / "_static" / "iconen.css").is_file()


def test_search_index_loads_only_on_the_search_page(book):
    assert "searchindex.js" in book.page("search")
    assert "searchindex.js" not in book.page("book/intro")
    assert 'defer="defer" src="../../_static/doctools.js' in book.page("book/principes/ervaringsleren")

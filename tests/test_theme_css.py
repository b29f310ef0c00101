"""The third-party stylesheets trimmed to what the site uses (leren.sphinx.themecss), and the theme's
icon characters drawn without the icon font."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leren.sphinx import themecss
from leren.sphinx.icons import fontawesome_script, glyphs
from leren.sphinx.themecss import parse, purge, required_classes, serialize, trim

THEME_CSS = fontawesome_script().parent.parent / "styles" / "pydata-sphinx-theme.css"


@pytest.fixture(scope="module")
def outlines():
    return glyphs(fontawesome_script().read_text(encoding="utf-8"))


def test_parse_and_serialize_keep_every_rule():
    css = ('@charset "UTF-8";/*! licence */.a{color:red}@media (min-width:960px){.b,.c{margin:0}}'
           '@font-face{font-family:X;src:url(x.woff2)}@keyframes spin{0%{opacity:0}to{opacity:1}}'
           '.d:before{content:"a;b}"}')
    assert serialize(parse(css)) == css.replace("*/", "*/\n")


def test_classes_inside_brackets_are_not_required():
    assert required_classes(".a .b>.c:hover") == {"a", "b", "c"}
    assert required_classes(".a:not(.b) .c:is(.d,.e)") == {"a", "c"}
    assert required_classes('a[class*=".x"]') == set()
    assert required_classes(r".col-1\.5") == {"col-1.5"}
    assert required_classes("html[data-theme=dark] body") == set()


def test_purge_drops_what_cannot_match_and_keeps_the_rest():
    css = (".used{color:red}.unused{color:blue}.used,.unused{margin:0}.used .unused{padding:0}"
           ":root{--x:1}html[data-theme=dark]{--x:2}.used:not(.unused){top:0}"
           "@media (max-width:10px){.unused{color:red}}@media print{.used{color:red}}"
           ".bs-tooltip-auto{left:0}")
    out = serialize(purge(parse(css), {"used"}))
    assert out == (".used{color:red}.used{margin:0}:root{--x:1}html[data-theme=dark]{--x:2}"
                   ".used:not(.unused){top:0}@media print{.used{color:red}}.bs-tooltip-auto{left:0}")


def test_the_icon_fonts_face_goes_and_other_fonts_stay():
    css = ("@font-face{font-family:Font Awesome\\ 6 Free;src:url(fa.woff2)}"
           "@font-face{font-family:Eigen;src:url(eigen.woff2)}")
    assert serialize(purge(parse(css), set())) == "@font-face{font-family:Eigen;src:url(eigen.woff2)}"


def test_icon_characters_become_masks_in_the_text_colour(outlines):
    css = (':root{--pst-icon-bell:"\\f0f3";--ander:"x"}'
           '.t:after{color:red;content:var(--pst-icon-bell);font:var(--fa-font-solid);width:1rem}'
           '.t.note:after{content:var(--pst-icon-admonition-note)}'
           '.o:after{content:"\\f107";font-family:Font Awesome\\ 6 Free;font-weight:900}')
    out = trim(css, {"t", "note", "o"}, outlines)
    assert "Font Awesome" not in out and "fa-font" not in out
    assert '--pst-icon-bell:url("data:image/svg+xml,' in out and '--ander:"x"' in out
    rule = re.search(r"\.t:after\{([^}]*)\}", out).group(1)
    assert rule.startswith(themecss.MASK) and rule.endswith("width:1rem")  # the rule's own size wins
    assert 'content:"";--leren-icoon:var(--pst-icon-bell)' in rule and "color:red" in rule
    assert '.t.note:after{content:"";--leren-icoon:var(--pst-icon-admonition-note)}' in out
    assert re.search(r'\.o:after\{display:inline-block[^}]*content:"";--leren-icoon:url\("data:', out)


def test_trimming_the_theme_is_deterministic_idempotent_and_small(outlines):
    css = THEME_CSS.read_text(encoding="utf-8")
    used = {"bd-header", "admonition", "admonition-title", "note", "navbar", "fa-solid", "fa-bars"}
    first = trim(css, used, outlines)
    assert trim(css, used, outlines) == first
    assert trim(first, used, outlines) == first
    assert len(first) < len(css) / 3
    assert ".bd-header" in first and ".admonition" in first and ".carousel" not in first
    assert "Bootstrap" in first and "Font Awesome Free" in first  # the licence comments stay
    assert "webfonts/fa-" not in first


def test_the_pdf_download_link_keeps_its_style():
    from leren.pdfbook.downloads import add_link

    assert add_link.__module__ == "leren.pdfbook.downloads"
    source = Path(add_link.__code__.co_filename).read_text(encoding="utf-8")
    classes = set(re.search(r'<a class="([^"]+)"', source).group(1).split())
    assert classes <= themecss.ADDED_LATER


# The built site.

def built_css(book) -> dict[str, str]:
    return {p.relative_to(book.html / "_static").as_posix(): p.read_text(encoding="utf-8")
            for p in themecss.trimmed_files(book.html / "_static")}


def test_built_theme_css_is_trimmed_and_draws_no_icon_font(book):
    files = built_css(book)
    assert "styles/pydata-sphinx-theme.css" in files and "sphinx-design.min.css" in files
    assert len(files["styles/pydata-sphinx-theme.css"]) < 200_000  # 397 KB untrimmed
    for path in (book.html / "_static").rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert "webfonts/fa-" not in text, path
        assert not re.search(r"content:\s*var\(--pst-(icon|breadcrumb)", text), path


def test_classes_on_the_pages_keep_their_rules(book):
    """Every selector of the untrimmed theme whose classes all occur on a built page is still there."""
    original = parse(THEME_CSS.read_text(encoding="utf-8"))
    trimmed = built_css(book)["styles/pydata-sphinx-theme.css"]
    on_pages = set()
    for page in book.html.rglob("*.html"):
        on_pages |= themecss.classes_in_page(page.read_text(encoding="utf-8"))
    expected = {
        selector
        for rule in original for inner in (rule.children or [rule])
        if inner.body is not None and not inner.prelude.startswith("@")
        for selector in themecss.split(inner.prelude, ",")
        if required_classes(selector) and required_classes(selector) <= on_pages
    }
    assert len(expected) > 200
    missing = [s for s in expected if s not in trimmed]
    assert missing == []
    for name in ("admonition", "bd-sidebar-primary", "prev-next-area", "toctree-l1"):
        assert name in on_pages and f".{name}" in trimmed


def test_built_files_are_the_trim_of_the_originals(book, outlines):
    """Deterministic: trimming the theme's own files with the site's classes gives the built bytes."""
    import sphinx_design

    used = themecss.used_classes(book.html)
    originals = {"styles/pydata-sphinx-theme.css": THEME_CSS,
                 "sphinx-design.min.css": Path(sphinx_design.__file__).parent / "static" / "sphinx-design.min.css"}
    built = built_css(book)
    for name, original in originals.items():
        assert trim(original.read_text(encoding="utf-8"), used, outlines) == built[name], name


def test_files_no_page_loads_leave_the_output(book):
    static = book.html / "_static"
    assert [name for name in themecss.UNUSED if (static / name).exists()] == []
    for page in (book.page("book/intro"), book.page("search")):
        assert not any(name in page for name in themecss.UNUSED)

"""Each page loads only the scripts and stylesheets of the components it shows (leren.sphinx.assets), and
the theme's head preloads nothing and imports nothing."""

from __future__ import annotations

import re
import textwrap

import pytest

from leren.sphinx.assets import SCRIPTS, selector_classes
from sphinx_support import build_mini

ASSET = re.compile(r'(?:href|src)="[^"]*?_static/([^"?]+)')
OPTIONAL = ("clipboard.min.js", "copybutton.js", "copybutton.css", "togglebutton.js", "togglebutton.css",
            "design-tabs.js", "sphinx-design.min.css", "pygments.css", "exercise.css", "mystnb")


def assets(html: str) -> set[str]:
    head = html[: html.find("</head>")] + "".join(re.findall(r"<script[^>]*></script>", html))
    return {name.rsplit("/", 1)[-1] if "mystnb" not in name else "mystnb" for name in ASSET.findall(head)}


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    pages = {
        "index": "# Tekst\n\nAlleen tekst, geen onderdelen.\n",
        "code": "# Code\n\n```python\nprint('hallo')\n```\n",
        "tabs": textwrap.dedent("""\
            # Tabs

            ::::{tab-set}
            :::{tab-item} Een
            Paneel een.
            :::
            :::{tab-item} Twee
            Paneel twee.
            :::
            ::::
            """),
        "uitklap": "# Uitklappen\n\n:::{admonition} Titel\n:class: dropdown\nInhoud.\n:::\n",
        "kaart": "# Kaart\n\n:::{card} Kaarttitel\nKaarttekst.\n:::\n",
        "opgave": "# Opgave\n\n:::{exercise}\n:label: oef-a\nDoe iets.\n:::\n",
    }
    out, warnings = build_mini(tmp_path_factory.mktemp("assets"), pages,
                               extensions=["myst_nb", "sphinx_design", "sphinx_togglebutton", "sphinx_copybutton",
                                           "sphinx_exercise", "leren.sphinx"],
                               html_theme="sphinx_book_theme", html_title="Proef",
                               myst_enable_extensions=["colon_fence"])
    assert "WARNING" not in warnings, warnings
    return {name: assets((out / f"{name}.html").read_text(encoding="utf-8")) for name in pages}


def test_a_page_of_plain_text_loads_no_component(mini):
    assert mini["index"] & set(OPTIONAL) == set()
    assert {"pydata-sphinx-theme.css", "leren.css", "print.css", "pydata-sphinx-theme.js"} <= mini["index"]


@pytest.mark.parametrize(("page", "needs"), [
    ("code", {"clipboard.min.js", "copybutton.js", "copybutton.css", "pygments.css"}),
    ("tabs", {"design-tabs.js", "sphinx-design.min.css"}),
    ("uitklap", {"togglebutton.js", "togglebutton.css"}),
    ("kaart", {"sphinx-design.min.css"}),
    ("opgave", {"exercise.css"}),
])
def test_a_page_loads_the_components_it_shows_and_no_others(mini, page, needs):
    assert mini[page] & set(OPTIONAL) == needs


def test_the_head_preloads_nothing_and_links_basic_css_directly(mini, tmp_path):
    for found in mini.values():
        assert "basic.css" in found and "theme.css" not in found and "fontawesome.js" not in found


def test_selector_classes_ignore_rules_without_classes():
    css = ":root{--x:1}.a .b{color:red}div{margin:0}.c:not(.d),.e{top:0}@media print{.f{left:0}}"
    assert selector_classes(css) == [frozenset({"a", "b"}), frozenset({"c"}), frozenset({"e"}),
                                     frozenset({"f"})]


# The built book: a component's files only where the page shows it, and always where it does.

def article(page: str) -> str:
    return page[page.find("<article"): page.find("</article>")]


def test_book_pages_load_a_components_script_exactly_where_it_is_used(book):
    seen = {name: 0 for name in SCRIPTS}
    for path in book.html.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        if "<article" not in page or path.name in ("search.html", "genindex.html"):
            continue
        classes = {c for value in re.findall(r'class="([^"]*)"', article(page)) for c in value.split()}
        loaded = assets(page)
        for name, (files, needs) in SCRIPTS.items():
            used = bool(classes & needs)
            seen[name] += used
            for file in files:
                assert (file in loaded) == used, (path, file)
    # Copy buttons and toggles occur in the book, so the check has teeth (the book has no tabs today).
    assert seen["copybutton"] and seen["togglebutton"], seen


def test_book_principle_page_loads_less_than_before(book):
    loaded = assets(book.page("book/principes/ervaringsleren"))
    assert not {"copybutton.js", "clipboard.min.js", "design-tabs.js", "sphinx-design.min.css", "mystnb",
                "planner.css"} & loaded
    assert {"werkblad-invullen.js", "werkblad-invullen.css", "exercise.css"} <= loaded

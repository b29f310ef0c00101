"""Sphinx extension: shows the data of the `leren` package on the book's pages through directives.

One module per component, each with a `setup(app)` that registers its directives. The CSS lives beside
them in `static/`.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from leren.sphinx import printing

from leren.sphinx import (
    bibstyle,
    cases,
    editions,
    evidence,
    fillable,
    forces,
    formats,
    generated,
    glossary,
    notebooks,
    notes,
    package,
    paths,
    planner,
    principles,
    selfcheck,
    worksheet,
)
from leren.sphinx import a11y, assets, deferred, i18n, icons, markup, searchtexts, sidebars, site, themecss

STATIC = Path(__file__).parent / "static"
COMPONENTS = (
    principles, forces, cases, formats, generated, glossary, paths, selfcheck, worksheet, notebooks, editions, bibstyle,
    evidence, notes, package, planner, fillable,
)
# Site-wide quality: accessibility fixes, Dutch interface strings, meta data, reproducible output and
# valid HTML.
SITE_COMPONENTS = (a11y, i18n, site, searchtexts, markup, icons, sidebars, assets, deferred, themecss)


def _add_static_path(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict:
    # Where the data lives; empty means the package's own data (tests point it at fixtures).
    app.add_config_value("leren_data_dir", "", "env", types=[str])
    # Print stylesheet and offline guard (its page hook runs after every other component's).
    printing.setup(app)
    app.connect("builder-inited", _add_static_path)
    app.add_css_file("leren.css")
    for component in COMPONENTS + SITE_COMPONENTS:
        component.setup(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}

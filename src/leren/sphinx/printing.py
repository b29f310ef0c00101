"""Print and offline use: the print stylesheet on every page, and a guard that keeps every page free of
assets from other servers (CDN scripts, web fonts, MathJax), so the site works with the network off.

Any script or stylesheet with an absolute http(s) URL is removed from the page and reported as a
warning, which fails the strict build. MathJax is dropped without a warning: the book uses no math.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

EXTERNAL = ("http://", "https://", "//")


def _is_external(asset) -> bool:
    return str(getattr(asset, "filename", asset) or "").strip().lower().startswith(EXTERNAL)


def _is_mathjax(asset) -> bool:
    return "mathjax" in str(getattr(asset, "filename", asset) or "").lower()


def _keep_local(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if not isinstance(assets, list):
            continue
        kept = []
        for asset in assets:
            if _is_mathjax(asset):
                continue
            if _is_external(asset):
                logger.warning(
                    "%s: laadt '%s' van een andere server; de site moet ook zonder netwerk werken. "
                    "Zet het bestand in _static of laat het weg.",
                    pagename, asset.filename, type="leren", subtype="offline",
                )
                continue
            kept.append(asset)
        assets[:] = kept


def setup(app: Sphinx) -> None:
    # After the theme's and sphinx-design's styles, so equal selectors in print.css win.
    app.add_css_file("print.css", media="print", priority=900)
    app.add_js_file("print.js", priority=900)
    # After every other html-page-context handler (MathJax, myst-nb) has added its files.
    app.connect("html-page-context", _keep_local, priority=999)

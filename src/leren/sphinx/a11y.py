"""Accessibility fixes for what the theme and docutils produce (WCAG 2.1 AA, checked with axe-core in
tests/test_browser.py).

- Template overrides in `templates/`: the search button's name matches its visible text, the colour-mode
  switch has a Dutch name and decorative icons, the sidebar buttons and landmarks have Dutch names.
- Docutils marks a reference list `role="list"` but its entries `role="doc-biblioentry"` (deprecated, and
  not a list item): entries become `role="listitem"`.
- The sidebar's expand/collapse toggles (`<summary>` with only an icon) get a hidden Dutch name.
- The theme's colour mode starts from `default_mode`; empty, it logs a console error on every first visit.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

TEMPLATES = Path(__file__).parent / "templates"
BIBLIOENTRY = re.compile(r'(<div class="citation" id="[^"]*") role="doc-biblioentry">')
HIDDEN = "leren-sr-only"


def _templates(app: Sphinx, config: Config) -> None:
    # The overrides are written for sphinx-book-theme (on the PyData theme); other themes keep theirs.
    if config.html_theme == "sphinx_book_theme":
        config.templates_path = [str(TEMPLATES), *config.templates_path]


def _label_toggles(soup) -> None:
    """Give every icon-only `<summary>` in the sidebar a hidden name: "Onderdelen van <page>"."""
    for summary in soup.select("details > summary"):
        if summary.get_text(strip=True):
            continue
        item = summary.find_parent("li")
        link = item.find("a") if item is not None else None
        title = link.get_text(" ", strip=True) if link is not None else ""
        label = soup.new_tag("span", attrs={"class": HIDDEN})
        label.string = f"Onderdelen van {title}" if title else "Onderdelen"
        summary.insert(0, label)


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if not context.get("default_mode"):
        context["default_mode"] = "auto"
    if "body" in context:
        context["body"] = BIBLIOENTRY.sub(r'\1 role="listitem">', context["body"])
    generate = context.get("generate_toctree_html")
    if generate is not None and not getattr(generate, "leren_labelled", False):
        def labelled(kind: str, *args, **kwargs):
            result = generate(kind, *args, **kwargs)
            if kind == "sidebar" and not isinstance(result, str):
                _label_toggles(result)  # idempotent: the theme caches the soup per page
            return result

        labelled.leren_labelled = True
        context["generate_toctree_html"] = labelled


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _templates)
    # After the theme (priority 500) has put its toctree helpers into the context.
    app.connect("html-page-context", _page_context, priority=900)

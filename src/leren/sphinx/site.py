"""Site-wide output: a meta description on every page, the favicon, robots.txt, a proper Dutch redirect
page at the root, and reproducible output (the footer date from the last commit, no stray theme files)."""

from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.i18n import format_date

from leren.reproducible import commit_datetime
from leren.text import shorten

STATIC = Path(__file__).parent / "static"
FAVICON = STATIC / "favicon.svg"
DESCRIPTION_LENGTH = 160
# Text that does not describe a page: admonitions, tables, metadata blocks, figures, generated forms.
SKIP = (nodes.Admonition, nodes.table, nodes.field_list, nodes.figure, nodes.topic, nodes.sidebar,
        nodes.raw, nodes.citation, nodes.footnote)
# Theme files that Sphinx copies into _static but that are Jinja macros, not pages of the site.
STRAY = ("webpack-macros.html", "sbt-webpack-macros.html")
ROBOTS = "User-agent: *\nAllow: /\n"
REDIRECT = re.compile(r'^\s*<meta http-equiv="Refresh" content="0; url=([^"]+)" />\s*$', re.IGNORECASE)


def _site_description(srcdir: Path) -> str:
    """The `description` of the book's _config.yml (the one source of truth, also for the Sphinx route)."""
    config = Path(srcdir) / "_config.yml"
    if config.is_file():
        data = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
        return " ".join(str(data.get("description") or "").split())
    return ""


def _config(app: Sphinx, config: Config) -> None:
    # The footer's "Laatste aanpassing" date: that of the last commit rather than the clock, so two
    # builds of one commit are identical. SOURCE_DATE_EPOCH, when set, wins (Sphinx reads it itself).
    # html_context goes over the builder's own values.
    if config.html_last_updated_fmt is not None and "SOURCE_DATE_EPOCH" not in os.environ:
        moment = commit_datetime(app.srcdir)
        if moment is not None:
            date = format_date(config.html_last_updated_fmt or "%b %d, %Y", date=moment, language=config.language)
            config.html_context = {**config.html_context, "last_updated": date}
    if not config.html_favicon:
        config.html_favicon = str(FAVICON)
    if not config.leren_description:
        config.leren_description = _site_description(app.srcdir)


def page_description(doctree: nodes.document | None) -> str:
    """The first real paragraph of a page, shortened; empty when the page has none."""
    if doctree is None:
        return ""
    for para in doctree.findall(nodes.paragraph):
        parent, skip = para.parent, False
        while parent is not None:
            if isinstance(parent, SKIP):
                skip = True
                break
            parent = parent.parent
        text = " ".join(para.astext().split())
        if not skip and len(text) >= 60:
            return shorten(text, DESCRIPTION_LENGTH)
    return ""


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    metatags = context.get("metatags", "")
    if 'name="description"' in metatags:
        return
    text = page_description(doctree) or app.config.leren_description
    if text:
        context["metatags"] = f'{metatags}\n<meta name="description" content="{escape(text)}" />'


def _finish(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for name in STRAY:
        (out / "_static" / name).unlink(missing_ok=True)
    (out / "robots.txt").write_text(ROBOTS, encoding="utf-8")
    index = out / "index.html"
    if index.is_file():
        match = REDIRECT.match(index.read_text(encoding="utf-8"))
        if match:
            index.write_text(_redirect_page(app, match.group(1)), encoding="utf-8")


def _redirect_page(app: Sphinx, target: str) -> str:
    """The root page of the site: a Dutch page that forwards to the landing page (the bare redirect of
    sphinx-external-toc has no language, title or link)."""
    title = escape(app.config.html_title or app.config.project)
    description = escape(app.config.leren_description)
    href = escape(target)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f"<title>{title}</title>\n"
        f'<meta name="description" content="{description}" />\n'
        f'<meta http-equiv="refresh" content="0; url={href}" />\n'
        f'<link rel="icon" href="_static/{FAVICON.name}" />\n'
        "</head>\n<body>\n"
        f'<main><p>De kennisbank begint op <a href="{href}">de startpagina</a>.</p></main>\n'
        "</body>\n</html>\n"
    )


def setup(app: Sphinx) -> None:
    # The site's description for pages without a paragraph of their own; empty means the
    # `description` of _config.yml.
    app.add_config_value("leren_description", "", "html", types=[str])
    app.connect("config-inited", _config)
    app.connect("html-page-context", _page_context, priority=900)
    # After sphinx-external-toc has written its redirect (default priority 500).
    app.connect("build-finished", _finish, priority=900)

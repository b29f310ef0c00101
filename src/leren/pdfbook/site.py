"""Reading the built site: where a page lives, its title, its main content and its stylesheets."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from leren.paths import url

PARSER = "lxml"


def page_file(site: Path, docname: str) -> Path:
    return Path(site) / url(docname)


ARTICLE_START = '<article class="bd-article">'


def soup(site: Path, docname: str) -> BeautifulSoup:
    """A fresh parse of a whole built page (callers may change it)."""
    path = page_file(site, docname)
    return BeautifulSoup(path.read_text(encoding="utf-8"), PARSER)


def article(page: BeautifulSoup) -> Tag:
    """The page's main content: the theme's `<article class="bd-article">`."""
    found = page.select_one("article.bd-article")
    if found is None:
        raise ValueError("Deze pagina heeft geen hoofdinhoud (article.bd-article); is de site met Jupyter Book gebouwd?")
    return found


def article_of(site: Path, docname: str) -> Tag:
    """A fresh parse of only the page's main content (much faster than the whole page)."""
    text = page_file(site, docname).read_text(encoding="utf-8")
    start = text.find(ARTICLE_START)
    end = text.find("</article>", start)
    if start < 0 or end < 0:
        return article(BeautifulSoup(text, PARSER))
    return article(BeautifulSoup(text[start : end + len("</article>")], PARSER))


@cache
def _title(site: Path, docname: str, mtime: float) -> str:
    h1 = article_of(site, docname).find("h1")
    return heading_text(h1) if h1 is not None else docname.rsplit("/", 1)[-1]


def heading_text(heading: Tag) -> str:
    """The visible text of a heading, without the theme's '#' permalink."""
    parts = []
    for piece in heading.descendants:
        if isinstance(piece, str) and not any(
            "headerlink" in (parent.get("class") or []) for parent in piece.parents if isinstance(parent, Tag)
        ):
            parts.append(piece)
    return " ".join("".join(parts).split())


def title(site: Path, docname: str) -> str:
    """The page's title: the text of the first H1 of its main content."""
    path = page_file(site, docname)
    return _title(Path(site), docname, path.stat().st_mtime)


def stylesheets(site: Path, docname: str) -> list[tuple[str, str | None]]:
    """The page's stylesheets as (path from the site root, media) in page order."""
    page = soup(site, docname)
    base = posixpath.dirname(url(docname))
    sheets = []
    for link in page.find_all("link", rel="stylesheet"):
        href = link.get("href", "")
        if urlsplit(href).scheme:
            continue
        sheets.append((resolve(base, href), link.get("media")))
    return sheets


def resolve(base_dir: str, href: str) -> str:
    """A relative URL from a page in `base_dir`, as a path from the site root (query kept)."""
    parts = urlsplit(href)
    path = posixpath.normpath(posixpath.join(base_dir, parts.path)) if parts.path else ""
    if path == ".":
        path = ""
    return path + (f"?{parts.query}" if parts.query else "")

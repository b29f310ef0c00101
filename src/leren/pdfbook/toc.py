"""The book's order, read from the built site's own navigation.

Sphinx (with sphinx-external-toc and the pages made from data) writes the whole table of contents into the
navigation of every page; the root page's navigation is read here, so the book PDF follows exactly the
order, the part captions and the nesting a reader sees on the site, without a second reading of
`_toc.yml`. The result is a flat list of entries: part captions and pages, each with its depth in the tree
(the root page and the captions at depth 0, the pages of a part from depth 1).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

# The site's index.html forwards to the root page of the book.
FORWARD = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', re.IGNORECASE)
LEVEL = re.compile(r"^toctree-l(\d+)$")


@dataclass(frozen=True)
class Entry:
    """A part caption (docname is None) or a page of the book, with its depth (0 = top level)."""

    depth: int
    docname: str | None = None
    caption: str | None = None

    @property
    def is_part(self) -> bool:
        return self.docname is None


def root_docname(site: Path) -> str:
    """The page the site opens with (where index.html forwards to), as a docname."""
    index = Path(site) / "index.html"
    if not index.is_file():
        raise FileNotFoundError(f"In '{site}' staat geen gebouwde site; voer eerst 'make html' uit.")
    forward = FORWARD.search(index.read_text(encoding="utf-8"))
    return forward.group(1).removesuffix(".html") if forward else "index"


def read_toc(site: Path) -> list[Entry]:
    """The entries of the built `site`'s navigation in reading order, the root page first."""
    root = root_docname(site)
    page = Path(site) / f"{root}.html"
    nav = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("nav.bd-docs-nav")
    if nav is None:
        raise ValueError(f"{page} heeft geen navigatie; is de site met het thema van het boek gebouwd?")
    entries: list[Entry] = [Entry(depth=0, docname=root)]
    in_part = False
    for node in nav.select("p.caption, li[class]"):
        if node.name == "p":
            entries.append(Entry(depth=0, caption=node.get_text(" ", strip=True)))
            in_part = True
            continue
        level = next((int(m.group(1)) for c in node["class"] if (m := LEVEL.match(c))), None)
        link = node.find("a", href=True, recursive=False)
        if level is None or link is None:
            continue
        docname = _docname(root, link["href"])
        if docname == root:
            continue
        entries.append(Entry(depth=level if in_part else level - 1, docname=docname))
    return entries


def _docname(root: str, href: str) -> str:
    """The docname of a link on the root page (`principes/index.html` from `book/intro`)."""
    target = href.split("#", 1)[0]
    if not target:
        return root
    return posixpath.normpath(posixpath.join(posixpath.dirname(root), target)).removesuffix(".html")

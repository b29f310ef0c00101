"""The book's order, read from `_toc.yml` the way sphinx-external-toc reads it.

The result is a flat list of entries: part captions and pages, each with its depth in the tree. Globs
expand to the built pages they match, sorted, without the page that holds them and without pages an
earlier glob took, exactly as the site's navigation lists them; the glob of pages made from data
(`book/werkvormen/*`, leren.derived) keeps the data's order (werkvormen by name), as on the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from sphinx.util.matching import patfilter

from leren.catalog import load
from leren.derived import page_order

# Pages Sphinx writes that are not documents of the book.
SPECIAL = {"genindex", "search", "index", "py-modindex"}


@dataclass(frozen=True)
class Entry:
    """A part caption (docname is None) or a page of the book, with its depth (0 = top level)."""

    depth: int
    docname: str | None = None
    caption: str | None = None

    @property
    def is_part(self) -> bool:
        return self.docname is None


def built_docnames(site: Path) -> set[str]:
    """Every document of the built site, as docnames (`book/principes/ervaringsleren`)."""
    names = set()
    for path in site.rglob("*.html"):
        rel = path.relative_to(site)
        if rel.parts[0].startswith("_"):
            continue
        name = rel.with_suffix("").as_posix()
        if name not in SPECIAL:
            names.add(name)
    return names


def read_toc(toc_file: Path, site: Path) -> list[Entry]:
    """The entries of `toc_file` in reading order; only pages that exist in the built `site`."""
    toc = yaml.safe_load(Path(toc_file).read_text(encoding="utf-8"))
    available = built_docnames(site)
    unglobbed = set(available)
    entries: list[Entry] = []
    made = {kind.glob(): docnames for kind, docnames in page_order(load()).items()}

    def page(docname: str, depth: int) -> None:
        docname = _strip_suffix(docname)
        if docname in available:
            entries.append(Entry(depth=depth, docname=docname))

    def walk(items: list | None, depth: int, parent: str) -> None:
        for item in items or []:
            if "file" in item:
                page(item["file"], depth)
                children = _subtrees(item)
                for subtree in children:
                    walk(subtree, depth + 1, _strip_suffix(item["file"]))
            elif "glob" in item:
                pool = sorted(unglobbed - {parent})
                matched = sorted(patfilter(pool, item["glob"]))
                if item["glob"] in made:  # pages made from data: in the site's order (werkvormen by name)
                    matched = [d for d in made[item["glob"]] if d in matched]
                for docname in matched:
                    unglobbed.discard(docname)
                    entries.append(Entry(depth=depth, docname=docname))

    page(toc["root"], 0)
    root = _strip_suffix(toc["root"])
    if "parts" in toc:
        for part in toc["parts"]:
            if part.get("caption"):
                entries.append(Entry(depth=0, caption=part["caption"]))
            walk(part.get("chapters"), 1 if part.get("caption") else 0, root)
    else:
        for subtree in _subtrees(toc):
            walk(subtree, 0, root)
    return entries


def _subtrees(item: dict) -> list[list]:
    """The child lists of a toc item: `sections`, `chapters`, or the `entries` of each subtree."""
    if "sections" in item:
        return [item["sections"]]
    if "chapters" in item:
        return [item["chapters"]]
    return [sub.get("entries", []) for sub in item.get("subtrees", [])]


def _strip_suffix(name: str) -> str:
    for suffix in (".md", ".ipynb", ".rst"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name

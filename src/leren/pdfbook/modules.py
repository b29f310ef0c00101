"""Which pages get a PDF of their own: the seven principles and the cases, as far as they are built."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leren import paths
from leren.catalog import Catalog, load
from leren.pdfbook.site import page_file


@dataclass(frozen=True)
class Module:
    """A page with its own PDF: `name` is the file name without '.pdf' (the principle or case id)."""

    name: str
    docname: str


def modules(site: Path, catalog: Catalog | None = None) -> list[Module]:
    """The principle pages in their order, then the case pages by chapter; only pages that exist."""
    cat = catalog or load()
    found = [Module(p.id, paths.principle(p.id)) for p in sorted(cat.principles.values(), key=lambda p: p.nummer)]
    found += [Module(c.id, paths.case(c.id)) for c in sorted(cat.cases.values(), key=lambda c: (c.hoofdstuk, c.id))]
    return [m for m in found if page_file(site, m.docname).is_file()]

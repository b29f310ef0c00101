"""The worksheet engine: one neutral document, four formats (PDF, DOCX, HTML, Markdown).

    doc = document.build(sheet, catalog, Personalisation(group="Team Noord"))
    data = render(doc, "pdf")

Each format lives in its own module with a `render(doc) -> bytes`; `output.write_atomic` puts the
bytes on disk without ever leaving a half-written file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import import_module

from leren.catalog import Catalog
from leren.model import Worksheet
from leren.worksheets.document import Document, build
from leren.worksheets.personalisation import Personalisation


@dataclass(frozen=True)
class Format:
    name: str  # the value of --formaat
    suffix: str
    module: str
    label: str  # for people


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("pdf", ".pdf", "leren.worksheets.pdf", "PDF"),
        Format("docx", ".docx", "leren.worksheets.docx", "Word (DOCX)"),
        Format("html", ".html", "leren.worksheets.html", "webpagina (HTML)"),
        Format("md", ".md", "leren.worksheets.markdown", "Markdown"),
    )
}


def render(doc: Document, fmt: str) -> bytes:
    """The document in format `fmt` (a key of FORMATS) as bytes."""
    return _renderer(fmt)(doc)


@functools.cache
def _renderer(fmt: str):
    return import_module(FORMATS[fmt].module).render


def render_sheet(sheet: Worksheet, catalog: Catalog, fmt: str,
                 personal: Personalisation | None = None) -> bytes:
    return render(build(sheet, catalog, personal), fmt)


__all__ = ["FORMATS", "Document", "Format", "Personalisation", "build", "render", "render_sheet"]

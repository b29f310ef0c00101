"""The worksheet engine: one neutral document, four formats (PDF, DOCX, HTML, Markdown).

    doc = document.build(sheet, catalog, Personalisation(group="Team Noord"))
    data = render(doc, "pdf")

Each format lives in its own module with a `render(doc) -> bytes`; `output.write_atomic` puts the
bytes on disk without ever leaving a half-written file.
"""

from __future__ import annotations

import functools
from importlib import import_module

from leren.catalog import Catalog
from leren.formats import FORMATS
from leren.model import Worksheet
from leren.worksheets.document import Document, build
from leren.worksheets.personalisation import Personalisation


# The renderer of each output format (see `leren.formats` for the formats themselves).
MODULES = {"pdf": "leren.worksheets.pdf", "docx": "leren.worksheets.docx", "html": "leren.worksheets.html",
           "md": "leren.worksheets.markdown"}


def render(doc: Document, fmt: str) -> bytes:
    """The document in format `fmt` (a key of `leren.formats.FORMATS`) as bytes."""
    return _renderer(fmt)(doc)


@functools.cache
def _renderer(fmt: str):
    return import_module(MODULES[FORMATS[fmt].name]).render


def render_sheet(sheet: Worksheet, catalog: Catalog, fmt: str,
                 personal: Personalisation | None = None) -> bytes:
    return render(build(sheet, catalog, personal), fmt)


__all__ = ["FORMATS", "Document", "Personalisation", "build", "render", "render_sheet"]

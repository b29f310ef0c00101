"""Worksheets as PDF with Typst: A4, tagged, PDF/UA-1 where the text allows it, reproducible.

The compiling itself (fonts, PDF/UA fallback, dates) is shared with the agenda in `leren.typstbase`.
"""

from __future__ import annotations

import functools
import json

from leren.reproducible import source_date_epoch
from leren.typstbase import compile_pdf, template
from leren.worksheets.document import Document

TEMPLATE = "werkblad.typ"


@functools.cache
def template_source() -> bytes:
    return template(TEMPLATE)


def inputs(doc: Document) -> dict[str, str]:
    epoch = source_date_epoch()
    return {
        "data": json.dumps(doc.as_data(), ensure_ascii=False),
        "dated": "ja" if epoch is not None else "nee",
    }


def render(doc: Document) -> bytes:
    """The worksheet as PDF bytes (see `leren.typstbase.compile_pdf` for the PDF/UA-1 fallback)."""
    return compile_pdf(template_source(), inputs(doc))

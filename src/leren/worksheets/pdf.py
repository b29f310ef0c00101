"""PDF with Typst: A4, tagged, PDF/UA-1 where the text allows it, reproducible.

All content goes to the template as JSON through `sys_inputs`; the template places it as strings, so
no input can become Typst markup. One compiler per thread is reused: Typst caches the parsed template
and the fonts between compilations.
"""

from __future__ import annotations

import json
import threading
from importlib import resources

import typst

from leren.worksheets.document import Document
from leren.worksheets.reproducible import source_date_epoch

TEMPLATE = "werkblad.typ"
STANDARD = "ua-1"
_local = threading.local()


def template_source() -> bytes:
    return resources.files("leren").joinpath("templates", TEMPLATE).read_bytes()


def compiler() -> typst.Compiler:
    """This thread's compiler: embedded fonts only, so the output does not depend on the machine."""
    if getattr(_local, "compiler", None) is None:
        _local.compiler = typst.Compiler(ignore_system_fonts=True)
        _local.template = template_source()
    return _local.compiler


def inputs(doc: Document) -> dict[str, str]:
    epoch = source_date_epoch()
    return {
        "data": json.dumps(doc.as_data(), ensure_ascii=False),
        "dated": "ja" if epoch is not None else "nee",
    }


def render(doc: Document) -> bytes:
    """The worksheet as PDF bytes.

    PDF/UA-1 demands that every character can be shown with a font. The embedded fonts have no emoji
    and no CJK, so text with such characters (only ever typed by a trainer) falls back to a tagged
    PDF without the PDF/UA-1 claim; the characters then show as empty boxes.
    """
    sys_inputs = inputs(doc)
    epoch = source_date_epoch()
    typst_compiler = compiler()
    options = {"input": _local.template, "sys_inputs": sys_inputs, "timestamp": epoch}
    try:
        return typst_compiler.compile(format="pdf", pdf_standards=[STANDARD], **options)
    except typst.TypstError as exc:
        if "PDF/UA" not in str(exc):
            raise
    return typst_compiler.compile(format="pdf", pdf_standards=[], pdf_tags=True, **options)

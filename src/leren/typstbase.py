"""The shared base of every Typst PDF (worksheets, agendas): one compiler per thread, one way to compile.

All content goes to a template as JSON through `sys_inputs`; templates place it as strings, so no input can
become Typst markup. The compiler uses only the fonts embedded in the `typst` package, so the output does
not depend on the machine, and it is reused: Typst caches parsed templates and fonts between compilations.
"""

from __future__ import annotations

import threading
from importlib import resources

import typst

from leren.reproducible import source_date_epoch

STANDARD = "ua-1"
_local = threading.local()


def template(name: str) -> bytes:
    """A template shipped in `leren/templates`."""
    return resources.files("leren").joinpath("templates", name).read_bytes()


def compiler() -> typst.Compiler:
    """This thread's compiler: embedded fonts only."""
    if getattr(_local, "compiler", None) is None:
        _local.compiler = typst.Compiler(ignore_system_fonts=True)
    return _local.compiler


def compile_pdf(source: bytes, sys_inputs: dict[str, str]) -> bytes:
    """A tagged A4 PDF, dated by SOURCE_DATE_EPOCH (undated without it), PDF/UA-1 where the text allows.

    PDF/UA-1 demands that every character can be shown with a font. The embedded fonts have no emoji
    and no CJK, so text with such characters (only ever typed by a trainer) falls back to a tagged
    PDF without the PDF/UA-1 claim; the characters then show as empty boxes.
    """
    options = {"input": source, "sys_inputs": sys_inputs, "timestamp": source_date_epoch()}
    try:
        return compiler().compile(format="pdf", pdf_standards=[STANDARD], **options)
    except typst.TypstError as exc:
        if "PDF/UA" not in str(exc):
            raise
    return compiler().compile(format="pdf", pdf_standards=[], pdf_tags=True, **options)

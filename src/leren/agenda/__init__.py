"""Render a computed session agenda (`leren.planner.Agenda`): Markdown, HTML, DOCX and PDF, and a bundle
of the agenda with the worksheet of every werkvorm in the session."""

from __future__ import annotations

import io
from importlib import import_module

from leren.catalog import Catalog, load
from leren.formats import FORMATS
from leren.paths import format_worksheet
from leren.planner import Agenda

# The renderer of each output format (see `leren.formats` for the formats themselves).
MODULES = {"pdf": "leren.agenda.pdf", "docx": "leren.agenda.docx", "html": "leren.agenda.html",
           "md": "leren.agenda.markdown"}


def render(agenda: Agenda, fmt: str) -> bytes:
    return import_module(MODULES[FORMATS[fmt].name]).render(agenda)


def to_markdown(agenda: Agenda) -> str:
    return render(agenda, "md").decode("utf-8")


def bundle(agenda: Agenda, catalog: Catalog | None = None) -> tuple[bytes, list[str]]:
    """One PDF: the agenda, then the worksheet of each werkvorm in the order of the programme
    (each werkvorm once). Returns the PDF and the ids of the worksheets in it."""
    from pypdf import PdfWriter

    from leren.worksheets import render_sheet

    catalog = catalog or load()
    writer = PdfWriter()
    writer.append(io.BytesIO(render(agenda, "pdf")), outline_item=f"Agenda: {agenda.titel}")
    sheets: list[str] = []
    for fmt in agenda.werkvormen:
        sheet_id = format_worksheet(fmt.id)
        if sheet_id in catalog.worksheets and sheet_id not in sheets:
            sheets.append(sheet_id)
            pdf = render_sheet(catalog.worksheets[sheet_id], catalog, "pdf")
            writer.append(io.BytesIO(pdf), outline_item=catalog.worksheets[sheet_id].titel)
    writer.add_metadata({"/Title": f"Agenda en werkbladen: {agenda.titel}"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), sheets


def show(agenda: Agenda):
    """Display the agenda in a notebook (as Markdown)."""
    from IPython.display import Markdown

    return Markdown(to_markdown(agenda))


__all__ = ["MODULES", "bundle", "render", "show", "to_markdown"]

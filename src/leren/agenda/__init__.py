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


def render(agenda: Agenda, fmt: str, draaiboek: bool = False) -> bytes:
    """The agenda (a handout for participants) or, with `draaiboek`, the trainer's running order."""
    module = import_module(MODULES[FORMATS[fmt].name])
    return module.render_draaiboek(agenda) if draaiboek else module.render(agenda)


def to_markdown(agenda: Agenda) -> str:
    return render(agenda, "md").decode("utf-8")


def bundle(agenda: Agenda, catalog: Catalog | None = None, draaiboek: bool = False) -> tuple[bytes, list[str]]:
    """One PDF: the agenda (or the draaiboek), then the worksheet of each werkvorm and werkblad block in the
    order of the programme (each once). Returns the PDF and the ids of the worksheets in it."""
    from pypdf import PdfWriter

    from leren.worksheets import render_sheet

    catalog = catalog or load()
    writer = PdfWriter()
    label = "Draaiboek" if draaiboek else "Agenda"
    writer.append(io.BytesIO(render(agenda, "pdf", draaiboek)), outline_item=f"{label}: {agenda.titel}")
    sheets: list[str] = []
    wanted = [b.werkblad.id if b.werkblad else format_worksheet(b.werkvorm.id) for b in agenda.blokken
              if b.werkblad or b.werkvorm]
    for sheet_id in wanted:
        if sheet_id in catalog.worksheets and sheet_id not in sheets:
            sheets.append(sheet_id)
            pdf = render_sheet(catalog.worksheets[sheet_id], catalog, "pdf")
            writer.append(io.BytesIO(pdf), outline_item=catalog.worksheets[sheet_id].titel)
    writer.add_metadata({"/Title": f"{label} en werkbladen: {agenda.titel}"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), sheets


def show(agenda: Agenda):
    """Display the agenda in a notebook (as Markdown)."""
    from IPython.display import Markdown

    return Markdown(to_markdown(agenda))


__all__ = ["MODULES", "bundle", "render", "show", "to_markdown"]

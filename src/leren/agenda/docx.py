"""The agenda as an editable Word file, on the same A4 base and styles as the worksheets."""

from __future__ import annotations

import io

from docx import Document as new_document

from leren.agenda.rows import details, rows, summary, when
from leren.planner import Agenda
from leren.worksheets import docx as base
from leren.worksheets.document import LICENCE, PUBLISHER
from leren.worksheets.reproducible import normalise_zip, source_datetime

WIDTHS = (0.18, 0.64, 0.18)


def render(agenda: Agenda) -> bytes:
    word = new_document(io.BytesIO(base._base()))
    props = word.core_properties
    props.title = f"Agenda: {agenda.titel}"
    props.author = props.last_modified_by = PUBLISHER
    props.category = "Agenda"
    props.language = base.LANGUAGE
    moment = source_datetime()
    if moment is not None:
        props.created = props.modified = moment
    footer = word.sections[0].footer.paragraphs[0]
    footer.add_run(f"Agenda: {agenda.titel}  ·  {PUBLISHER}  ·  {LICENCE}")
    base._styled(word, "Title", agenda.titel)
    base._styled(word, "Subtitle", when(agenda))
    for label, value in details(agenda):
        para = word.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(value)
    table = base._table(word, rows=len(agenda.blokken) + 1, widths=[int(base.TEXT_WIDTH * w) for w in WIDTHS],
                        caption="Programma")
    table.style = word.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ("Tijd", "Onderdeel", "Duur")):
        cell.paragraphs[0].add_run(text).bold = True
        base._shade(cell, base.HEADER_FILL)
    for row, r in zip(table.rows[1:], rows(agenda)):
        row.cells[0].paragraphs[0].add_run(r.time)
        title = row.cells[1].paragraphs[0]
        title.add_run(r.title).bold = True
        title.add_run(f" ({r.kind.lower()})" if r.kind != "Pauze" else "")
        if r.note:
            row.cells[1].add_paragraph(r.note)
        row.cells[2].paragraphs[0].add_run(r.minutes)
    word.add_paragraph(summary(agenda))
    out = io.BytesIO()
    word.save(out)
    return normalise_zip(out.getvalue())

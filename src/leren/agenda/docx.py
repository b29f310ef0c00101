"""The agenda as an editable Word file, on the same A4 base and styles as the worksheets."""

from __future__ import annotations

import io

from leren import docxbase as base
from leren.agenda.rows import details, rows, summary, when
from leren.planner import Agenda
from leren.reproducible import normalise_zip
from leren.worksheets.document import LICENCE, PUBLISHER

WIDTHS = (0.18, 0.64, 0.18)


def render(agenda: Agenda) -> bytes:
    word = base.new_word()
    base.set_properties(word, f"Agenda: {agenda.titel}", PUBLISHER, "Agenda")
    footer = word.sections[0].footer.paragraphs[0]
    footer.add_run(f"Agenda: {agenda.titel}  ·  {PUBLISHER}  ·  {LICENCE}")
    base.styled(word, "Title", agenda.titel)
    base.styled(word, "Subtitle", when(agenda))
    for label, value in details(agenda):
        para = word.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(value)
    table = base.table(word, rows=len(agenda.blokken) + 1, widths=[int(base.TEXT_WIDTH * w) for w in WIDTHS],
                       caption="Programma", description="Tijd, onderdeel en duur van elk blok")
    table.style = word.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ("Tijd", "Onderdeel", "Duur")):
        cell.paragraphs[0].add_run(text).bold = True
        base.shade(cell, base.HEADER_FILL)
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

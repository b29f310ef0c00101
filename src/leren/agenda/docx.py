"""The agenda as an editable Word file, on the same A4 base and styles as the worksheets."""

from __future__ import annotations

import io

from leren import docxbase as base
from leren.agenda.rows import details, rows, summary, when
from leren.planner import Agenda
from leren.reproducible import normalise_zip
from leren.text import shorten
from leren.worksheets.document import LICENCE, PUBLISHER

WIDTHS = (0.18, 0.64, 0.18)


def render(agenda: Agenda) -> bytes:
    word = base.new_word()
    base.set_properties(word, shorten(f"Agenda: {agenda.titel}", 255), PUBLISHER, "Agenda")
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


def _grid(word, header: tuple[str, ...], rows: list[tuple[str, ...]], widths: tuple[float, ...], caption: str):
    table = base.table(word, rows=len(rows) + 1, widths=[int(base.TEXT_WIDTH * w) for w in widths], caption=caption,
                       description=caption)
    table.style = word.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, header):
        cell.paragraphs[0].add_run(text).bold = True
        base.shade(cell, base.HEADER_FILL)
    for row, values in zip(table.rows[1:], rows):
        for cell, text in zip(row.cells, values):
            cell.paragraphs[0].add_run(text)
    return table


def _labelled(word, label: str, text: str, style: str | None = None) -> None:
    para = base.styled(word, style) if style else word.add_paragraph()
    para.add_run(f"{label}: ").bold = True
    para.add_run(text)


def render_draaiboek(agenda: Agenda) -> bytes:
    from leren.agenda.draaiboek import build

    book = build(agenda)
    word = base.new_word()
    base.set_properties(word, shorten(f"Draaiboek: {book.title}", 255), PUBLISHER, "Draaiboek")
    word.sections[0].footer.paragraphs[0].add_run(f"Draaiboek: {book.title}  ·  {PUBLISHER}  ·  {LICENCE}")
    base.styled(word, "Title", f"Draaiboek: {book.title}")
    base.styled(word, "Subtitle", book.when)
    for label, value in [*book.details, ("Deelnemers", book.participants)]:
        _labelled(word, label, value)
    if book.scaled_note:
        word.add_paragraph(book.scaled_note)
    for b in book.blocks:
        base.styled(word, "Heading1", f"{b.time}  {b.title} ({b.minutes})")
        for label, text in (("Notitie", b.note), ("Tijd", b.change), ("Zo werk je", b.worksheet)):
            if text:
                _labelled(word, label, text)
        if b.invitation:
            _labelled(word, "Uitnodiging (lees voor)", f"\u201c{b.invitation}\u201d")
        for label, text in (("Groepsindeling", b.grouping), ("Deelname", b.participation), ("Veiligheid", b.safety)):
            if text:
                _labelled(word, label, text)
        if b.steps:
            rows = [(s.time, f"{s.number}. {s.what}", s.grouping,
                     f"{s.minutes}" + (f" (was {s.default})" if s.changed else "")) for s in b.steps]
            _grid(word, ("Tijd", "Stap", "Indeling", "Minuten"), rows, (0.16, 0.54, 0.18, 0.12),
                  f"Stappen van {b.title}")
        if b.debrief:
            base.styled(word, "Heading2", "Nabespreking")
            for question in b.debrief:
                base.styled(word, "ListBullet", question)
        if b.outside:
            base.styled(word, "Heading2", "Buiten de bijeenkomst")
            for moment_label, text in b.outside:
                _labelled(word, moment_label, text, "ListBullet")
        for warning in b.warnings:
            _labelled(word, "Let op", warning)
    base.styled(word, "Heading1", "Materialen")
    if book.materials:
        _grid(word, ("Wat", "Voor"), book.materials, (0.6, 0.4), "Wat je meeneemt")
    else:
        word.add_paragraph("Geen materialen nodig.")
    base.styled(word, "Heading1", "Deelnemers")
    word.add_paragraph(book.check_note)
    if book.checks:
        _grid(word, ("Blok", "Groepsgrootte", "Oordeel"), [(c.block, c.range, c.verdict) for c in book.checks],
              (0.45, 0.2, 0.35), "Groepsgrootte per werkvorm")
    word.add_paragraph(book.summary)
    out = io.BytesIO()
    word.save(out)
    return normalise_zip(out.getvalue())

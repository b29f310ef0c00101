"""DOCX with python-docx: A4, real Word styles, fill-in areas as editable tables, reproducible.

Structure: Title (the worksheet), Subtitle (what it belongs to), Heading 1 "Over dit werkblad" with a
List Bullet per fact, Heading 1 "Invullen" with a Heading 2 and a table per field. Everything stays
editable; nothing is an image or a text box.
"""

from __future__ import annotations

import io

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.shared import Cm, Mm, Pt

from leren import docxbase as base
from leren.docxbase import HEADER_FILL, MUTED, TEXT_WIDTH
from leren.reproducible import normalise_zip
from leren.worksheets.document import Document, Field

CHECKBOX = "\u2610"  # BALLOT BOX; replace it with \u2612 to tick
FIELD_DESCRIPTION = "Ruimte om in te vullen"


def render(doc: Document) -> bytes:
    word = base.new_word()
    _set_properties(word, doc)
    _header_and_footer(word, doc)
    _body(word, doc)
    out = io.BytesIO()
    word.save(out)
    return normalise_zip(out.getvalue())


# -- properties ----------------------------------------------------------------------------------

def _set_properties(word, doc: Document) -> None:
    base.set_properties(word, doc.title, doc.publisher, "Werkblad", subject=doc.context, comments=doc.purpose,
                        keywords="werkblad; transformatieleren")


# -- header and footer ----------------------------------------------------------------------------

def _header_and_footer(word, doc: Document) -> None:
    section = word.sections[0]
    if doc.header:
        para = section.header.paragraphs[0]
        for index, item in enumerate(doc.header):
            if index:
                para.add_run("    ")
            para.add_run(f"{item.label}: ").bold = True
            para.add_run(item.value)
        base.border(para, "bottom")
    footer = section.footer.paragraphs[0]
    base.border(footer, "top")
    tabs = footer.paragraph_format.tab_stops
    tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run(f"{doc.footer_title}  ·  {doc.publisher}  ·  {doc.licence}\tpagina ")
    base.field_code(footer, "PAGE", "1")
    footer.add_run(" van ")
    base.field_code(footer, "NUMPAGES", "1")


# -- body -----------------------------------------------------------------------------------------

def _body(word, doc: Document) -> None:
    base.styled(word, "Title", doc.title)
    base.styled(word, "Subtitle", doc.context)
    for detail in doc.details:
        para = word.add_paragraph()
        para.add_run(f"{detail.label}: ").bold = True
        para.add_run(detail.value)
    base.styled(word, "Heading1", "Over dit werkblad")
    for label, text in (("Doel", doc.purpose), ("Zo werk je", doc.instruction), ("Tijd", doc.time)):
        para = base.styled(word, "ListBullet")
        para.add_run(f"{label}: ").bold = True
        para.add_run(text)
    base.styled(word, "Heading1", "Invullen")
    for field in doc.fields:
        base.styled(word, "Heading2", f"{field.number}. {field.label}")
        BUILDERS[field.kind](word, field)


def _heights(table, height, keep_together: bool) -> None:
    last = len(table.rows) - 1
    for index, row in enumerate(table.rows):
        if height is not None:
            row.height = height
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if keep_together and index < last:
            for cell in row.cells:
                for para in cell.paragraphs:
                    para.paragraph_format.keep_with_next = True


def _lines(word, field: Field) -> None:
    table = base.table(word, field.lines, [TEXT_WIDTH], field.label, FIELD_DESCRIPTION)
    base.borders(table, bottom="single", insideH="single")
    _heights(table, Cm(0.95), field.keep_together)
    for row in table.rows:
        row.cells[0].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM


def _box(word, field: Field) -> None:
    table = base.table(word, 1, [TEXT_WIDTH], field.label, FIELD_DESCRIPTION)
    base.borders(table, top="single", left="single", bottom="single", right="single")
    _heights(table, Cm(field.height_cm), True)


def _scale(word, field: Field) -> None:
    width = TEXT_WIDTH // 10
    table = base.table(word, 1, [width] * 10, field.label, FIELD_DESCRIPTION)
    base.borders(table, top="single", left="single", bottom="single", right="single", insideV="single")
    _heights(table, Cm(0.9), True)
    for number, cell in enumerate(table.rows[0].cells, 1):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        para = cell.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.space_after = Pt(0)
        para.paragraph_format.keep_with_next = True
        run = para.add_run(str(number))
        run.font.color.rgb = MUTED
    labels = word.add_paragraph()
    labels.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    labels.paragraph_format.space_before = Pt(3)
    run = labels.add_run(f"1 = {field.low}\t10 = {field.high}")
    run.font.size = Pt(9.5)
    run.font.color.rgb = MUTED


def _grid(word, field: Field) -> None:
    count = len(field.columns)
    widths = [TEXT_WIDTH // count] * count
    table = base.table(word, field.rows + 1, widths, field.label, FIELD_DESCRIPTION)
    table._tbl.tblPr.get_or_add_tblStyle().val = "TableGrid"
    base.borders(table, top="single", left="single", bottom="single", right="single",
             insideH="single", insideV="single")
    _heights(table, None, field.keep_together)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, name in zip(header.cells, field.columns):
        base.shade(cell, HEADER_FILL)
        para = cell.paragraphs[0]
        para.paragraph_format.space_before = Pt(2)
        para.paragraph_format.space_after = Pt(2)
        para.add_run(name).bold = True
    for row in table.rows[1:]:
        row.height = Cm(1.1)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _checklist(word, field: Field) -> None:
    table = base.table(word, len(field.items), [Mm(9), TEXT_WIDTH - Mm(9)], field.label, FIELD_DESCRIPTION)
    base.borders(table)
    _heights(table, None, field.keep_together)
    for row, item in zip(table.rows, field.items):
        box, text = row.cells
        run = box.paragraphs[0].add_run(CHECKBOX)
        run.font.size = Pt(14)
        for cell in (box, text):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)
        text.paragraphs[0].add_run(item)


BUILDERS = {"regels": _lines, "vak": _box, "schaal": _scale, "tabel": _grid, "checklist": _checklist}

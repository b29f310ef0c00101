"""DOCX with python-docx: A4, real Word styles, fill-in areas as editable tables, reproducible.

Structure: Title (the worksheet), Subtitle (what it belongs to), Heading 1 "Over dit werkblad" with a
List Bullet per fact, Heading 1 "Invullen" with a Heading 2 and a table per field. Everything stays
editable; nothing is an image or a text box.
"""

from __future__ import annotations

import functools
import io

from docx import Document as new_document
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from leren.worksheets.document import Document, Field
from leren.worksheets.reproducible import normalise_zip, source_datetime

LANGUAGE = "nl-NL"
FONT = "Calibri"
ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x4A, 0x55, 0x60)
LINE_COLOUR = "8C98A4"
HEADER_FILL = "EEF2F6"
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
LEFT, RIGHT, TOP, BOTTOM = Mm(27), Mm(18), Mm(24), Mm(22)
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
CHECKBOX = "\u2610"  # BALLOT BOX; replace it with \u2612 to tick
CELL_MARGIN_TWIPS = 108  # Word's default left cell margin, 0.19 cm
TBLPR_ORDER = [qn(f"w:{tag}") for tag in (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
    "tblCaption", "tblDescription",
)]
# The styles the worksheet uses; the template's hundreds of others are left out (Word adds its
# built-in styles again when someone picks one).
USED_STYLES = {"Normal", "Title", "Subtitle", "Heading1", "Heading2", "ListBullet", "Header", "Footer", "TableGrid"}


def render(doc: Document) -> bytes:
    word = new_document(io.BytesIO(_base()))
    _set_properties(word, doc)
    _header_and_footer(word, doc)
    _body(word, doc)
    out = io.BytesIO()
    word.save(out)
    return normalise_zip(out.getvalue())


# -- package and styles ---------------------------------------------------------------------------

@functools.cache
def _base() -> bytes:
    """python-docx's template prepared once per process: A4, Dutch, our styles, nothing extra."""
    word = new_document()
    _drop_thumbnail(word)
    _drop_proof_state(word)
    _set_page(word)
    _set_styles(word)
    _trim_styles(word)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _trim_styles(word) -> None:
    """Keep the used styles, the defaults, and every style they build on or link to."""
    root = word.styles.element
    styles = {node.get(qn("w:styleId")): node for node in root.findall(qn("w:style"))}
    keep = {sid for sid, node in styles.items() if node.get(qn("w:default")) == "1"} | USED_STYLES
    todo = list(keep)
    while todo:
        node = styles.get(todo.pop())
        if node is None:
            continue
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = node.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) not in keep:
                keep.add(ref.get(qn("w:val")))
                todo.append(ref.get(qn("w:val")))
    for sid, node in styles.items():
        if sid not in keep:
            root.remove(node)

def _drop_thumbnail(word) -> None:
    """python-docx's template carries a thumbnail of some other document and Word 2010's duplicate
    of the styles; leave both out (smaller, faster, and no preview of something else)."""
    for rels, kinds in ((word.part.package.rels, {RT.THUMBNAIL}), (word.part.rels, {STYLES_WITH_EFFECTS})):
        for key, rel in list(rels.items()):
            if rel.reltype in kinds:
                del rels[key]


def _drop_proof_state(word) -> None:
    """The template claims its spelling and grammar were checked; let Word check the Dutch text."""
    settings = word.settings.element
    for node in settings.findall(qn("w:proofState")):
        settings.remove(node)


def _set_page(word) -> None:
    section = word.sections[0]
    section.start_type = WD_SECTION_START.NEW_PAGE
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin, section.right_margin = LEFT, RIGHT
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    section.header_distance = section.footer_distance = Mm(10)


def _set_styles(word) -> None:
    styles = word.styles
    # Dutch as the language of every run: spelling check and hyphenation in Word follow it.
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = defaults.find(qn("w:lang"))
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _font_all_scripts(normal)
    for name, size, space_before in (("Title", 22, 0), ("Heading 1", 14, 14), ("Heading 2", 12, 12)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before = Pt(space_before)
        style.paragraph_format.space_after = Pt(4 if name != "Title" else 2)
        style.paragraph_format.keep_with_next = True
        _font_all_scripts(style)
    title_ppr = styles["Title"].element.get_or_add_pPr()
    border = title_ppr.find(qn("w:pBdr"))
    if border is not None:  # the template draws a heavy rule under the title
        title_ppr.remove(border)
    subtitle = styles["Subtitle"]
    subtitle.font.name = FONT
    subtitle.font.size = Pt(11)
    subtitle.font.italic = False
    subtitle.font.bold = True
    subtitle.font.color.rgb = ACCENT
    spacing = subtitle.element.get_or_add_rPr().find(qn("w:spacing"))
    if spacing is not None:  # the template spreads the letters of a subtitle
        spacing.getparent().remove(spacing)
    subtitle.paragraph_format.space_after = Pt(10)
    _font_all_scripts(subtitle)
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8.5)
        styles[name].font.color.rgb = MUTED


def _font_all_scripts(style) -> None:
    """Set the font for every script, not only the theme's Latin slot."""
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)


def _set_properties(word, doc: Document) -> None:
    props = word.core_properties
    props.title = doc.title
    props.subject = doc.context
    props.author = doc.publisher
    props.last_modified_by = doc.publisher
    props.comments = doc.purpose
    props.keywords = "werkblad; transformatieleren"
    props.category = "Werkblad"
    props.language = LANGUAGE
    props.revision = 1
    moment = source_datetime()
    if moment is not None:
        props.created = props.modified = moment
    else:  # no clock in the file: leave the dates out
        element = props._element
        for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
            node = element.find(qn(tag))
            if node is not None:
                element.remove(node)


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
        _border(para, "bottom")
    footer = section.footer.paragraphs[0]
    _border(footer, "top")
    tabs = footer.paragraph_format.tab_stops
    tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run(f"{doc.footer_title}  ·  {doc.publisher}  ·  {doc.licence}\tpagina ")
    _field_code(footer, "PAGE", "1")
    footer.add_run(" van ")
    _field_code(footer, "NUMPAGES", "1")


def _field_code(para, code: str, shown: str) -> None:
    """A Word field (page number, page count) that Word and LibreOffice update when they lay out."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    simple.append(run)
    para._p.append(simple)


def _border(para, edge: str) -> None:
    ppr = para._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), "4")
    line.set(qn("w:space"), "4")
    line.set(qn("w:color"), LINE_COLOUR)
    borders.append(line)
    ppr.append(borders)


# -- body -----------------------------------------------------------------------------------------

def _styled(word, style_id: str, text: str = ""):
    """A paragraph with a built-in style, set by its id (python-docx's lookup by name is slow)."""
    para = word.add_paragraph(text)
    para._p.style = style_id
    return para


def _body(word, doc: Document) -> None:
    _styled(word, "Title", doc.title)
    _styled(word, "Subtitle", doc.context)
    for detail in doc.details:
        para = word.add_paragraph()
        para.add_run(f"{detail.label}: ").bold = True
        para.add_run(detail.value)
    _styled(word, "Heading1", "Over dit werkblad")
    for label, text in (("Doel", doc.purpose), ("Zo werk je", doc.instruction), ("Tijd", doc.time)):
        para = _styled(word, "ListBullet")
        para.add_run(f"{label}: ").bold = True
        para.add_run(text)
    _styled(word, "Heading1", "Invullen")
    for field in doc.fields:
        _styled(word, "Heading2", f"{field.number}. {field.label}")
        BUILDERS[field.kind](word, field)


def _table(word, rows: int, widths: list[int], caption: str):
    table = word.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, width in zip(table.columns, widths):  # the grid: LibreOffice reads only this
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width
    # Word 2010 layout (the template's compatibility mode) puts the border one cell margin to the
    # left of the text; indenting by that margin lines the border up with the text.
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
    indent.set(qn("w:type"), "dxa")
    _table_property(table, indent)
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", "Ruimte om in te vullen")):
        node = OxmlElement(tag)
        node.set(qn("w:val"), value)
        _table_property(table, node)
    return table


def _table_property(table, node) -> None:
    """Put `node` into the table properties at the place the schema demands (Word checks it)."""
    tbl_pr = table._tbl.tblPr
    order = TBLPR_ORDER.index(node.tag)
    for child in tbl_pr:
        if child.tag in TBLPR_ORDER and TBLPR_ORDER.index(child.tag) > order:
            child.addprevious(node)
            return
    tbl_pr.append(node)


def _borders(table, **edges: str) -> None:
    """Table borders: each edge ('top', 'left', 'bottom', 'right', 'insideH', 'insideV') 'single' or 'nil'."""
    node = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        value = edges.get(edge, "nil")
        line.set(qn("w:val"), value)
        if value != "nil":
            line.set(qn("w:sz"), "6")
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), LINE_COLOUR)
        node.append(line)
    _table_property(table, node)


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


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _lines(word, field: Field) -> None:
    table = _table(word, field.lines, [TEXT_WIDTH], field.label)
    _borders(table, bottom="single", insideH="single")
    _heights(table, Cm(0.95), field.keep_together)
    for row in table.rows:
        row.cells[0].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM


def _box(word, field: Field) -> None:
    table = _table(word, 1, [TEXT_WIDTH], field.label)
    _borders(table, top="single", left="single", bottom="single", right="single")
    _heights(table, Cm(field.height_cm), True)


def _scale(word, field: Field) -> None:
    width = TEXT_WIDTH // 10
    table = _table(word, 1, [width] * 10, field.label)
    _borders(table, top="single", left="single", bottom="single", right="single", insideV="single")
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
    table = _table(word, field.rows + 1, widths, field.label)
    table._tbl.tblPr.get_or_add_tblStyle().val = "TableGrid"
    _borders(table, top="single", left="single", bottom="single", right="single",
             insideH="single", insideV="single")
    _heights(table, None, field.keep_together)
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell, name in zip(header.cells, field.columns):
        _shade(cell, HEADER_FILL)
        para = cell.paragraphs[0]
        para.paragraph_format.space_before = Pt(2)
        para.paragraph_format.space_after = Pt(2)
        para.add_run(name).bold = True
    for row in table.rows[1:]:
        row.height = Cm(1.1)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _checklist(word, field: Field) -> None:
    table = _table(word, len(field.items), [Mm(9), TEXT_WIDTH - Mm(9)], field.label)
    _borders(table)
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

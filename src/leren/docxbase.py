"""The shared base of every Word file (worksheets, agendas): an A4 page in Dutch with the project's
styles, and the building blocks both use (styled paragraphs, tables, rules, shading, page fields).

Files made from this base are editable: real Word styles, tables for areas to fill in, nothing as an
image or a text box. Pass the saved bytes through `leren.reproducible.normalise_zip`.
"""

from __future__ import annotations

import functools
import io

from docx import Document as new_document
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from leren.reproducible import source_datetime

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
CELL_MARGIN_TWIPS = 108  # Word's default left cell margin, 0.19 cm
TBLPR_ORDER = [qn(f"w:{tag}") for tag in (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
    "tblCaption", "tblDescription",
)]
# The styles the worksheet uses; the template's hundreds of others are left out (Word adds its
# built-in styles again when someone picks one).
USED_STYLES = {"Normal", "Title", "Subtitle", "Heading1", "Heading2", "ListBullet", "Header", "Footer", "TableGrid"}


def new_word():
    """A new Word document on the shared base."""
    return new_document(io.BytesIO(template()))


def set_properties(word, title: str, author: str, category: str, **extra: str) -> None:
    """The file's properties; its dates are SOURCE_DATE_EPOCH, or left out when that is not set."""
    props = word.core_properties
    props.title = title
    props.author = props.last_modified_by = author
    props.category = category
    props.language = LANGUAGE
    props.revision = 1
    for name, value in extra.items():
        setattr(props, name, value)
    moment = source_datetime()
    if moment is not None:
        props.created = props.modified = moment
    else:  # no clock in the file: leave the dates out
        element = props._element
        for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
            node = element.find(qn(tag))
            if node is not None:
                element.remove(node)


@functools.cache
def template() -> bytes:
    """python-docx's template prepared once per process: A4, Dutch, our styles, nothing extra (as bytes)."""
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


def field_code(para, code: str, shown: str) -> None:
    """A Word field (page number, page count) that Word and LibreOffice update when they lay out."""
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    simple.append(run)
    para._p.append(simple)


def border(para, edge: str) -> None:
    """A thin rule above ('top') or below ('bottom') a paragraph."""
    ppr = para._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), "4")
    line.set(qn("w:space"), "4")
    line.set(qn("w:color"), LINE_COLOUR)
    borders.append(line)
    ppr.append(borders)


def styled(word, style_id: str, text: str = ""):
    """A paragraph with a built-in style, set by its id (python-docx's lookup by name is slow)."""
    para = word.add_paragraph(text)
    para._p.style = style_id
    return para


def table(word, rows: int, widths: list[int], caption: str, description: str):
    """A left-aligned table with fixed column widths, a caption and a description for screen readers."""
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
    table_property(table, indent)
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", description)):
        node = OxmlElement(tag)
        node.set(qn("w:val"), value)
        table_property(table, node)
    return table


def table_property(table, node) -> None:
    """Put `node` into the table properties at the place the schema demands (Word checks it)."""
    tbl_pr = table._tbl.tblPr
    order = TBLPR_ORDER.index(node.tag)
    for child in tbl_pr:
        if child.tag in TBLPR_ORDER and TBLPR_ORDER.index(child.tag) > order:
            child.addprevious(node)
            return
    tbl_pr.append(node)


def borders(table, **edges: str) -> None:
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
    table_property(table, node)


def shade(cell, fill: str) -> None:
    """A background colour for a table cell."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)

"""Each format opens, is A4 where it has pages, and holds every field of the worksheet."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
import io

import pytest
from docx.shared import Mm
from worksheet_tools import (
    FIXTURE_SHEETS,
    docx_document,
    docx_text,
    fixture_catalog,
    markdown_to_html,
    parse_html,
    pdf_body_text,
    pdf_reader,
    pdf_text_dehyphenated,
    spaced,
    squash,
)

from leren.worksheets import build, render
from leren.worksheets.personalisation import Personalisation

A4_POINTS = (595.28, 841.89)
PERSONAL = Personalisation(
    group="Buurtteam Noord-Oost", date=dt.date(2026, 3, 14), trainer="Sanne de Vries",
    organisation="Wmo-werkplaats Nijmegen", questions=("Wat neem je mee naar je eigen team?",),
)


@pytest.fixture(scope="module")
def catalog():
    return fixture_catalog()


@pytest.fixture(scope="module", params=FIXTURE_SHEETS)
def doc(request, catalog):
    return build(catalog.worksheets[request.param], catalog, PERSONAL)


def test_fixtures_cover_every_field_kind(catalog):
    kinds = {f.soort for sheet in catalog.worksheets.values() for f in sheet.velden}
    assert kinds == {"regels", "vak", "schaal", "tabel", "checklist"}


def field_texts(doc):
    """Every text the fields carry: labels, scale ends, column names and checklist items."""
    for field in doc.fields:
        yield field.label
        if field.kind == "schaal":
            yield field.low
            yield field.high
        yield from field.columns
        yield from field.items


# -- PDF ------------------------------------------------------------------------------------------

def test_pdf_is_a4_tagged_dutch_and_titled(doc):
    data = render(doc, "pdf")
    reader = pdf_reader(data)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == pytest.approx(A4_POINTS, abs=0.1)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] in ("nl", "nl-NL")
    assert reader.metadata.title == doc.title
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfuaid:part" in xmp  # the PDF/UA-1 identification


def test_pdf_holds_every_field_and_the_frame(doc):
    data = render(doc, "pdf")
    text = pdf_text_dehyphenated(data)
    for expected in [doc.title, doc.context, doc.purpose, doc.instruction, *field_texts(doc)]:
        assert squash(expected).replace("-", "") in text, expected
    pages = len(pdf_reader(data).pages)
    for number in range(1, pages + 1):
        assert squash(f"pagina {number} van {pages}") in text
    assert "CCBYSA4.0" in text
    for detail in doc.header:  # group, date and trainer on every page
        assert text.count(squash(f"{detail.label}: {detail.value}").replace("-", "")) == pages
    assert squash("Organisatie: Wmo-werkplaats Nijmegen").replace("-", "") in text


def test_pdf_left_margin_leaves_room_for_punched_holes(doc):
    starts = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            starts.append(cm[0] * tm[4] + cm[2] * tm[5] + cm[4])

    for page in pdf_reader(render(doc, "pdf")).pages:
        page.extract_text(visitor_text=visit)
    assert starts and min(starts) >= 25 / 25.4 * 72  # no text within 25 mm of the left edge


def test_pdf_scale_has_ten_numbered_boxes(catalog):
    doc = build(catalog.worksheets["alle-velden"], catalog)
    text = pdf_body_text(render(doc, "pdf"), doc)
    assert "12345678910" in text


def test_pdf_long_worksheet_spans_two_pages(catalog):
    doc = build(catalog.worksheets["casus-venlo"], catalog, PERSONAL)
    data = render(doc, "pdf")
    assert len(pdf_reader(data).pages) == 2
    assert "pagina2van2" in squash(pdf_reader(data).pages[1].extract_text())


def test_pdf_without_personalisation_has_no_header(catalog):
    doc = build(catalog.worksheets["principe-ervaringsleren"], catalog)
    text = squash(pdf_reader(render(doc, "pdf")).pages[0].extract_text())
    assert "Groep:" not in text and "Trainer:" not in text
    assert squash("Principe 1: Ervaringsleren") in text


# -- DOCX -----------------------------------------------------------------------------------------

def test_docx_is_a4_with_word_styles_and_properties(doc):
    word = docx_document(render(doc, "docx"))
    section = word.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # A4, as Word writes it
    assert section.left_margin >= Mm(25)
    styles = [p.style.name for p in word.paragraphs]
    assert styles[0] == "Title"
    assert "Heading 1" in styles and "Heading 2" in styles and "List Bullet" in styles
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert headings == [f"{f.number}. {f.label}" for f in doc.fields]
    props = word.core_properties
    assert props.title == doc.title
    assert props.language == "nl-NL"
    assert props.author == "Transformeren kun je leren"


def test_docx_holds_every_field_as_editable_tables(doc):
    data = render(doc, "docx")
    text = docx_text(data)
    for expected in [doc.title, doc.context, doc.purpose, doc.instruction, *field_texts(doc)]:
        assert expected in text, expected
    word = docx_document(data)
    assert len(word.tables) == len(doc.fields)  # one fill-in table per field, no images or text boxes
    assert not word.inline_shapes
    header = word.sections[0].header.paragraphs[0].text
    assert header == "    ".join(f"{d.label}: {d.value}" for d in doc.header)
    footer = word.sections[0].footer.paragraphs[0]
    assert "CC BY-SA 4.0" in footer.text and "pagina" in footer.text
    assert {"PAGE", "NUMPAGES"} <= set(re.findall(r'w:instr=" (\w+) "', footer._p.xml))


def test_docx_table_field_has_named_columns_and_empty_rows(catalog):
    doc = build(catalog.worksheets["alle-velden"], catalog)
    word = docx_document(render(doc, "docx"))
    [field] = [f for f in doc.fields if f.kind == "tabel"]
    table = word.tables[field.number - 1]
    assert [c.text for c in table.rows[0].cells] == list(field.columns)
    assert len(table.rows) == field.rows + 1
    assert all(c.text == "" for row in table.rows[1:] for c in row.cells)


def test_docx_table_properties_follow_the_schema_order(doc):
    """Word refuses files whose table properties are out of the order the schema prescribes."""
    from leren.docxbase import TBLPR_ORDER

    word = docx_document(render(doc, "docx"))
    for table in word.tables:
        tags = [child.tag for child in table._tbl.tblPr]
        positions = [TBLPR_ORDER.index(tag) for tag in tags]
        assert positions == sorted(positions)


def test_docx_has_no_foreign_thumbnail_and_dutch_defaults():
    catalog = fixture_catalog()
    data = render(build(catalog.worksheets["alle-velden"], catalog), "docx")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not any("thumbnail" in n for n in names)
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:lang w:val="nl-NL"' in styles


# -- HTML -----------------------------------------------------------------------------------------

def test_html_is_standalone_dutch_and_well_formed(doc):
    source = render(doc, "html").decode("utf-8")
    assert source.startswith("<!DOCTYPE html>\n<html lang=\"nl\">")
    parsed = parse_html(source)
    assert parsed.errors == [] and parsed.open == []
    assert "@media print" in source and "size: A4" in source
    assert not any(tag in ("script", "link", "img") for tag, _ in parsed.tags)  # nothing external
    ids = [attrs["id"] for _, attrs in parsed.tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    text = spaced(parsed.text)
    for expected in [doc.title, doc.context, doc.purpose, doc.instruction, *field_texts(doc)]:
        assert spaced(expected) in text, expected
    for detail in doc.personal:
        assert f"{detail.label}: {detail.value}" in text


def test_html_checklist_uses_labelled_checkboxes(catalog):
    doc = build(catalog.worksheets["alle-velden"], catalog)
    parsed = parse_html(render(doc, "html").decode())
    boxes = [a for tag, a in parsed.tags if tag == "input"]
    labels = [a for tag, a in parsed.tags if tag == "label"]
    assert len(boxes) == 3 and [a["for"] for a in labels] == [a["id"] for a in boxes]


# -- Markdown -------------------------------------------------------------------------------------

def test_markdown_renders_every_field(doc):
    source = render(doc, "md").decode("utf-8")
    parsed = parse_html(markdown_to_html(source))
    text = spaced(parsed.text)
    for expected in [doc.title, doc.context, doc.purpose, doc.instruction, *field_texts(doc)]:
        assert spaced(expected) in text, expected
    headings = [t for t, _ in parsed.tags if t == "h2"]
    assert len(headings) == len(doc.fields)


def test_markdown_fill_in_areas_are_lines_and_tables(catalog):
    doc = build(catalog.worksheets["alle-velden"], catalog)
    source = render(doc, "md").decode()
    html = markdown_to_html(source)
    regels = next(f for f in doc.fields if f.kind == "regels")
    assert html.count("<hr />") == regels.lines + 1  # writing lines, plus the rule above the footer
    assert html.count("<table>") == 2  # the scale and the table
    assert "- [ ] Een collega die meekijkt" in source
    assert "```text\n+---" in source  # the box

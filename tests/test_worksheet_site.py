"""The `werkblad` directive on the site: a readable preview and working PDF/DOCX downloads."""

from __future__ import annotations

import posixpath
import re

from worksheet_tools import docx_text, parse_html, pdf_reader, spaced

import leren
from leren.text import duration

PAGE = "book/principes/index"
SHEET = "leervraag-team"


def plain(text: str) -> str:
    """Undo Sphinx's smart quotes and ellipses, and normalise whitespace."""
    for fancy, simple in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("…", "...")):
        text = text.replace(fancy, simple)
    return spaced(text)


def preview(book) -> str:
    page = book.page(PAGE)
    start = page.index('<div class="leren-werkblad docutils container">')
    return page[start : page.index("</ol>", start)]


def test_preview_shows_title_purpose_instruction_time_and_fields(book):
    sheet = leren.load().worksheets[SHEET]
    text = plain(parse_html(preview(book)).text)
    for expected in (sheet.titel, sheet.doel, sheet.instructie, "Algemeen werkblad"):
        assert plain(expected) in text
    assert re.search(rf"ongeveer {re.escape(duration(sheet.minuten))}(?!\w)", text), "same wording as the files"
    for field in sheet.velden:
        for expected in [field.label, *field.items, *field.kolommen]:
            assert plain(expected) in text
    scale = next(f for f in sheet.velden if f.soort == "schaal")
    assert f"1 = {scale.laag} · 10 = {scale.hoog}" in text


def test_preview_sits_under_its_heading(book):
    page = book.page(PAGE)
    heading = page.index("Werkblad bij de start")
    assert heading < page.index('<div class="leren-werkblad docutils container">')


def test_download_links_resolve_to_the_generated_files(book):
    links = re.findall(r'<a class="leren-werkblad-download[^"]*" href="([^"]+)"', book.page(PAGE))
    assert links == [f"../../werkbladen/{SHEET}.pdf", f"../../werkbladen/{SHEET}.docx"]
    page_dir = posixpath.dirname(PAGE)
    for link in links:
        target = book.html / posixpath.normpath(posixpath.join(page_dir, link))
        assert target.is_file(), target
    pdf = pdf_reader((book.html / "werkbladen" / f"{SHEET}.pdf").read_bytes())
    assert pdf.metadata.title == "Werkblad: onze leervraag als team"
    assert "Zo gaan we leren" in docx_text((book.html / "werkbladen" / f"{SHEET}.docx").read_bytes())


def test_worksheet_styles_ship_with_the_site(book):
    css = (book.html / "_static" / "leren.css").read_text(encoding="utf-8")
    assert ".leren-werkblad" in css and "@media print" in css

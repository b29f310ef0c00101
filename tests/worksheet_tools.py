"""Helpers for the worksheet tests: the fixture data, and reading each format back as text."""

from __future__ import annotations

import io
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import docx
from markdown_it import MarkdownIt
from pypdf import PdfReader

import leren
from leren.worksheets import Document

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
FIXTURE_SHEETS = ("alle-velden", "casus-venlo", "principe-ervaringsleren")


def fixture_catalog() -> leren.Catalog:
    return leren.load(FIXTURE_DATA)


def squash(text: str) -> str:
    """Text without any whitespace, in NFKC (so ligatures and Arabic presentation forms compare equal).

    Typst gives the hyphen glyph one text mapping per font: once it has set a hyphenation point
    (a soft hyphen), a literal '-' in the same font reads back as U+00AD too. Both become '-'.
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("\xad", "-")


# -- PDF ------------------------------------------------------------------------------------------

def pdf_reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pdf_body_text(data: bytes, doc: Document) -> str:
    """The squashed text of all pages with the running header and footer taken out, so that text
    which flows across a page break reads as one piece."""
    reader = pdf_reader(data)
    total = len(reader.pages)
    header = squash("".join(f"{d.label}: {d.value}" for d in doc.header))
    pieces = []
    for number, page in enumerate(reader.pages, 1):
        text = squash(page.extract_text())
        footer_parts = [squash(doc.footer_title), squash(f"{doc.publisher} · {doc.licence}"),
                        squash(f"pagina {number} van {total}")]
        if header:
            text = text.replace(header, "", 1)
        for part in footer_parts:
            index = text.rfind(part)
            if index >= 0:
                text = text[:index] + text[index + len(part):]
        pieces.append(text)
    return "".join(pieces)


def pdf_text_dehyphenated(data: bytes) -> str:
    """All text, squashed, without hyphens: for data text that Typst may hyphenate at line ends."""
    text = "".join(page.extract_text() for page in pdf_reader(data).pages)
    return squash(text).replace("-", "")


# -- DOCX -----------------------------------------------------------------------------------------

def docx_document(data: bytes):
    return docx.Document(io.BytesIO(data))


def docx_text(data: bytes) -> str:
    """Every paragraph of the body, its tables, the header and the footer, one per line."""
    word = docx_document(data)
    lines = []

    def cells(table):
        for row in table.rows:
            for cell in row.cells:
                for para in cell.paragraphs:
                    yield para.text
                for inner in cell.tables:
                    yield from cells(inner)

    for block in word.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(docx.text.paragraph.Paragraph(block, word).text)
        elif tag == "tbl":
            lines.extend(cells(docx.table.Table(block, word)))
    for section in word.sections:
        lines.extend(p.text for p in section.header.paragraphs)
        lines.extend(p.text for p in section.footer.paragraphs)
    return "\n".join(lines)


# -- HTML and Markdown ----------------------------------------------------------------------------

class TextAndTags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.chunks: list[str] = []
        self.open: list[str] = []
        self.errors: list[str] = []

    VOID = {"meta", "input", "br", "hr", "img", "link"}

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"unexpected </{tag}> (open: {self.open[-3:]})")
        else:
            self.open.pop()

    def handle_data(self, data):
        if self.open and self.open[-1] in ("style", "script"):
            return
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(self.chunks)


def parse_html(source: str) -> TextAndTags:
    parser = TextAndTags()
    parser.feed(source)
    parser.close()
    return parser


def markdown_to_html(source: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(source)


def spaced(text: str) -> str:
    """Whitespace runs as one space, to compare texts that a parser may wrap differently."""
    return re.sub(r"\s+", " ", text).strip()

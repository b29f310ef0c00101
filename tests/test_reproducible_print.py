"""The book PDF, LEESMIJ.txt and the offline zip are byte-identical over two runs with the same
SOURCE_DATE_EPOCH, and never carry the day they were made. Cheap: a three-page site, not the whole book."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from worksheet_tools import fixture_catalog

from leren.offline.bundle import FOLDER, make_bundle
from leren.pdfbook.build import make_pdfs
from leren.pdfbook.render import normalise
from leren.reproducible import commit_datetime, release_datetime

EPOCH = "1767225600"  # 1 January 2026, 00:00 UTC
ROOT = Path(__file__).resolve().parent.parent
PAGE = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{title} — Proefboek</title></head>
<body>{nav}<main><article class="bd-article"><section id="deel"><h1>{title}</h1>
<p>Een alinea over leren in de praktijk, met een <a href="#deel">link naar dit deel</a>.</p>
<table><thead><tr><th>Kop</th><th>Tweede kop</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>
</section></article></main></body></html>
"""


# The root page forwarded to from index.html, and the navigation Sphinx writes (the book's order).
FORWARD = '<!DOCTYPE html><html lang="nl"><head><meta http-equiv="refresh" content="0; url=book/intro.html"></head></html>'
NAV = """<nav class="bd-docs-nav"><ul><li class="toctree-l1 current active"><a href="#">Inleiding</a></li>
<li class="toctree-l1"><a class="reference internal" href="tweede.html">Tweede hoofdstuk</a></li></ul></nav>"""


@pytest.fixture
def tiny(tmp_path, monkeypatch) -> Path:
    """A built site of two pages and a forwarding index.html, with its _config.yml, and SOURCE_DATE_EPOCH set."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    site = tmp_path / "site"
    (site / "book").mkdir(parents=True)
    (site / "notebooks").mkdir()
    (site / "index.html").write_text(FORWARD, encoding="utf-8")
    for docname, title in (("book/intro", "Inleiding"), ("book/tweede", "Tweede hoofdstuk")):
        (site / f"{docname}.html").write_text(PAGE.format(title=title, nav=NAV), encoding="utf-8")
    (site / "notebooks" / "oefening.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, '
                                                        '"nbformat_minor": 5}', encoding="utf-8")
    (tmp_path / "_config.yml").write_text("title: Proefboek\nauthor: De redactie\ndescription: Een klein boek.\n",
                                          encoding="utf-8")
    return tmp_path


def test_book_pdf_is_byte_identical_and_dated_by_the_epoch(tiny):
    made = []
    for run in range(2):
        report = make_pdfs(tiny / "site", tiny / f"pdf{run}", tiny / "_config.yml", only=[],
                           book=True, publish=False, say=lambda message: None)
        made.append(report.book.path.read_bytes())
    assert made[0] == made[1]
    reader = PdfReader(io.BytesIO(made[0]))
    assert "Versie van 1 januari 2026" in reader.pages[0].extract_text()
    assert reader.metadata["/CreationDate"].startswith("D:20260101000000")
    assert reader.metadata["/Author"] == "De redactie"


def test_normalise_renumbers_node_ids_in_order_and_keeps_every_offset(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    raw = (b"<</CreationDate (D:20261205054256+00'00') /ModDate (D:20261205054256+00'00')>>"
           b"/ID (node00000752) /Headers [(node00000749)] /ID (node00000752)")
    fixed = normalise(raw)
    assert len(fixed) == len(raw)
    assert fixed == (b"<</CreationDate (D:20260101000000+00'00') /ModDate (D:20260101000000+00'00')>>"
                     b"/ID (node00000002) /Headers [(node00000001)] /ID (node00000002)")


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_bundle_and_leesmij_are_byte_identical(tiny):
    pdfs = tiny / "pdf"
    pdfs.mkdir()
    (pdfs / "proefboek.pdf").write_bytes(blank_pdf())
    catalog = fixture_catalog()
    made = []
    for run in range(2):
        for path in (tiny / "site").rglob("*"):  # other file times must not reach the zip
            os.utime(path, (1_000_000_000 + run * 86_400, 1_000_000_000 + run * 86_400))
        report = make_bundle(tiny / "site", pdfs, tiny / f"bundel{run}.zip", catalog)
        made.append(report.path.read_bytes())
    assert made[0] == made[1]
    archive = zipfile.ZipFile(io.BytesIO(made[0]))
    names = archive.namelist()
    assert names == sorted(names)
    assert {info.date_time for info in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    assert f"{FOLDER}/notebooks/oefening.ipynb" in names and f"{FOLDER}/pdf/proefboek.pdf" in names
    assert {f"{FOLDER}/werkbladen/{sheet}.pdf" for sheet in catalog.worksheets} <= set(names)
    leesmij = archive.read(f"{FOLDER}/LEESMIJ.txt").decode("utf-8")
    assert "Versie van 1 januari 2026." in leesmij and "\r\n" in leesmij
    assert report.worksheets and report.notebooks == ["oefening.ipynb"]


def test_without_the_epoch_the_last_commit_dates_the_output(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    moment = commit_datetime(ROOT)
    assert moment is not None and release_datetime(ROOT) == moment

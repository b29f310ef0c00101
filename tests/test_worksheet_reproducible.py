"""The same input gives byte-identical files; SOURCE_DATE_EPOCH sets every timestamp."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from worksheet_tools import docx_document, fixture_catalog, pdf_reader

from leren.worksheets import build, render
from leren.worksheets.personalisation import Personalisation

CATALOG = fixture_catalog()
PERSONAL = Personalisation(group="Team West", date=dt.date(2026, 5, 4), questions=("Wat nu?",))
EPOCH = 1_767_225_600  # 2026-01-01 00:00:00 UTC


def render_fresh(fmt: str) -> bytes:
    return render(build(CATALOG.worksheets["alle-velden"], CATALOG, PERSONAL), fmt)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_same_input_gives_identical_bytes(fmt, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render_fresh(fmt)
    assert render_fresh(fmt) == first


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_identical_bytes_with_source_date_epoch(fmt, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    assert render_fresh(fmt) == render_fresh(fmt)


def test_without_source_date_epoch_files_carry_no_clock(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    info = pdf_reader(render_fresh("pdf")).metadata
    assert info.creation_date is None and info.modification_date is None
    data = render_fresh("docx")
    props = docx_document(data).core_properties
    assert props.created is None and props.modified is None
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_source_date_epoch_sets_every_timestamp(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    info = pdf_reader(render_fresh("pdf")).metadata
    assert info.creation_date.astimezone(dt.timezone.utc) == moment
    data = render_fresh("docx")
    props = docx_document(data).core_properties
    assert props.created.replace(tzinfo=dt.timezone.utc) == moment
    assert props.modified.replace(tzinfo=dt.timezone.utc) == moment
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {(2026, 1, 1, 0, 0, 0)}


def test_a_different_personalisation_gives_different_bytes():
    sheet = CATALOG.worksheets["alle-velden"]
    a = render(build(sheet, CATALOG, Personalisation(group="A")), "pdf")
    b = render(build(sheet, CATALOG, Personalisation(group="B")), "pdf")
    assert a != b

"""The seven modules: minutes that add up from their parts, and a timed running order for a meeting of
two and a half to three hours that builds into an agenda and a draaiboek."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

import leren
from leren import agenda
from leren.modules import meeting, module_time, plan_path, worksheet_id

CATALOG = leren.load()
PRINCIPLES = list(CATALOG.principles)


def test_every_principle_has_a_module_plan():
    assert len(PRINCIPLES) == 7
    assert all(plan_path(pid).is_file() for pid in PRINCIPLES)


@pytest.mark.parametrize("pid", PRINCIPLES)
def test_module_minutes_are_the_sum_of_their_parts(pid):
    p = CATALOG.principles[pid]
    parts = module_time(CATALOG, p)
    assert parts.werkblad == CATALOG.worksheets[worksheet_id(pid)].minuten
    assert parts.totaal == p.duur.uitleg + p.duur.oefeningen + parts.werkblad


@pytest.mark.parametrize("pid", PRINCIPLES)
def test_meeting_is_two_and_a_half_to_three_hours_with_every_part(pid):
    p = CATALOG.principles[pid]
    plan = meeting(CATALOG, p)
    assert 150 <= plan.minuten <= 180 and plan.einde <= plan.einde_gepland
    assert plan.waarschuwingen == []
    kinds = [b.soort for b in plan.blokken]
    titles = [b.titel for b in plan.blokken]
    assert titles[0].startswith("Opening") and titles[-2] == "Nabespreking" and titles[-1] == "Naar de praktijk"
    assert kinds.count("werkvorm") == 1 and kinds.count("werkblad") == 1 and kinds.count("pauze") == 1
    # the module's parts appear in the meeting with their own minutes
    parts = module_time(CATALOG, p)
    by_title = {b.titel.split(":")[0]: b for b in plan.blokken}
    assert by_title["Uitleg"].minuten == parts.uitleg
    assert by_title["Casusopdracht"].minuten == parts.oefeningen
    sheet = next(b for b in plan.blokken if b.soort == "werkblad")
    assert sheet.werkblad.id == worksheet_id(pid) and sheet.minuten == parts.werkblad
    assert all(b.notitie for b in plan.blokken if b.soort == "vrij"), "every own block says what to do"
    fmt = next(b.werkvorm for b in plan.blokken if b.werkvorm)
    assert fmt.soort == "werkvorm"


@pytest.mark.parametrize("pid", PRINCIPLES)
def test_module_builds_into_agenda_and_draaiboek(pid):
    plan = meeting(CATALOG, CATALOG.principles[pid])
    for fmt in ("pdf", "docx", "html", "md"):
        assert agenda.render(plan, fmt)
        book = agenda.render(plan, fmt, draaiboek=True)
        assert book
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(agenda.render(plan, "pdf", True))).pages)
    assert "Draaiboek" in text and "Materialen" in text and "Deelnemers" in text


def test_module_page_shows_the_running_order_and_links_the_files(book):
    for pid in PRINCIPLES:
        page = book.page(f"book/principes/{pid}")
        assert "Als bijeenkomst van" in page and "leren-module-programma" in page
        for suffix in ("-draaiboek.pdf", "-draaiboek.docx", "-agenda.pdf"):
            assert f"werkbladen/module-{pid}{suffix}" in page
            assert (book.html / "werkbladen" / f"module-{pid}{suffix}").is_file()

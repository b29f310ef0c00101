"""The draaiboek in all four formats: steps scaled to the block, invitation, group configuration, debrief,
materials and the participants check; hostile plan texts stay literal text."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pytest
from pypdf import PdfReader

import leren
from leren import agenda
from leren.agenda.draaiboek import build
from leren.catalog import Catalog
from leren.cli import main
from leren.model import Step
from leren.planner import parse_plan
from test_agenda import READERS


@pytest.fixture(scope="module")
def catalog():
    real = leren.load()
    base = real.formats["plaatsbepaling"]
    kring = dataclasses.replace(
        base, id="kring", naam="Kring", groepsgrootte=dataclasses.replace(base.groepsgrootte, min=4, max=12),
        uitnodiging="Wat neem je mee uit de afgelopen week?", groepsindeling="In een kring",
        deelname="Iedereen krijgt een beurt; wie wil, mag passen.", veiligheid="Vraag toestemming voor verhalen.",
        nabespreking=["Wat viel je op?", "Wat neem je mee?"], ruimte_en_materialen=["Een kring stoelen", "Een flap"],
        stappen=[Step("Zet de stoelen klaar", 15, wanneer="voor"), Step("Leg uit", 10),
                 Step("Ronde", 20, per_beurt=2, beurten="deelnemer", indeling="plenair"),
                 Step("Vat samen", 10), Step("Probeer het uit", 30, wanneer="tussen")])
    return Catalog(principles=real.principles, formats={**real.formats, "kring": kring}, worksheets=real.worksheets,
                   cases=real.cases)


PLAN = """titel: Teamochtend
datum: 12/03/2026
start: "09:00"
einde: "12:00"
deelnemers: 14
groep: Team Oost
blokken:
  - vrij: Welkom
    minuten: 10
  - werkvorm: kring
    minuten: 30
  - pauze: 15
  - werkvorm: plaatsbepaling
  - werkblad: principe-ervaringsleren
"""


def test_steps_are_scaled_to_the_block_and_show_the_default(catalog):
    book = build(parse_plan(PLAN, catalog))
    kring = book.blocks[1]
    # 14 participants: the round takes 2 x 14 = 28 min, so the steps need 10 + 28 + 10 = 48 min, the block has 30
    assert [s.default for s in kring.steps] == [10, 28, 10]
    assert sum(s.minutes for s in kring.steps) == 30 and [s.minutes for s in kring.steps] == [6, 18, 6]
    assert [s.time for s in kring.steps] == ["09:10-09:16", "09:16-09:34", "09:34-09:40"]
    assert kring.change == ("Ingekort: 30 min in plaats van 40 min. Met 14 deelnemers vragen de stappen 48 min; "
                            "het blok heeft 30 min.")
    assert kring.invitation == "Wat neem je mee uit de afgelopen week?" and kring.debrief == ["Wat viel je op?",
                                                                                               "Wat neem je mee?"]
    assert kring.grouping == "In een kring" and kring.steps[1].grouping == "plenair"
    assert kring.outside == [("Vooraf", "Zet de stoelen klaar"), ("Tussen de bijeenkomsten", "Probeer het uit")]
    assert kring.warnings and "groep_te_groot" not in kring.warnings[0]
    assert "14 deelnemers is meer dan de 12" in kring.warnings[0]


def test_shortened_block_says_so():
    real = leren.load()
    text = ("titel: X\ndatum: 2026-03-12\nstart: '09:00'\nblokken:\n  - werkvorm: plaatsbepaling\n"
            f"    minuten: {real.formats['plaatsbepaling'].minuten_in_zaal - 5}\n")
    block = build(parse_plan(text, real)).blocks[0]
    default = real.formats["plaatsbepaling"].minuten_in_zaal
    assert block.change.startswith("Ingekort: ") and f"in plaats van {default} min" in block.change
    assert any(s.changed for s in block.steps)


def test_materials_and_participants_check_for_the_whole_meeting(catalog):
    book = build(parse_plan(PLAN, catalog))
    items = dict(book.materials)
    assert items["Een kring stoelen"] == "Kring, Plaatsbepaling" and items["Een flap"] == "Kring"
    sheet = catalog.worksheets["principe-ervaringsleren"]
    assert items[f"{sheet.titel}, 14 exemplaren"] == sheet.titel  # not 'Werkblad: Werkblad: ...'
    assert book.blocks[-1].title == sheet.titel and book.blocks[-1].worksheet == sheet.instructie
    checks = {c.block: c for c in book.checks}
    assert checks["Kring"].verdict == "te groot: 2 meer dan het maximum" and not checks["Kring"].fits
    assert checks["Plaatsbepaling"].fits
    assert book.check_note.startswith("Met 14 deelnemers past niet elke werkvorm")
    no_count = build(parse_plan(PLAN.replace("deelnemers: 14\n", ""), catalog))
    assert "deelnemers: 18" in no_count.check_note and all(c.verdict == "niet gecontroleerd" for c in no_count.checks)


@pytest.mark.parametrize("fmt", list(READERS))
def test_every_format_holds_the_draaiboek(catalog, fmt):
    plan = parse_plan(PLAN, catalog)
    text = READERS[fmt](agenda.render(plan, fmt, draaiboek=True))
    # pypdf reads some hyphens between digits as soft hyphens (pdftotext reads '-'); times are 09:16-09:34
    text = re.sub(r"(\d)\u00ad(\d)", r"\1-\2", text).replace("\u00ad", "").replace("- ", "-")
    assert "Draaiboek" in text and "Teamochtend" in text
    for expected in ("09:16-09:34", "Ronde", "naar verhouding aangepast", "Wat neem je mee uit de afgelopen week?", "Wat viel je op?",
                     "Een kring stoelen", "Materialen", "Deelnemers", "te groot", "Vraag toestemming",
                     "Iedereen krijgt een beurt"):
        assert expected in text, (fmt, expected)


def test_pdf_draaiboek_is_a4_and_tagged(catalog):
    reader = PdfReader(io.BytesIO(agenda.render(parse_plan(PLAN, catalog), "pdf", draaiboek=True)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and str(root["/Lang"]).startswith("nl")


HOSTILE = ['<script>alert("x")</script>', "#set page(width: 1pt) *vet* _schuin_ $x$ [link](http://a) | pijp {{ x }}",
           "a" * 3000, "Emoji 🙂 en \u202eomgekeerd"]


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_titles_and_notes_stay_text(catalog, title):
    quoted = title.replace("\\", "\\\\").replace('"', '\\"')
    text = PLAN.replace("titel: Teamochtend", f'titel: "{quoted}"').replace(
        "  - vrij: Welkom\n", f'  - vrij: "{quoted}"\n    notitie: "{quoted}"\n')
    plan = parse_plan(text, catalog)
    html = agenda.render(plan, "html", draaiboek=True).decode("utf-8")
    assert "<script>" not in html and html.count("<h1>") == 1
    md = agenda.render(plan, "md", draaiboek=True).decode("utf-8")
    assert "<script>" not in md and "\n# " not in md.split("\n", 1)[1].replace("\n## ", "")
    assert READERS["md"](agenda.render(plan, "md", draaiboek=True)).count(title[:40]) >= 1
    for fmt in ("pdf", "docx"):
        data = agenda.render(plan, fmt, draaiboek=True)
        assert title[:20].split()[0] in READERS[fmt](data).replace("\u00ad", "")
    # the participants' agenda takes the same texts
    handout = agenda.render(plan, "html").decode("utf-8")
    assert "<script>" not in handout and handout.count("<h1>") == 1
    assert "<script>" not in agenda.render(plan, "md").decode("utf-8")
    assert agenda.render(plan, "pdf")[:5] == b"%PDF-" and zipfile.is_zipfile(io.BytesIO(agenda.render(plan, "docx")))


def test_command_writes_the_draaiboek_next_to_the_plan(tmp_path, capsys):
    plan = tmp_path / "ochtend.yml"
    plan.write_text(PLAN.replace("werkvorm: kring", "werkvorm: plaatsbepaling"), encoding="utf-8")
    assert main(["programma", str(plan), "--draaiboek"]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "ochtend-draaiboek.pdf").is_file() and out.startswith("Draaiboek 'Teamochtend' gemaakt")
    assert main(["programma", str(plan), "--draaiboek", "--formaat", "docx"]) == 0
    assert zipfile.is_zipfile(tmp_path / "ochtend-draaiboek.docx")
    assert main(["programma", str(plan), "--draaiboek", "--bundel", "--uit", str(tmp_path / "map.pdf")]) == 0
    reader = PdfReader(tmp_path / "map.pdf")
    top = [o.title for o in reader.outline if not isinstance(o, list)]
    assert top[0] == "Draaiboek: Teamochtend" and len(top) == 3  # the draaiboek, the plaatsbepaling worksheet, the principle worksheet

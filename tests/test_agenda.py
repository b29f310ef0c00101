"""The agenda in every format, the bundle with worksheets, and the `leren programma` command."""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser

import pytest
from docx import Document as read_docx
from pypdf import PdfReader

import leren
from leren import agenda
from leren.cli import main
from leren.planner import EXAMPLES, example, read_plan
from leren.worksheets import render_sheet

PLANS = sorted(p.stem for p in EXAMPLES.glob("*.yml"))


@pytest.mark.parametrize("name", PLANS)
def test_example_plans_are_valid(name):
    plan = read_plan(example(name))
    assert plan.blokken and (plan.einde_gepland is None or plan.einde <= plan.einde_gepland)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    doc = read_docx(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def html_text(data: bytes) -> str:
    parser = Text()
    parser.feed(data.decode("utf-8"))
    return " ".join(" ".join(parser.parts).split())


READERS = {"pdf": pdf_text, "docx": docx_text, "html": html_text,
           "md": lambda data: data.decode("utf-8").replace("\\", "")}


@pytest.mark.parametrize("fmt", list(READERS))
def test_every_format_shows_every_block_with_its_times(fmt):
    plan = read_plan(example("startbijeenkomst-buurtteam"))
    text = READERS[fmt](agenda.render(plan, fmt)).replace("\u00ad", "").replace("- ", "-")
    assert plan.titel in text
    for block in plan.blokken:
        assert f"{block.start:%H:%M}-{block.einde:%H:%M}" in text
        assert " ".join(block.titel.split()[:2]) in text


def test_pdf_agenda_is_a4_and_tagged():
    reader = PdfReader(io.BytesIO(agenda.render(read_plan(example("spanningen-bespreken")), "pdf")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root and str(root["/Lang"]).startswith("nl")


def test_docx_agenda_is_editable_word():
    data = agenda.render(read_plan(example("spanningen-bespreken")), "docx")
    assert zipfile.is_zipfile(io.BytesIO(data))
    section = read_docx(io.BytesIO(data)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_bundle_has_the_agenda_pages_plus_each_worksheet():
    catalog = leren.load()
    plan = read_plan(example("startbijeenkomst-buurtteam"))
    data, sheets = agenda.bundle(plan, catalog)
    expected = list(dict.fromkeys(f"werkvorm-{f.id}" for f in plan.werkvormen))
    assert sheets == expected
    pages = len(PdfReader(io.BytesIO(agenda.render(plan, "pdf"))).pages)
    pages += sum(len(PdfReader(io.BytesIO(render_sheet(catalog.worksheets[s], catalog, "pdf"))).pages) for s in sheets)
    assert len(PdfReader(io.BytesIO(data)).pages) == pages


def test_command_writes_the_agenda(tmp_path, capsys):
    out = tmp_path / "agenda.docx"
    assert main(["programma", str(example("ontwikkelwerkplaats-bijeenkomst")), "--formaat", "docx", "--uit", str(out)]) == 0
    assert out.is_file() and "gemaakt" in capsys.readouterr().out


def test_command_refuses_a_bad_plan_without_leaving_a_file(tmp_path, capsys):
    plan = tmp_path / "plan.yml"
    plan.write_text(example("spanningen-bespreken").read_text(encoding="utf-8").replace("energiemeter", "energiemetr"),
                    encoding="utf-8")
    out = tmp_path / "agenda.pdf"
    assert main(["programma", str(plan), "--uit", str(out)]) == 2
    err = capsys.readouterr().err
    assert "onbekende werkvorm 'energiemetr'" in err and "Bedoelde je 'energiemeter'" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == [plan]


def test_command_refuses_bundle_in_another_format(tmp_path, capsys):
    assert main(["programma", str(example("spanningen-bespreken")), "--bundel", "--formaat", "docx",
                 "--uit", str(tmp_path / "x.docx")]) == 2
    assert "--bundel maakt altijd een PDF" in capsys.readouterr().err

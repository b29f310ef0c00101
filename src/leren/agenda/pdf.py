"""The agenda as PDF with Typst: the same fonts, margins and tagging as the worksheets."""

from __future__ import annotations

import json
from importlib import resources

from leren.agenda.rows import details, rows, summary, when
from leren.planner import Agenda
from leren.worksheets import pdf as worksheet_pdf
from leren.worksheets.document import LICENCE, PUBLISHER
from leren.worksheets.reproducible import source_date_epoch


def template() -> bytes:
    return resources.files("leren").joinpath("templates", "agenda.typ").read_bytes()


def data(agenda: Agenda) -> dict:
    return {
        "title": agenda.titel,
        "footer_title": f"Agenda: {agenda.titel}",
        "when": when(agenda),
        "details": [{"label": label, "value": value} for label, value in details(agenda)],
        "rows": [{"time": r.time, "title": r.title, "kind": r.kind if r.kind != "Pauze" else "",
                  "minutes": r.minutes, "note": r.note} for r in rows(agenda)],
        "summary": summary(agenda),
        "publisher": PUBLISHER,
        "licence": LICENCE,
    }


def render(agenda: Agenda) -> bytes:
    inputs = {"data": json.dumps(data(agenda), ensure_ascii=False)}
    return worksheet_pdf.compiler().compile(
        input=template(), format="pdf", sys_inputs=inputs, timestamp=source_date_epoch(),
        pdf_standards=[worksheet_pdf.STANDARD],
    )

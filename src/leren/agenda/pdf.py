"""The agenda as PDF with Typst: the same fonts, margins and tagging as the worksheets."""

from __future__ import annotations

import json

from leren import typstbase
from leren.agenda.rows import details, rows, summary, when
from leren.planner import Agenda
from leren.worksheets.document import LICENCE, PUBLISHER


def template() -> bytes:
    return typstbase.template("agenda.typ")


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
    return typstbase.compile_pdf(template(), inputs)

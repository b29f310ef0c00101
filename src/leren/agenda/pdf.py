"""The agenda as PDF with Typst: the same fonts, margins and tagging as the worksheets."""

from __future__ import annotations

import json

from leren import typstbase
from leren.agenda.draaiboek import build
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


def draaiboek_data(agenda: Agenda) -> dict:
    book = build(agenda)
    return {
        "title": book.title,
        "footer_title": f"Draaiboek: {book.title}",
        "when": book.when,
        "details": [{"label": label, "value": value} for label, value in book.details],
        "participants": book.participants,
        "blocks": [{
            "time": b.time, "title": b.title, "minutes": b.minutes, "note": b.note, "change": b.change,
            "worksheet": b.worksheet, "invitation": b.invitation, "grouping": b.grouping,
            "participation": b.participation, "safety": b.safety, "debrief": b.debrief,
            "outside": [{"moment": m, "what": t} for m, t in b.outside], "warnings": b.warnings,
            "step_grouping": any(s.grouping for s in b.steps),
            "steps": [{"time": s.time, "what": f"{s.number}. {s.what}", "grouping": s.grouping, "minutes": str(s.minutes),
                       "default": s.default, "changed": s.changed} for s in b.steps],
        } for b in book.blocks],
        "scaled_note": book.scaled_note,
        "materials": [{"item": item, "users": users} for item, users in book.materials],
        "checks": [{"block": c.block, "range": c.range, "verdict": c.verdict, "fits": c.fits} for c in book.checks],
        "check_note": book.check_note,
        "summary": book.summary,
        "publisher": PUBLISHER,
        "licence": LICENCE,
    }


def render_draaiboek(agenda: Agenda) -> bytes:
    inputs = {"data": json.dumps(draaiboek_data(agenda), ensure_ascii=False)}
    return typstbase.compile_pdf(typstbase.template("draaiboek.typ"), inputs)

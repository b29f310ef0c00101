"""The agenda as Markdown: a heading, the date and details, and a table of blocks."""

from __future__ import annotations

from leren.agenda.rows import details, rows, summary, when
from leren.planner import Agenda
from leren.worksheets.markdown import escape as _escape


def escape(text: str) -> str:
    """Literal text on one line, so that it fits in a table cell."""
    return _escape(" ".join(text.split()))


def render(agenda: Agenda) -> bytes:
    lines = [f"**{escape(agenda.titel)}**", "", escape(when(agenda))]
    for label, value in details(agenda):
        lines[-1] += f" · {label}: {escape(value)}"
    lines += ["", "| Tijd | Onderdeel | Duur | Toelichting |", "|---|---|---|---|"]
    for row in rows(agenda):
        title = escape(row.title) if row.kind != "Werkvorm" else f"{escape(row.title)} (werkvorm)"
        lines.append(f"| {row.time} | {title} | {row.minutes} | {escape(row.note)} |")
    lines += ["", escape(summary(agenda))]
    return ("\n".join(lines) + "\n").encode("utf-8")

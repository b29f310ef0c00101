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


def render_draaiboek(agenda: Agenda) -> bytes:
    from leren.agenda.draaiboek import build

    book = build(agenda)
    e = escape
    head = e(book.when) + "".join(f" · {label}: {e(value)}" for label, value in book.details)
    lines = [f"# Draaiboek: {e(book.title)}", "", f"{head} · {e(book.participants)}", ""]
    if book.scaled_note:
        lines += [f"*{e(book.scaled_note)}*", ""]
    for block in book.blocks:
        lines += [f"## {block.time} {e(block.title)} ({block.minutes})", "", f"*{e(block.kind)}*", ""]
        for label, text in (("Notitie", block.note), ("Tijd", block.change), ("Zo werk je", block.worksheet)):
            if text:
                lines += [f"**{label}:** {e(text)}", ""]
        if block.invitation:
            lines += [f"**Uitnodiging (lees voor):** \u201c{e(block.invitation)}\u201d", ""]
        for label, text in (("Groepsindeling", block.grouping), ("Deelname", block.participation),
                            ("Veiligheid", block.safety)):
            if text:
                lines += [f"**{label}:** {e(text)}", ""]
        if block.steps:
            lines += ["| Tijd | Stap | Indeling | Minuten |", "|---|---|---|---|"]
            for s in block.steps:
                mins = f"{s.minutes} (was {s.default})" if s.changed else str(s.minutes)
                lines.append(f"| {s.time} | {s.number}. {e(s.what)} | {e(s.grouping)} | {mins} |")
            lines.append("")
        if block.debrief:
            lines += ["**Nabespreking:**", ""] + [f"- {e(q)}" for q in block.debrief] + [""]
        if block.outside:
            lines += ["**Buiten de bijeenkomst:**", ""] + [f"- {m}: {e(t)}" for m, t in block.outside] + [""]
        lines += [f"> **Let op:** {e(w)}" for w in block.warnings]
        if block.warnings:
            lines.append("")
    lines += ["## Materialen", ""]
    if book.materials:
        lines += ["| Wat | Voor |", "|---|---|"] + [f"| {e(item)} | {e(users)} |" for item, users in book.materials]
    else:
        lines.append("Geen materialen nodig.")
    lines += ["", "## Deelnemers", "", e(book.check_note), ""]
    if book.checks:
        lines += ["| Blok | Groepsgrootte | Oordeel |", "|---|---|---|"]
        lines += [f"| {e(c.block)} | {c.range} | {e(c.verdict)} |" for c in book.checks]
    lines += ["", e(book.summary)]
    return ("\n".join(lines) + "\n").encode("utf-8")

"""The agenda as a standalone HTML page with a print stylesheet."""

from __future__ import annotations

from html import escape

from leren.agenda.rows import details, rows, summary, when
from leren.planner import Agenda
from leren.worksheets.html import PAGE_STYLE

STYLE = PAGE_STYLE + """
h1 { color: var(--accent); margin-bottom: 0.2rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.45rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
td.tijd { white-space: nowrap; font-variant-numeric: tabular-nums; }
.soort { color: var(--muted); font-size: 0.9em; }
@media print { tr { break-inside: avoid; } }
"""


def render(agenda: Agenda) -> bytes:
    facts = "".join(f"<br><strong>{escape(label)}:</strong> {escape(value)}" for label, value in details(agenda))
    body = []
    for r in rows(agenda):
        note = f"<br>{escape(r.note)}" if r.note else ""
        body.append(f'<tr><td class="tijd">{r.time}</td><td><strong>{escape(r.title)}</strong>'
                    f'<br><span class="soort">{escape(r.kind)}</span>{note}</td><td>{escape(r.minutes)}</td></tr>')
    page = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agenda: {escape(agenda.titel)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<p class="soort">Agenda</p>
<h1>{escape(agenda.titel)}</h1>
<p><strong>{escape(when(agenda))}</strong>{facts}</p>
<table>
<caption class="soort">Programma met begin- en eindtijden</caption>
<thead><tr><th scope="col">Tijd</th><th scope="col">Onderdeel</th><th scope="col">Duur</th></tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
<p>{escape(summary(agenda))}</p>
</main>
</body>
</html>
"""
    return page.encode("utf-8")

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


DRAAIBOEK_STYLE = STYLE + """
h2 { color: #1f4e79; font-size: 1.15rem; margin: 1.6rem 0 0.3rem; border-top: 2px solid #1f4e79;
     padding-top: 0.5rem; }
.uitnodiging { border-left: 4px solid #1f4e79; padding: 0.3rem 0.8rem; margin: 0.6rem 0; background: #f5f7fa; }
.letop { border-left: 4px solid #9a3412; padding: 0.3rem 0.8rem; background: #fff4ec; }
td.min { white-space: nowrap; text-align: right; }
@media print { section { break-inside: avoid-page; } h2 { break-after: avoid; } }
"""


def render_draaiboek(agenda: Agenda) -> bytes:
    from leren.agenda.draaiboek import build

    book = build(agenda)
    e = escape
    facts = "".join(f"<br><strong>{e(label)}:</strong> {e(value)}" for label, value in book.details)
    parts = []
    for b in book.blocks:
        out = [f'<section aria-labelledby="blok-{len(parts) + 1}">',
               f'<h2 id="blok-{len(parts) + 1}">{e(b.time)} {e(b.title)} <span class="soort">({e(b.minutes)}, '
               f'{e(b.kind.lower())})</span></h2>']
        for label, text in (("Notitie", b.note), ("Tijd", b.change), ("Zo werk je", b.worksheet)):
            if text:
                out.append(f"<p><strong>{label}:</strong> {e(text)}</p>")
        if b.invitation:
            out.append(f'<p class="uitnodiging"><strong>Uitnodiging (lees voor):</strong> '
                       f"\u201c{e(b.invitation)}\u201d</p>")
        for label, text in (("Groepsindeling", b.grouping), ("Deelname", b.participation), ("Veiligheid", b.safety)):
            if text:
                out.append(f"<p><strong>{label}:</strong> {e(text)}</p>")
        if b.steps:
            rows = "".join(
                f'<tr><td class="tijd">{e(s.time)}</td><td>{s.number}. {e(s.what)}</td><td>{e(s.grouping)}</td>'
                f'<td class="min">{s.minutes}{f" (was {s.default})" if s.changed else ""}</td></tr>'
                for s in b.steps)
            out.append(f'<table><caption class="soort">Stappen van {e(b.title)}</caption><thead><tr>'
                       '<th scope="col">Tijd</th><th scope="col">Stap</th><th scope="col">Indeling</th>'
                       f'<th scope="col">Minuten</th></tr></thead><tbody>{rows}</tbody></table>')
        if b.debrief:
            out.append("<p><strong>Nabespreking:</strong></p><ul>" + "".join(f"<li>{e(q)}</li>" for q in b.debrief)
                       + "</ul>")
        if b.outside:
            out.append("<p><strong>Buiten de bijeenkomst:</strong></p><ul>"
                       + "".join(f"<li>{e(m)}: {e(t)}</li>" for m, t in b.outside) + "</ul>")
        out += [f'<p class="letop"><strong>Let op:</strong> {e(w)}</p>' for w in b.warnings]
        out.append("</section>")
        parts.append("\n".join(out))
    materials = ("<table><caption class=\"soort\">Wat je meeneemt</caption><thead><tr><th scope=\"col\">Wat</th>"
                 "<th scope=\"col\">Voor</th></tr></thead><tbody>"
                 + "".join(f"<tr><td>{e(i)}</td><td>{e(u)}</td></tr>" for i, u in book.materials)
                 + "</tbody></table>") if book.materials else "<p>Geen materialen nodig.</p>"
    checks = ("<table><caption class=\"soort\">Groepsgrootte per werkvorm</caption><thead><tr>"
              "<th scope=\"col\">Blok</th><th scope=\"col\">Groepsgrootte</th><th scope=\"col\">Oordeel</th></tr>"
              "</thead><tbody>" + "".join(f"<tr><td>{e(c.block)}</td><td>{e(c.range)}</td><td>{e(c.verdict)}</td></tr>"
                                          for c in book.checks) + "</tbody></table>") if book.checks else ""
    page = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Draaiboek: {e(book.title)}</title>
<style>{DRAAIBOEK_STYLE}</style>
</head>
<body>
<main>
<p class="soort">Draaiboek voor de trainer</p>
<h1>{e(book.title)}</h1>
<p><strong>{e(book.when)}</strong>{facts}<br><strong>Deelnemers:</strong> {e(book.participants)}</p>
{f'<p class="soort">{e(book.scaled_note)}</p>' if book.scaled_note else ""}
{chr(10).join(parts)}
<h2>Materialen</h2>
{materials}
<h2>Deelnemers</h2>
<p>{e(book.check_note)}</p>
{checks}
<p>{e(book.summary)}</p>
</main>
</body>
</html>
"""
    return page.encode("utf-8")

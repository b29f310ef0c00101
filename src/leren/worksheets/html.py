"""A standalone HTML page: valid HTML5, Dutch, a print stylesheet for A4, every text escaped."""

from __future__ import annotations

from html import escape

from leren.worksheets.document import Document, Field

# The A4 page every standalone HTML file shares (worksheets and agendas): the same colours, type and
# margins as the Word and PDF files (`leren.docxbase`), and page numbers in print.
PAGE_STYLE = """
:root { --accent: #1f4e79; --muted: #4a5560; --line: #8c98a4; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Calibri, "Helvetica Neue", Arial, sans-serif; font-size: 1.05rem;
  line-height: 1.5; color: #1a1a1a; max-width: 46rem; margin: 2rem auto; padding: 0 1.2rem; }
@page { size: A4; margin: 24mm 18mm 22mm 27mm;
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-family: Calibri, Arial, sans-serif;
    font-size: 8.5pt; color: #4a5560; } }
@media print {
  * { background: none !important; box-shadow: none !important; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; color: #000; }
}
"""
STYLE = PAGE_STYLE + """
.kop { font-size: 0.85rem; color: var(--muted); border-bottom: 1px solid var(--line);
  padding-bottom: 0.3rem; margin-bottom: 1.2rem; }
.kop span + span { margin-left: 1.4rem; }
.context { color: var(--accent); font-weight: 600; font-size: 0.95rem; margin: 0 0 0.2rem; }
h1 { color: var(--accent); font-size: 1.9rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { color: var(--accent); font-size: 1.15rem; margin: 1.8rem 0 0.6rem; break-after: avoid; }
.gegevens p { margin: 0.1rem 0; }
.over { border-left: 4px solid var(--accent); padding: 0.1rem 0 0.1rem 0.9rem; margin: 1rem 0 1.5rem; }
.over p { margin: 0.3rem 0; }
.regel { height: 2.4rem; border-bottom: 1px solid var(--line); }
.vak { border: 1px solid var(--line); border-radius: 4px; }
.schaal { display: grid; grid-template-columns: repeat(10, 1fr); gap: 0.5rem; list-style: none;
  padding: 0; margin: 0; }
.schaal li { border: 1px solid var(--line); border-radius: 3px; text-align: center; padding: 0.45rem 0;
  color: var(--muted); }
.schaal-uitleg { display: flex; justify-content: space-between; gap: 1rem; font-size: 0.9rem;
  color: var(--muted); margin: 0.3rem 0 0; }
table { width: calc(100% - 2px); border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; font-size: 0.95rem; }
td { height: 2.6rem; }
.checklist { list-style: none; padding: 0; margin: 0; }
.checklist li { display: flex; gap: 0.6rem; align-items: baseline; margin: 0.35rem 0; }
.checklist input { width: 1.05rem; height: 1.05rem; flex: none; }
.visueel-verborgen { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); padding-top: 0.4rem;
  font-size: 0.85rem; color: var(--muted); }
footer a { color: inherit; }
@media print {
  .veld-heel { break-inside: avoid; }
  .regel { height: 9.5mm; }
  td { height: 11mm; }
  footer a::after { content: " (" attr(href) ")"; }
}
"""


def render(doc: Document) -> bytes:
    e = _escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(doc.title)}</title>",
        f'<meta name="description" content="{e(doc.purpose)}">',
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
    ]
    if doc.personal:
        spans = "".join(
            f"<span><strong>{e(d.label)}:</strong> {e(d.value)}</span>" for d in doc.personal
        )
        out.append(f'<header class="kop">{spans}</header>')
    out += [
        "<main>",
        f'<p class="context">{e(doc.context)}</p>',
        f"<h1>{e(doc.title)}</h1>",
        '<section class="over" aria-label="Over dit werkblad">',
        f"<p><strong>Doel:</strong> {e(doc.purpose)}</p>",
        f"<p><strong>Zo werk je:</strong> {e(doc.instruction)}</p>",
        f"<p><strong>Tijd:</strong> {e(doc.time)}</p>",
        "</section>",
    ]
    for field in doc.fields:
        whole = " veld-heel" if field.keep_together else ""
        heading_id = f"veld-{field.number}"
        out.append(f'<section class="veld veld-{field.kind}{whole}" aria-labelledby="{heading_id}">')
        out.append(f'<h2 id="{heading_id}">{field.number}. {e(field.label)}</h2>')
        out.append(AREAS[field.kind](field))
        out.append("</section>")
    out += [
        "</main>",
        "<footer>",
        f"<p>{e(doc.title)} · {e(doc.publisher)} · "
        f'<a href="{e(doc.licence_url)}" rel="license">{e(doc.licence)}</a></p>',
        "</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out).encode("utf-8")


def _escape(text: str) -> str:
    return escape(text, quote=True)


def _lines(field: Field) -> str:
    return '<div class="regels" aria-hidden="true">' + '<div class="regel"></div>' * field.lines + "</div>"


def _box(field: Field) -> str:
    return f'<div class="vak" style="height: {field.height_cm:g}cm" aria-hidden="true"></div>'


def _scale(field: Field) -> str:
    numbers = "".join(f"<li>{n}</li>" for n in range(1, 11))
    return (
        f'<ol class="schaal">{numbers}</ol>'
        f'<p class="schaal-uitleg"><span>1 = {_escape(field.low)}</span>'
        f"<span>10 = {_escape(field.high)}</span></p>"
    )


def _table(field: Field) -> str:
    head = "".join(f'<th scope="col">{_escape(c)}</th>' for c in field.columns)
    row = "<tr>" + "<td></td>" * len(field.columns) + "</tr>"
    return (
        f'<table><caption class="visueel-verborgen">{_escape(field.label)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{row * field.rows}</tbody></table>"
    )


def _checklist(field: Field) -> str:
    items = []
    for index, item in enumerate(field.items, 1):
        ident = f"veld-{field.number}-{index}"
        items.append(f'<li><input type="checkbox" id="{ident}"><label for="{ident}">{_escape(item)}</label></li>')
    return '<ul class="checklist">' + "".join(items) + "</ul>"


AREAS = {"regels": _lines, "vak": _box, "schaal": _scale, "tabel": _table, "checklist": _checklist}

"""Worksheets filled in on screen: every worksheet preview carries its fields as JSON, and
`static/werkblad-invullen.js` turns them into a form ("Invullen en afdrukken") that prints as an A4 sheet.

Entries stay in the browser's local storage under `leren:werkblad:<worksheet-id>` as
`{"kop": {"groep", "datum", "trainer", "organisatie"}, "velden": {"<field index from 0>": "<text>"}}`.
A field's text: what was written (regels, vak); the number chosen (schaal); the ticked items, one per line
(checklist); the rows of a table, one per line with the cells separated by a tab (tabel). Nothing is sent.
"""

from __future__ import annotations

import json

from docutils import nodes
from sphinx.application import Sphinx

from leren.sphinx.base import page_script
from leren.worksheets.document import Document

FLAG = "leren-werkblad-invullen"


def script_json(data: dict) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def fillable_data(env, doc: Document) -> nodes.raw:
    """The fields of a worksheet as JSON inside its preview box; marks the page for the script."""
    env.metadata[env.docname][FLAG] = True
    data = {
        "id": doc.id, "titel": doc.title, "context": doc.context, "doel": doc.purpose, "instructie": doc.instruction,
        "tijd": doc.time, "uitgever": doc.publisher, "licentie": doc.licence,
        "velden": [{"soort": f.kind, "label": f.label, "regels": f.lines, "hoogte": f.height_cm, "laag": f.low,
                    "hoog": f.high, "kolommen": list(f.columns), "rijen": f.rows, "items": list(f.items)}
                   for f in doc.fields],
    }
    return nodes.raw("", f'<script type="application/json" class="leren-werkblad-data">{script_json(data)}</script>',
                     format="html")


def setup(app: Sphinx) -> None:
    app.add_css_file("werkblad-invullen.css")
    app.connect("html-page-context", page_script(FLAG, "leren-dom.js"))
    app.connect("html-page-context", page_script(FLAG, "werkblad-invullen.js"))

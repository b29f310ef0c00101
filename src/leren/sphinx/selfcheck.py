"""Self-checks: an item bank as an accessible HTML form whose answers are checked in the browser."""

from __future__ import annotations

import json
from html import escape

from docutils import nodes
from sphinx.application import Sphinx

from leren.exercises import LETTERS, view
from leren.sphinx.base import DataDirective, page_script

FLAG = "leren-zelftoets"


class SelfCheck(DataDirective):
    """`zelftoets ID`: every question of an item bank, with feedback computed in the browser."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        bank = self.lookup(self.catalog.exercises, self.arguments[0], "oefening")
        self.env.metadata[self.env.docname][FLAG] = True
        data = view(bank)
        payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        parts = [
            f'<div class="leren-zelftoets" id="zelftoets-{escape(bank.id)}">',
            f'<script type="application/json" class="leren-zelftoets-data">{payload}</script>',
            '<noscript><p>Zet JavaScript aan om je antwoorden hier te laten controleren, '
            "of maak de oefening in het notebook.</p></noscript>",
        ]
        for number, item in enumerate(data["items"], 1):
            parts.append(_question(bank.id, number, item))
        parts.append("</div>")
        return [nodes.raw("", "\n".join(parts), format="html")]


def _question(bank_id: str, number: int, item: dict) -> str:
    key = f"{bank_id}-{item['id']}"
    kind = item["soort"]
    out = [
        f'<form class="leren-zelftoets-vraag" data-item="{escape(item["id"])}" data-key="{escape(key)}" novalidate>',
        "<fieldset>",
        f"<legend>Vraag {number}. {escape(item['vraag'])}</legend>",
    ]
    if kind == "meerkeuze":
        for i, option in enumerate(item["opties"]):
            letter = LETTERS[i]
            out.append(f'<div class="leren-optie"><input type="radio" name="{key}" id="{key}-{letter}" value="{letter}">'
                       f' <label for="{key}-{letter}">{letter}. {escape(option["tekst"])}</label></div>')
    elif kind == "indelen":
        choices = "".join(f"<option>{escape(c)}</option>" for c in item["categorieen"])
        for i, statement in enumerate(item["uitspraken"], 1):
            out.append(f'<div class="leren-keuze"><label for="{key}-u{i}">{i}. {escape(statement["tekst"])}</label>'
                       f'<select id="{key}-u{i}" name="{key}-u{i}"><option value="">Kies...</option>{choices}</select></div>')
    elif kind == "volgorde":
        places = "".join(f'<option value="{p}">{p}</option>' for p in range(1, len(item["stappen"]) + 1))
        out.append("<p>Geef elke stap een plaats: 1 is de eerste stap.</p>")
        for i, step in enumerate(item["stappen"], 1):
            out.append(f'<div class="leren-keuze"><label for="{key}-s{i}">{escape(step)}</label>'
                       f'<select id="{key}-s{i}" name="{key}-s{i}"><option value="">Plaats...</option>{places}</select></div>')
    elif kind == "koppelen":
        choices = "".join(f'<option value="{LETTERS[i]}">{LETTERS[i]}. {escape(r)}</option>'
                          for i, r in enumerate(item["rechts"]))
        for i, left in enumerate(item["links"], 1):
            out.append(f'<div class="leren-keuze"><label for="{key}-l{i}">{i}. {escape(left)}</label>'
                       f'<select id="{key}-l{i}" name="{key}-l{i}"><option value="">Kies...</option>{choices}</select></div>')
    else:
        hints = "".join(f"<li>{escape(q)}</li>" for q in item["hulpvragen"])
        out.append(f"<ul>{hints}</ul>")
        out.append(f'<label for="{key}-tekst">Jouw antwoord</label>'
                   f'<textarea id="{key}-tekst" name="{key}-tekst" rows="5"></textarea>')
    out += [
        "</fieldset>",
        '<button type="submit">Controleer</button>',
        '<div class="leren-feedback" role="status" aria-live="polite"></div>',
        "</form>",
    ]
    return "\n".join(out)


def setup(app: Sphinx) -> None:
    app.add_directive("zelftoets", SelfCheck)
    app.connect("html-page-context", page_script(FLAG, "zelftoets.js"))

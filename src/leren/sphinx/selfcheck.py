"""Self-checks: an item bank as an accessible HTML form whose answers are checked in the browser.

The browser keeps a student's answers and results in localStorage under `leren:oefening:<bank-id>`, and
puts a reflection answer into her own fillable worksheet (`leren:werkblad:<worksheet-id>`). Nothing is
sent anywhere. The page "Mijn voortgang" (`voortgang` directive) lists every exercise with its status.
"""

from __future__ import annotations

import json
import re
from html import escape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from leren import paths
from leren.exercises import LETTERS, maximum, view
from leren.sphinx.base import DataDirective, page_script, para, table
from leren.sphinx.worksheet import _used as worksheets_used

FLAG = "leren-zelftoets"
# Replaced per page by the address of the page that shows the worksheet (see `_resolve_tokens`).
URL_TOKEN = "@@leren-werkblad-url:{}@@"
URL_PATTERN = re.compile(r"@@leren-werkblad-url:([a-z0-9-]+)@@")
# Replaced by a link to the page "Mijn voortgang", or by nothing when the site has no such page.
PROGRESS_TOKEN = "@@leren-voortgang-link@@"
PROGRESS_PAGE = paths.guide("voortgang")


def payload(data) -> str:
    """JSON that is safe inside a <script> element."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


class SelfCheck(DataDirective):
    """`zelftoets ID`: every question of an item bank, with feedback computed in the browser."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        bank = self.lookup(self.catalog.exercises, self.arguments[0], "oefening")
        self.env.metadata[self.env.docname][FLAG] = True
        data = view(bank)
        if bank.werkblad is not None and bank.werkblad_veld is not None:
            sheet = self.catalog.worksheets[bank.werkblad]
            data["werkblad"] = {"id": sheet.id, "titel": sheet.titel, "veld": bank.werkblad_veld,
                                "label": sheet.velden[bank.werkblad_veld].label,
                                "adres": URL_TOKEN.format(sheet.id)}
        parts = [
            f'<div class="leren-zelftoets" id="zelftoets-{escape(bank.id)}">',
            f'<script type="application/json" class="leren-zelftoets-data">{payload(data)}</script>',
            '<noscript><p>Zet JavaScript aan om je antwoorden hier te laten controleren, '
            "of maak de oefening in het notebook.</p></noscript>",
            '<p class="leren-zelftoets-score" role="status"></p>',
            PROGRESS_TOKEN,
        ]
        for number, item in enumerate(data["items"], 1):
            parts.append(_question(bank.id, number, item, "werkblad" in data))
        parts.append("</div>")
        return [nodes.raw("", "\n".join(parts), format="html")]


def _question(bank_id: str, number: int, item: dict, to_worksheet: bool = False) -> str:
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
    out += ["</fieldset>", '<button type="submit">Controleer</button>']
    if kind == "reflectie" and to_worksheet:
        out.append('<button type="button" class="leren-naar-werkblad">Zet in mijn werkblad</button>')
    out += ['<div class="leren-feedback" role="status" aria-live="polite"></div>', "</form>"]
    return "\n".join(out)


class Progress(DataDirective):
    """`voortgang`: every exercise of the catalog with the status the browser keeps, and a button that
    clears it all. The list comes from the data; the status is filled in on the student's device."""

    def run(self) -> list[nodes.Node]:
        self.env.metadata[self.env.docname][FLAG] = True
        catalog = self.catalog
        entries, rows = [], []
        for bank in catalog.exercises.values():
            items = view(bank)["items"]
            scored = [item for item in items if item["soort"] != "reflectie"]
            entries.append({"id": bank.id, "titel": bank.titel, "vragen": len(scored),
                            "maximum": sum(maximum(item) for item in scored)})
            docname = paths.exercise(bank.id)
            title = (self.doc_link(paths.target(docname), bank.titel) if docname in self.env.found_docs
                     else nodes.Text(bank.titel))
            status = nodes.inline("Niet begonnen", "Niet begonnen", classes=["leren-voortgang-status", f"oefening-{bank.id}"])
            score = nodes.inline("", "", classes=["leren-voortgang-score", f"oefening-{bank.id}"])
            rows.append([para(title), para(status), para(score)])
        out: list[nodes.Node] = [
            nodes.raw("", f'<script type="application/json" class="leren-voortgang-data">{payload(entries)}</script>'
                          '<noscript><p>Zet JavaScript aan om je voortgang te zien. Je voortgang staat alleen in '
                          "deze browser.</p></noscript>", format="html"),
            table(["Oefening", "Status", "Score"], rows, ["leren-voortgang"], caption="Jouw oefeningen"),
            nodes.raw("", '<div class="leren-voortgang-wissen"><button type="button" class="leren-wis-voortgang">'
                          "Wis al mijn voortgang</button>"
                          '<p class="leren-voortgang-melding" role="status"></p></div>', format="html"),
        ]
        return out


def _worksheet_page(env, sheet_id: str, here: str) -> str | None:
    """The page that shows a worksheet (its `werkblad` directive); the current page if it shows it itself."""
    pages = sorted(doc for doc, sheets in worksheets_used(env).items() if sheet_id in sheets)
    if here in pages:
        return here
    return pages[0] if pages else None


def _resolve_tokens(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Replace the tokens in a self-check: the worksheet's address and the link to "Mijn voortgang"."""
    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        if "@@leren-werkblad-url:" not in text and PROGRESS_TOKEN not in text:
            continue
        link = ""
        if app.builder.format == "html" and PROGRESS_PAGE in app.env.found_docs:
            href = relative_uri(app.builder.get_target_uri(docname), app.builder.get_target_uri(PROGRESS_PAGE))
            link = (f'<p class="leren-zelftoets-voortgang">Je browser onthoudt je antwoorden. Op <a href="{href}">'
                    "Mijn voortgang</a> zie je al je oefeningen op een rij.</p>")
        text = text.replace(PROGRESS_TOKEN, link)

        def address(match: re.Match) -> str:
            page = _worksheet_page(app.env, match.group(1), docname) if app.builder.format == "html" else None
            if page is None:
                return ""
            return relative_uri(app.builder.get_target_uri(docname), app.builder.get_target_uri(page))

        node.replace_self(nodes.raw("", URL_PATTERN.sub(address, text), format=node.get("format", "html")))


def setup(app: Sphinx) -> None:
    app.add_directive("zelftoets", SelfCheck)
    app.add_directive("voortgang", Progress)
    app.connect("doctree-resolved", _resolve_tokens)
    app.connect("html-page-context", page_script(FLAG, "zelftoets.js"))

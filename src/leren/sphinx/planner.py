"""`planner`: the meeting planner in the browser ("Bijeenkomst plannen").

The rules of a plan live once, in `leren.planner`. At build time this module asks it for what the page
needs (`leren.planner.export(catalog)`: the werkvormen with their minutes and group sizes, the plan's
fields and the Dutch message templates) and writes that into the page as JSON. The page's scripts
(`static/planner-regels.js` applies the rules, `static/planner.js` is the interface) only apply them,
so the page works from a web server and from a file on disk alike: nothing is fetched to plan.

Until `leren.planner` has its own `export`, `fallback_export` describes the current planner; the parity
test (tests/test_planner_parity.py) runs generated plans through both and fails on any difference.
"""

from __future__ import annotations

import json

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from leren import planner as rules
from leren.agenda.rows import KINDS, MONTHS, WEEKDAYS
from leren.catalog import Catalog
from leren.sphinx.base import DataDirective
from leren.sphinx.worksheet import DOWNLOADS, FOLDER, _used
from leren.worksheets import FORMATS

PLANNER_FLAG = "leren-planner"
FINDER_FLAG = "leren-werkvormen-zoeker"
DATA_ID = "leren-planner-data"

# The message templates of the current `leren.planner`, word for word; {names} are filled in by the page.
MESSAGES = {
    "regel": "regel {regel}: {tekst}",
    "veld_leeg": "het veld '{veld}' ontbreekt of is leeg.",
    "datum": "'{waarde}' is geen geldige datum; schrijf JJJJ-MM-DD (2026-03-12) of DD-MM-JJJJ (12-03-2026).",
    "tijd": "'{waarde}' is geen geldige tijd voor '{veld}'; schrijf bijvoorbeeld \"09:30\".",
    "einde_voor_start": "de eindtijd {einde} ligt niet na de begintijd {start}.",
    "geen_blokken": "het programma heeft nog geen blokken.",
    "minuten_geen_getal": "de duur van blok {blok} moet een heel aantal minuten zijn, niet '{waarde}'.",
    "minuten_niet_positief": "de duur van blok {blok} is {waarde} minuten; geef een positief aantal.",
    "vrij_zonder_titel": "een vrij blok heeft een titel nodig, bijvoorbeeld '- vrij: Lunch'.",
    "vrij_zonder_minuten": "geef bij het vrije blok '{titel}' ook 'minuten:'.",
    "onbekende_werkvorm": "onbekende werkvorm '{werkvorm}'. Zie 'leren lijst werkvormen'.",
    "middernacht": "het programma loopt door tot na middernacht ({einde}). Begin eerder of maak blokken korter.",
    "te_lang": ("het programma duurt tot {einde}, maar de bijeenkomst eindigt om {gepland}: {over} minuten te "
                "lang. Schrap een blok of kort er een in met 'minuten:'."),
}


def fallback_export(catalog: Catalog) -> dict:
    """What the page needs from the rules of the current `leren.planner`."""
    return {
        "velden": {"verplicht": ["titel", "datum", "start", "blokken"], "optioneel": list(rules._OPTIONAL)},
        "blokken": {kind: sorted(keys) for kind, keys in rules._BLOCK_KEYS.items()},
        "berichten": dict(MESSAGES),
        "werkvormen": [
            {"id": fmt.id, "naam": fmt.naam, "minuten": fmt.duur,
             "groep": [fmt.groepsgrootte.min, fmt.groepsgrootte.max]}
            for fmt in catalog.formats.values()
        ],
    }


def export(catalog: Catalog) -> dict:
    """The rules for the page: from `leren.planner.export` once it exists, else from the fallback."""
    own = getattr(rules, "export", None)
    return own(catalog) if callable(own) else fallback_export(catalog)


def page_data(catalog: Catalog, relative) -> dict:
    """The exported rules plus what only the page shows: links, materials, steps and worksheets.

    `relative(target)` turns a path from the site's root into a link from the planner page."""
    data = export(catalog)
    data["weergave"] = {"dagen": list(WEEKDAYS), "maanden": list(MONTHS), "soorten": dict(KINDS)}
    for item in data["werkvormen"]:
        fmt = catalog.formats[item["id"]]
        item["pagina"] = relative(f"book/werkvormen/{fmt.id}.html")
        item["doel"] = fmt.doel
        item["uitnodiging"] = fmt.uitnodiging
        item["materialen"] = list(fmt.ruimte_en_materialen)
        item["indeling"] = fmt.groepsindeling
        item["stappen"] = [{"wat": step.wat, "minuten": step.minuten} for step in fmt.stappen]
        sheet_id = f"werkvorm-{fmt.id}"
        if sheet_id in catalog.worksheets:
            item["werkblad"] = {
                "id": sheet_id,
                "titel": catalog.worksheets[sheet_id].titel,
                "bestanden": [{"soort": FORMATS[kind].label,
                               "pad": relative(f"{FOLDER}/{sheet_id}{FORMATS[kind].suffix}")} for kind in DOWNLOADS],
            }
    return data


def script_json(data: dict) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class Planner(DataDirective):
    """`planner`: the planner's data and the place where the page's script builds the planner."""

    def run(self) -> list[nodes.Node]:
        catalog = self.catalog
        self.require(catalog.formats, "de werkvormen")
        self.env.metadata[self.env.docname][PLANNER_FLAG] = True
        builder = self.env.app.builder
        here = builder.get_target_uri(self.env.docname) if builder.format == "html" else self.env.docname
        # The planner links to every werkvorm's worksheet: make sure those files are rendered.
        sheets = _used(self.env).setdefault(self.env.docname, set())
        sheets.update(f"werkvorm-{fid}" for fid in catalog.formats if f"werkvorm-{fid}" in catalog.worksheets)
        data = page_data(catalog, lambda target: relative_uri(here, target))
        html = (
            f'<script type="application/json" id="{DATA_ID}">{script_json(data)}</script>'
            '<div class="leren-planner" id="leren-planner">'
            '<p class="leren-planner-zonder-js">De planner werkt met JavaScript. Staat dat uit in je browser? '
            'Gebruik dan het commando <code>leren programma</code>, zoals uitgelegd op de pagina over een '
            'bijeenkomst samenstellen.</p></div>'
        )
        return [nodes.raw("", html, format="html")]


def _scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    meta = app.env.metadata.get(pagename, {})
    if meta.get(PLANNER_FLAG):
        app.add_js_file("planner-regels.js", loading_method="defer")
        app.add_js_file("planner.js", loading_method="defer")
    if meta.get(FINDER_FLAG):
        app.add_js_file("planner-zoeker.js", loading_method="defer")


def setup(app: Sphinx) -> None:
    app.add_directive("planner", Planner)
    app.add_css_file("planner.css")
    app.connect("html-page-context", _scripts)

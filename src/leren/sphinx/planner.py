"""`planner`: the meeting planner in the browser ("Bijeenkomst plannen").

The rules of a plan live once, in `leren.planner`. At build time this module asks it for what the page
needs (`leren.planner.export(catalog)`: the werkvormen with their minutes and group sizes, the plan's
fields and the Dutch message templates) and writes that into the page as JSON. The page's scripts
(`static/planner-regels.js` applies the rules, `static/planner.js` is the interface) only apply them,
so the page works from a web server and from a file on disk alike: nothing is fetched to plan.

The parity test (tests/test_planner_parity.py) runs generated plans through both and fails on any
difference.
"""

from __future__ import annotations

from babel.dates import get_day_names
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from leren import planner as rules
from leren.agenda.draaiboek import MOMENTS
from leren.agenda.rows import KINDS
from leren.catalog import Catalog
from leren.planner import meeting_steps
from leren.sphinx.base import DataDirective
from leren.sphinx.fillable import script_json
from leren.sphinx.worksheet import DOWNLOADS, FOLDER, _used
from leren.text import LOCALE, MONTHS
from leren.formats import FORMATS

PLANNER_FLAG = "leren-planner"
FINDER_FLAG = "leren-werkvormen-zoeker"
DATA_ID = "leren-planner-data"

def export(catalog: Catalog) -> dict:
    """The rules for the page, as `leren.planner` exports them, plus the plan file's own shape."""
    return rules.export(catalog)  # the plan file's shape is part of the export ("plan")


def page_data(catalog: Catalog, relative) -> dict:
    """The exported rules plus what only the page shows: links, materials, steps and worksheets.

    `relative(target)` turns a path from the site's root into a link from the planner page."""
    data = export(catalog)
    days = get_day_names("wide", locale=LOCALE)  # 0 is Monday
    data["weergave"] = {"dagen": [days[d] for d in range(7)], "maanden": list(MONTHS), "soorten": dict(KINDS),
                        "momenten": dict(MOMENTS)}
    for fid, item in data["werkvormen"].items():
        fmt = catalog.formats[fid]
        item["pagina"] = relative(f"book/werkvormen/{fmt.id}.html")
        item["doel"] = fmt.doel
        item["uitnodiging"] = fmt.uitnodiging
        item["materialen"] = list(fmt.ruimte_en_materialen)
        item["indeling"] = fmt.groepsindeling
        item["deelname"] = fmt.deelname or ""
        item["nabespreking"] = list(fmt.nabespreking)
        item["veiligheid"] = fmt.veiligheid or ""
        item["stappen"] = [{"wat": s.wat, "indeling": s.indeling or "", "wanneer": s.wanneer} for s in fmt.stappen]
        if fmt.soort == "traject" and fmt.bijeenkomsten:
            item["bijeenkomst_stappen"] = [[s.wat for s in meeting_steps(fmt, n)]
                                           for n in range(1, fmt.bijeenkomsten + 1)]
    for sheet_id, sheet in data["werkbladen"].items():
        sheet["instructie"] = catalog.worksheets[sheet_id].instructie
        sheet["bestanden"] = [{"soort": FORMATS[kind].label,
                               "pad": relative(f"{FOLDER}/{sheet_id}{FORMATS[kind].suffix}")} for kind in DOWNLOADS]
    return data


class Planner(DataDirective):
    """`planner`: the planner's data and the place where the page's script builds the planner."""

    def run(self) -> list[nodes.Node]:
        catalog = self.catalog
        self.require(catalog.formats, "de werkvormen")
        self.env.metadata[self.env.docname][PLANNER_FLAG] = True
        builder = self.env.app.builder
        here = builder.get_target_uri(self.env.docname) if builder.format == "html" else self.env.docname
        # The planner links to the worksheets: make sure their files are rendered.
        sheets = _used(self.env).setdefault(self.env.docname, set())
        sheets.update(catalog.worksheets)
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

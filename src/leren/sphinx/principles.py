"""The seven principles: the overview, the module header, the key points and the principle x case matrix."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from leren import modules
from leren.agenda.rows import rows as agenda_rows
from leren.paths import principle, target
from leren.sphinx.base import DataDirective, bullets, facts, para, rubric, table
from leren.sphinx.evidence import grade_cell, legend
from leren.sphinx.worksheet import download_link
from leren.text import clock
from leren.text import duration as minutes


def page(principle_id: str) -> str:
    return target(principle(principle_id))


class PrinciplesOverview(DataDirective):
    """`principes-overzicht`: the seven principles with their summaries, in the order of the source."""

    def run(self) -> list[nodes.Node]:
        principles = self.catalog.principles
        self.require(principles, "de lijst met principes")
        timed = all(p.duur for p in principles.values())
        headers = ["Nr.", "Principe", "In het kort"] + (["Duur"] if timed else [])
        rows = []
        for p in principles.values():
            row = [str(p.nummer), para(self.doc_link(page(p.id), p.naam)), p.samenvatting]
            if timed:
                row.append(minutes(modules.module_time(self.catalog, p).totaal))
            rows.append(row)
        return [table(headers, rows, ["leren-principes"], caption="De zeven principes van transformatieleren")]


class Schedule(DataDirective):
    """`lesschema`: the seven modules as one course, with times computed from each module's duration
    (explanation and practice), like a Carpentries schedule."""

    def run(self) -> list[nodes.Node]:
        principles = list(self.catalog.principles.values())
        for p in principles:
            self.require(p.duur, f"'duur' van principe '{p.id}'")
        rows, elapsed = [], 0
        for p in principles:
            start = elapsed
            parts = modules.module_time(self.catalog, p)
            elapsed += parts.totaal
            rows.append([para(self.doc_link(page(p.id), f"{p.nummer}. {p.naam}")), minutes(parts.uitleg),
                         minutes(parts.oefeningen), minutes(parts.werkblad), f"{clock(start)}-{clock(elapsed)}"])
        caption = f"Lesschema: alle zeven modules achter elkaar duren samen {minutes(elapsed)}"
        return [table(["Module", "Uitleg", "Oefeningen", "Werkblad", "Tijd vanaf de start"], rows,
                      ["leren-lesschema"], caption=caption)]


class ModuleHeader(DataDirective):
    """`module-kop ID`: the metadata block at the top of a principle's teaching module."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        p = self.lookup(self.catalog.principles, self.arguments[0], "principe")
        self.require(p.leerdoelen, f"'leerdoelen' van principe '{p.id}'")
        self.require(p.kernvragen, f"'kernvragen' van principe '{p.id}'")
        self.require(p.duur, f"'duur' van principe '{p.id}'")
        parts = modules.module_time(self.catalog, p)
        box = nodes.container(classes=["leren-module-kop"])
        box += facts((
            ("Principe", f"{p.nummer} van 7"),
            ("Voor wie", ", ".join(p.doelgroep) if p.doelgroep else "iedereen"),
            ("Duur", f"{minutes(parts.uitleg)} uitleg, {minutes(parts.oefeningen)} voor de twee oefeningen en "
                     f"{minutes(parts.werkblad)} voor het werkblad: samen {minutes(parts.totaal)}"),
        ))
        box += rubric("Leerdoelen")
        box += bullets(p.leerdoelen)
        box += rubric("Kernvragen")
        box += bullets(p.kernvragen)
        if p.naamvarianten:
            variants = "; ".join(f"'{v}'" for v in p.naamvarianten)
            box += para(f"In de bron heet dit principe soms ook: {variants}.")
        box += self._meeting(p)
        return [box]

    def _meeting(self, p) -> list[nodes.Node]:
        """The module as one meeting: the running order from its plan, with the agenda and draaiboek."""
        path = modules.plan_path(p.id)
        if not path.is_file():
            return []
        self.env.note_dependency(str(path))
        plan = modules.meeting(self.catalog, p)
        out = [rubric(f"Als bijeenkomst van {minutes(plan.minuten)}")]
        out.append(para("Zo geef je deze module in een bijeenkomst: uitleg, casusopdracht en werkblad nemen de "
                         "minuten van de module; een opening, een werkvorm, een pauze, de nabespreking en de stap "
                         "naar de praktijk komen erbij. Dit draaiboek is een ontwerp van de redactie."))
        out.append(table(["Tijd", "Onderdeel", "Duur"], [[r.time, r.title, r.minutes] for r in agenda_rows(plan)],
                         ["leren-module-programma"], caption=f"Programma van module {p.nummer}"))
        line = nodes.paragraph(classes=["leren-werkblad-downloads"])
        line += nodes.Text("Downloaden: ")
        for index, (suffix, label) in enumerate(MEETING_FILES.items()):
            if index:
                line += nodes.Text(" · ")
            link = download_link(filename=f"module-{p.id}{suffix}")
            link += nodes.Text(label)
            line += link
        out.append(line)
        return out


# The files of a module's meeting, written next to the worksheets (see `_render_meetings`).
MEETING_FILES = {
    "-draaiboek.pdf": "Draaiboek (PDF)",
    "-draaiboek.docx": "Draaiboek (Word)",
    "-agenda.pdf": "Agenda voor deelnemers (PDF)",
}


def _render_meetings(app: Sphinx, env) -> list[str]:
    """Write the agenda and draaiboek of every module that has a plan into the worksheets folder."""
    if app.builder.format != "html":
        return []
    from pathlib import Path

    from leren import agenda
    from leren.catalog import load
    from leren.sphinx.worksheet import FOLDER

    catalog = load(app.config.leren_data_dir or None)
    folder = Path(app.outdir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for p in catalog.principles.values():
        if p.duur is None or not modules.plan_path(p.id).is_file():
            continue
        plan = modules.meeting(catalog, p)
        for suffix in MEETING_FILES:
            fmt = suffix.rsplit(".", 1)[1]
            data = agenda.render(plan, fmt, draaiboek="draaiboek" in suffix)
            target = folder / f"module-{p.id}{suffix}"
            if not target.is_file() or target.read_bytes() != data:
                target.write_bytes(data)
    return []


class KeyPoints(DataDirective):
    """`kernpunten ID`: the key points of a principle."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        p = self.lookup(self.catalog.principles, self.arguments[0], "principe")
        self.require(p.kernpunten, f"'kernpunten' van principe '{p.id}'")
        box = nodes.container(classes=["leren-kernpunten"])
        box += bullets(p.kernpunten)
        return [box]


class PrincipleCaseMatrix(DataDirective):
    """`principe-casus-matrix`: how strongly each case shows each principle, graded, with a legend."""

    def run(self) -> list[nodes.Node]:
        catalog = self.catalog
        cases = [c for c in catalog.cases.values() if c.principes]
        self.require(cases, "bewijs per principe in de casussen ('principes' in casussen/*.yml)")
        headers = ["Principe"] + [c.kort for c in cases]
        rows = []
        for p in catalog.principles.values():
            row: list = [para(self.doc_link(page(p.id), f"{p.nummer}. {p.naam}"))]
            for case in cases:
                row.append(grade_cell(next((ev for ev in case.principes if ev.principe == p.id), None)))
            rows.append(row)
        caption = "Hoe sterk laat elke casus elk principe zien?"
        return [table(headers, rows, ["leren-matrix"], caption=caption, row_headers=True), legend()]


def setup(app: Sphinx) -> None:
    app.add_directive("principes-overzicht", PrinciplesOverview)
    app.add_directive("module-kop", ModuleHeader)
    app.add_directive("lesschema", Schedule)
    app.add_directive("kernpunten", KeyPoints)
    app.add_directive("principe-casus-matrix", PrincipleCaseMatrix)
    app.connect("env-updated", _render_meetings)

"""The seven principles: the overview, the module header, the key points and the principle x case matrix."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from leren.paths import principle, target
from leren.sphinx.base import DataDirective, bullets, facts, para, rubric, table
from leren.text import clock, duration
from leren.sphinx.evidence import grade_cell, legend


class PrinciplesOverview(DataDirective):
    """`principes-overzicht`: the seven principles with their summaries, in the order of the source."""

    def run(self) -> list[nodes.Node]:
        principles = self.catalog.principles
        self.require(principles, "de lijst met principes")
        timed = all(p.duur for p in principles.values())
        headers = ["Nr.", "Principe", "In het kort"] + (["Duur"] if timed else [])
        rows = []
        for p in principles.values():
            row = [str(p.nummer), para(self.doc_link(target(principle(p.id)), p.naam)), p.samenvatting]
            if timed:
                row.append(duration(p.duur.totaal))
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
            elapsed += p.duur.totaal
            rows.append([para(self.doc_link(target(principle(p.id)), f"{p.nummer}. {p.naam}")), duration(p.duur.uitleg),
                         duration(p.duur.oefening), f"{clock(start)}-{clock(elapsed)}"])
        caption = f"Lesschema: alle zeven modules achter elkaar duren samen {duration(elapsed)}"
        return [table(["Module", "Uitleg", "Oefenen", "Tijd vanaf de start"], rows, ["leren-lesschema"],
                      caption=caption)]


class ModuleHeader(DataDirective):
    """`module-kop ID`: the metadata block at the top of a principle's teaching module."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        p = self.lookup(self.catalog.principles, self.arguments[0], "principe")
        self.require(p.leerdoelen, f"'leerdoelen' van principe '{p.id}'")
        self.require(p.kernvragen, f"'kernvragen' van principe '{p.id}'")
        self.require(p.duur, f"'duur' van principe '{p.id}'")
        box = nodes.container(classes=["leren-module-kop"])
        box += facts((
            ("Principe", f"{p.nummer} van 7"),
            ("Voor wie", ", ".join(p.doelgroep) if p.doelgroep else "iedereen"),
            ("Duur", f"{duration(p.duur.uitleg)} uitleg, {duration(p.duur.oefening)} oefenen "
                     f"(samen {duration(p.duur.totaal)})"),
        ))
        box += rubric("Leerdoelen")
        box += bullets(p.leerdoelen)
        box += rubric("Kernvragen")
        box += bullets(p.kernvragen)
        if p.naamvarianten:
            variants = "; ".join(f"'{v}'" for v in p.naamvarianten)
            box += para(f"In de bron heet dit principe soms ook: {variants}.")
        return [box]


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
            row: list = [para(self.doc_link(target(principle(p.id)), f"{p.nummer}. {p.naam}"))]
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

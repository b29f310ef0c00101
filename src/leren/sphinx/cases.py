"""The five cases: their core, timeline, actors, formats, principles, and the comparison across cases."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from leren.model import Case
from leren.paths import principle, target, werkvorm
from leren.sphinx.base import DataDirective, bullets, para, table
from leren.sphinx.evidence import GRADE_ORDER, legend, place

CORE_QUESTIONS = (
    ("wie", "Wie leert er?"),
    ("setting", "In welke setting?"),
    ("doel", "Met welk doel?"),
    ("hoe", "Hoe en door wie begeleid?"),
    ("resultaat", "Met welk resultaat?"),
)
DIRECTIONS = {"top-down": "Vooral van bovenaf", "bottom-up": "Vooral van onderop", "beide": "Van boven en van onderop"}


class CaseDirective(DataDirective):
    required_arguments = 1

    @property
    def case(self) -> Case:
        return self.lookup(self.catalog.cases, self.arguments[0], "casus")


class CaseCore(CaseDirective):
    """`casus-kern ID`: the five questions every case chapter answers."""

    def run(self) -> list[nodes.Node]:
        case = self.case
        self.require(case.kern, f"'kern' van casus '{case.id}'")
        dl = nodes.definition_list(classes=["leren-casus-kern"])
        for key, question in CORE_QUESTIONS:
            item = nodes.definition_list_item()
            item += nodes.term(question, question)
            definition = nodes.definition()
            definition += para(getattr(case.kern, key))
            item += definition
            dl += item
        return [dl]


class CaseTimeline(CaseDirective):
    """`casus-tijdlijn ID`: the phases of a case as a timeline table."""

    def run(self) -> list[nodes.Node]:
        case = self.case
        self.require(case.fasen, f"'fasen' van casus '{case.id}'")
        rows = [[f.periode, f.naam, f.beschrijving] for f in case.fasen]
        caption = f"Tijdlijn: {case.kort} ({case.jaren})"
        return [table(["Periode", "Fase", "Wat er gebeurde"], rows, ["leren-tijdlijn"], caption=caption)]


class CaseActors(CaseDirective):
    """`casus-betrokkenen ID`: who took part, and in what role."""

    def run(self) -> list[nodes.Node]:
        case = self.case
        self.require(case.betrokkenen, f"'betrokkenen' van casus '{case.id}'")
        rows = [[a.naam, a.rol] for a in case.betrokkenen]
        return [table(["Betrokkene", "Rol"], rows, ["leren-betrokkenen"])]


class CaseFormats(CaseDirective):
    """`casus-werkvormen ID`: the werkvormen the case used, linked to the catalogue."""

    def run(self) -> list[nodes.Node]:
        catalog, case = self.catalog, self.case
        self.require(case.werkvormen, f"'werkvormen' van casus '{case.id}'")
        items = []
        for wid in case.werkvormen:
            fmt = catalog.formats[wid]
            items.append(para(self.doc_link(target(werkvorm(wid)), fmt.naam), f": {fmt.doel}"))
        return [bullets(items)]


class CasePrinciples(CaseDirective):
    """`casus-principes ID`: how the case shows each principle: grade, source place and evidence."""

    def run(self) -> list[nodes.Node]:
        catalog, case = self.catalog, self.case
        self.require(case.principes, f"'principes' van casus '{case.id}'")
        order = list(catalog.principles)
        items = []
        for ev in sorted(case.principes, key=lambda e: order.index(e.principe)):
            p = catalog.principles[ev.principe]
            strong = nodes.strong()
            strong += self.doc_link(target(principle(p.id)), f"Principe {p.nummer}: {p.naam}")
            items.append(para(strong, f" ({ev.graad_label}; bron: {place(ev.bron)}). {ev.bewijs}"))
        return [bullets(items)]


class CaseLessonSources(CaseDirective):
    """`casus-lessen-bronnen ID`: where in the source each lesson of the case comes from."""

    def run(self) -> list[nodes.Node]:
        case = self.case
        self.require(case.lessen, f"'lessen' van casus '{case.id}'")
        box = nodes.container(classes=["leren-lessen-bronnen"])
        box += para(nodes.strong("Waar staan deze lessen in het boek?", "Waar staan deze lessen in het boek?"))
        box += bullets([f"{lesson.les.rstrip('.')}: {place(lesson.bron)}" for lesson in case.lessen])
        return [box]


class CasesComparison(DataDirective):
    """`casussen-vergelijking`: the five cases side by side, from their data."""

    def run(self) -> list[nodes.Node]:
        catalog = self.catalog
        cases = list(catalog.cases.values())
        for case in cases:
            self.require(case.kern, f"'kern' van casus '{case.id}'")
        aspects = [
            ("Wie leert er?", lambda c: c.kern.wie),
            ("Richting", lambda c: DIRECTIONS.get(c.richting, "niet vastgelegd")),
            ("Periode", lambda c: c.jaren),
            ("Schaal", lambda c: c.schaal or "niet vermeld"),
            ("Werkvormen", lambda c: ", ".join(catalog.formats[w].naam for w in c.werkvormen) or "–"),
            ("Principes", lambda c: self.graded(c)),
            ("Resultaat", lambda c: c.kern.resultaat),
        ]
        headers = ["Aspect"] + [c.kort for c in cases]
        rows = [[label] + [get(c) for c in cases] for label, get in aspects]
        caption = "De vijf casussen naast elkaar (principes met hun nummer, per graad)"
        return [table(headers, rows, ["leren-vergelijking"], caption=caption, row_headers=True), legend()]

    def graded(self, case: Case) -> str:
        """The principle numbers of a case grouped by grade, e.g. 'noemt: 1, 2, 3; verband: 5; zwak: 7'."""
        numbers = {ev.principe: self.catalog.principles[ev.principe].nummer for ev in case.principes}
        groups = []
        for grade in GRADE_ORDER:
            shown = sorted(numbers[ev.principe] for ev in case.principes if ev.graad == grade)
            if shown:
                groups.append(f"{grade}: {', '.join(map(str, shown))}")
        return "; ".join(groups) or "–"


def setup(app: Sphinx) -> None:
    app.add_directive("casus-kern", CaseCore)
    app.add_directive("casus-tijdlijn", CaseTimeline)
    app.add_directive("casus-betrokkenen", CaseActors)
    app.add_directive("casus-werkvormen", CaseFormats)
    app.add_directive("casus-principes", CasePrinciples)
    app.add_directive("casussen-vergelijking", CasesComparison)
    app.add_directive("casus-lessen-bronnen", CaseLessonSources)

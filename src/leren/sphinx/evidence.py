"""Graded principle evidence: how strongly the source ties a case to a principle, and where it says so.

Shared by the principle x case matrix, the comparison of the cases, the case pages and the "In de
praktijk" section of every principle page. A grade is always shown as text, never as colour alone.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from leren.model import GRADE_LABELS, Evidence
from leren.sphinx.base import DataDirective, bullets, para

GRADE_ORDER = list(GRADE_LABELS)


def place(bron: str) -> str:
    """'004 L2310-2325; 004 L4657' -> '004 r. 2310-2325; 004 r. 4657' (r. = regel in de tekstversie)."""
    return bron.replace(" L", " r. ")


def grade_cell(ev: Evidence | None) -> nodes.Node:
    """The grade as a short word, with a class for a subtle background that never carries meaning alone."""
    if ev is None:
        return para("–")
    return para(nodes.inline(ev.graad, ev.graad, classes=["leren-graad", f"leren-graad-{ev.graad}"]))


def legend() -> nodes.Node:
    """What the grade words mean, and how to read a source place."""
    box = nodes.container(classes=["leren-graad-legenda"])
    box += para(nodes.strong("Zo lees je de graden", "Zo lees je de graden"))
    dl = nodes.definition_list()
    for key, label in GRADE_LABELS.items():
        item = nodes.definition_list_item()
        item += nodes.term("", "", nodes.inline(key, key, classes=["leren-graad", f"leren-graad-{key}"]))
        definition = nodes.definition()
        definition += para(label[0].upper() + label[1:] + ".")
        item += definition
        dl += item
    box += dl
    box += para("Bij elke graad hoort een bronplaats, zoals '004 r. 3791-3794': bron 004 is het boek "
                "Leren transformeren, en r. zijn de regels in de tekstversie die de redactie gebruikte. "
                "Het bewijs zelf staat op de casuspagina's en onder 'In de praktijk' bij elk principe.")
    return box


class PrinciplePractice(DataDirective):
    """`principe-praktijk ID`: every case's evidence for one principle, strongest grade first."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        catalog = self.catalog
        p = self.lookup(catalog.principles, self.arguments[0], "principe")
        found = [(case, ev) for case in catalog.cases.values() for ev in case.principes if ev.principe == p.id]
        self.require(found, f"bewijs voor principe '{p.id}' in de casussen")
        found.sort(key=lambda pair: GRADE_ORDER.index(pair[1].graad))
        items = []
        for case, ev in found:
            strong = nodes.strong()
            strong += self.doc_link(f"/book/casussen/{case.id}", case.kort)
            items.append(para(strong, f" ({ev.graad_label}; bron: {place(ev.bron)}). {ev.bewijs}"))
        return [bullets(items)]


class GradeLegend(DataDirective):
    """`graden-legenda`: the legend of the evidence grades, for a page that shows them in prose."""

    def run(self) -> list[nodes.Node]:
        return [legend()]


def setup(app: Sphinx) -> None:
    app.add_directive("principe-praktijk", PrinciplePractice)
    app.add_directive("graden-legenda", GradeLegend)

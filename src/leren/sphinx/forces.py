"""The five krachten."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from leren.sphinx.base import DataDirective, para


class ForcesList(DataDirective):
    """`krachten`: the five krachten as a definition list."""

    def run(self) -> list[nodes.Node]:
        forces = self.catalog.forces
        self.require(forces, "de lijst met krachten")
        dl = nodes.definition_list(classes=["leren-krachten"])
        for force in forces.values():
            item = nodes.definition_list_item()
            item += nodes.term(force.naam, force.naam)
            definition = nodes.definition()
            definition += para(force.samenvatting)
            item += definition
            dl += item
        return [dl]


def setup(app: Sphinx) -> None:
    app.add_directive("krachten", ForcesList)

"""Reader paths: a curated route through the book for each kind of reader."""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from leren.paths import target
from leren.sphinx.base import DataDirective, bullets, para


class ReadingPaths(DataDirective):
    """`leesroutes`: every route from `leesroutes.yml`, each an ordered list of linked pages."""

    def run(self) -> list[nodes.Node]:
        routes = self.catalog.paths
        self.require(routes, "de leesroutes (leesroutes.yml)")
        out = []
        for route in routes.values():
            box = nodes.container(classes=["leren-leesroute"], ids=[f"leesroute-{route.id}"])
            box += nodes.rubric(route.naam, route.naam)
            box += para(route.intro)
            steps = []
            for step in route.stappen:
                steps.append(para(self.doc_link(target(step.pagina)), f": {step.waarom}"))
            box += bullets(steps, ordered=True)
            out.append(box)
        return out


def setup(app: Sphinx) -> None:
    app.add_directive("leesroutes", ReadingPaths)

"""The glossary, rendered from `begrippen.yml` as a real Sphinx glossary so that `{term}` links resolve."""

from __future__ import annotations

from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.domains.std import Glossary

from leren.sphinx.base import DataDirective


class TermList(Glossary, DataDirective):
    """`begrippenlijst`: every term with its definition, related terms and origin, sorted."""

    has_content = False
    option_spec: dict = {}

    def run(self):
        terms = self.catalog.terms
        self.require(terms, "de begrippenlijst (begrippen.yml)")
        lines: list[str] = []
        for term in terms.values():
            lines.append(term.term)
            lines.append(f"   {' '.join(term.definitie.split())}")
            lines.append("")
            if term.verwant:
                related = ", ".join("{term}`" + other + "`" for other in term.verwant)
                lines.append(f"   Zie ook: {related}.")
                lines.append("")
            lines.append(f"   Herkomst: {term.bron}.")
            lines.append("")
        source = self.get_source_info()[0]
        self.content = StringList(lines, source=source)
        self.options = {"sorted": True}
        return Glossary.run(self)


def setup(app: Sphinx) -> None:
    app.add_directive("begrippenlijst", TermList)

"""Two marks that tell the reader where a text stands towards its sources, each in one style only.

* `bron-wijkt-af`: a note where the sources disagree, leave something open, or differ from the standard
  literature. Always the same admonition with the same title, so readers learn to scan for it.
* `redactie` (directive and role): an addition of the editors (an example, a column, a step) that is
  not in the sources. The block gets a small visible label; the inline role a small "red." marker with
  its meaning as an abbreviation. The colophon explains both once.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole

from leren.model import EDITORS_TOKEN

DEVIATION_TITLE = "Waar de bron afwijkt of iets openlaat"
EDITORS_LABEL = "Toevoeging van de redactie"
EDITORS_MARK = "red."


class DeviationNote(SphinxDirective):
    """`bron-wijkt-af`: where a source differs from another source or from the literature."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        self.assert_has_content()
        note = nodes.admonition(classes=["leren-afwijking"])
        note += nodes.title(DEVIATION_TITLE, DEVIATION_TITLE)
        note += self.parse_content_to_nodes()
        return [note]


class EditorsBlock(SphinxDirective):
    """`redactie`: a block the editors added, with a small visible label."""

    has_content = True

    def run(self) -> list[nodes.Node]:
        self.assert_has_content()
        box = nodes.container(classes=["leren-redactie"])
        label = nodes.paragraph(classes=["leren-redactie-label"])
        label += nodes.Text(EDITORS_LABEL)
        box += label
        box += self.parse_content_to_nodes()
        return [box]


def editors_mark() -> nodes.abbreviation:
    """The small "red." marker, with its meaning for mouse and screen reader."""
    return nodes.abbreviation(EDITORS_MARK, EDITORS_MARK, explanation=EDITORS_LABEL.lower(),
                              classes=["leren-redactie-merk"])


def with_editors_marks(text: str) -> list[nodes.Node]:
    """A data text as text nodes, each `(red.)` token replaced by the editors' marker."""
    out: list[nodes.Node] = []
    for i, part in enumerate(text.split(EDITORS_TOKEN)):
        if i:
            out.append(editors_mark())
        if part:
            out.append(nodes.Text(part))
    return out


class EditorsSpan(SphinxRole):
    """`{redactie}`text``: a short phrase the editors added, followed by a small marker."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        span = nodes.inline(self.rawtext, "", classes=["leren-redactie-tekst"])
        span += nodes.Text(self.text)
        return [span, nodes.Text(" "), editors_mark()], []


def setup(app: Sphinx) -> None:
    app.add_directive("bron-wijkt-af", DeviationNote)
    app.add_directive("redactie", EditorsBlock)
    app.add_role("redactie", EditorsSpan())

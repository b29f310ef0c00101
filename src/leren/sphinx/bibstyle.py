"""Dutch bibliography styles: author-year citations as "(Kolb, 1984)" and a reference list in Dutch.

sphinxcontrib-bibtex and pybtex only ship English wording ("and", "et al.", "editors", "pages").
This module registers two plugins named `leren`:

- a referencing style (`bibtex_reference_style: leren`): author-year with round brackets,
  "en" between two authors and "e.a." for three or more;
- a formatting style (`bibtex_default_style: leren`): pybtex's `plain` with Dutch words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import pages
from pybtex.style.template import field as bib_field
from pybtex.style.template import join, names, optional, sentence, together, words
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

NAME = "leren"


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


def _person() -> PersonStyle:
    return PersonStyle(sep2=" en ", last_sep=" en ", other=Text(" e.a."))


@dataclass
class DutchAuthorYear(AuthorYearReferenceStyle):
    """`{cite:p}` gives "(Kolb, 1984)", `{cite:t}` gives "Kolb (1984)"."""

    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    bracket_textual: BracketStyle = field(default_factory=_round)
    bracket_author: BracketStyle = field(default_factory=_round)
    bracket_label: BracketStyle = field(default_factory=_round)
    bracket_year: BracketStyle = field(default_factory=_round)
    person: PersonStyle = field(default_factory=_person)


class DutchPlain(PlainStyle):
    """pybtex's plain style with Dutch connecting words."""

    def format_names(self, role, as_sentence=True):
        formatted = names(role, sep=", ", sep2=" en ", last_sep=" en ")
        return sentence[formatted] if as_sentence else formatted

    def format_editor(self, e, as_sentence=True):
        editors = self.format_names("editor", as_sentence=False)
        if "editor" not in e.persons:
            return editors
        result = words[editors, "(red.)"]
        return sentence[result] if as_sentence else result

    def format_chapter_and_pages(self, e):
        return join(sep=", ")[
            optional[together["hoofdstuk", bib_field("chapter")]],
            optional[together["p.", pages]],
        ]

    def format_edition(self, e):
        return optional[words[bib_field("edition"), "druk"]]


def _bibfiles_from_the_book(app: Sphinx) -> None:
    """Paths in _config.yml are relative to the book's folder. sphinxcontrib-bibtex reads them relative to
    the folder of conf.py, which is another one when conf.py is generated elsewhere (`sphinx-build -c`).
    The absolute paths hold only while its `builder-inited` handler runs (priority 500); `_restore` puts the
    configuration back as written, so the site's `.buildinfo` does not depend on where conf.py was."""
    files = getattr(app.config, "bibtex_bibfiles", None)
    if not files:
        return
    app.leren_bibfiles = files
    confdir, srcdir = Path(app.confdir), Path(app.srcdir)
    app.config.bibtex_bibfiles = [
        str(srcdir / name) if not (confdir / name).exists() and (srcdir / name).exists() else name
        for name in files
    ]


def _restore(app: Sphinx) -> None:
    if hasattr(app, "leren_bibfiles"):
        app.config.bibtex_bibfiles = app.leren_bibfiles


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _bibfiles_from_the_book, priority=400)
    app.connect("builder-inited", _restore, priority=600)
    pybtex.plugin.register_plugin("pybtex.style.formatting", NAME, DutchPlain)
    sphinxcontrib.bibtex.plugin.register_plugin("sphinxcontrib.bibtex.style.referencing", NAME, DutchAuthorYear)

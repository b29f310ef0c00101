"""The reference shelf: glossary, bibliography and reader paths."""

from __future__ import annotations

import html
import re

from conftest import ROOT
from pybtex.database import parse_file

import leren

BIB = ROOT / "book" / "references.bib"
SOURCE_KEYS = {"leren-transformeren", "art-ontzorgen", "art-supportorganisatie", "art-ruimte-of-kloof", "divosa2018"}
READERS = {"trainer", "student", "manager", "uitgever"}


def entries():
    return parse_file(str(BIB), bib_format="bibtex").entries


def test_every_bibliography_entry_says_whether_it_was_verified():
    unmarked = [key for key, entry in entries().items() if entry.fields.get("verified") not in {"ja", "nee"}]
    assert unmarked == []


def test_the_five_sources_are_in_the_bibliography():
    assert SOURCE_KEYS <= set(entries())


def test_other_keys_are_surname_and_year():
    wrong = [key for key in entries() if key not in SOURCE_KEYS and not re.fullmatch(r"[a-z]+[0-9]{4}[a-z]?", key)]
    assert wrong == []


def test_glossary_page_shows_every_term_with_its_related_terms(book):
    page = book.page("book/naslag/begrippen")
    for term in leren.load().terms.values():
        entry = re.search(rf'<dt id="term-[^"]*">{re.escape(html.escape(term.term, quote=False))}<a', page)
        assert entry, term.term
        definition = page[entry.end() : page.index("</dd>", entry.end())]
        for other in term.verwant:
            assert f'std-term">{html.escape(other, quote=False)}</span>' in definition, (term.term, other)


def test_glossary_has_between_60_and_80_terms():
    assert 60 <= len(leren.load().terms) <= 100


def test_sources_page_groups_the_bibliography(book):
    page = book.page("book/naslag/bronnen")
    for heading in ("De bronnen van deze kennisbank", "Overige werken: gecontroleerd", "Overige werken: niet gecontroleerd"):
        assert heading in page
    assert "Leren transformeren" in page


def test_there_is_a_reading_path_for_every_kind_of_reader():
    paths = leren.load().paths
    assert set(paths) == READERS
    for route in paths.values():
        assert 5 <= len(route.stappen) <= 8, route.id


def test_reading_path_steps_name_existing_pages():
    for route in leren.load().paths.values():
        for step in route.stappen:
            assert re.fullmatch(r"(book|exercises)/[a-z0-9/-]+", step.pagina), step.pagina
            assert (ROOT / f"{step.pagina}.md").is_file(), f"{route.id}: {step.pagina}"


def test_citations_and_reference_list_are_dutch(book):
    page = html.unescape(re.sub(r"<[^>]+>", "", book.page("book/naslag/bronnen")))
    assert "(Stam e.a., z.j.)" in page
    assert "(van Iersel en Dobbe, 2018)" in page
    assert "(red.)" in page
    assert "editors" not in page

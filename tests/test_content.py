"""Content rules: every principle and case has its page with every module section, every image has alt
text, every glossary term is used, and every bibliography entry is cited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pybtex.database import parse_file

import leren

ROOT = Path(__file__).resolve().parent.parent
PRINCIPLE_SECTIONS = ["Uitleg", "Achtergrond", "In de praktijk", "Werkvormen", "Oefeningen", "Kernpunten",
                      "Werkblad", "Bronnen"]
CASE_SECTIONS = ["De kern", "Tijdlijn", "Betrokkenen", "Hoe er geleerd werd", "Spanningen en dilemma's",
                 "Wat werkte en wat schuurde", "Lessen en vuistregels", "Principes", "Bespreekvragen", "Werkblad",
                 "Bronnen"]
CATALOG = leren.load()


def sources() -> list[Path]:
    return sorted(p for folder in ("book", "exercises") for p in (ROOT / folder).rglob("*.md"))


def headings(path: Path, level: int) -> list[str]:
    return re.findall(rf"^{'#' * level} (.+?)\s*$", path.read_text(encoding="utf-8"), flags=re.M)


@pytest.mark.parametrize("pid", list(CATALOG.principles))
def test_principle_page_follows_the_module_structure(pid):
    page = ROOT / "book" / "principes" / f"{pid}.md"
    assert page.is_file(), f"principe '{pid}' heeft geen pagina"
    text = page.read_text(encoding="utf-8")
    p = CATALOG.principles[pid]
    assert headings(page, 1) == [f"*Principe {p.nummer}: {p.naam}*"]
    assert f"```{{module-kop}} {pid}\n```" in text
    assert f"```{{kernpunten}} {pid}\n```" in text
    assert f"```{{werkblad}} principe-{pid}\n```" in text
    assert headings(page, 2) == PRINCIPLE_SECTIONS
    assert text.count(":::{exercise}") >= 2 and text.count(":::{solution}") >= 2
    assert p.leerdoelen and p.kernvragen and p.kernpunten and p.duur and p.doelgroep


@pytest.mark.parametrize("cid", list(CATALOG.cases))
def test_case_page_has_every_section_and_its_data(cid):
    page = ROOT / "book" / "casussen" / f"{cid}.md"
    assert page.is_file(), f"casus '{cid}' heeft geen pagina"
    text = page.read_text(encoding="utf-8")
    assert headings(page, 2) == CASE_SECTIONS
    for directive in ("casus-kern", "casus-tijdlijn", "casus-betrokkenen", "casus-werkvormen", "casus-principes"):
        assert f"```{{{directive}}} {cid}\n```" in text, directive
    assert f"```{{werkblad}} casus-{cid}\n```" in text
    case = CATALOG.cases[cid]
    assert case.kern and case.fasen and case.betrokkenen and case.werkvormen and case.principes


def test_every_case_claims_only_principles_with_a_page():
    for case in CATALOG.cases.values():
        for ev in case.principes:
            assert (ROOT / "book" / "principes" / f"{ev.principe}.md").is_file()


def test_every_image_has_alt_text(book):
    for page in book.html.rglob("*.html"):
        for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8")):
            alt = re.search(r'\balt="([^"]*)"', tag)
            assert alt and alt.group(1).strip(), (page.name, tag)


def test_every_glossary_term_is_linked_from_a_page():
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources())
    used = {m.casefold() for m in re.findall(r"\{term\}`(?:[^`<]*<)?([^`>]+)>?`", text)}
    unused = [t for t in CATALOG.terms if t.casefold() not in used]
    assert unused == []


def test_every_bibliography_entry_is_cited():
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources())
    cited = {key.strip() for keys in re.findall(r"\{(?:foot)?cite(?::[a-z]+)?\}`([^`]+)`", text) for key in keys.split(",")}
    keys = set(parse_file(str(ROOT / "book" / "references.bib"), bib_format="bibtex").entries)
    assert sorted(keys - cited) == []

"""Every claim traceable: graded principle evidence with source places, one style for deviation notes,
one way to mark editors' additions. Data checks run on the package data; the directives on a tiny
Sphinx project, not on the whole book."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

import leren
from leren import DataError
from leren.catalog import DATA_DIR
from leren.model import GRADE_LABELS, SOURCE_PLACE

ROOT = Path(__file__).resolve().parent.parent
SEED = Path("/work/shared/seeds/004_02a7dca95b9feeea.txt")
PAGES = sorted(p for p in (ROOT / "book").rglob("*.md") if "werkvormen" not in p.parts)
FIGURES = sorted((ROOT / "book" / "figuren").glob("*.svg"))


def test_every_case_principle_cell_has_a_grade_and_a_source_place():
    catalog = leren.load()
    for case in catalog.cases.values():
        cells = {ev.principe: ev for ev in case.principes}
        assert set(cells) == set(catalog.principles), case.id
        for pid, ev in cells.items():
            assert ev.graad in GRADE_LABELS, (case.id, pid)
            assert SOURCE_PLACE.match(ev.bron), (case.id, pid, ev.bron)
            assert ev.bewijs.strip(), (case.id, pid)


def test_grades_follow_what_the_book_says():
    """The cells the reviews checked by hand: the grades must not slip back to 'all yes'."""
    cases = leren.load().cases
    grade = {(c.id, ev.principe): ev.graad for c in cases.values() for ev in c.principes}
    # The JES chapter names five principles; boundary crossing and trialogical learning are linked in ch. 7/8.
    assert grade["jes", "boundary-crossing"] == "verband"
    assert grade["jes", "trialogisch-leren"] == "verband"
    # RIBW shows principle 7 only in part; the OWP chapter does not name uncertain knowing.
    assert grade["ribw", "trialogisch-leren"] == "zwak"
    assert grade["ontwikkelwerkplaatsen", "onzeker-weten"] == "zwak"
    assert len(set(grade.values())) == len(GRADE_LABELS)


@pytest.mark.skipif(not SEED.is_file(), reason="de brontekst staat niet op deze machine")
def test_source_places_lie_inside_the_main_book():
    lines = SEED.read_text(encoding="utf-8").count("\n") + 1
    for case in leren.load().cases.values():
        for ev in case.principes:
            for seed, first, last in re.findall(r"(\d{3}) L(\d+)(?:-(\d+))?", ev.bron):
                assert seed == "004"
                assert 1 <= int(first) <= int(last or first) <= lines, (case.id, ev.principe, ev.bron)


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as exc:
        leren.load(data)
    return exc.value.problems


def _edit_evidence(data: Path, change) -> None:
    path = data / "casussen" / "jes.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw["principes"])
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_missing_cell_is_refused_in_dutch(data):
    _edit_evidence(data, lambda cells: cells.pop())
    [problem] = _problems(data)
    assert problem.startswith("casussen/jes.yml: onder 'principes' ontbreken trialogisch-leren.")


def test_unknown_grade_and_bad_source_place_are_refused(data):
    def change(cells):
        cells[0]["graad"] = "ja"
        cells[1]["bron"] = "hoofdstuk 6"
    _edit_evidence(data, change)
    found = _problems(data)
    assert any("heeft de waarde 'ja'; kies uit 'noemt', 'verband', 'redactie', 'zwak'" in p for p in found)
    assert any("'bron' is 'hoofdstuk 6'; schrijf een bronplaats als '004 L2310-2325'" in p for p in found)


def test_cell_without_grade_is_refused(data):
    _edit_evidence(data, lambda cells: cells[2].pop("graad"))
    assert any("veld 'principes[3].graad' ontbreekt" in p for p in _problems(data))


def test_one_style_for_deviation_notes():
    """Deviation notes use only the `bron-wijkt-af` directive; the two old forms are gone."""
    old_forms = ("Let op: de bron wijkt af", "**Waar de bron afwijkt of iets openlaat**\n")
    used = 0
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for form in old_forms:
            assert form not in text, f"{page.relative_to(ROOT)}: oude vorm '{form}'"
        used += text.count("{bron-wijkt-af}")
        # A plain note that says where the source differs is a deviation note in disguise.
        for body in re.findall(r"[`:]{3}\{note\}\n(.*?)\n[`:]{3}", text, flags=re.S):
            assert not re.search(r"\b(bron|hoofdstuk|het boek)\b.*\b(wijkt|spreekt|tegen|anders|niet eenduidig)",
                                 body, flags=re.I | re.S), f"{page.relative_to(ROOT)}: {body[:80]}"
    assert used >= 20


def test_editors_additions_are_marked_one_way():
    """No inline '(van de redactie)' labels in running text: the `redactie` block or role marks them."""
    banned = re.compile(r"\((?:voorbeeld |toelichting )?van de redactie\)|\*Voorbeeld van de redactie:\*|"
                        r"^Aanvulling van de redactie:|^Een voorbeeld van de redactie:", re.M)
    for page in PAGES:
        hits = banned.findall(page.read_text(encoding="utf-8"))
        assert not hits, f"{page.relative_to(ROOT)}: {hits}"


def test_colophon_explains_both_marks():
    text = (ROOT / "book" / "colofon.md").read_text(encoding="utf-8")
    assert "Waar de bron afwijkt of iets openlaat" in text and "Toevoeging van de redactie" in text


MINI_PAGE = """# Proef

```{bron-wijkt-af}
De bron zegt *twee* dingen.
```

```{redactie}
Een voorbeeld van ons.
```

Tekst met {redactie}`een <script>korte</script> aanvulling` erin.

```{principe-praktijk} onzeker-weten
```
"""


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> str:
    """The page built in-process in a tiny project (tests/sphinx_support)."""
    from sphinx_support import build_mini

    out, _ = build_mini(tmp_path_factory.mktemp("mini"), {"index": MINI_PAGE},
                        extensions=["myst_parser", "sphinxcontrib.bibtex", "leren.sphinx"], bibtex_bibfiles=[])
    return (out / "index.html").read_text(encoding="utf-8")


def test_deviation_note_renders_with_its_fixed_title(mini):
    assert '<div class="leren-afwijking admonition">' in mini
    assert '<p class="admonition-title">Waar de bron afwijkt of iets openlaat</p>' in mini


def test_editors_marks_have_a_text_label(mini):
    assert '<p class="leren-redactie-label">Toevoeging van de redactie</p>' in mini
    assert '<abbr class="leren-redactie-merk" title="toevoeging van de redactie">red.</abbr>' in mini
    assert "een &lt;script&gt;korte&lt;/script&gt; aanvulling" in mini and "<script>korte" not in mini


def test_principle_practice_orders_by_grade_and_shows_the_place(mini):
    items = re.findall(r"<li><p><strong><span>([^<]+)</span></strong> \(([^;]+); bron: ([^)]+)\)", mini)
    assert [name for name, _, _ in items][-1] == "Ontwikkelwerkplaatsen"
    assert items[-1][1] == GRADE_LABELS["zwak"]
    assert all(re.match(r"004 r\. \d+", place) for _, _, place in items)


# --- One term per concept -------------------------------------------------------------------------

DATA = ROOT / "src" / "leren" / "data"
MY_DATA = sorted([*(DATA / "casussen").glob("*.yml"), *(DATA / "principes").glob("*.yml"),
                  DATA / "krachten.yml", DATA / "begrippen.yml", DATA / "leesroutes.yml"])
# Files other branches own (werkvormen, item banks, worksheets, notebooks); their slips are reported to
# those branches and checked in an expected-failure test below until they are mended.
OTHERS = sorted([*(DATA / "werkvormen").glob("*.yml"), *(DATA / "oefeningen").glob("*.yml"),
                 *(DATA / "werkbladen").glob("*.yml"), *(ROOT / "exercises").glob("*.md"),
                 *(ROOT / "book" / "werkvormen").glob("*.md")])


def _glossary_entry(choice) -> str:
    if choice.begrip is None:
        return ""
    term = leren.load().terms[choice.begrip]
    return term.definitie


def _slips(files: list[Path]) -> list[str]:
    choices = leren.load().vocabulary.values()
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        low = text.casefold()
        for choice in choices:
            allowed = _glossary_entry(choice).casefold() if path.name == "begrippen.yml" else ""
            for variant in choice.vermijden:
                hits = low.count(variant.casefold()) - allowed.count(variant.casefold())
                if hits > 0:
                    found.append(f"{path.relative_to(ROOT)}: '{variant}' (gebruik '{choice.term}')")
            if choice.engels and path.name != "begrippen.yml":
                english = [m.start() for m in re.finditer(re.escape(choice.engels.casefold()), low)]
                glossed = re.findall(re.escape(choice.term.casefold()) + r"\w*\s*\(" + re.escape(choice.engels.casefold()),
                                     low)
                if len(english) > 1 or (english and not glossed):
                    found.append(f"{path.relative_to(ROOT)}: '{choice.engels}' {len(english)} keer; gebruik het Engels "
                                 f"alleen één keer, tussen haakjes na '{choice.term}'")
    return found


def test_term_list_agrees_with_the_glossary():
    catalog = leren.load()
    assert catalog.vocabulary
    for choice in catalog.vocabulary.values():
        if choice.begrip:
            term = catalog.terms[choice.begrip]
            assert term.term.casefold() == choice.term.casefold(), choice.term
            if choice.engels:
                assert choice.engels.casefold() in term.definitie.casefold(), choice.term


def test_pages_and_case_data_use_one_term_per_concept():
    slips = _slips(PAGES + FIGURES + MY_DATA)
    assert not slips, "\n".join(slips)


def test_files_of_other_branches_use_one_term_per_concept():
    slips = _slips(OTHERS)
    assert not slips, "\n".join(slips)


def test_term_list_refuses_a_variant_that_is_the_term_itself(data):
    path = data / "termen.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw[0]["vermijden"].append("Stille kennis")
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    [problem] = _problems(data)
    assert problem.startswith("termen.yml, item 'stille kennis':") and "'Stille kennis' staat onder 'vermijden'" in problem


# --- Bibliography: one rule for `verified` --------------------------------------------------------

def _bib_entries() -> dict[str, str]:
    text = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in re.finditer(r"@\w+\{([^,]+),(.*?)\n\}", text, flags=re.S)}


def test_every_entry_says_whether_it_is_verified_and_follows_the_rule():
    """'ja' only when the identification is certain; an editors' choice or an unchecked outside fact is 'nee'."""
    uncertain = re.compile(r"door de redactie gekozen|keuze (?:is )?van de redactie|aanname|waarschijnlijk een|"
                           r"\[extern|aangevuld door de redactie", re.I)
    entries = _bib_entries()
    assert len(entries) > 60
    for key, body in entries.items():
        flag = re.search(r"verified\s*=\s*\{(ja|nee)\}", body)
        assert flag, key
        note = re.search(r"note\s*=\s*\{(.*?)\},?\n", body, flags=re.S)
        if note and uncertain.search(note.group(1)):
            assert flag.group(1) == "nee", key


def test_one_entry_per_work():
    entries = _bib_entries()
    titles = [re.search(r"title\s*=\s*\{(.*?)\},", body).group(1).casefold()
              for body in entries.values() if "title" in body]
    assert len(titles) == len(set(titles))
    assert [k for k in entries if k.startswith("polanyi")] == ["polanyi1967"]


# --- Case lessons: every lesson on a case page has a source place in the case data ---------------

def _lesson_items(text: str) -> list[str]:
    section = text[text.index("## Lessen en vuistregels"):text.index("## Principes")]
    return [m.group(2) for m in re.finditer(r"^(\d+\.|-) (.*)$", section, flags=re.M)]


def test_every_case_lesson_has_a_source_place():
    for case in leren.load().cases.values():
        text = (ROOT / "book" / "casussen" / f"{case.id}.md").read_text(encoding="utf-8")
        assert f"{{casus-lessen-bronnen}} {case.id}" in text, case.id
        leads = [lesson.les for lesson in case.lessen]
        for item in _lesson_items(text):
            plain = re.sub(r"\{[a-z:]+\}`([^`<]*?)(?: <[^>]*>)?`", r"\1", item).replace("**", "")
            assert any(plain.startswith(lead.rstrip(".")) for lead in leads), f"{case.id}: {item[:60]}"
        for lesson in case.lessen:
            assert SOURCE_PLACE.match(lesson.bron), (case.id, lesson.les)


def test_no_role_in_the_title_of_a_backtick_fence():
    """A backtick fence may not carry backticks in its info string (CommonMark): the directive would
    silently turn into a paragraph. Titles with a `redactie` role use a colon fence."""
    for page in PAGES:
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            assert not re.match(r"^`{3,}\{[^}]+\}.*`", line), f"{page.relative_to(ROOT)}:{number}"

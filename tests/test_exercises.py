"""Exercises: full marks for the right answers, an explanation for every wrong one, the same verdicts in the
browser as in Python, accessible self-check forms, and two editions from one source."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sphinx_support import build_mini

import leren
from leren import oefeningen
from leren.exercises import LETTERS, check_item, correct_answers, view

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "src" / "leren" / "sphinx" / "static" / "zelftoets.js"
BANKS = sorted(leren.load().exercises)


def test_there_are_item_banks():
    assert BANKS


@pytest.mark.parametrize("bank_id", BANKS)
def test_right_answers_score_full_marks(bank_id):
    oefening = oefeningen.laad(bank_id)
    result = oefening.controleer(correct_answers(oefening.data))
    assert result.maximum > 0
    assert result.punten == result.maximum


def wrong_answers(item: dict) -> list[tuple[object, str]]:
    """Every wrong answer an item allows (or a representative set), each with the explanation it must get."""
    kind = item["soort"]
    out = []
    if kind == "meerkeuze":
        out = [(LETTERS[i], o["uitleg"]) for i, o in enumerate(item["opties"]) if not o["goed"]]
    elif kind == "indelen":
        right = [s["antwoord"] for s in item["uitspraken"]]
        for i, s in enumerate(item["uitspraken"]):
            for category in item["categorieen"]:
                if category != s["antwoord"]:
                    out.append((right[:i] + [category] + right[i + 1 :], s["uitleg"]))
    elif kind == "volgorde":
        right = list(item["juist"])
        for i in range(len(right) - 1):
            swapped = right[:]
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            out.append((swapped, "Nog niet goed"))
    elif kind == "koppelen":
        right = dict(enumerate(item["juist"], 1))
        for number in right:
            for letter in LETTERS[: len(item["rechts"])]:
                if letter != right[number]:
                    out.append(({**right, number: letter}, item["uitleg"][number - 1]))
    return out


@pytest.mark.parametrize("bank_id", BANKS)
def test_each_wrong_answer_gets_its_own_explanation(bank_id):
    data = view(leren.load().exercises[bank_id])
    for item in data["items"]:
        for answer, explanation in wrong_answers(item):
            fb = check_item(item, answer)
            assert fb.punten < fb.maximum
            assert any(explanation in line for line in fb.regels), (item["id"], answer)


def test_unreadable_answers_get_a_dutch_hint():
    data = view(leren.load().exercises[BANKS[0]])
    for item in data["items"]:
        fb = check_item(item, object())
        assert fb.punten == 0 and fb.regels


def test_unknown_bank_suggests_close_ids():
    with pytest.raises(KeyError, match="Onbekende oefening"):
        oefeningen.laad(BANKS[0][:-1] + "x")


def test_browser_gives_the_same_verdicts_as_python():
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is nodig voor deze test (.ci/run installeert het).")
    cases = []
    for bank_id in BANKS:
        data = view(leren.load().exercises[bank_id])
        right = correct_answers(data)
        for item in data["items"]:
            answers = [right.get(item["id"], "Een antwoord van een paar woorden lang, echt waar."), "", None]
            answers += [a for a, _ in wrong_answers(item)]
            for answer in answers:
                fb = check_item(item, answer)
                cases.append({"item": item, "answer": answer,
                              "expected": {"punten": fb.punten, "maximum": fb.maximum, "regels": fb.regels}})
    script = (
        "const z = require(process.argv[1]); const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(cases.map(c => z.lerenCheckItem(c.item, c.answer))));"
    )
    proc = subprocess.run([node, "-e", script, str(SCRIPT)], input=json.dumps(cases), capture_output=True,
                          text=True, check=True)
    browser = json.loads(proc.stdout)
    assert browser == [c["expected"] for c in cases]


class FormAudit(HTMLParser):
    """Collects input ids and label targets inside self-checks."""

    def __init__(self):
        super().__init__()
        self.inputs: list[str] = []
        self.labels: set[str] = set()
        self.live_regions = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "select", "textarea") and "leren-zoeker" not in (attrs.get("class") or ""):
            self.inputs.append(attrs.get("id", ""))
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if attrs.get("aria-live") == "polite" and "leren-feedback" in (attrs.get("class") or ""):
            self.live_regions += 1


def test_self_check_inputs_all_have_labels(book):
    pages = [p for p in book.html.rglob("*.html") if "leren-zelftoets" in p.read_text(encoding="utf-8")]
    assert pages, "geen enkele pagina toont een zelftoets"
    for page in pages:
        audit = FormAudit()
        html = page.read_text(encoding="utf-8")
        audit.feed(html[html.find('<div class="leren-zelftoets"'):])
        assert audit.inputs and all(i and i in audit.labels for i in audit.inputs), page
        assert audit.live_regions > 0


def build_edition(tmp_path: Path, edition: str, monkeypatch, **conf) -> str:
    """A tiny project with an exercise, its solution and a trainer note, built in-process as `edition`."""
    monkeypatch.delenv("LEREN_EDITIE", raising=False)
    page = textwrap.dedent("""
        # Proef

        :::{exercise}
        :label: oef-1
        Noem een voorbeeld.
        :::

        :::{solution} oef-1
        GEHEIME-UITWERKING
        :::

        :::{admonition} Voor de trainer
        :class: voor-trainer
        ALLEEN-VOOR-TRAINERS
        :::
    """)
    out, warnings = build_mini(tmp_path / edition, {"index": page}, leren_editie=edition, html_title="Proef",
                               myst_enable_extensions=["colon_fence"], **conf)
    assert "WARNING" not in warnings, warnings
    return (out / "index.html").read_text(encoding="utf-8")


def test_student_edition_hides_solutions_and_trainer_notes(tmp_path, monkeypatch):
    # Without trainer material (the publisher's choice); by default the switch shows it (test_editie_switch).
    student = build_edition(tmp_path, "student", monkeypatch, leren_trainermateriaal=False)
    trainer = build_edition(tmp_path, "trainer", monkeypatch)
    assert "Noem een voorbeeld" in student and "Noem een voorbeeld" in trainer
    assert "GEHEIME-UITWERKING" not in student and "ALLEEN-VOOR-TRAINERS" not in student
    assert "GEHEIME-UITWERKING" in trainer and "ALLEEN-VOOR-TRAINERS" in trainer
    assert "trainerseditie" in trainer


def test_built_student_edition_hides_solution_text_behind_the_switch(book):
    # Solutions and trainer notes are in the pages only with the edition switch that hides them by default.
    for page in book.html.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if re.search(r'class="[^"]*\b(solution|voor-trainer)\b', html):
            assert "editie.js" in html and "editie.css" in html, page


@pytest.mark.parametrize("bank_id", BANKS)
def test_widget_form_checks_the_answers(bank_id):
    widget = oefeningen.laad(bank_id).formulier()
    button = next(w for w in widget.children if getattr(w, "description", "") == "Controleer")
    button.click()
    assert widget.children[-1].outputs  # the feedback was shown


# --- Content: every principle and case has its exercises, and every notebook follows the same layout. ---

EXERCISES = ROOT / "exercises"
CATALOG = leren.load()


def owner_page(bank) -> str | None:
    """The page of the principle or case a bank belongs to (None for general banks)."""
    folders = {"principe": "/book/principes/", "casus": "/book/casussen/"}
    owner = bank.hoort_bij
    return folders[owner.soort] + owner.id if owner.soort in folders else None


def test_every_principle_and_case_has_a_bank_and_a_notebook():
    for soort, pool in (("principe", CATALOG.principles), ("casus", CATALOG.cases)):
        for entity_id in pool:
            banks = [b for b in CATALOG.exercises.values()
                     if b.hoort_bij.soort == soort and b.hoort_bij.id == entity_id]
            assert banks, f"geen oefening bij {soort} '{entity_id}'"
            assert any((EXERCISES / f"{b.id}.md").exists() for b in banks), f"geen notebook bij {soort} '{entity_id}'"


@pytest.mark.parametrize("bank_id", BANKS)
def test_bank_mixes_kinds_explains_every_answer_and_asks_for_reflection(bank_id):
    bank = CATALOG.exercises[bank_id]
    kinds = [item.soort for item in bank.items]
    assert 3 <= len(kinds) <= 6
    assert kinds.count("reflectie") == 1 and kinds[-1] == "reflectie"
    assert len(set(kinds) - {"reflectie"}) >= 2
    for item in bank.items:
        texts = ([o.uitleg for o in item.opties] + [s.uitleg for s in item.uitspraken]
                 + [p.uitleg for p in item.paren] + ([item.uitleg] if item.soort == "volgorde" else []))
        assert all(t.strip() for t in texts), (bank_id, item.id)


@pytest.mark.parametrize("bank_id", BANKS)
def test_bank_names_the_worksheet_of_its_principle_or_case(bank_id):
    bank = CATALOG.exercises[bank_id]
    owner = bank.hoort_bij
    expected = f"{owner.soort}-{owner.id}"
    if owner.soort in ("principe", "casus") and expected in CATALOG.worksheets:
        assert bank.werkblad == expected
    assert bank.werkblad is None or bank.werkblad in CATALOG.worksheets


def notebook_banks() -> list[str]:
    return [b for b in BANKS if (EXERCISES / f"{b}.md").exists()]


def code_cells(text: str) -> list[str]:
    return re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", text, flags=re.S)


@pytest.mark.parametrize("bank_id", notebook_banks())
def test_notebook_follows_the_exercise_layout(bank_id):
    text = (EXERCISES / f"{bank_id}.md").read_text(encoding="utf-8")
    bank = CATALOG.exercises[bank_id]
    assert re.search(r"^# \S", text, flags=re.M)
    assert "**Leerdoel:**" in text
    assert "```{notebook-download}" in text
    browser = text.index("## Oefen in je browser")
    assert text.index(f"```{{zelftoets}} {bank_id}") > browser
    assert f'oefeningen.laad("{bank_id}")' in text and "oefening.toon()" in text
    assert "oefening.controleer(antwoorden)" in text and "oefening.reflecteer(" in text
    assert f"leren werkblad {bank.werkblad} " in text
    page = owner_page(bank)
    assert page is None or f"{{doc}}`{page}`" in text
    assert "TODO" not in text


@pytest.mark.parametrize("bank_id", notebook_banks())
def test_prefilled_answers_are_partly_right(bank_id):
    """The executed page shows real, mixed feedback: some answers earn points, some get an explanation."""
    text = (EXERCISES / f"{bank_id}.md").read_text(encoding="utf-8")
    cell = next(c for c in code_cells(text) if c.lstrip().startswith("antwoorden = "))
    answers = __import__("ast").literal_eval(cell.split("=", 1)[1].strip())
    result = oefeningen.laad(bank_id).controleer(answers)
    assert 0 < result.punten < result.maximum


def test_notebooks_are_in_the_toc_in_book_order():
    from conftest import toc_docnames

    names = toc_docnames()
    by_principle = sorted((b for b in CATALOG.exercises.values() if b.hoort_bij.soort == "principe"),
                          key=lambda b: CATALOG.principles[b.hoort_bij.id].nummer)
    by_case = sorted((b for b in CATALOG.exercises.values() if b.hoort_bij.soort == "casus"),
                     key=lambda b: CATALOG.cases[b.hoort_bij.id].hoofdstuk)
    expected = ["exercises/principes-verkennen"] + [f"exercises/{b.id}" for b in by_principle + by_case]
    start = names.index(expected[0])
    assert names[start : start + len(expected)] == expected
    assert all(f"exercises/{p.stem}" in names for p in EXERCISES.glob("*.md"))


def test_reflection_gets_the_worksheet_command():
    oefening = oefeningen.laad("grenzen-over")
    result = oefening.reflecteer("Ik liep vast bij een gezin met schulden en wist niet wie ik kon bellen.")
    assert result.maximum == 0 and str(result).startswith("De grens over: reflectie")
    assert "leren werkblad principe-boundary-crossing --formaat docx" in str(result)
    assert "werkblad" not in str(oefening.reflecteer("te kort"))
    with pytest.raises(KeyError, match="geen open vraag"):
        oefening.reflecteer("tekst", "v1")


def test_unanswered_open_question_points_to_reflecteer():
    result = oefeningen.laad("grenzen-over").controleer({})
    last = result.feedback[-1]
    assert last.maximum == 0 and "reflecteer" in last.regels[0] and last.nummer == len(result.feedback)


# --- Notebook downloads ---

def test_conversion_drops_site_only_cells_and_outputs():
    from leren.sphinx.notebooks import convert

    text = textwrap.dedent("""\
        ---
        kernelspec: {display_name: Python 3, language: python, name: python3}
        ---
        # Proef

        Zie {doc}`/book/principes/ervaringsleren` en {term}`de MET-modus <MET-modus>`.

        +++

        ```{notebook-download}
        ```

        +++

        ## Oefen in je browser

        ```{zelftoets} grenzen-over
        ```

        +++

        ## Opdracht

        ```{code-cell} ipython3
        print(1)
        ```
    """)
    nb = convert(text, "proef.md", {"book/principes/ervaringsleren": "Principe 1"})
    sources = "\n".join(c.source for c in nb.cells)
    assert "zelftoets" not in sources and "notebook-download" not in sources
    assert "Zie Principe 1 en de MET-modus." in sources
    assert "pakket `leren`" in nb.cells[1].source
    assert [c.cell_type for c in nb.cells] == ["markdown", "markdown", "markdown", "code"]
    assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code")


def test_built_site_offers_each_exercise_as_a_notebook(book):
    import nbformat

    for source in sorted(EXERCISES.glob("*.md")):
        target = book.html / "notebooks" / f"{source.stem}.ipynb"
        assert target.exists(), target
        nb = nbformat.read(str(target), as_version=4)
        nbformat.validate(nb)
        assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")
        assert not any("{zelftoets}" in c.source for c in nb.cells)
        page = book.page(f"exercises/{source.stem}")
        assert f'href="../notebooks/{source.stem}.ipynb"' in page
        assert "JupyterHub" in page and "VS Code" in page


@pytest.mark.parametrize("bank_id", BANKS)
def test_reflection_becomes_the_students_own_worksheet(bank_id, tmp_path):
    from docx import Document as read_docx

    oefening = oefeningen.laad(bank_id)
    path = oefening.maak_werkblad(tmp_path / "mijn-werkblad.docx", groep="Stagegroep 2B")
    text = " ".join(p.text for p in read_docx(path).paragraphs)
    for item in oefening.data["items"]:
        if item["soort"] == "reflectie":
            assert item["vraag"] in text
    assert list(tmp_path.iterdir()) == [path]

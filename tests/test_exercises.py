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

import leren
from leren import oefeningen
from leren.oefeningen import LETTERS, check_item, correct_answers, view

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


def build_mini(tmp_path: Path, edition: str) -> str:
    src = tmp_path / f"src-{edition}"
    src.mkdir()
    (src / "conf.py").write_text(textwrap.dedent("""
        extensions = ["myst_parser", "sphinx_exercise", "leren.sphinx"]
        myst_enable_extensions = ["colon_fence"]
        language = "nl"
        html_title = "Proef"
    """), encoding="utf-8")
    (src / "index.md").write_text(textwrap.dedent("""
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
    """), encoding="utf-8")
    out = tmp_path / f"out-{edition}"
    env = {**__import__("os").environ, "LEREN_EDITIE": edition}
    subprocess.run([str(Path(__import__("sys").executable).parent / "sphinx-build"), "-W", "-q", "-b", "html",
                    str(src), str(out)], check=True, env=env, capture_output=True)
    return (out / "index.html").read_text(encoding="utf-8")


def test_student_edition_hides_solutions_and_trainer_notes(tmp_path):
    student = build_mini(tmp_path, "student")
    trainer = build_mini(tmp_path, "trainer")
    assert "Noem een voorbeeld" in student and "Noem een voorbeeld" in trainer
    assert "GEHEIME-UITWERKING" not in student and "ALLEEN-VOOR-TRAINERS" not in student
    assert "GEHEIME-UITWERKING" in trainer and "ALLEEN-VOOR-TRAINERS" in trainer
    assert "trainerseditie" in trainer


def test_built_student_edition_contains_no_solution_text(book):
    for page in book.html.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'class="[^"]*\bsolution\b', html), page
        assert not re.search(r'class="[^"]*\bvoor-trainer\b', html), page


@pytest.mark.parametrize("bank_id", BANKS)
def test_widget_form_checks_the_answers(bank_id):
    from leren.oefeningen_widgets import form

    widget = form(oefeningen.laad(bank_id))
    button = next(w for w in widget.children if getattr(w, "description", "") == "Controleer")
    button.click()
    assert widget.children[-1].outputs  # the feedback was shown

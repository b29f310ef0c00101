"""Item quality of the exercise banks: multiple-choice items a test-wise student cannot solve by picking the
longest option, most scored items ask to apply a principle to a situation, and every learning goal of the
principle modules is practised by at least one item.

Figures (run with -s to see them): before the rewrite of issue 16 the right option was the strictly longest
in 21 of 22 multiple-choice items (95%), every item had three options, and four learning goals had no item.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

import leren
from leren import DataError
from leren.catalog import DATA_DIR
from leren.model import MC_OPTIONS, ExerciseItem, Option

GIVE_AWAY_LIMIT = 0.25  # share of MC items whose right option is the strictly longest
APPLY_MINIMUM = 0.5  # share of scored items at level 'toepassen'

CATALOG = leren.load()
ITEMS = [(bank.id, item) for bank in CATALOG.exercises.values() for item in bank.items]
MC = [(bank_id, item) for bank_id, item in ITEMS if item.soort == "meerkeuze"]
SCORED = [(bank_id, item) for bank_id, item in ITEMS if item.soort != "reflectie"]


def right_is_strictly_longest(item: ExerciseItem) -> bool:
    right = next(len(o.tekst) for o in item.opties if o.goed)
    return right > max(len(o.tekst) for o in item.opties if not o.goed)


def give_away_share(items: list[ExerciseItem]) -> float:
    return sum(right_is_strictly_longest(i) for i in items) / len(items)


def apply_share(items: list[ExerciseItem]) -> float:
    return sum(i.niveau == "toepassen" for i in items) / len(items)


def uncovered_goals(catalog) -> list[str]:
    goals = {f"{p.id}:{n}" for p in catalog.principles.values() for n in range(1, len(p.leerdoelen) + 1)}
    practised = {goal for bank in catalog.exercises.values() for item in bank.items if item.soort != "reflectie"
                 for goal in item.leerdoelen}
    return sorted(goals - practised)


def spells_acronym(left: str, right: str) -> bool:
    """'NIVEA' next to 'Niet invullen voor een ander' gives the pair away."""
    letters = re.sub(r"[^A-Z]", "", left.split()[0]) if left.split() else ""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-zÀ-ÿ]+", right)).upper()
    return len(letters) >= 3 and letters == left.split()[0] and initials.startswith(letters)


# --- the measures themselves can fail -------------------------------------------------------------------------

def mc(*lengths: int, right: int = 0) -> ExerciseItem:
    return ExerciseItem(id="x", soort="meerkeuze", vraag="?", niveau="onthouden",
                        opties=[Option(tekst="a" * n, uitleg="u", goed=i == right) for i, n in enumerate(lengths)])


def test_give_away_measure_counts_only_a_strictly_longest_right_option():
    assert give_away_share([mc(30, 10, 10, 10)]) == 1.0
    assert give_away_share([mc(30, 30, 10, 10)]) == 0.0  # a tie gives nothing away
    assert give_away_share([mc(10, 30, 10, 10), mc(40, 30, 10, 10)]) == 0.5


def test_acronym_check_catches_a_spelled_out_acronym():
    assert spells_acronym("NIVEA", "Niet invullen voor een ander.")
    assert not spells_acronym("NIVEA", "Een deelnemer vult in wat een collega bedoelt.")
    assert not spells_acronym("Talking stick", "Alleen wie het voorwerp vasthoudt, praat.")


# --- the banks ------------------------------------------------------------------------------------------------

def test_multiple_choice_items_have_four_options():
    wrong = [f"{b}/{i.id}: {len(i.opties)}" for b, i in MC if len(i.opties) != MC_OPTIONS]
    assert not wrong


def test_right_option_is_rarely_the_longest():
    share = give_away_share([i for _, i in MC])
    longest = [f"{b}/{i.id}" for b, i in MC if right_is_strictly_longest(i)]
    print(f"\nmeerkeuze: {len(MC)}; juiste optie strikt de langste: {len(longest)} ({share:.0%}): {longest}")
    assert share <= GIVE_AWAY_LIMIT


def test_right_option_is_not_always_the_shortest_either():
    """Balancing must not create the opposite tell."""
    shortest = [i for _, i in MC if next(len(o.tekst) for o in i.opties if o.goed)
                < min(len(o.tekst) for o in i.opties if not o.goed)]
    assert len(shortest) / len(MC) <= GIVE_AWAY_LIMIT + 0.1


def test_at_least_half_of_the_scored_items_ask_to_apply():
    share = apply_share([i for _, i in SCORED])
    counts = {level: sum(i.niveau == level for _, i in SCORED) for level in ("toepassen", "begrijpen", "onthouden")}
    print(f"\ngescoorde vragen: {len(SCORED)}; per niveau: {counts}; toepassen: {share:.0%}")
    assert share >= APPLY_MINIMUM


def test_every_learning_goal_of_the_principles_is_practised():
    assert uncovered_goals(CATALOG) == []


def test_every_option_has_its_own_explanation():
    for bank_id, item in MC:
        explanations = [o.uitleg.strip() for o in item.opties]
        assert all(len(e.split()) >= 8 for e in explanations), f"{bank_id}/{item.id}"
        assert len(set(explanations)) == len(explanations), f"{bank_id}/{item.id}"


def test_matching_items_do_not_spell_out_acronyms():
    pairs = [(b, i.id, p) for b, i in ITEMS if i.soort == "koppelen" for p in i.paren]
    assert not [f"{b}/{i}: {p.links}" for b, i, p in pairs if spells_acronym(p.links, p.rechts)]


def test_ordering_items_do_not_name_their_steps_in_the_question():
    """A stem like 'plannen, doen, checken, bijstellen' or step names such as 'Droomfase' give the order away."""
    for bank_id, item in ITEMS:
        if item.soort != "volgorde":
            continue
        assert "(" not in item.vraag or "," not in item.vraag[item.vraag.index("("):], f"{bank_id}/{item.id}"
        assert not [s for s in item.stappen if re.fullmatch(r"\w+fase", s.strip())], f"{bank_id}/{item.id}"


def test_answer_order_in_the_display_is_spread_over_the_letters():
    from leren.oefeningen import view

    positions = [next(n for n, o in enumerate(view(CATALOG.exercises[b])["items"][k]["opties"]) if o["goed"])
                 for b in CATALOG.exercises for k, i in enumerate(CATALOG.exercises[b].items) if i.soort == "meerkeuze"]
    assert len(set(positions)) == MC_OPTIONS  # the key sits at A, B, C and D


# --- validation of the new fields -------------------------------------------------------------------------------

@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def edit_item(path: Path, index: int, **changes) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            raw["items"][index].pop(key, None)
        else:
            raw["items"][index][key] = value
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        leren.load(data_dir)
    return info.value.problems


def test_unknown_learning_goal_is_refused_with_file_and_item(data):
    bank = data / "oefeningen" / "enkel-of-dubbel.yml"
    edit_item(bank, 0, leerdoelen=["onzeker-weten:9"])
    [message] = problems(data)
    assert message.startswith("oefeningen/enkel-of-dubbel.yml, vraag 'v1': principe 'onzeker-weten' heeft 4")
    assert "Kies een nummer van 1 tot en met 4" in message


def test_unknown_principle_in_a_learning_goal_is_refused(data):
    edit_item(data / "oefeningen" / "enkel-of-dubbel.yml", 0, leerdoelen=["onzeker:1"])
    [message] = problems(data)
    assert "verwijst naar onbekend principe 'onzeker'" in message


def test_malformed_learning_goal_and_missing_level_are_refused(data):
    edit_item(data / "oefeningen" / "enkel-of-dubbel.yml", 0, leerdoelen=["onzeker-weten"])
    edit_item(data / "oefeningen" / "kennisspiraal.yml", 2, niveau=None)
    found = " ".join(problems(data))
    assert "'onzeker-weten' in 'leerdoelen' is geen verwijzing" in found
    assert "vraag 'v3': geef een 'niveau'" in found


def test_three_options_are_refused(data):
    path = data / "oefeningen" / "kennisspiraal.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["items"][2]["opties"] = raw["items"][2]["opties"][:3]
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert any("geef precies 4 'opties'" in p for p in problems(data))


def test_reflection_field_must_be_a_text_field_of_the_worksheet(data):
    path = data / "oefeningen" / "venlo-fasen.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["werkblad_veld"] = 1  # a table on worksheet casus-venlo
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    [message] = problems(data)
    assert message.startswith("oefeningen/venlo-fasen.yml: 'werkblad_veld' moet een tekstveld van werkblad 'casus-venlo'")
    assert "0, 4, 5" in message


def test_every_bank_with_a_worksheet_names_the_field_for_its_reflection():
    for bank in CATALOG.exercises.values():
        if bank.werkblad is not None:
            assert bank.werkblad_veld is not None, bank.id


@pytest.mark.parametrize("notebook", sorted((Path(__file__).resolve().parent.parent / "exercises").glob("*.md")),
                         ids=lambda p: p.stem)
def test_notebook_example_answers_fit_the_questions(notebook):
    """The example answers in a notebook are partly wrong on purpose, but never in the wrong form: a
    student should read about the content, not a hint on how to type an answer."""
    import ast

    from leren import oefeningen

    cells = re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", notebook.read_text(encoding="utf-8"), flags=re.S)
    cell = next((c for c in cells if c.lstrip().startswith("antwoorden = ")), None)
    if cell is None:
        pytest.skip("dit notebook heeft geen voorbeeldantwoorden")
    answers = ast.literal_eval(cell.split("=", 1)[1].strip())
    result = oefeningen.laad(notebook.stem).controleer(answers)
    form_hints = [f"{fb.item}: {line}" for fb in result.feedback for line in fb.regels
                  if line.startswith(("Geef ", "Je hebt vraag")) or ": kies een" in line]
    assert form_hints == []

"""The werkvorm fields for kind, moments, rounds and the facilitator's design elements."""

from __future__ import annotations

import copy

import pytest

import leren
from leren.model import SOURCE_FIELDS, Format
from leren.schema import build

BASE = {
    "id": "proef",
    "naam": "Proef",
    "herkomst": "eigen ontwerp",
    "herkomst_toelichting": "Gemaakt voor de test.",
    "doel": "Testen.",
    "mogelijk": "Testen.",
    "doelen": ["verkennen"],
    "uitnodiging": "Wat zie je?",
    "ruimte_en_materialen": ["Stoelen"],
    "groepsgrootte": {"min": 4, "max": 20},
    "groepsindeling": "Plenair",
    "stappen": [
        {"wat": "Lees de casus.", "minuten": 20, "wanneer": "voor"},
        {"wat": "Kringgesprek.", "minuten": 60, "keer": 6, "indeling": "hele groep"},
        {"wat": "Ronde.", "minuten": 30, "wanneer": "tijdens", "per_beurt": 2, "beurten": "deelnemer"},
        {"wat": "Opdracht in je werk.", "minuten": 45, "wanneer": "tussen", "keer": 5},
        {"wat": "Evaluatie.", "minuten": 15, "wanneer": "na"},
    ],
    "tips": ["Let op de tijd."],
    "varianten": ["Korter."],
    "principes": ["inductieve-kennisontwikkeling"],
    "bron": {"regels": "geen"},
}


def make(**changes) -> tuple[Format, list[str]]:
    raw = copy.deepcopy(BASE)
    raw.update(changes)
    problems: list[str] = []
    return build(Format, raw, "werkvormen/proef.yml", problems), problems


def test_defaults_keep_old_data_loading():
    raw = copy.deepcopy(BASE)
    raw["stappen"] = [{"wat": "Doen.", "minuten": 10}]
    problems: list[str] = []
    fmt = build(Format, raw, "x", problems)
    assert problems == []
    assert fmt.soort == "werkvorm"
    assert fmt.stappen[0].wanneer == "tijdens" and fmt.stappen[0].keer == 1
    assert fmt.stappen[0].indeling is None and fmt.stappen[0].per_beurt is None
    assert (fmt.deelname, fmt.online, fmt.veiligheid, fmt.bijeenkomsten, fmt.looptijd) == (None,) * 5
    assert fmt.nabespreking == [] and fmt.uit_bron == []


def test_time_in_room_counts_only_meeting_steps_once():
    fmt, problems = make(soort="traject", bijeenkomsten=6, looptijd="drie maanden")
    assert problems == []
    assert fmt.minuten_in_zaal == 60 + 30
    assert fmt.contacttijd == 60 * 6 + 30
    assert fmt.duur == 20 + 60 + 30 + 45 + 15


def test_unknown_kind_and_moment_are_refused_in_dutch():
    _, problems = make(soort="workshop")
    assert problems == ["werkvormen/proef.yml: veld 'soort' heeft de waarde 'workshop'; "
                        "kies uit 'werkvorm', 'interventie', 'traject'."]
    steps = copy.deepcopy(BASE["stappen"])
    steps[0]["wanneer"] = "daarna"
    _, problems = make(stappen=steps)
    assert len(problems) == 1 and "veld 'stappen[1].wanneer' heeft de waarde 'daarna'" in problems[0]


@pytest.mark.parametrize("change", [{"per_beurt": 3}, {"beurten": "groepje"}])
def test_round_needs_both_minutes_per_turn_and_unit(change):
    steps = [{"wat": "Ronde.", "minuten": 20, **change}]
    _, problems = make(stappen=steps)
    assert len(problems) == 1
    assert problems[0].startswith("werkvormen/proef.yml: veld 'stappen[1]': 'per_beurt' en 'beurten' horen bij elkaar")


def test_step_repeats_at_least_once():
    _, problems = make(stappen=[{"wat": "Doen.", "minuten": 10, "keer": 0}])
    assert problems == ["werkvormen/proef.yml: veld 'stappen[1]': 'keer' is 0; een stap gebeurt minstens 1 keer."]


def test_uit_bron_names_known_fields_only():
    fmt, problems = make(uit_bron=["stappen", "tips"])
    assert problems == [] and fmt.uit_bron == ["stappen", "tips"]
    _, problems = make(uit_bron=["stappen", "stapppen"])
    assert len(problems) == 1 and "'uit_bron' noemt onbekende velden: stapppen" in problems[0]
    assert "id" not in SOURCE_FIELDS and "herkomst" not in SOURCE_FIELDS


def test_meetings_must_be_positive():
    _, problems = make(bijeenkomsten=0)
    assert problems == ["werkvormen/proef.yml: 'bijeenkomsten' is 0; geef een positief aantal."]


def test_package_data_loads_with_the_new_fields():
    formats = leren.load().formats.values()
    assert all(f.minuten_in_zaal <= f.duur for f in formats)


def test_every_werkvorm_file_states_kind_moments_and_facilitator_fields():
    """The defaults keep old data loading, but the package data writes everything out explicitly."""
    import yaml

    from leren.catalog import DATA_DIR

    for path in sorted((DATA_DIR / "werkvormen").glob("*.yml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        where = path.name
        assert raw.get("soort") in ("werkvorm", "interventie", "traject"), where
        assert all("wanneer" in step for step in raw["stappen"]), where
        assert raw.get("deelname"), where
        assert 2 <= len(raw.get("nabespreking", [])) <= 4, where
        if raw["herkomst"] in ("uit de bron", "aangevuld"):
            assert raw.get("uit_bron"), where
        else:
            assert not raw.get("uit_bron"), where
        if raw["soort"] == "traject":
            assert raw.get("bijeenkomsten") and raw.get("looptijd"), where
        else:
            assert "bijeenkomsten" not in raw and "looptijd" not in raw, where

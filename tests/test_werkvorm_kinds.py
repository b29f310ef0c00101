"""Validation of the kinds: a werkvorm fits in four hours in the room, an interventie is a short move, a traject
names its meetings and its span. Each refusal is a Dutch message naming the file and what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import leren
from leren.catalog import DATA_DIR, MAX_INTERVENTION_MINUTES, MAX_ROOM_MINUTES, load
from leren.errors import DataError


def data_dir(tmp_path: Path, **changes) -> Path:
    """A small data folder: the seven principles with their worksheets, and one werkvorm 'proef' with
    `changes` applied."""
    shutil.copytree(DATA_DIR / "principes", tmp_path / "principes")
    (tmp_path / "werkbladen").mkdir()
    for sheet in (DATA_DIR / "werkbladen").glob("principe-*.yml"):
        shutil.copy(sheet, tmp_path / "werkbladen" / sheet.name)
    (tmp_path / "werkvormen").mkdir()
    raw = yaml.safe_load((DATA_DIR / "werkvormen" / "plaatsbepaling.yml").read_text(encoding="utf-8"))
    raw.update(id="proef", bron={"regels": "004 L1-2"})
    for key, value in changes.items():
        if value is None:
            raw.pop(key, None)
        else:
            raw[key] = value
    (tmp_path / "werkvormen" / "proef.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return tmp_path


def problems(folder: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load(folder)
    return info.value.problems if hasattr(info.value, "problems") else str(info.value).splitlines()


def steps(*parts):
    return [{"wat": f"Stap {i}", "minuten": m, **({"wanneer": w} if w else {}), **extra}
            for i, (m, w, extra) in enumerate(parts, 1)]


def test_werkvorm_over_four_hours_in_the_room_is_refused(tmp_path):
    folder = data_dir(tmp_path, stappen=steps((200, None, {}), (41, "tijdens", {})))
    text = "\n".join(problems(folder))
    assert "werkvormen/proef.yml: de tijd in de zaal is 241 minuten" in text
    for advice in ("Splits hem", "'wanneer: voor', 'tussen' of 'na'", "'soort: traject'"):
        assert advice in text


def test_preparation_and_work_between_meetings_do_not_count(tmp_path):
    folder = data_dir(tmp_path, stappen=steps((MAX_ROOM_MINUTES, None, {}), (600, "voor", {}), (900, "tussen", {}),
                                              (60, "na", {})))
    fmt = load(folder).formats["proef"]
    assert fmt.minuten_in_zaal == MAX_ROOM_MINUTES and fmt.duur == MAX_ROOM_MINUTES + 1560


def test_traject_needs_meetings_and_span(tmp_path):
    folder = data_dir(tmp_path, soort="traject", stappen=steps((180, None, {"keer": 4})))
    text = "\n".join(problems(folder))
    assert "werkvormen/proef.yml: een traject noemt het aantal bijeenkomsten en de looptijd" in text
    assert "'bijeenkomsten' en 'looptijd'" in text


def test_traject_of_one_meeting_is_a_werkvorm(tmp_path):
    folder = data_dir(tmp_path / "a", soort="traject", bijeenkomsten=1, looptijd="een dag")
    assert "maak er dan een werkvorm van" in "\n".join(problems(folder))


def test_traject_may_span_many_hours(tmp_path):
    folder = data_dir(tmp_path, soort="traject", bijeenkomsten=6, looptijd="een jaar",
                      stappen=steps((180, None, {"keer": 6}), (60, "tussen", {"keer": 5})))
    fmt = load(folder).formats["proef"]
    assert fmt.contacttijd == 1080 and fmt.minuten_in_zaal == 180


def test_meetings_and_span_only_belong_to_a_traject(tmp_path):
    folder = data_dir(tmp_path, bijeenkomsten=3, looptijd="twee maanden")
    assert "'bijeenkomsten' en 'looptijd' horen alleen bij een traject" in "\n".join(problems(folder))


def test_interventie_is_short(tmp_path):
    folder = data_dir(tmp_path, soort="interventie", stappen=steps((MAX_INTERVENTION_MINUTES + 1, None, {})))
    text = "\n".join(problems(folder))
    assert f"een interventie is een korte zet" in text and f"{MAX_INTERVENTION_MINUTES + 1} minuten" in text
    ok = data_dir(tmp_path / "b", soort="interventie", stappen=steps((10, None, {})))
    assert load(ok).formats["proef"].soort == "interventie"


def test_something_must_happen_in_the_room(tmp_path):
    folder = data_dir(tmp_path, stappen=steps((30, "voor", {}), (30, "na", {})))
    assert "geen enkele stap gebeurt in de bijeenkomst" in "\n".join(problems(folder))


def test_real_data_passes_and_has_every_kind():
    formats = leren.load().formats.values()
    kinds = {f.soort for f in formats}
    assert kinds == {"werkvorm", "interventie", "traject"}
    assert all(f.minuten_in_zaal <= MAX_ROOM_MINUTES for f in formats if f.soort == "werkvorm")

"""The data is validated on load; every problem names its file and entry, in Dutch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

import leren
from leren import DataError
from leren.catalog import DATA_DIR


def test_package_data_is_valid():
    c = leren.load()
    assert [p.nummer for p in c.principles.values()] == [1, 2, 3, 4, 5, 6, 7]
    assert set(c.forces) == {"burgerkracht", "beroepskracht", "organisatiekracht", "ondernemerskracht", "leerkracht"}
    assert set(c.cases) == {"venlo", "ontwikkelwerkplaatsen", "ribw", "krachtgericht-leren", "jes"}


@pytest.fixture
def data(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def edit(path: Path, **changes) -> None:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            raw.pop(key, None)
        else:
            raw[key] = value
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")


def problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        leren.load(data_dir)
    assert "De gegevens van de kennisbank kloppen niet" in str(info.value)
    return info.value.problems


def test_missing_field_names_file_entry_and_field(data):
    edit(data / "casussen" / "jes.yml", plaats=None)
    assert problems(data) == ["casussen/jes.yml, item 'jes': veld 'plaats' ontbreekt."]


def test_unknown_field_is_refused(data):
    edit(data / "casussen" / "venlo.yml", stad="Venlo")
    [problem] = problems(data)
    assert problem.startswith("casussen/venlo.yml, item 'venlo': onbekend veld 'stad'")


def test_wrong_type_is_refused(data):
    edit(data / "principes" / "03-inductieve-kennisontwikkeling.yml", nummer="drie")
    assert any("veld 'nummer' moet een geheel getal zijn" in p for p in problems(data))


def test_unknown_cross_reference_is_refused(data):
    edit(data / "casussen" / "ribw.yml", principes=[{"principe": "ervaringsleer", "graad": "noemt", "bewijs": "Teams probeerden dingen uit.",
                                                     "bron": "004 L2343"}])
    problem = next(p for p in problems(data) if "onbekend principe" in p)
    assert "casussen/ribw.yml" in problem and "onbekend principe 'ervaringsleer'" in problem


def test_duplicate_id_is_refused(data):
    forces = yaml.safe_load((data / "krachten.yml").read_text(encoding="utf-8"))
    forces.append(dict(forces[0]))
    (data / "krachten.yml").write_text(yaml.safe_dump(forces, allow_unicode=True), encoding="utf-8")
    [problem] = problems(data)
    assert problem == "krachten.yml, item 'burgerkracht': het id 'burgerkracht' komt twee keer voor; geef elk item een eigen id."


def test_file_name_must_match_id(data):
    (data / "casussen" / "jes.yml").rename(data / "casussen" / "je-eigen-stek.yml")
    assert any("de bestandsnaam moet 'jes.yml' zijn" in p for p in problems(data))


def test_invalid_yaml_names_the_line(data):
    (data / "casussen" / "jes.yml").write_text("id: jes\ntitel: [open\n", encoding="utf-8")
    [problem] = problems(data)
    assert problem.startswith("casussen/jes.yml (regel ") and "geen geldige YAML" in problem


def test_all_problems_are_reported_at_once(data):
    edit(data / "casussen" / "jes.yml", plaats=None)
    edit(data / "casussen" / "venlo.yml", hoofdstuk=None)
    assert len(problems(data)) == 2

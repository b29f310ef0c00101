"""Where each entity lives on the site, and the werkvorm-worksheet link, checked by the catalog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from leren import paths
from leren.catalog import DATA_DIR, load
from leren.errors import DataError


def test_docnames_and_urls():
    assert paths.principle("ervaringsleren") == "book/principes/ervaringsleren"
    assert paths.case("venlo") == "book/casussen/venlo"
    assert paths.werkvorm("baalronde") == "book/werkvormen/baalronde"
    assert paths.exercise("kennisspiraal") == "exercises/kennisspiraal"
    assert paths.is_exercise("exercises/kennisspiraal") and not paths.is_exercise("book/intro")
    assert paths.target("book/intro") == "/book/intro"
    assert paths.url("book/casussen/venlo") == "book/casussen/venlo.html"
    assert paths.format_worksheet("baalronde") == "werkvorm-baalronde"


def test_every_entity_page_exists_in_the_book():
    root = Path(__file__).resolve().parent.parent
    cat = load()
    docnames = [paths.principle(p) for p in cat.principles] + [paths.case(c) for c in cat.cases]
    missing = [d for d in docnames if not (root / f"{d}.md").is_file()]
    assert not missing
    # Werkvorm pages are made from the data at build time (leren.sphinx.generated), at these docnames.
    from leren.derived import page_order

    assert [paths.werkvorm(f) for f in cat.formats] in page_order(cat).values()


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    return data


def rename_sheet(data: Path, old: str, new: str) -> None:
    source = data / "werkbladen" / f"{old}.yml"
    (data / "werkbladen" / f"{new}.yml").write_text(
        source.read_text(encoding="utf-8").replace(f"id: {old}\n", f"id: {new}\n", 1), encoding="utf-8")
    source.unlink()


def test_catalog_refuses_a_werkvorm_worksheet_with_another_name(tmp_path):
    data = copy_data(tmp_path)
    rename_sheet(data, "werkvorm-baalronde", "baalronde-blad")
    with pytest.raises(DataError) as info:
        load(data)
    assert "werkbladen/baalronde-blad.yml: een werkblad bij werkvorm 'baalronde' heet 'werkvorm-baalronde'" \
        in str(info.value)


def test_catalog_refuses_the_werkvorm_prefix_on_another_worksheet(tmp_path):
    data = copy_data(tmp_path)
    rename_sheet(data, "leervraag-team", "werkvorm-leervraag-team")
    with pytest.raises(DataError, match="is voor het werkblad van een werkvorm"):
        load(data)

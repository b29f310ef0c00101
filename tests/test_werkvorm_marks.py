"""Editors' additions on werkvorm pages carry the same mark as on every other page ("red." as an
abbreviation), and the data marks a short addition inside a source field one way: `(red.)` after it."""

from __future__ import annotations

import shutil

import pytest
import yaml

import leren
from leren.catalog import DATA_DIR, DataError
from leren.model import EDITORS_TOKEN, OLD_EDITORS_LABEL, SOURCE_FIELDS

MARK = '<abbr class="leren-redactie-merk" title="toevoeging van de redactie">red.</abbr>'


def _texts(fmt, name: str) -> list[str]:
    value = getattr(fmt, name)
    if name == "stappen":
        return [step.wat for step in value]
    return [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]


def test_tokens_only_in_source_fields_of_marked_pages():
    catalog = leren.load()
    used = 0
    for fmt in catalog.formats.values():
        for name in SOURCE_FIELDS:
            for value in _texts(fmt, name):
                assert not OLD_EDITORS_LABEL.search(value), (fmt.id, name)
                if EDITORS_TOKEN in value:
                    used += 1
                    assert fmt.herkomst in ("uit de bron", "aangevuld") and name in fmt.uit_bron, (fmt.id, name)
    assert used >= 10


def _load_with(tmp_path, ident: str, change) -> str:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "werkvormen" / f"{ident}.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as err:
        leren.load(data)
    return str(err.value)


def test_old_inline_label_is_refused_with_the_fix(tmp_path):
    message = _load_with(tmp_path, "focusgroep-knelpunten",
                         lambda raw: raw["tips"].append("Aanvulling van de redactie: nodig de teamleider uit."))
    assert "focusgroep-knelpunten" in message and "'tips'" in message
    assert "Zet in plaats daarvan '(red.)' achter de aanvulling." in message


def test_token_in_a_field_the_page_already_marks_is_refused(tmp_path):
    fmt = leren.load().formats["focusgroep-knelpunten"]
    assert "varianten" not in fmt.uit_bron
    message = _load_with(tmp_path, "focusgroep-knelpunten",
                         lambda raw: raw["varianten"].append("Doe het online. (red.)"))
    assert "'varianten' bevat '(red.)'" in message and "Haal '(red.)' weg" in message


def test_token_on_an_own_design_is_refused(tmp_path):
    fmt = leren.load().formats["persona"]
    assert fmt.herkomst == "eigen ontwerp"
    message = _load_with(tmp_path, "persona", lambda raw: raw["tips"].append("Houd het kort. (red.)"))
    assert "'tips' bevat '(red.)'" in message


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    from sphinx_support import build_mini

    out, _ = build_mini(tmp_path_factory.mktemp("marks"),
                        {"index": "# Index\n", "focus": "```{werkvorm} focusgroep-knelpunten\n```\n"})
    return (out / "focus.html").read_text(encoding="utf-8")


def test_page_shows_the_token_as_the_editors_mark(page):
    fmt = leren.load().formats["focusgroep-knelpunten"]
    tokens = sum(value.count(EDITORS_TOKEN) for name in fmt.uit_bron for value in _texts(fmt, name))
    assert tokens >= 2
    assert EDITORS_TOKEN not in page
    # One mark per token, one after each editors' field, one in the sentence that explains the marks.
    editors_fields = [n for n in ("uitnodiging", "ruimte_en_materialen", "groepsgrootte", "groepsindeling",
                                  "varianten", "deelname", "nabespreking", "online", "veiligheid")
                      if n not in fmt.uit_bron and getattr(fmt, n)]
    assert page.count(MARK) == tokens + len(editors_fields) + 1
    assert "Houd je daarom als facilitator in. " + MARK in page


def test_a_derived_worksheet_shows_no_marks():
    """A participant's worksheet made from a werkvorm carries the step texts without the `(red.)` token."""
    from leren.derived import worksheet_for

    fmt = leren.load().formats["speed-daten"]
    assert any(EDITORS_TOKEN in step.wat for step in fmt.stappen)
    labels = [field.label for field in worksheet_for(fmt).velden]
    assert not any(EDITORS_TOKEN in label for label in labels)
    assert any(label.startswith("Stap 1: Speed-daten") and label.endswith("kleine groep.") for label in labels)

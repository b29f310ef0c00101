"""The list "Waar staan deze lessen in het boek?" under each case's lessons names every lesson by a phrase
a reader can read on its own: no lead that stops in the middle of a sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import leren

ROOT = Path(__file__).resolve().parents[1]
# Words a Dutch phrase does not end on when it is complete.
DANGLING = {"de", "het", "een", "en", "of", "tot", "met", "die", "dat", "om", "te", "aan", "wie", "maar",
            "door", "voor", "van", "naar", "bij", "als", "dan", "zodat", "over", "waarom"}
CASES = sorted(leren.load().cases)


def _plain(text: str) -> str:
    text = re.sub(r"\{[a-z:-]+\}`([^`<]*?)(?: <[^>]*>)?`", r"\1", text)
    return " ".join(text.replace("**", "").split()).casefold()


@pytest.mark.parametrize("case_id", CASES)
def test_lesson_leads_are_complete_phrases(case_id):
    for lesson in leren.load().cases[case_id].lessen:
        lead = lesson.les
        assert not re.search(r"[,;:\"']$", lead), f"{case_id}: '{lead}' stopt midden in een zin"
        last = re.findall(r"[\w']+", lead)[-1].casefold()
        assert last not in DANGLING, f"{case_id}: '{lead}' stopt midden in een zin"


@pytest.mark.parametrize("case_id", CASES)
def test_every_lesson_lead_is_on_the_case_page(case_id):
    page = _plain((ROOT / "book" / "casussen" / f"{case_id}.md").read_text(encoding="utf-8"))
    for lesson in leren.load().cases[case_id].lessen:
        assert _plain(lesson.les.rstrip(".")) in page, f"{case_id}: '{lesson.les}'"

"""Cleaning free text and reading dates: the small pieces every format relies on."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leren.text import DateError, clean, dutch_date, parse_date, shorten


def reference_clean(text: str) -> str:
    """The definition of `clean`, character by character."""
    kept = []
    for char in text:
        if char.isspace():
            kept.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff":
            continue
        else:
            kept.append(char)
    return " ".join("".join(kept).split())


@given(st.text())
def test_clean_matches_its_definition(text):
    assert clean(text) == reference_clean(text)
    assert clean(clean(text)) == clean(text)


def test_clean_keeps_what_people_type():
    text = "Team \u05e9\u05dc\u05d5\u05dd 👩\u200d👩\u200d👧 <b>&amp; #1 $5\\"
    assert clean(text) == text
    assert clean("  twee\tregels\r\nhier\x00\x07 ") == "twee regels hier"


@pytest.mark.parametrize("text,expected", [
    ("14-03-2026", dt.date(2026, 3, 14)), ("4-3-2026", dt.date(2026, 3, 4)),
    ("2026-03-14", dt.date(2026, 3, 14)), ("14/03/2026", dt.date(2026, 3, 14)),
    ("14.03.2026", dt.date(2026, 3, 14)), (" 2026-3-4 ", dt.date(2026, 3, 4)),
])
def test_parse_date_accepts_both_orders(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31-02-2026", "2026-02-30", "03-14-2026", "14-03-26", "morgen", "", "2026"])
def test_parse_date_refuses_with_the_formats(text):
    with pytest.raises(DateError, match="DD-MM-JJJJ .* of JJJJ-MM-DD"):
        parse_date(text)


def test_dutch_date_and_shorten():
    assert dutch_date(dt.date(2026, 12, 1)) == "1 december 2026"
    assert shorten("kort", 10) == "kort"
    assert shorten("Buurtteam Noord-Oost en omstreken", 22) == "Buurtteam Noord-Oost…"
    assert len(shorten("x" * 100, 20)) == 20

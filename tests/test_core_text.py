"""The one Dutch-text module: every medium words dates and durations the same way."""

from __future__ import annotations

import datetime as dt

import pytest

from leren.catalog import load
from leren.planner import parse_plan
from leren.text import MONTHS, DateError, clock, duration, dutch_date, dutch_day, parse_date, shorten
from leren.worksheets.document import build
from leren.worksheets.personalisation import Personalisation


@pytest.mark.parametrize("minutes,expected", [
    (1, "1 min"), (45, "45 min"), (60, "1 uur"), (75, "1 uur 15 min"), (120, "2 uur"), (135, "2 uur 15 min"),
])
def test_duration_wording(minutes, expected):
    assert duration(minutes) == expected


def test_dates_and_months():
    assert MONTHS[0] == "januari" and MONTHS[2] == "maart" and len(MONTHS) == 12
    assert dutch_date(dt.date(2026, 3, 12)) == "12 maart 2026"
    assert dutch_day(dt.date(2026, 3, 12)) == "Donderdag 12 maart 2026"
    assert clock(75) == "1:15" and clock(5) == "0:05"


@pytest.mark.parametrize("text", ["12-03-2026", "12/03/2026", "12.03.2026", "2026-03-12"])
def test_one_parser_for_options_and_plans(text):
    assert parse_date(text) == dt.date(2026, 3, 12)
    catalog = load()
    fmt = sorted(catalog.formats)[0]
    agenda = parse_plan(f'titel: Teamdag\ndatum: "{text}"\nstart: "09:00"\nblokken:\n  - werkvorm: {fmt}\n', catalog)
    assert agenda.datum == dt.date(2026, 3, 12)


def test_bad_date_says_what_is_expected():
    with pytest.raises(DateError) as info:
        parse_date("12 maart")
    assert "'12 maart' is geen geldige datum" in str(info.value)
    assert "DD-MM-JJJJ (bijvoorbeeld 14-03-2026) of JJJJ-MM-DD" in str(info.value)


def test_worksheet_time_is_worded_like_the_site():
    """An hour-long worksheet says 'ongeveer 1 uur' in every file, as on its page."""
    catalog = load()
    sheet = next(s for s in catalog.worksheets.values() if s.minuten == 60)
    assert build(sheet, catalog, Personalisation()).time == "ongeveer 1 uur"


def test_shorten_keeps_words_whole():
    assert shorten("Buurtteam Noord-Oost, en omstreken", 23) == "Buurtteam Noord-Oost…"

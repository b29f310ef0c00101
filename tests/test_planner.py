"""The session planner: times, overrides, breaks, and a Dutch error for every kind of bad plan."""

from __future__ import annotations

import datetime as dt

import pytest

import leren
from leren.planner import PlanError, parse_plan


@pytest.fixture(scope="module")
def two_formats():
    formats = list(leren.load().formats.values())
    return formats[0], formats[1]


def plan_text(first, second, start="09:30", end=None, extra=""):
    lines = ["titel: Teamdag", "datum: 2026-03-12", f'start: "{start}"']
    if end:
        lines.append(f'einde: "{end}"')
    lines += ["blokken:", f"  - werkvorm: {first.id}", "  - pauze: 15", f"  - werkvorm: {second.id}",
              "    minuten: 40", "  - vrij: Afsluiting", "    minuten: 10"]
    return "\n".join(lines) + "\n" + extra


def test_times_follow_from_durations_overrides_and_breaks(two_formats):
    first, second = two_formats
    agenda = parse_plan(plan_text(first, second))
    starts = [b.start.time() for b in agenda.blokken]
    t0 = dt.datetime(2026, 3, 12, 9, 30)
    expected = [t0, t0 + dt.timedelta(minutes=first.duur), t0 + dt.timedelta(minutes=first.duur + 15),
                t0 + dt.timedelta(minutes=first.duur + 55)]
    assert starts == [t.time() for t in expected]
    assert [b.minuten for b in agenda.blokken] == [first.duur, 15, 40, 10]
    assert agenda.minuten == first.duur + 65
    assert agenda.einde == t0 + dt.timedelta(minutes=first.duur + 65)
    assert agenda.werkvormen == [first, second]


def test_unquoted_time_is_read_as_clock_time(two_formats):
    first, second = two_formats
    text = plan_text(first, second).replace('start: "09:30"', "start: 09:30")
    assert parse_plan(text).start == dt.datetime(2026, 3, 12, 9, 30)


def test_day_month_year_dates_are_accepted(two_formats):
    text = plan_text(*two_formats).replace("2026-03-12", "12-03-2026")
    assert parse_plan(text).datum == dt.date(2026, 3, 12)


def errors(text):
    with pytest.raises(PlanError) as info:
        parse_plan(text, source="plan.yml")
    assert str(info.value).startswith("Het plan plan.yml klopt niet:")
    return info.value.problems


def test_unknown_werkvorm_suggests_close_ids(two_formats):
    first, second = two_formats
    [problem] = errors(plan_text(first, second).replace(f"werkvorm: {first.id}", f"werkvorm: {first.id[:-1]}"))
    assert problem.startswith("regel 5: onbekende werkvorm") and f"Bedoelde je '{first.id}'" in problem


@pytest.mark.parametrize("bad", ["pauze: 0", "pauze: -5"])
def test_zero_or_negative_duration(two_formats, bad):
    [problem] = errors(plan_text(*two_formats).replace("pauze: 15", bad))
    assert problem.startswith("regel 6: de duur van blok 2 is") and "positief aantal" in problem


def test_programme_past_end_time(two_formats):
    first, second = two_formats
    problems = errors(plan_text(first, second, end="09:45"))
    assert problems[0].startswith("regel 4: het programma duurt tot") and "te lang" in problems[0]
    # every block that runs past the end is named at its own line
    assert [p.split(":")[0] for p in problems[1:]] == ["regel 6", "regel 7", "regel 8", "regel 10"]


def test_session_past_midnight(two_formats):
    first, second = two_formats
    [problem] = errors(plan_text(first, second, start="23:30"))
    # the first block that ends after midnight is blamed, at its own line
    culprit = 5 if first.minuten_in_zaal > 30 else 6
    assert "na middernacht" in problem and problem.startswith(f"regel {culprit}:")


def test_missing_fields(two_formats):
    text = plan_text(*two_formats).replace("datum: 2026-03-12\n", "").replace("titel: Teamdag\n", "")
    problems = errors(text)
    assert any("'titel' ontbreekt" in p for p in problems) and any("'datum' ontbreekt" in p for p in problems)


def test_malformed_yaml_names_the_line():
    [problem] = errors("titel: Teamdag\nblokken:\n  - werkvorm: [open\n")
    assert problem.startswith("regel ") and "geen geldige YAML" in problem


def test_bad_date_and_time(two_formats):
    text = plan_text(*two_formats).replace("2026-03-12", "31-02-2026").replace('"09:30"', '"9 uur"')
    problems = errors(text)
    assert any("bestaat niet als datum" in p for p in problems) and any("geen geldige tijd" in p for p in problems)

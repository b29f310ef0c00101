"""The planner's rules: time in the room, interventies and trajecten, the four-hour limit, the end of the day,
overruns named per block, group size, one date parser, the message table and the export for the browser."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest

import leren
from leren.catalog import Catalog
from leren.model import Step
from leren.planner import (
    MAX_BLOCK_MINUTES,
    MESSAGES,
    WARNINGS,
    PlanError,
    Problem,
    export,
    meeting_minutes,
    parse_plan,
    scaled,
    round_sizes,
    subgroup_size,
    steps_minutes,
)


def _step(wat, minuten, **kw):
    return Step(wat=wat, minuten=minuten, **kw)


@pytest.fixture(scope="module")
def catalog():
    """The real catalog with a few werkvormen changed into fixtures of each kind."""
    real = leren.load()
    base = real.formats["plaatsbepaling"]
    fixtures = {
        "kring": dataclasses.replace(base, id="kring", naam="Kring", groepsgrootte=dataclasses.replace(
            base.groepsgrootte, min=4, max=12), stappen=[
            _step("Voorbereiden", 30, wanneer="voor"),
            _step("Uitleg", 5),
            _step("Ronde", 20, per_beurt=2, beurten="deelnemer", indeling="plenair"),
            _step("Oogst per groepje", 10, per_beurt=2, beurten="groepje", indeling="viertallen"),
            _step("Opdracht in je werk", 60, wanneer="tussen"),
        ]),
        "zet": dataclasses.replace(base, id="zet", naam="Zet", soort="interventie",
                                   stappen=[_step("Benoem wat er gebeurt", 5)]),
        "reeks": dataclasses.replace(base, id="reeks", naam="Reeks", soort="traject", bijeenkomsten=3,
                                     looptijd="drie maanden", stappen=[
            _step("Intake", 60, wanneer="voor"),
            _step("Start", 180), _step("Werkbijeenkomst", 120, keer=2), _step("Evaluatie", 30, wanneer="na")]),
        "reeks-vrij": dataclasses.replace(base, id="reeks-vrij", naam="Vrije reeks", soort="traject",
                                          bijeenkomsten=4, looptijd="een jaar",
                                          stappen=[_step("Casus", 90), _step("Afspraken", 30)]),
    }
    return Catalog(principles=real.principles, formats={**real.formats, **fixtures}, worksheets=real.worksheets,
                   cases=real.cases)


def plan(*blocks: str, head: str = "", start: str = "09:00", end: str | None = None) -> str:
    lines = ["titel: Teamdag", "datum: 12-03-2026", f'start: "{start}"']
    if end:
        lines.append(f'einde: "{end}"')
    lines += [head] if head else []
    lines.append("blokken:")
    lines += [f"  {b}" for b in blocks]
    return "\n".join(lines) + "\n"


def errors(text, catalog):
    with pytest.raises(PlanError) as info:
        parse_plan(text, catalog, source="plan.yml")
    return info.value.problems


def test_block_defaults_to_time_in_the_room(catalog):
    agenda = parse_plan(plan("- werkvorm: kring"), catalog)
    [block] = agenda.blokken
    assert block.minuten == block.standaard == 35 == catalog.formats["kring"].minuten_in_zaal
    assert [s.wat for s in block.stappen] == ["Uitleg", "Ronde", "Oogst per groepje"]


def test_interventie_is_refused_with_an_explanation(catalog):
    [problem] = errors(plan("- pauze: 10", "- werkvorm: zet"), catalog)
    assert problem.startswith("regel 6: 'Zet' (blok 2) is een interventie")
    assert "niet als eigen blok" in problem and "notitie" in problem


def test_whole_traject_is_refused_and_one_meeting_is_planned(catalog):
    [problem] = errors(plan("- werkvorm: reeks"), catalog)
    assert problem.startswith("regel 5: 'Reeks' (blok 1) is een traject van 3 bijeenkomsten (drie maanden)")
    assert "bijeenkomst: 1" in problem
    agenda = parse_plan(plan("- werkvorm: reeks", "  bijeenkomst: 3"), catalog)
    [block] = agenda.blokken
    assert block.titel == "Reeks, bijeenkomst 3 van 3" and block.minuten == 120
    assert [s.wat for s in block.stappen] == ["Werkbijeenkomst"]
    assert meeting_minutes(catalog.formats["reeks"]) == [180, 120, 120]


def test_traject_without_one_step_per_meeting_uses_the_average(catalog):
    fmt = catalog.formats["reeks-vrij"]
    assert meeting_minutes(fmt) == [30, 30, 30, 30]  # (90 + 30) / 4, rounded to 5 minutes
    agenda = parse_plan(plan("- werkvorm: reeks-vrij", "  bijeenkomst: 2"), catalog)
    assert [s.wat for s in agenda.blokken[0].stappen] == ["Casus", "Afspraken"]


@pytest.mark.parametrize("value", ["0", "4", "twee", "true"])
def test_meeting_out_of_range(catalog, value):
    [problem] = errors(plan("- werkvorm: reeks", f"  bijeenkomst: {value}"), catalog)
    assert problem.startswith("regel 6: 'Reeks' (blok 1) heeft 3 bijeenkomsten") and "Kies 1 tot en met 3" in problem


def test_meeting_of_something_that_is_no_traject(catalog):
    [problem] = errors(plan("- werkvorm: kring", "  bijeenkomst: 1"), catalog)
    assert problem.startswith("regel 5: 'bijeenkomst:' hoort alleen bij een traject")


def test_block_over_four_hours_is_refused_at_its_line(catalog):
    problems = errors(plan("- werkvorm: kring", "- vrij: Marathon", "  minuten: 241", "- pauze: 15"), catalog)
    assert problems == ["regel 6: blok 2 (Marathon) duurt 4 uur 1 min; een blok duurt hoogstens 4 uur. "
                        "Verdeel het over meer blokken met een pauze ertussen, of over meer bijeenkomsten."]
    parse_plan(plan("- vrij: Lang", f"  minuten: {MAX_BLOCK_MINUTES}"), catalog)


def test_programme_that_ends_on_another_day_blames_the_first_block_past_midnight(catalog):
    text = plan("- vrij: Avond", "  minuten: 120", "- vrij: Nacht", "  minuten: 200", "- pauze: 15",
                start="21:00")
    [problem] = errors(text, catalog)
    assert problem.startswith("regel 7: blok 2 (Nacht) eindigt pas op 13 maart 2026 om 02:20")
    assert "na middernacht" in problem
    # ending exactly at midnight is still the same day
    parse_plan(plan("- vrij: Avond", "  minuten: 60", start="23:00"), catalog)


def test_overrun_names_each_late_block_and_by_how_much(catalog):
    text = plan("- vrij: Welkom", "  minuten: 30", "- vrij: Kern", "  minuten: 60", "- pauze: 15",
                start="09:00", end="10:00")
    problems = errors(text, catalog)
    assert problems[0] == ("regel 4: het programma duurt tot 10:45, maar de bijeenkomst eindigt om 10:00: 45 min "
                           "te lang. Uit de tijd lopen: blok 2 (Kern, 30 min); blok 3 (Pauze, 15 min). Schrap een "
                           "blok of kort er een in met 'minuten:'.")
    assert problems[1:] == ["regel 8: blok 2 (Kern, 09:30-10:30) valt 30 min na de eindtijd 10:00.",
                            "regel 10: blok 3 (Pauze, 10:30-10:45) valt 15 min na de eindtijd 10:00."]


def test_huge_durations_from_the_review_are_refused_at_their_own_lines(catalog):
    text = plan("- vrij: Welkom", "  minuten: 10", "- vrij: Enorm", "  minuten: 100000", "- pauze: 15",
                start="09:00", end="12:00")
    problems = errors(text, catalog)
    assert len(problems) == 1 and problems[0].startswith("regel 8: blok 2 (Enorm) duurt 1666 uur 40 min")


@pytest.mark.parametrize("written", ["12-03-2026", "12/03/2026", "2026-03-12", "12.03.2026", "2026/03/12"])
def test_one_date_parser_for_every_spelling(catalog, written):
    agenda = parse_plan(plan("- pauze: 5").replace("12-03-2026", written), catalog)
    assert agenda.datum == dt.date(2026, 3, 12)


def test_dates_in_plans_and_worksheets_are_read_by_the_same_parser(catalog):
    from leren.cli.common import date_value

    for written in ("12-03-2026", "12/03/2026", "2026-03-12"):
        assert date_value(written) == parse_plan(plan("- pauze: 5").replace("12-03-2026", written), catalog).datum


@pytest.mark.parametrize(("written", "code"), [("31-02-2026", "bestaat niet als datum"),
                                               ("morgen", "geen datum die de planner kan lezen")])
def test_bad_dates(catalog, written, code):
    [problem] = errors(plan("- pauze: 5").replace("12-03-2026", written), catalog)
    assert problem.startswith("regel 2: ") and code in problem


def test_quoted_minutes_say_so(catalog):
    [problem] = errors(plan("- pauze: 5", "- vrij: X", '  minuten: "20"'), catalog)
    assert problem == "regel 6: de duur van blok 2 moet een heel aantal minuten zijn, zonder aanhalingstekens, niet '20'."


def test_blokken_as_mapping_gives_one_message(catalog):
    text = "titel: X\ndatum: 2026-03-12\nstart: '09:00'\nblokken:\n  werkvorm: kring\n"
    assert errors(text, catalog) == ["regel 4: 'blokken' moet een lijst zijn (elk blok begint met '- ')."]


def test_empty_file_says_it_is_empty(catalog):
    assert errors("\n\n", catalog) == ["regel 1: het bestand is leeg. Een plan begint met velden als 'titel:', "
                                      "'datum:', 'start:' en 'blokken:'."]


@pytest.mark.parametrize("value", ["0", "-3", "achttien", "501", "true"])
def test_bad_number_of_participants(catalog, value):
    [problem] = errors(plan("- pauze: 5", head=f"deelnemers: {value}"), catalog)
    assert problem.startswith("regel 4: 'deelnemers' is het aantal personen")


def test_group_size_is_a_warning_not_a_refusal(catalog):
    agenda = parse_plan(plan("- werkvorm: kring", head="deelnemers: 18"), catalog)
    codes = [w.code for w in agenda.waarschuwingen]
    assert codes == ["groep_te_groot", "rondes_langer"]
    big, rounds = (str(w) for w in agenda.waarschuwingen)
    assert big.startswith("regel 6: blok 1 (Kring): 18 deelnemers is meer dan de 12")
    # rounds: 5 min explanation + 2 min x 18 participants + 2 min x ceil(18 / 4) subgroups = 51 min
    assert "vragen dan 51 min, het blok heeft 35 min" in rounds
    small = parse_plan(plan("- werkvorm: kring", head="deelnemers: 2"), catalog).waarschuwingen
    assert [w.code for w in small] == ["groep_te_klein"]
    assert parse_plan(plan("- werkvorm: kring", "  minuten: 60", head="deelnemers: 12"), catalog).waarschuwingen == []
    # a group that adds less than five minutes to the rounds gives no warning, even in a shortened block
    # (13 people: 5 + 26 + 8 = 39 min, 4 more than the werkvorm's 35; 14 people: 41 min, 6 more)
    assert [w.code for w in parse_plan(plan("- werkvorm: kring", "  minuten: 30", head="deelnemers: 13"),
                                       catalog).waarschuwingen] == ["groep_te_groot"]
    assert [w.code for w in parse_plan(plan("- werkvorm: kring", "  minuten: 30", head="deelnemers: 14"),
                                       catalog).waarschuwingen] == ["groep_te_groot", "rondes_langer"]


def test_rounds_scale_with_the_group():
    per_person = Step(wat="Ronde", minuten=20, per_beurt=2, beurten="deelnemer", indeling="hele groep")
    in_pairs = Step(wat="Interview", minuten=20, per_beurt=10, beurten="deelnemer", indeling="tweetallen")
    fours = Step(wat="Praat", minuten=5, indeling="viertallen")
    harvest = Step(wat="Oogst", minuten=10, per_beurt=1, beurten="groepje", indeling="hele groep")
    per_trio = Step(wat="Oogst", minuten=10, per_beurt=3, beurten="groepje", indeling="in trio's")
    plain = Step(wat="Uitleg", minuten=7)
    assert steps_minutes([per_person, plain], 15) == [30, 7] and steps_minutes([per_person], None) == [20]
    assert steps_minutes([in_pairs], 16) == [20]  # pairs talk at the same time
    assert steps_minutes([fours, harvest], 18) == [5, 5]  # one turn per foursome: ceil(18 / 4)
    assert steps_minutes([harvest], 18) == [5] and steps_minutes([per_trio], 10) == [12]
    assert round_sizes([fours, harvest, in_pairs, plain]) == [None, 4, 2, None]


@pytest.mark.parametrize(("indeling", "size"), [
    ("hele groep, of tweetallen bij het interview", None), ("plenair in de kring", None), ("tweetallen", 2),
    ("in trio's, daarna plenair", 3), ("groepjes van drie tot vijf", 4), ("groepjes van 6", 6), ("groepjes", 4),
    ("alleen", None), (None, None)])
def test_subgroup_size_reads_the_main_configuration(indeling, size):
    assert subgroup_size(Step(wat="x", minuten=5, indeling=indeling)) == size


def test_shortening_a_lot_warns(catalog):
    agenda = parse_plan(plan("- werkvorm: kring", "  minuten: 15"), catalog)
    assert [str(w) for w in agenda.waarschuwingen] == [
        "regel 5: blok 1 (Kring) heeft 15 min in plaats van 35 min: minder dan de helft. Kijk in het draaiboek "
        "welke stappen je overslaat."]


@pytest.mark.parametrize(("parts", "total"), [([5, 20, 10], 35), ([5, 20, 10], 20), ([10, 10, 10], 10),
                                              ([1, 1, 1, 1], 2), ([30, 15], 91)])
def test_scaled_steps_add_up_to_the_block(parts, total):
    out = scaled(parts, total)
    assert len(out) == len(parts) and all(m >= 1 for m in out)
    assert sum(out) == max(total, len(parts))


def test_every_message_is_in_the_table_with_named_placeholders():
    for code, template in MESSAGES.items():
        assert re.fullmatch(r"[a-z_]+", code)
        assert "{}" not in template and not re.search(r"\{[^a-z_}]", template), code
    assert set(WARNINGS) <= set(MESSAGES)
    problem = Problem(7, "geen_blokken")
    assert str(problem) == "regel 7: het programma heeft nog geen blokken."


def test_export_is_json_and_holds_what_a_browser_needs(catalog):
    data = export(catalog)
    assert json.loads(json.dumps(data)) == data
    assert data["versie"] == 1 and data["grenzen"]["max_blok_minuten"] == 240
    assert data["berichten"] == MESSAGES and data["waarschuwingen"] == list(WARNINGS)
    kring = data["werkvormen"]["kring"]
    assert kring["naam"] == "Kring" and kring["soort"] == "werkvorm" and kring["minuten"] == 35
    assert kring["groepsgrootte"] == [4, 12] and kring["werkblad"] == "werkvorm-kring" or kring["werkblad"] is None
    assert kring["rondes"][2] == {"minuten": 10, "per_beurt": 2, "beurten": "groepje", "groepje": 4}
    reeks = data["werkvormen"]["reeks"]
    assert reeks["bijeenkomsten"] == 3 and reeks["bijeenkomst_minuten"] == [180, 120, 120]
    assert [len(r) for r in reeks["bijeenkomst_rondes"]] == [1, 1, 1]
    assert data["werkvormen"]["plaatsbepaling"]["werkblad"] == "werkvorm-plaatsbepaling"
    assert data["plan"]["velden"][:3] == ["titel", "datum", "start"] and "deelnemers" in data["plan"]["velden"]
    assert data["plan"]["blokken"]["werkvorm"] == ["bijeenkomst", "minuten", "notitie"]
    sheet = data["werkbladen"]["principe-ervaringsleren"]
    assert sheet["minuten"] == catalog.worksheets["principe-ervaringsleren"].minuten


def test_export_of_the_real_catalog_covers_every_werkvorm():
    catalog = leren.load()
    data = export(catalog)
    assert set(data["werkvormen"]) == set(catalog.formats)
    for fid, entry in data["werkvormen"].items():
        assert entry["minuten"] == catalog.formats[fid].minuten_in_zaal


def test_worksheet_block_defaults_to_the_worksheet_minutes(catalog):
    agenda = parse_plan(plan("- werkblad: principe-ervaringsleren"), catalog)
    [block] = agenda.blokken
    assert block.minuten == catalog.worksheets["principe-ervaringsleren"].minuten and block.werkblad is not None
    [problem] = errors(plan("- werkblad: principe-ervaringslere"), catalog)
    assert problem.startswith("regel 5: onbekend werkblad") and "Bedoelde je 'principe-ervaringsleren'" in problem


def test_command_refuses_an_interventie_block_and_writes_nothing(tmp_path, capsys):
    from leren.cli import main

    catalog = leren.load()
    interventie = next(f for f in catalog.formats.values() if f.soort == "interventie")
    traject = next(f for f in catalog.formats.values() if f.soort == "traject")
    path = tmp_path / "plan.yml"
    path.write_text(plan(f"- werkvorm: {interventie.id}", f"- werkvorm: {traject.id}"), encoding="utf-8")
    assert main(["programma", str(path), "--draaiboek"]) == 2
    err = capsys.readouterr().err
    assert f"regel 5: '{interventie.naam}' (blok 1) is een interventie" in err
    assert f"regel 6: '{traject.naam}' (blok 2) is een traject van {traject.bijeenkomsten} bijeenkomsten" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yml"]
    path.write_text(plan(f"- werkvorm: {traject.id}", "  bijeenkomst: 1"), encoding="utf-8")
    code = main(["programma", str(path), "--draaiboek", "--formaat", "md"])
    minutes = meeting_minutes(traject)[0]
    assert (code == 0) == (minutes <= MAX_BLOCK_MINUTES)


@pytest.mark.parametrize(("werkvorm", "minutes", "participants"),
                         [("kring", "30", "13"), ("kring", "30", "14"), ("kring", "", "25"),
                          ("plaatsbepaling", "20", "12"), ("plaatsbepaling", "20", "18")])
def test_browser_rules_give_the_same_round_warnings(catalog, werkvorm, minutes, participants):
    """The margin of 'rondes_langer' holds in the browser rules too (static/planner-regels.js)."""
    import shutil
    import subprocess
    from pathlib import Path

    from leren.sphinx.planner import export as page_export

    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is nodig voor deze test.")
    script = Path(leren.__file__).parent / "sphinx" / "static" / "planner-regels.js"
    block = {"soort": "werkvorm", "werkvorm": werkvorm, "minuten": minutes, "notitie": "", "bijeenkomst": ""}
    page_plan = {"titel": "Teamdag", "datum": "2026-03-12", "start": "09:00", "einde": "", "groep": "",
                 "deelnemers": participants, "trainer": "", "locatie": "", "organisatie": "", "blokken": [block]}
    code = ("const P = require(process.argv[1]); const i = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
            "process.stdout.write(JSON.stringify(P.check(i.plan, i.rules).waarschuwingen.map(m => m.bericht)));")
    proc = subprocess.run([node, "-e", code, str(script)], capture_output=True, text=True, check=True,
                          input=json.dumps({"plan": page_plan, "rules": page_export(catalog)}))
    text = plan(f"- werkvorm: {werkvorm}", *([f"  minuten: {minutes}"] if minutes else []),
                head=f"deelnemers: {participants}")
    python = [w.tekst for w in parse_plan(text, catalog).waarschuwingen]
    browser = json.loads(proc.stdout)
    assert [re.sub(r"^regel \d+: ", "", b) for b in browser] == python

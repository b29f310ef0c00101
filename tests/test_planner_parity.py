"""The browser planner applies the rules of `leren.planner`: generated plans run through both.

The page's rule module (static/planner-regels.js, in Node) computes the times and messages of each plan
and writes it as YAML; `leren.planner.parse_plan` reads that YAML as `leren programma` would. Both must
give the same messages (with the same line numbers) and, for a valid plan, the same times. The YAML must
also come back unchanged through the page's own reader ("Plan openen").
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import leren
from leren.catalog import Catalog
from leren.model import Step
from leren.planner import PlanError, parse_plan
from leren.sphinx.fillable import script_json
from leren.sphinx.planner import export

RULES = Path(leren.__file__).parent / "sphinx" / "static" / "planner-regels.js"
COUNT = 400

NODE_SCRIPT = r"""
const P = require(process.argv[1]);
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = input.plans.map((plan) => {
  const r = P.check(plan, input.rules);
  let back = null;
  try { back = P.fromYaml(r.yaml.text, input.rules, "Plan openen"); } catch (e) { back = String(e.message); }
  return { yaml: r.yaml.text, fouten: r.fouten.map((m) => m.bericht), waarschuwingen: r.waarschuwingen.map((m) => m.bericht),
           tijden: r.blokken.map((b) => [P.clock(b.start), P.clock(b.einde)]), einde: P.clock(r.einde), back };
});
process.stdout.write(JSON.stringify(out));
"""

def _step(wat, minuten, **kw):
    return Step(wat=wat, minuten=minuten, **kw)


def fixture_catalog() -> Catalog:
    """The real catalog plus werkvormen of every kind (as tests/test_planner_rules.py makes them)."""
    real = leren.load()
    base = real.formats["plaatsbepaling"]
    size = dataclasses.replace(base.groepsgrootte, min=4, max=12)
    extra = {
        "kring": dataclasses.replace(base, id="kring", naam="Kring", groepsgrootte=size, stappen=[
            _step("Voorbereiden", 30, wanneer="voor"), _step("Uitleg", 5),
            _step("Ronde", 20, per_beurt=2, beurten="deelnemer", indeling="plenair"),
            _step("Oogst per groepje", 10, per_beurt=2, beurten="groepje", indeling="viertallen"),
            _step("Opdracht in je werk", 60, wanneer="tussen")]),
        "zet": dataclasses.replace(base, id="zet", naam="Zet", soort="interventie",
                                   stappen=[_step("Benoem wat er gebeurt", 5)]),
        "reeks": dataclasses.replace(base, id="reeks", naam="Reeks", soort="traject", bijeenkomsten=3,
                                     looptijd="drie maanden", stappen=[
            _step("Intake", 60, wanneer="voor"), _step("Start", 180), _step("Werkbijeenkomst", 120, keer=2),
            _step("Evaluatie", 30, wanneer="na")]),
        "reeks-vrij": dataclasses.replace(base, id="reeks-vrij", naam="Vrije reeks", soort="traject",
                                          bijeenkomsten=4, looptijd="een jaar",
                                          stappen=[_step("Casus", 90), _step("Afspraken", 30)]),
    }
    return Catalog(principles=real.principles, formats={**real.formats, **extra}, worksheets=real.worksheets,
                   cases=real.cases)


HOSTILE = ["<script>alert(1)</script>", 'Zeg "hallo"', "{{ 7*7 }}", "a\\b", "regel\nnieuw", "tab\there",
           "é ü ß 😀", "x" * 300, "'enkel'", "# geen commentaar", "- streepje", "key: value", "\u2028", "\x85"]


def random_text(rng: random.Random) -> str:
    return rng.choice(["Teamdag", "Startbijeenkomst buurtteam Noord", "", " ", *HOSTILE])


def random_minutes(rng: random.Random) -> str:
    return rng.choice(["", "15", "30", "45", "60", "90", "0", "-5", "12.5", "abc", " 20 ", "007", "240", "241",
                       "600", str(rng.randint(1, 200))])


def random_block(rng: random.Random, catalog: Catalog, valid: bool) -> dict:
    kind = rng.choices(["werkvorm", "werkblad", "pauze", "vrij"], weights=[6, 1, 2, 2])[0]
    block = {"soort": kind, "minuten": "", "notitie": rng.choice(["", "", "Let op de stilte.", *HOSTILE])}
    if kind == "werkvorm":
        special = ["kring", "reeks", "reeks-vrij"] + ([] if valid else ["zet"])
        block["werkvorm"] = rng.choice(special if rng.random() < 0.3 else list(catalog.formats))
        block["bijeenkomst"] = ""
        if block["werkvorm"].startswith("reeks"):
            block["bijeenkomst"] = rng.choice(["1", "2", "3", "4"] + ([] if valid else ["", "0", "5", "twee"]))
        elif not valid and rng.random() < 0.05:
            block["bijeenkomst"] = "1"
        if rng.random() < 0.4:
            block["minuten"] = str(rng.randint(5, 120)) if valid else random_minutes(rng)
    elif kind == "werkblad":
        block["werkblad"] = rng.choice(sorted(catalog.worksheets))
        if rng.random() < 0.3:
            block["minuten"] = str(rng.randint(5, 60)) if valid else random_minutes(rng)
    elif kind == "pauze":
        block["minuten"] = rng.choice(["15", "10", "30"] + ([] if valid else ["", "0", "kwartier"]))
    else:
        block["titel"] = rng.choice(["Lunch", "Welkom", *HOSTILE[:3]] + ([] if valid else ["", "  "]))
        block["minuten"] = rng.choice(["10", "15", "30"] + ([] if valid else ["", "abc"]))
    return block


def generate(rng: random.Random, catalog: Catalog) -> dict:
    valid = rng.random() < 0.5
    if valid:
        start = f"{rng.randint(7, 22):02d}:{rng.choice([0, 15, 30, 45]):02d}"
        plan = {"titel": random_text(rng) or "Teamdag", "datum": rng.choice(["2026-03-12", "31-12-2026", "29/02/2028"]),
                "start": start, "einde": rng.choice(["", "12:30", "17:00", "23:30"]), "groep": random_text(rng),
                "deelnemers": rng.choice(["", "", "3", "8", "12", "25"])}
    else:
        plan = {
            "titel": rng.choice(["Teamdag", "Intervisie <b>wijkteam</b>", "", *HOSTILE]),
            "datum": rng.choice(["2026-03-12", "12-03-2026", "2026-3-5", "2026-02-30", "29-02-2028", "morgen", "",
                                 "2026-13-01", "31-04-2026", "12.03.2026", "0000-01-01", "12/3/26"]),
            "start": rng.choice(["09:30", "9:30", "13.00", "23:00", "22:45", "25:00", "", "9", "09:60", " 08:15 "]),
            "einde": rng.choice(["", "", "12:30", "16:30", "09:00", "23:59", "later", "12.00"]),
            "groep": rng.choice(["", "Buurtteam Noord", *HOSTILE]),
            "deelnemers": rng.choice(["", "", "12", "0", "501", "-3", "veel", "1.5"]),
        }
    plan.update({"trainer": rng.choice(["", "Sanne de Vries"]), "locatie": rng.choice(["", "Wijkcentrum Oost"]),
                 "organisatie": rng.choice(["", "Wijkteam Oost"])})
    count = rng.randint(1, 8) if valid else rng.choice([0, 1, 3, 5, 6, 7, 9])
    plan["blokken"] = [random_block(rng, catalog, valid) for _ in range(count)]
    return plan


def canonical(plan: dict) -> dict:
    """The plan as the YAML holds it: numbers without surrounding spaces or leading zeros."""
    def number(text: str) -> str:
        text = text.strip()
        return str(int(text)) if re.fullmatch(r"-?\d+", text) else text

    blocks = [{**b, **{k: number(b[k]) for k in ("minuten", "bijeenkomst") if k in b}} for b in plan["blokken"]]
    return {**plan, "deelnemers": number(plan["deelnemers"]), "blokken": blocks}


def python_result(text: str, catalog) -> dict:
    try:
        agenda = parse_plan(text, catalog)
    except PlanError as exc:
        return {"fouten": exc.problems, "tijden": None}
    return {"fouten": [], "waarschuwingen": [str(w) for w in agenda.waarschuwingen],
            "tijden": [[f"{b.start:%H:%M}", f"{b.einde:%H:%M}"] for b in agenda.blokken], "einde": f"{agenda.einde:%H:%M}"}


def run_node(script: str, payload: dict):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is nodig voor deze test.")
    proc = subprocess.run([node, "-e", script, str(RULES)], input=json.dumps(payload), capture_output=True, text=True,
                          check=True)
    return json.loads(proc.stdout)


def test_generated_plans_agree_with_leren_planner():
    catalog = fixture_catalog()
    rules = json.loads(script_json(export(catalog)))
    rng = random.Random(20261205)
    plans = [generate(rng, catalog) for _ in range(COUNT)]
    results = run_node(NODE_SCRIPT, {"plans": plans, "rules": rules})
    valid = 0
    for plan, page in zip(plans, results, strict=True):
        python = python_result(page["yaml"], catalog)
        assert page["fouten"] == python["fouten"], page["yaml"]
        if python["tijden"] is not None:
            valid += 1
            assert page["waarschuwingen"] == python["waarschuwingen"], page["yaml"]
            assert page["tijden"] == python["tijden"], page["yaml"]
            assert page["einde"] == python["einde"]
        assert page["back"] == canonical(plan), page["yaml"]  # "Plan openen" reads the downloaded file back
    # The generator must reach both sides: valid plans with times and every message of the planner.
    assert valid >= 60
    seen = {m for r in results for m in r["fouten"] + r["waarschuwingen"]}
    for code, template in rules["berichten"].items():
        if code in UNREACHABLE:
            continue
        fragment = re.split(r"\{\w+\}", template)[0][:30] or re.split(r"\{\w+\}", template)[1][:30]
        assert any(fragment in m for m in seen), code


# Messages about the file itself or about names the page cannot produce (the page reads files with its own
# reader, which refuses these before the rules run; see test_page_refuses_bad_plan_files_naming_the_line).
UNREACHABLE = {"bestand", "yaml", "leeg", "geen_plan", "onbekend_veld", "blokken_geen_lijst", "blok_soort",
               "blok_een_soort", "blok_onbekend_veld", "werkvorm_onbekend", "werkblad_onbekend"}


def test_example_plans_agree_and_open(tmp_path):
    """The plans that ship with the package: the page reads them and computes the same times."""
    catalog = leren.load()
    rules = json.loads(script_json(export(catalog)))
    examples = sorted((Path(leren.__file__).parent / "data" / "programmas").glob("*.yml"))
    script = (
        "const P = require(process.argv[1]); const fs = require('fs');"
        "const input = JSON.parse(fs.readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.texts.map((t) => {"
        " const plan = P.fromYaml(t, input.rules, 'Plan openen'); const r = P.check(plan, input.rules);"
        " return {fouten: r.fouten.map((m) => m.tekst), tijden: r.blokken.map((b) => [P.clock(b.start), P.clock(b.einde)])};"
        "})));"
    )
    texts = [p.read_text(encoding="utf-8") for p in examples]
    for text, page in zip(texts, run_node(script, {"texts": texts, "rules": rules}), strict=True):
        python = python_result(text, catalog)
        assert [m.split(": ", 1)[1] for m in python["fouten"]] == page["fouten"]
        assert python["tijden"] == page["tijden"]


@pytest.mark.parametrize("text, fragment", [
    ("titel: Dag\nblokken:\n  - werkvorm: bestaat-niet\n", "regel 3: blok 1: onbekende werkvorm 'bestaat-niet'"),
    ("titel: Dag\nkleur: rood\n", "regel 2: onbekend veld 'kleur'"),
    ("titel: |\n  lang\n", "regel 1: deze schrijfwijze kent de planner niet"),
    ("titel: \"open\n", "regel 1: een tekst tussen aanhalingstekens sluit niet af"),
    ("\ttitel: Dag\n", "regel 1: gebruik spaties"),
    ("blokken:\n  - pauze: 15\n    kleur: rood\n", "regel 2: onbekend veld 'kleur' in blok 1"),
    ("titel: Dag\ntitel: Nacht\n", "regel 2: het veld 'titel' staat er twee keer"),
    ("  - pauze: 15\n", "regel 1: een blok met '-' hoort onder 'blokken:'"),
    ("titel: <script>alert(1)</script>\nblokken:\n  - vrij: {{x}}\n", "regel 3: deze schrijfwijze"),
])
def test_page_refuses_bad_plan_files_naming_the_line(text, fragment):
    rules = json.loads(script_json(export(leren.load())))
    script = (
        "const P = require(process.argv[1]); const fs = require('fs');"
        "const input = JSON.parse(fs.readFileSync(0, 'utf8'));"
        "try { P.fromYaml(input.text, input.rules, 'Plan openen'); console.log('OK'); }"
        "catch (e) { if (!(e instanceof P.PlanProblem)) throw e; console.log(e.message); }"
    )
    node = shutil.which("node")
    proc = subprocess.run([node, "-e", script, str(RULES)], input=json.dumps({"text": text, "rules": rules}),
                          capture_output=True, text=True, check=True)
    assert proc.stdout.startswith("Plan openen: ") and fragment in proc.stdout, proc.stdout

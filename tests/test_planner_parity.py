"""The browser planner applies the rules of `leren.planner`: generated plans run through both.

The page's rule module (static/planner-regels.js, in Node) computes the times and messages of each plan
and writes it as YAML; `leren.planner.parse_plan` reads that YAML as `leren programma` would. Both must
give the same messages (with the same line numbers) and, for a valid plan, the same times. The YAML must
also come back unchanged through the page's own reader ("Plan openen").
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import leren
from leren.planner import PlanError, parse_plan
from leren.sphinx.planner import export, script_json

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
  return { yaml: r.yaml.text, berichten: r.berichten.map((m) => m.bericht),
           tijden: r.blokken.map((b) => [P.clock(b.start), P.clock(b.einde)]), einde: P.clock(r.einde), back };
});
process.stdout.write(JSON.stringify(out));
"""

HOSTILE = ["<script>alert(1)</script>", 'Zeg "hallo"', "{{ 7*7 }}", "a\\b", "regel\nnieuw", "tab\there",
           "é ü ß 😀", "x" * 300, "'enkel'", "# geen commentaar", "- streepje", "key: value", "\u2028", "\x85"]


def random_text(rng: random.Random) -> str:
    return rng.choice(["Teamdag", "Startbijeenkomst buurtteam Noord", "", " ", *HOSTILE])


def random_minutes(rng: random.Random) -> str:
    return rng.choice(["", "15", "30", "45", "60", "90", "0", "-5", "12.5", "abc", " 20 ", "007", "240",
                       "600", str(rng.randint(1, 200))])


def generate(rng: random.Random, formats: list[str]) -> dict:
    if rng.random() < 0.5:
        return generate_valid(rng, formats)
    plan = {
        "titel": rng.choice(["Teamdag", "Intervisie <b>wijkteam</b>", "", *HOSTILE]),
        "datum": rng.choice(["2026-03-12", "12-03-2026", "2026-3-5", "2026-02-30", "29-02-2028", "morgen", "",
                             "2026-13-01", "31-04-2026", "2026-03- 5", "0000-01-01"]),
        "start": rng.choice(["09:30", "9:30", "13.00", "23:00", "22:45", "25:00", "", "9", "09:60", " 08:15 "]),
        "einde": rng.choice(["", "", "12:30", "16:30", "09:00", "23:59", "later", "12.00"]),
        "groep": rng.choice(["", "Buurtteam Noord", *HOSTILE]),
        "trainer": rng.choice(["", "Sanne de Vries"]),
        "locatie": rng.choice(["", "Wijkcentrum Oost"]),
        "organisatie": rng.choice(["", "Wijkteam Oost"]),
        "deelnemers": "",
        "blokken": [],
    }
    for _ in range(rng.choice([0, 1, 3, 5, 6, 7, 9])):
        kind = rng.choices(["werkvorm", "pauze", "vrij"], weights=[6, 2, 2])[0]
        block = {"soort": kind, "minuten": random_minutes(rng) if rng.random() < 0.5 or kind != "werkvorm" else "",
                 "notitie": rng.choice(["", "", "Let op de stilte.", *HOSTILE])}
        if kind == "werkvorm":
            block["werkvorm"] = rng.choice(formats)
        elif kind == "pauze":
            block["minuten"] = rng.choice(["15", "10", "30", "", "0", "kwartier"])
        else:
            block["titel"] = rng.choice(["Lunch", "Welkom", "", "  ", *HOSTILE])
        plan["blokken"].append(block)
    return plan


def generate_valid(rng: random.Random, formats: list[str]) -> dict:
    """A plan without errors in its fields: only the programme's length decides (fits, too long, midnight)."""
    blocks = []
    for _ in range(rng.randint(1, 8)):
        kind = rng.choices(["werkvorm", "pauze", "vrij"], weights=[6, 2, 2])[0]
        block = {"soort": kind, "minuten": rng.choice(["", "", str(rng.randint(5, 120))]), "notitie": random_text(rng)}
        if kind == "werkvorm":
            block["werkvorm"] = rng.choice(formats)
        else:
            block["minuten"] = str(rng.choice([10, 15, 30, 45]))
            if kind == "vrij":
                block["titel"] = rng.choice(["Lunch", "Welkom", *HOSTILE[:3]])
        blocks.append(block)
    start = f"{rng.randint(7, 22):02d}:{rng.choice([0, 15, 30, 45]):02d}"
    return {"titel": random_text(rng) or "Teamdag", "datum": rng.choice(["2026-03-12", "31-12-2026", "2028-02-29"]),
            "start": start, "einde": rng.choice(["", "12:30", "17:00", "23:30"]), "groep": random_text(rng),
            "trainer": "", "locatie": "", "organisatie": "", "deelnemers": "", "blokken": blocks}


def canonical(plan: dict) -> dict:
    """The plan as the YAML holds it: minutes without surrounding spaces, whole numbers without leading zeros."""
    def minutes(text: str) -> str:
        text = text.strip()
        return str(int(text)) if re.fullmatch(r"-?\d+", text) else text

    return {**plan, "blokken": [{**b, "minuten": minutes(b["minuten"])} for b in plan["blokken"]]}


def python_result(text: str, catalog) -> dict:
    try:
        agenda = parse_plan(text, catalog)
    except PlanError as exc:
        return {"berichten": exc.problems, "tijden": None}
    return {"berichten": [], "tijden": [[f"{b.start:%H:%M}", f"{b.einde:%H:%M}"] for b in agenda.blokken],
            "einde": f"{agenda.einde:%H:%M}"}


def test_generated_plans_agree_with_leren_planner():
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is nodig voor deze test.")
    catalog = leren.load()
    rules = json.loads(script_json(export(catalog)))
    rng = random.Random(20261205)
    plans = [generate(rng, list(catalog.formats)) for _ in range(COUNT)]
    proc = subprocess.run([node, "-e", NODE_SCRIPT, str(RULES)], input=json.dumps({"plans": plans, "rules": rules}),
                          capture_output=True, text=True, check=True)
    results = json.loads(proc.stdout)
    valid = 0
    for plan, page in zip(plans, results, strict=True):
        python = python_result(page["yaml"], catalog)
        assert page["berichten"] == python["berichten"], page["yaml"]
        if python["tijden"] is not None:
            valid += 1
            assert page["tijden"] == python["tijden"], page["yaml"]
            assert page["einde"] == python["einde"]
        assert page["back"] == canonical(plan), page["yaml"]  # "Plan openen" reads the downloaded file back
    # The generator must reach both sides: valid plans with times and plans with every kind of message.
    assert valid >= 40
    messages = " ".join(m for r in results for m in r["berichten"])
    for fragment in ("ontbreekt of is leeg", "geen geldige datum", "geen geldige tijd", "ligt niet na",
                     "nog geen blokken", "heel aantal minuten", "positief aantal", "titel nodig",
                     "ook 'minuten:'", "na middernacht", "minuten te lang"):
        assert fragment in messages, fragment


def test_example_plans_agree_and_open(tmp_path):
    """The plans that ship with the package: the page reads them and computes the same times."""
    node = shutil.which("node")
    catalog = leren.load()
    rules = json.loads(script_json(export(catalog)))
    examples = sorted((Path(leren.__file__).parent / "data" / "programmas").glob("*.yml"))
    script = (
        "const P = require(process.argv[1]); const fs = require('fs');"
        "const input = JSON.parse(fs.readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.texts.map((t) => {"
        " const plan = P.fromYaml(t, input.rules, 'Plan openen'); const r = P.check(plan, input.rules);"
        " return {berichten: r.berichten.map((m) => m.tekst), tijden: r.blokken.map((b) => [P.clock(b.start), P.clock(b.einde)])};"
        "})));"
    )
    texts = [p.read_text(encoding="utf-8") for p in examples]
    proc = subprocess.run([node, "-e", script, str(RULES)], input=json.dumps({"texts": texts, "rules": rules}),
                          capture_output=True, text=True, check=True)
    for text, page in zip(texts, json.loads(proc.stdout), strict=True):
        python = python_result(text, catalog)
        assert [m.split(": ", 1)[1] for m in python["berichten"]] == page["berichten"]
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
    node = shutil.which("node")
    rules = json.loads(script_json(export(leren.load())))
    script = (
        "const P = require(process.argv[1]); const fs = require('fs');"
        "const input = JSON.parse(fs.readFileSync(0, 'utf8'));"
        "try { P.fromYaml(input.text, input.rules, 'Plan openen'); console.log('OK'); }"
        "catch (e) { if (!(e instanceof P.PlanProblem)) throw e; console.log(e.message); }"
    )
    proc = subprocess.run([node, "-e", script, str(RULES)], input=json.dumps({"text": text, "rules": rules}),
                          capture_output=True, text=True, check=True)
    assert proc.stdout.startswith("Plan openen: ") and fragment in proc.stdout, proc.stdout

"""The storage side of the self-checks (zelftoets.js) without a browser: what is kept under
`leren:oefening:<id>` and `leren:werkblad:<id>`, and how damaged or foreign data is handled."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "src" / "leren" / "sphinx" / "static" / "zelftoets.js"
NODE = shutil.which("node") or shutil.which("nodejs")

RUNNER = """
const m = require(process.argv[1]);
const store = {data: {}, getItem(k) { return k in this.data ? this.data[k] : null; },
               setItem(k, v) { this.data[k] = String(v); }};
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(([fn, stored, args]) => {
  store.data = stored;
  const result = m[fn](store, ...args);
  return {result, stored: store.data};
});
process.stdout.write(JSON.stringify(out));
"""


def run(*cases):
    if NODE is None:
        pytest.skip("node ontbreekt")
    proc = subprocess.run([NODE, "-e", RUNNER, str(SCRIPT)], input=json.dumps(cases), capture_output=True,
                          text=True, check=True)
    return json.loads(proc.stdout)


def test_damaged_progress_counts_as_not_started():
    for raw in ["{niet json", "[1, 2]", '"tekst"', '{"velden": 3, "uitslagen": []}']:
        [out] = run(["lerenLoadProgress", {"leren:oefening:x": raw}, ["x"]])
        assert out["result"] == {"velden": {}, "uitslagen": {}}


def test_reflection_lands_in_the_worksheet_json_contract():
    [new] = run(["lerenAddToWorksheet", {}, ["casus-venlo", 5, "Mijn antwoord <b>vet</b> {{ x }}"]])
    assert new["result"] is True
    assert json.loads(new["stored"]["leren:werkblad:casus-venlo"]) == {
        "kop": {"groep": "", "datum": "", "trainer": "", "organisatie": ""},
        "velden": {"5": "Mijn antwoord <b>vet</b> {{ x }}"},
    }
    existing = json.dumps({"kop": {"groep": "2B", "datum": "", "trainer": "", "organisatie": ""},
                           "velden": {"0": "droom", "5": "eerder"}})
    [kept] = run(["lerenAddToWorksheet", {"leren:werkblad:casus-venlo": existing}, ["casus-venlo", 5, "nieuw"]])
    sheet = json.loads(kept["stored"]["leren:werkblad:casus-venlo"])
    assert sheet["kop"]["groep"] == "2B" and sheet["velden"] == {"0": "droom", "5": "eerder\n\nnieuw"}
    [broken] = run(["lerenAddToWorksheet", {"leren:werkblad:casus-venlo": '{"kop": 1, "velden": "x"}'},
                    ["casus-venlo", 0, "tekst"]])
    assert json.loads(broken["stored"]["leren:werkblad:casus-venlo"])["velden"] == {"0": "tekst"}


def test_status_follows_the_checked_questions():
    if NODE is None:
        pytest.skip("node ontbreekt")
    script = ("const m = require(process.argv[1]); const p = (v, u) => ({velden: v, uitslagen: u});"
              "process.stdout.write(JSON.stringify(["
              "m.lerenSummary(p({}, {}), 4, 11).status,"
              "m.lerenSummary(p({v1: {a: 'B'}}, {}), 4, 11).status,"
              "m.lerenSummary(p({}, {v1: {punten: 1, maximum: 1}, v2: {punten: 3, maximum: 5}}), 4, 11),"
              "m.lerenSummary(p({}, {v1: {punten: 1}, v2: {punten: 2}, v3: {punten: 0}, v4: {punten: 1}}), 4, 11).status"
              "]))")
    proc = subprocess.run([NODE, "-e", script, str(SCRIPT)], capture_output=True, text=True, check=True)
    first, begun, scored, done = json.loads(proc.stdout)
    assert (first, begun, done) == ("niet begonnen", "bezig", "klaar")
    assert scored == {"status": "bezig", "punten": 4, "maximum": 11, "gecontroleerd": 2, "vragen": 4}

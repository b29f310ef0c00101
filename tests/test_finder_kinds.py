"""The finder filters on time in the room and on kind, in Python and in the browser alike."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess

import pytest

import leren
from leren.finder import Criteria, find
from leren.model import Step
from test_formats import SCRIPT


@pytest.fixture(scope="module")
def formats():
    base = leren.load().formats["plaatsbepaling"]
    return [
        dataclasses.replace(base, id="kort", stappen=[Step("Voor", 120, wanneer="voor"), Step("Zaal", 20)]),
        dataclasses.replace(base, id="zet", soort="interventie", stappen=[Step("Zaal", 10)]),
        dataclasses.replace(base, id="reeks", soort="traject", bijeenkomsten=3, looptijd="drie maanden",
                            stappen=[Step("Bijeenkomst", 180, keer=3), Step("Tussendoor", 600, wanneer="tussen")]),
        dataclasses.replace(base, id="lang", stappen=[Step("Zaal", 90), Step("Na", 300, wanneer="na")]),
    ]


def ids(found):
    return [f.id for f in found]


def test_time_in_the_room_not_the_sum_of_all_steps(formats):
    assert ids(find(formats, Criteria(max_minuten=30))) == ["kort", "zet"]
    assert ids(find(formats, Criteria(max_minuten=90))) == ["kort", "zet", "lang"]
    assert ids(find(formats, Criteria(max_minuten=240))) == ["kort", "zet", "reeks", "lang"]  # 180 once


def test_kind(formats):
    assert ids(find(formats, Criteria(soort="interventie"))) == ["zet"]
    assert ids(find(formats, Criteria(soort="traject"))) == ["reeks"]
    assert ids(find(formats, Criteria(soort="werkvorm", max_minuten=60))) == ["kort"]


def test_browser_agrees_on_time_and_kind(formats):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is nodig voor deze test.")
    items = [{"id": f.id, "classes": [f"duur-{f.minuten_in_zaal}", f"soort-{f.soort}", f"gmin-{f.groepsgrootte.min}",
                                      f"gmax-{f.groepsgrootte.max}"]} for f in formats]
    grid = [Criteria(max_minuten=m, soort=s) for m in (None, 15, 30, 90, 240)
            for s in (None, "werkvorm", "interventie", "traject")]
    queries = [{"maxMinuten": c.max_minuten, "soort": c.soort} for c in grid]
    script = ("const z = require(process.argv[1]); const items = JSON.parse(process.argv[2]);"
              "console.log(JSON.stringify(JSON.parse(process.argv[3]).map(q => items.filter(i => "
              "z.lerenMatches(z.lerenParseRow(i.classes), q)).map(i => i.id))));")
    proc = subprocess.run([node, "-e", script, str(SCRIPT), json.dumps(items), json.dumps(queries)],
                          capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout) == [ids(find(formats, c)) for c in grid]

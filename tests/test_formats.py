"""The werkvormen catalogue: a page per werkvorm, and a finder whose browser rules match the Python ones."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path
from typing import get_args

import pytest

import leren
from leren.finder import Criteria, find
from leren.model import Purpose

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "src" / "leren" / "sphinx" / "static" / "werkvormen-zoeker.js"


def test_werkvorm_page_is_rendered_from_data(book):
    fmt = next(iter(leren.load().formats.values()))
    assert f"<h1>{fmt.naam}" in book.page(f"book/werkvormen/{fmt.id}")
    text = book.text(f"book/werkvormen/{fmt.id}")
    for value in [fmt.doel, fmt.uitnodiging, *(s.wat for s in fmt.stappen), *fmt.tips]:
        assert " ".join(value.split()) in text


def test_finder_lists_every_werkvorm_readable_without_script(book):
    page = book.page("book/werkvormen/index")
    rows = page.count('class="leren-wv ')
    assert rows == len(leren.load().formats)
    assert '<form class="leren-zoeker" hidden' in page


def test_finder_logic_known_cases():
    catalog = leren.load()
    formats = list(catalog.formats.values())
    assert find(formats, Criteria()) == formats
    short = find(formats, Criteria(max_minuten=30))
    assert short and all(f.minuten_in_zaal <= 30 for f in short)
    pairs = find(formats, Criteria(deelnemers=2))
    assert all(f.groepsgrootte.min <= 2 <= f.groepsgrootte.max for f in pairs)
    for pid in catalog.principles:
        assert all(pid in f.principes for f in find(formats, Criteria(principe=pid)))


def criteria_grid(catalog):
    principles = [None] + list(catalog.principles)
    purposes = [None, *get_args(Purpose)]
    kinds = [None, "werkvorm", "interventie", "traject"]
    for principe, doel, duur, groep, soort in itertools.product(principles, purposes, [None, 30, 90, 240],
                                                                [None, 2, 12, 40], kinds):
        yield Criteria(principe=principe, doel=doel, max_minuten=duur, deelnemers=groep, soort=soort)


def test_browser_finder_agrees_with_python():
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is nodig voor deze test (.ci/run installeert het).")
    catalog = leren.load()
    formats = list(catalog.formats.values())
    items = [
        {"id": f.id, "classes": [f"duur-{f.minuten_in_zaal}", f"soort-{f.soort}", f"gmin-{f.groepsgrootte.min}",
                                 f"gmax-{f.groepsgrootte.max}"]
         + [f"p-{p}" for p in f.principes] + [f"d-{d}" for d in f.doelen]}
        for f in formats
    ]
    grid = list(criteria_grid(catalog))
    queries = [{"principe": c.principe, "doel": c.doel, "maxMinuten": c.max_minuten, "deelnemers": c.deelnemers,
                "soort": c.soort}
               for c in grid]
    script = (
        "const z = require(process.argv[1]); const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const items = input.items; const queries = input.queries;"
        "console.log(JSON.stringify(queries.map(q => items.filter(i => z.lerenMatches(z.lerenParseRow(i.classes), q))"
        ".map(i => i.id))));"
    )
    proc = subprocess.run([node, "-e", script, str(SCRIPT)], input=json.dumps({"items": items, "queries": queries}),
                          capture_output=True, text=True, check=True)
    browser = json.loads(proc.stdout)
    python = [[f.id for f in find(formats, c)] for c in grid]
    assert browser == python


def test_menu_lists_werkvormen_alphabetically_by_name():
    from conftest import toc_docnames

    in_menu = [d.split("/")[-1] for d in toc_docnames() if d.startswith("book/werkvormen/") and not d.endswith(("index", "planner"))]
    assert in_menu == list(leren.load().formats)  # the catalog orders werkvormen by name


def test_every_werkvorm_has_a_worksheet_shown_on_its_page(book):
    catalog = leren.load()
    for fmt in catalog.formats.values():
        sheet = catalog.worksheets.get(f"werkvorm-{fmt.id}")
        assert sheet is not None and sheet.hoort_bij.id == fmt.id, fmt.id
        page = book.page(f"book/werkvormen/{fmt.id}")
        assert f"werkvorm-{fmt.id}.pdf" in page and f"werkvorm-{fmt.id}.docx" in page

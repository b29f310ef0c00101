"""Reproducible output, and the plain Sphinx route giving the same site.

The second build goes the way `make sphinx-html` goes (conftest.SphinxRoute: conf.py generated from
_config.yml into a temporary folder, then `sphinx-build` from scratch, notebook execution included; it runs
alongside the shared build). Its site must equal the shared Jupyter Book build (the `book` fixture) byte
for byte: that proves both that two builds of one commit are identical and
that publishers who use plain Sphinx get the same site.

Two renderings of every worksheet are compared too: the site's downloads (made inside the Sphinx build)
and the files of the shared `leren alles` run (the command, in its own process).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, SPHINX_PROBLEM

import leren


def digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def route(sphinx_route):
    """The plain-Sphinx build of conftest (started alongside the shared build), finished and strict."""
    code, log = sphinx_route.wait()
    assert code == 0, log[-4000:]
    return sphinx_route, log


def test_sphinx_route_config_comes_from_config_yml(route):
    built, log = route
    assert "leren.sphinx" in built.conf and "language = 'nl'" in built.conf
    assert not (ROOT / "conf.py").exists(), "conf.py wordt gegenereerd en hoort niet in de repository"
    assert [line for line in log.splitlines() if SPHINX_PROBLEM.search(line)] == []


def test_sphinx_route_gives_the_same_site_byte_for_byte(book, route):
    first, second = digests(book.html), digests(route[0].html)
    assert sorted(first.keys() ^ second.keys()) == []
    assert sorted(name for name in first if first[name] != second[name]) == []


def test_footer_date_is_that_of_the_last_commit(book):
    if "SOURCE_DATE_EPOCH" in os.environ:
        pytest.skip("SOURCE_DATE_EPOCH bepaalt hier de datum.")
    from datetime import datetime, timezone

    from babel.dates import format_date

    stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    if not stamp.stdout.strip().isdigit():
        pytest.skip("Geen git-checkout.")
    moment = datetime.fromtimestamp(int(stamp.stdout), tz=timezone.utc)
    expected = format_date(moment, "d MMMM y", locale="nl")
    assert f"Laatste aanpassing op {expected}." in book.page("book/intro")


def test_worksheets_of_the_site_and_of_leren_alles_are_identical(book, alles):
    """Two independent renderings (the Sphinx build, and `leren alles` in its own process) agree byte for
    byte for every worksheet the site offers, in PDF and Word."""
    assert alles.returncode == 0, alles.stderr
    made = {p.name: p for p in alles.folder.iterdir()}
    sheets = set(leren.load().worksheets)
    on_site = {p.name: p for p in (book.html / "werkbladen").iterdir()
               if p.suffix in (".pdf", ".docx") and p.stem in sheets}
    assert len(on_site) == 2 * len(sheets)  # every worksheet is on the site, in PDF and Word
    assert sorted(set(on_site) - set(made)) == []
    differ = sorted(n for n, p in on_site.items() if p.read_bytes() != made[n].read_bytes())
    assert differ == []

"""Reproducible output, and the plain Sphinx route giving the same site.

The second build goes the way `make sphinx-html` goes: `jupyter-book config sphinx` writes a conf.py from
_config.yml (here into a temporary folder, so the work tree stays untouched), then `sphinx-build` builds from
scratch into its own folder, notebook execution included. Its site must equal the shared Jupyter Book
build (the `book` fixture) byte for byte: that proves both that two builds of one commit are identical and
that publishers who use plain Sphinx get the same site.

Two renderings of every worksheet are compared too: the site's downloads (made inside the Sphinx build)
and the files of the shared `leren alles` run (the command, in its own process).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import BIN, ROOT, SPHINX_PROBLEM


def digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sphinx_route(tmp_path_factory) -> tuple[Path, str, str]:
    """(html folder, generated conf.py text, log) of the plain Sphinx route."""
    tmp = tmp_path_factory.mktemp("sphinx-route")
    confdir = tmp / "conf"
    confdir.mkdir()
    shutil.copy2(ROOT / "_config.yml", confdir / "_config.yml")
    proc = subprocess.run([str(BIN / "jupyter-book"), "config", "sphinx", str(ROOT), "--config",
                           str(confdir / "_config.yml")], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    conf = (confdir / "conf.py").read_text(encoding="utf-8")
    out = tmp / "html"
    # The same flags as `make sphinx-html`; -c and -d keep conf.py and the doctrees out of the work tree.
    proc = subprocess.run([str(BIN / "sphinx-build"), "-W", "-n", "--keep-going", "-E", "-b", "html", "-c",
                           str(confdir), "-d", str(tmp / "doctrees"), str(ROOT), str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    log = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout + proc.stderr)
    assert proc.returncode == 0, log[-4000:]
    return out, conf, log


def test_sphinx_route_config_comes_from_config_yml(sphinx_route):
    _, conf, log = sphinx_route
    assert "leren.sphinx" in conf and "language = 'nl'" in conf
    assert not (ROOT / "conf.py").exists(), "conf.py wordt gegenereerd en hoort niet in de repository"
    assert [line for line in log.splitlines() if SPHINX_PROBLEM.search(line)] == []


def test_sphinx_route_gives_the_same_site_byte_for_byte(book, sphinx_route):
    first, second = digests(book.html), digests(sphinx_route[0])
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
    on_site = {p.name: p for p in (book.html / "werkbladen").iterdir() if p.suffix in (".pdf", ".docx")}
    assert len(on_site) >= 2 * 50
    assert sorted(set(on_site) - set(made)) == []
    differ = sorted(n for n, p in on_site.items() if p.read_bytes() != made[n].read_bytes())
    assert differ == []

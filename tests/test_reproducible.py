"""Reproducible output: two builds of one commit give the same site byte for byte, and two runs of
`leren alles` give the same worksheet files.

The second build costs one more full build (about 40 s on two cores; the first one is shared with the
other tests through the `book` fixture). It builds from scratch into its own folder, notebook
execution included, so nothing is reused from the first build.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
from pathlib import Path

import pytest
from conftest import BIN, ROOT, build_book

# Files that may legitimately differ between two builds, with the reason. None do today:
# - `.buildinfo` holds hashes of the configuration and the tags only, no paths or times;
# - the footer's "Laatste aanpassing" is the date of the last commit, not of the build (leren.sphinx.site);
# - worksheet PDF/DOCX files carry no clock time unless SOURCE_DATE_EPOCH sets one (leren.worksheets);
# - notebook outputs are plain text, without execution times or object addresses.
MAY_DIFFER: dict[str, str] = {}


def digests(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def second_build(tmp_path_factory):
    start = time.perf_counter()
    built = build_book(tmp_path_factory.mktemp("book-again"))
    print(f"second build: {time.perf_counter() - start:.1f} s")
    assert (built.html / "book" / "intro.html").is_file(), built.log[-3000:]
    return built


def test_two_builds_give_identical_files(book, second_build):
    first, second = digests(book.html), digests(second_build.html)
    assert sorted(first.keys() ^ second.keys()) == []
    differ = sorted(name for name in first if first[name] != second[name] and name not in MAY_DIFFER)
    assert differ == []


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


def run_alles(folder: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    # PDF only: the site build above already compares the DOCX files of the worksheets it uses.
    proc = subprocess.run([str(BIN / "leren"), "alles", "--uit", str(folder), "--formaat", "pdf"],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr


def test_two_worksheet_runs_give_identical_pdfs(tmp_path):
    run_alles(tmp_path / "een")
    run_alles(tmp_path / "twee")
    first, second = digests(tmp_path / "een"), digests(tmp_path / "twee")
    assert any(name.endswith(".pdf") for name in first)
    assert first == second

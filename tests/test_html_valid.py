"""Valid HTML (issue 18): the Nu HTML Checker (npm `vnu-jar`, locked in tests/browser, run with Debian's
Java) reports no error on any page of the built site; sphinx-exercise's repeated section ids are made
unique by the extension (leren.sphinx.markup), checked on a tiny Sphinx project.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

VNU = Path(__file__).parent / "browser" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SPHINX_BUILD = Path(sys.executable).parent / "sphinx-build"
ID = re.compile(r'\sid="([^"]+)"')


def build_tiny(tmp_path: Path, edition: str) -> str:
    """A page with three exercises and their solutions, built with sphinx-exercise and leren.sphinx."""
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "conf.py").write_text(textwrap.dedent("""
        extensions = ["myst_parser", "sphinx_exercise", "leren.sphinx"]
        myst_enable_extensions = ["colon_fence"]
        language = "nl"
        html_title = "Proef"
    """), encoding="utf-8")
    exercises = "\n".join(textwrap.dedent(f"""
        :::{{exercise}}
        :label: oef-{n}
        Vraag {n}.
        :::

        :::{{solution}} oef-{n}
        Uitwerking {n}.
        :::
    """) for n in (1, 2, 3))
    (src / "index.md").write_text("# Proef\n\n" + exercises + "\n:::{exercise}\nZonder label.\n:::\n",
                                  encoding="utf-8")
    proc = subprocess.run([str(SPHINX_BUILD), "-W", "-q", "-b", "html", str(src), str(out)],
                          env={**os.environ, "LEREN_EDITIE": edition}, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("edition", ["student", "trainer"])
def test_exercise_sections_get_unique_ids(tmp_path, edition):
    page = build_tiny(tmp_path, edition)
    ids = Counter(ID.findall(page))
    assert [i for i, n in ids.items() if n > 1] == []
    assert "exercise-content" not in ids and "solution-content" not in ids
    assert {"oef-1-inhoud", "oef-2-inhoud", "oef-3-inhoud"} <= set(ids)
    assert page.count("Vraag ") == 3 and "Zonder label." in page
    if edition == "trainer":
        assert page.count("Uitwerking ") == 3


def test_every_page_is_valid_html(book):
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java ontbreekt; installeer het met: bash scripts/system-deps.sh (default-jre-headless)")
    if not VNU.is_file():
        pytest.fail(f"De Nu HTML Checker ontbreekt ({VNU}); installeer hem met: npm ci --prefix tests/browser")
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                           str(book.html)], capture_output=True, text=True)
    report = json.loads(proc.stderr or proc.stdout)
    errors = [f"{m.get('url', '').split('/_build/html/')[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in report["messages"]]
    pages = len(list(book.html.rglob("*.html")))
    print(f"vnu: {pages} pages, {len(errors)} errors")
    assert pages >= 50
    assert errors == []

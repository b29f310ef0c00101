"""Valid HTML (issue 18): the Nu HTML Checker (npm `vnu-jar`, locked in tests/browser, run with Debian's
Java) reports no error on any page of the built site; sphinx-exercise's repeated section ids are made
unique by the extension (leren.sphinx.markup), checked on a tiny Sphinx project.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from sphinx_support import build_mini

ID = re.compile(r'\sid="([^"]+)"')


def build_tiny(tmp_path: Path, edition: str, monkeypatch) -> str:
    """A page with four exercises (one without label) and three solutions, built in-process."""
    monkeypatch.delenv("LEREN_EDITIE", raising=False)
    exercises = "\n".join(textwrap.dedent(f"""
        :::{{exercise}}
        :label: oef-{n}
        Vraag {n}.
        :::

        :::{{solution}} oef-{n}
        Uitwerking {n}.
        :::
    """) for n in (1, 2, 3))
    page = "# Proef\n\n" + exercises + "\n:::{exercise}\nZonder label.\n:::\n"
    out, warnings = build_mini(tmp_path, {"index": page}, leren_editie=edition, leren_trainermateriaal=False,
                               html_title="Proef", myst_enable_extensions=["colon_fence"])
    assert "WARNING" not in warnings, warnings
    return (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("edition", ["student", "trainer"])
def test_exercise_sections_get_unique_ids(tmp_path, edition, monkeypatch):
    page = build_tiny(tmp_path, edition, monkeypatch)
    ids = Counter(ID.findall(page))
    assert [i for i, n in ids.items() if n > 1] == []
    assert "exercise-content" not in ids and "solution-content" not in ids
    assert {"oef-1-inhoud", "oef-2-inhoud", "oef-3-inhoud"} <= set(ids)
    assert page.count("Vraag ") == 3 and "Zonder label." in page
    if edition == "trainer":
        assert page.count("Uitwerking ") == 3


def test_every_page_is_valid_html(book, vnu_report):
    """The checker ran in the background from the moment the book was built (conftest's `vnu_report`)."""
    errors = [f"{m.get('url', '').split('/_build/html/')[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in vnu_report["messages"]]
    pages = len(list(book.html.rglob("*.html")))
    print(f"vnu: {pages} pages, {len(errors)} errors")
    assert pages >= 50
    assert errors == []

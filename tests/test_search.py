"""Dutch search works only if the index and the browser use the same stemmer (snowballstemmer<3)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

# Inflected words that occur on the pages; the browser must find them.
WORDS = ["principes", "ervaringen", "bewoners", "werkvormen", "gemeenten", "wetten", "praktijkverhalen"]


def browser_stems(language_data, words):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is nodig voor deze test (.ci/run installeert het).")
    script = (
        "const src = require('fs').readFileSync(process.argv[1], 'utf8');"
        "const Make = new Function(src + '; return Stemmer;')();"
        "const s = new Make();"
        "console.log(JSON.stringify(JSON.parse(process.argv[2]).map(w => s.stemWord(w))));"
    )
    proc = subprocess.run([node, "-e", script, str(language_data), json.dumps(words)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def test_words_occur_in_the_text(book):
    text = "".join(p.read_text(encoding="utf-8").lower() for p in book.html.rglob("*.html"))
    for word in WORDS:
        assert word in text, word


def test_index_holds_the_browser_stems(book):
    terms = book.search_index()["terms"]
    stems = browser_stems(book.html / "_static" / "language_data.js", WORDS)
    missing = [(w, s) for w, s in zip(WORDS, stems) if s not in terms]
    assert missing == []

"""A light first visit (issue 18): what every page loads, checked on the built HTML."""

from __future__ import annotations

import re

SCRIPT = re.compile(r'<script[^>]*\ssrc="([^"]+)"')


def scripts(page_html: str) -> list[str]:
    return [src.split("?")[0].rsplit("/", 1)[-1] for src in SCRIPT.findall(page_html)]


def test_search_index_loads_only_on_the_search_page(book):
    pages = sorted(book.html.rglob("*.html"))
    loading = [p.relative_to(book.html).as_posix() for p in pages
               if "searchindex.js" in scripts(p.read_text(encoding="utf-8"))]
    assert loading == ["search.html"]
    assert "searchtools.js" not in scripts(book.page("book/intro"))


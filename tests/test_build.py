"""The strict build: no warnings, every toc entry has a page, Dutch everywhere."""

from __future__ import annotations

import re

from conftest import toc_docnames

import leren


def test_build_succeeds_without_warnings(book):
    assert book.returncode == 0, book.log[-4000:]
    assert book.warnings() == []


def test_every_toc_entry_produced_a_page(book):
    missing = [name for name in toc_docnames() if not (book.html / f"{name}.html").is_file()]
    assert missing == []


def test_pages_are_dutch(book):
    for name in toc_docnames():
        assert re.search(r'<html[^>]*\blang="nl"', book.page(name)), name


def test_search_placeholder_is_dutch(book):
    page = book.page("book/intro")
    assert "Zoek in de kennisbank" in page
    assert "Search this book" not in page


def test_no_thebe_and_no_cdn_scripts(book):
    page = book.page("book/intro")
    assert "thebe" not in page.lower()
    external = re.findall(r'<script[^>]+src="(https?://[^"]+)"', page)
    assert external == []


def test_principles_overview_lists_the_seven_from_data(book):
    page = book.page("book/principes/index")
    table = page[page.index('class="leren-principes') :]
    table = table[: table.index("</table>")]
    names = [p.naam for p in leren.load().principles.values()]
    assert len(names) == 7
    for number, name in enumerate(names, 1):
        assert name in table
        assert f"<p>{number}</p>" in table


def test_schedule_is_computed_from_module_durations(book):
    page = book.page("book/principes/index")
    from leren.modules import module_time

    catalog = leren.load()
    total = sum(module_time(catalog, p).totaal for p in catalog.principles.values())
    assert f"{total // 60}:{total % 60:02d}</p>" in page

"""The built site in a real browser (Debian Chromium through Playwright), served from 127.0.0.1.

The visit of every page (tests/site_sweep.py, run in the background right after the shared build) records
axe-core accessibility (WCAG 2.1 A and AA), requests that would leave the machine, console errors and failed
requests; the first tests below assert on it. Search and the interactive components are then tried as a
reader would.
"""

from __future__ import annotations

import html
import re

import pytest

from browser_support import REFRESH, site_pages

playwright_api = pytest.importorskip("playwright.sync_api")

# Known axe findings that are accepted, with the reason. Keep this empty unless a finding cannot be fixed
# in the extension's templates, CSS or transforms. Format: {(rule id, page or "*"): "reason"}.
AXE_ALLOWED: dict[tuple[str, str], str] = {}
# Inflected Dutch words that occur in the text; searching must find the pages that contain them.
SEARCH_WORDS = ["spanningen", "professionals", "ervaringen", "bijeenkomsten", "werkvormen"]


@pytest.fixture(scope="module")
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


def allowed(finding: str, page: str) -> bool:
    rule = finding.split(":")[0]
    return (rule, page) in AXE_ALLOWED or (rule, "*") in AXE_ALLOWED


def test_sweep_visited_every_page(book, site_sweep):
    print(f"sweep: {len(site_sweep.pages)} pages ({len(site_sweep.audited)} audited light, dark and at 320 px) "
          f"in {site_sweep.seconds:.1f} s")
    assert site_sweep.pages == site_pages(book.html) and len(site_sweep.pages) >= 50
    assert "book/intro.html" in site_sweep.audited and "search.html" in site_sweep.audited
    assert "index.html" not in site_sweep.audited  # the root page forwards


def test_no_accessibility_violations(site_sweep):
    found = {page: [f for f in findings if not allowed(f, page)] for page, findings in site_sweep.violations.items()}
    assert {page: findings for page, findings in found.items() if findings} == {}


def test_no_request_leaves_the_machine(site_sweep):
    assert sorted(site_sweep.external) == []


def test_requests_to_other_hosts_are_caught_and_fail(site_sweep):
    """The sweep's last act: a request to another host, which the browser refuses and the sweep records."""
    assert site_sweep.probe == ("mislukt", True)


def test_no_console_errors(site_sweep):
    assert site_sweep.console_errors == []


def test_no_failed_requests(site_sweep):
    assert site_sweep.failed == []


def article_text(page_html: str) -> str:
    start = page_html.find("<article")
    body = page_html[start : page_html.find("</article>", start)]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()).lower()


def search_results(context, served, word: str) -> list[str]:
    page = context.new_page()
    try:
        page.goto(f"{served}search.html?q={word}", wait_until="load")
        page.wait_for_function(
            "() => ((document.querySelector('#search-results p.search-summary') || {}).textContent || '').trim()")
        hrefs = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(a => a.href)")
    finally:
        page.close()
    return sorted({h.removeprefix(served).split("#")[0].split("?")[0] for h in hrefs})


@pytest.mark.parametrize("word", SEARCH_WORDS)
def test_search_finds_inflected_dutch_words(book, served, context, word):
    pattern = re.compile(rf"\b{word}\b")
    expected = {
        rel for rel in site_pages(book.html)
        if rel.startswith(("book/", "exercises/"))
        and pattern.search(article_text((book.html / rel).read_text(encoding="utf-8")))
    }
    assert expected, f"'{word}' komt in geen enkele pagina voor; kies een ander woord."
    found = set(search_results(context, served, word))
    assert expected - found == set()


def test_search_page_is_dutch(served, context):
    page = context.new_page()
    page.goto(f"{served}search.html?q=werkvormen", wait_until="load")
    page.wait_for_function(
        "() => ((document.querySelector('#search-results p.search-summary') || {}).textContent || '').trim()")
    text = page.inner_text("#search-results")
    page.close()
    assert re.search(r"Klaar met zoeken: \d+ pagina\('s\) gevonden\.", text), text
    assert "Search" not in text and "found" not in text


def test_self_check_gives_feedback(book, served, context):
    pages = [rel for rel in site_pages(book.html)
             if 'class="leren-zelftoets"' in (book.html / rel).read_text(encoding="utf-8")]
    if not pages:
        pytest.skip("Nog geen pagina met een zelftoets in het boek.")
    page = context.new_page()
    page.goto(served + pages[0], wait_until="load")
    question = page.locator("form.leren-zelftoets-vraag", has=page.locator("input[type=radio]")).first
    question.locator("input[type=radio]").first.check()
    question.get_by_role("button", name="Controleer").click()
    feedback = question.locator(".leren-feedback")
    feedback.locator("p").first.wait_for()
    text = feedback.inner_text()
    assert feedback.get_attribute("role") == "status"
    assert re.search(r"(Goed|Nog niet goed): \d van \d", text), text
    assert re.search(r"Goed\.|Niet juist\.", text), text
    page.close()


def test_werkvormen_finder_filters_rows(served, context):
    page = context.new_page()
    page.goto(served + "book/werkvormen/index.html", wait_until="load")
    form = page.locator("form.leren-zoeker")
    assert form.is_visible()
    rows = page.locator("table.leren-zoeker-lijst tbody tr")
    total = rows.count()
    status = form.locator(".leren-zoeker-aantal")
    assert status.inner_text() == f"{total} werkvormen passen bij je keuze."

    form.locator("#zoek-duur").select_option("30")
    visible = page.locator("table.leren-zoeker-lijst tbody tr:not([hidden])").count()
    assert 0 < visible < total
    assert status.inner_text() in {f"{visible} werkvormen passen bij je keuze.", "1 werkvorm past bij je keuze."}

    form.get_by_role("button", name="Alles tonen").click()
    page.wait_for_function(f"() => document.querySelectorAll('table.leren-zoeker-lijst tbody tr:not([hidden])').length === {total}")
    page.close()


def test_root_page_forwards_in_dutch(book):
    root = (book.html / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in root and "<title>" in root
    assert REFRESH.search(root).group(1) == "book/intro.html"

"""The built site in a real browser (Debian Chromium through Playwright), served from 127.0.0.1.

One sweep visits every HTML page in sequence (one browser, one context) and records what the tests
below check: axe-core accessibility (WCAG 2.1 A and AA), requests that would leave the machine, console
errors and failed requests. Search and the interactive components are then tried as a reader would.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass, field

import pytest

from browser_support import AXE, REFRESH, axe_violations, launch, site_pages

playwright_api = pytest.importorskip("playwright.sync_api")

# Known axe findings that are accepted, with the reason. Keep this empty unless a finding cannot be fixed
# in the extension's templates, CSS or transforms. Format: {(rule id, page or "*"): "reason"}.
AXE_ALLOWED: dict[tuple[str, str], str] = {}
# Inflected Dutch words that occur in the text; searching must find the pages that contain them.
SEARCH_WORDS = ["spanningen", "professionals", "ervaringen", "bijeenkomsten", "werkvormen"]
EXTERNAL: set[str] = set()  # every URL the browser tried to reach outside the local server


@dataclass
class Sweep:
    """What the visit of every page found."""

    pages: list[str] = field(default_factory=list)
    violations: dict[str, list[str]] = field(default_factory=dict)  # page -> "rule: target (impact)"
    external: set[str] = field(default_factory=set)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0


@pytest.fixture(scope="module")
def context(served):
    if not AXE.is_file():
        pytest.fail(f"axe-core ontbreekt ({AXE}); installeer het met: npm ci --prefix tests/browser")
    with playwright_api.sync_playwright() as pw:
        browser = launch(pw)
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        ctx.set_default_timeout(15_000)
        # Every request of every page is recorded when it is not for the local server; the browser
        # cannot reach other hosts anyway (OFFLINE_FLAG in browser_support). Request events rather than
        # route interception: Playwright turns the HTTP cache off for routed contexts, which made the
        # sweep about 40 % slower here.
        ctx.on("request", lambda req: not req.url.startswith((served, "data:", "blob:"))
               and EXTERNAL.add(req.url))
        ctx.add_init_script(path=str(AXE))
        yield ctx
        ctx.close()
        browser.close()


@pytest.fixture(scope="module")
def sweep(book, served, context) -> Sweep:
    start = time.perf_counter()
    result = Sweep(pages=site_pages(book.html))
    page = context.new_page()
    current = {"page": ""}
    page.on("console", lambda msg: msg.type == "error"
            and result.console_errors.append(f"{current['page']}: {msg.text}"))
    page.on("pageerror", lambda exc: result.console_errors.append(f"{current['page']}: {exc}"))
    # ERR_ABORTED is a request cancelled by the next navigation (the favicon often is); a missing file
    # shows up as a response with status 404 instead.
    page.on("requestfailed", lambda req: served in req.url and req.failure != "net::ERR_ABORTED"
            and result.failed.append(f"{current['page']}: {req.url} ({req.failure})"))
    page.on("response", lambda resp: resp.status >= 400
            and result.failed.append(f"{current['page']}: {resp.url} ({resp.status})"))
    for rel in result.pages:
        current["page"] = rel
        redirect = REFRESH.search((book.html / rel).read_text(encoding="utf-8"))
        if redirect:
            # A forwarding page: it must land on an existing page (checked there), not be audited itself.
            page.goto(served + rel, wait_until="load")
            page.wait_for_url(served + redirect.group(1))
            continue
        page.goto(served + rel, wait_until="load")
        found = [v for v in axe_violations(page) if (v.split(":")[0], rel) not in AXE_ALLOWED
                 and (v.split(":")[0], "*") not in AXE_ALLOWED]
        if found:
            result.violations[rel] = found
    page.close()
    result.external = set(EXTERNAL)
    result.seconds = time.perf_counter() - start
    return result


def test_sweep_visited_every_page(book, sweep):
    print(f"sweep: {len(sweep.pages)} pages in {sweep.seconds:.1f} s")
    assert len(sweep.pages) >= 50
    assert "book/intro.html" in sweep.pages and "search.html" in sweep.pages


def test_no_accessibility_violations(sweep):
    assert sweep.violations == {}


def test_no_request_leaves_the_machine(sweep):
    assert sorted(sweep.external) == []


def test_requests_to_other_hosts_are_caught_and_fail(served, context):
    page = context.new_page()
    page.goto(served + "book/intro.html", wait_until="load")
    before = set(EXTERNAL)
    outcome = page.evaluate("""async () => {
        try { await fetch('https://cdn.jsdelivr.net/npm/voorbeeld.js'); return 'geladen'; }
        catch (e) { return 'mislukt'; } }""")
    page.close()
    assert outcome == "mislukt"
    assert EXTERNAL - before == {"https://cdn.jsdelivr.net/npm/voorbeeld.js"}
    EXTERNAL.difference_update(EXTERNAL - before)


def test_no_console_errors(sweep):
    assert sweep.console_errors == []


def test_no_failed_requests(sweep):
    assert sweep.failed == []


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

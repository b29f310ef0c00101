"""The offline bundle opened with a double click: every page over file://, no web server.

A trainer with a USB stick or a student on the train unpacks the zip and opens index.html. Everything
must work from there: pages and links, search with its summaries, the self-checks, the werkvormen finder
and the downloads. The bundle comes from the `bundle` fixture of test_print (made once per session).
"""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browser_support import launch
from leren.offline.bundle import FOLDER
from test_print import bundle, chosen, pdfs  # noqa: F401 - session fixtures shared with the print tests

playwright_api = pytest.importorskip("playwright.sync_api")

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', re.IGNORECASE)
SEARCH_WORDS = ["spanningen", "professionals", "bijeenkomsten"]
# Failed requests that are no fault of the site, with the reason.
ALLOWED_FAILURES = {
    # Chromium asks for the favicon after the page has loaded; going on to the next page cancels that
    # request (net::ERR_ABORTED). The favicon itself is in the bundle (checked below).
    ("favicon.svg", "net::ERR_ABORTED"): "cancelled by the next navigation",
}


@pytest.fixture(scope="module")
def unpacked(bundle, tmp_path_factory) -> Path:  # noqa: F811 - the imported fixture
    target = tmp_path_factory.mktemp("usb-stick")
    zipfile.ZipFile(bundle).extractall(target)
    return target / FOLDER


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


class Problems:
    """Console errors, page errors, failed requests and requests that leave the folder, per page."""

    def __init__(self, page, root: Path):
        self.found: list[str] = []
        self.root = root.as_uri()
        page.on("console", lambda m: m.type == "error" and self.found.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.found.append(f"script error: {e}"))
        page.on("requestfailed", self._failed)
        page.on("request", self._request)

    def _failed(self, request) -> None:
        failure = request.failure or ""
        name = Path(urlsplit(request.url).path).name
        if (name, failure) not in ALLOWED_FAILURES:
            self.found.append(f"failed: {request.url} {failure}")

    def _request(self, request) -> None:
        if not (request.url.startswith(self.root) or request.url.startswith(("data:", "blob:"))):
            self.found.append(f"outside the folder: {request.url}")

    def take(self) -> list[str]:
        found, self.found = self.found, []
        return found


def pages_of(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html") if not p.relative_to(root).parts[0].startswith("_"))


def test_leesmij_says_double_click(bundle):  # noqa: F811
    text = zipfile.ZipFile(bundle).read(f"{FOLDER}/LEESMIJ.txt").decode("utf-8")
    assert "dubbelklik op index.html" in text
    steps = text[text.index("Zo open je de website"):text.index("Liever via een eigen webserver")]
    assert "http.server" not in steps and "terminal" not in steps.replace("geen terminal", "")


def test_every_page_opens_from_the_folder_without_errors(unpacked, browser):
    page = browser.new_page()
    problems = Problems(page, unpacked)
    found = {}
    pages = pages_of(unpacked)
    assert len(pages) > 100
    for path in pages:
        page.goto(path.as_uri(), wait_until="load")
        forward = REFRESH.search(path.read_text(encoding="utf-8"))
        if forward:  # index.html forwards to the first page: wait until it is there
            page.wait_for_url(re.compile(re.escape(forward.group(1)) + "$"))
        assert page.locator("main").count() >= 1, path
        if errors := problems.take():
            found[path.relative_to(unpacked).as_posix()] = errors
    page.close()
    assert found == {}, found
    assert (unpacked / "_static" / "favicon.svg").is_file()


@pytest.mark.parametrize("word", SEARCH_WORDS)
def test_search_from_the_folder_shows_results_with_summaries(unpacked, browser, word):
    page = browser.new_page()
    problems = Problems(page, unpacked)
    page.goto((unpacked / "search.html").as_uri() + f"?q={word}", wait_until="load")
    page.get_by_text(re.compile(r"Klaar met zoeken: \d+ pagina")).wait_for(timeout=20_000)
    results = page.locator("#search-results ul.search > li")
    count = results.count()
    assert count > 0
    summaries = page.locator("#search-results ul.search > li p.context")
    page.wait_for_function(f"() => document.querySelectorAll('#search-results ul.search > li p.context').length === {count}")
    stem = word[:6]
    assert sum(stem in summaries.nth(i).inner_text().lower() for i in range(summaries.count())) >= count // 2
    assert problems.take() == []
    page.close()


def test_self_check_works_from_the_folder(unpacked, browser):
    target = next(p for p in pages_of(unpacked) if 'class="leren-zelftoets"' in p.read_text(encoding="utf-8"))
    page = browser.new_page()
    problems = Problems(page, unpacked)
    page.goto(target.as_uri(), wait_until="load")
    question = page.locator("form.leren-zelftoets-vraag", has=page.locator("input[type=radio]")).first
    question.locator("input[type=radio]").first.check()
    question.get_by_role("button", name="Controleer").click()
    question.locator(".leren-feedback p").first.wait_for()
    assert re.search(r"(Goed|Nog niet goed): \d van \d", question.locator(".leren-feedback").inner_text())
    assert problems.take() == []
    page.close()


def test_werkvormen_finder_works_from_the_folder(unpacked, browser):
    page = browser.new_page()
    problems = Problems(page, unpacked)
    page.goto((unpacked / "book" / "werkvormen" / "index.html").as_uri(), wait_until="load")
    rows = page.locator("table.leren-zoeker-lijst tbody tr")
    total = rows.count()
    page.locator("form.leren-zoeker #zoek-duur").select_option("30")
    visible = page.locator("table.leren-zoeker-lijst tbody tr:not([hidden])").count()
    assert 0 < visible < total
    assert problems.take() == []
    page.close()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            value = attrs.get(name)
            if value and tag in {"a", "link", "script", "img", "source"}:
                self.targets.append(value)


def test_every_download_and_link_in_the_folder_exists(unpacked):
    missing = []
    for path in pages_of(unpacked):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # another site (printed, never fetched) or an anchor on the same page
            file = (path.parent / unquote(parts.path)).resolve()
            if file.is_dir():
                file = file / "index.html"
            if not file.exists():
                missing.append(f"{path.relative_to(unpacked)} -> {target}")
    assert missing == []

"""The offline bundle as a reader uses it: unpacked and opened with a double click (file://, no server).

Right after the shared build, a background thread makes the bundle of the built book with a one-page
stand-in PDF (the pages, their scripts and search do not depend on the PDFs; test_print checks the bundle
with the real ones), unpacks it, and then opens every page over file:// with its own Playwright, recording
console errors, script errors, failed requests and requests that leave the folder. The tests of the folder
(test_print.py, test_browser_planner.py) wait only for the part they need.
"""

from __future__ import annotations

import re
import threading
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from browser_support import REFRESH, launch

# Failed requests that are no fault of the site, with the reason.
ALLOWED_FAILURES = {
    # Chromium asks for the favicon after the page has loaded; going on to the next page cancels that
    # request (net::ERR_ABORTED). The favicon itself is in the bundle (checked in test_print).
    ("favicon.svg", "net::ERR_ABORTED"): "cancelled by the next navigation",
}


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
    """The HTML pages of an unpacked site, without the theme's template snippets in _static."""
    return sorted(p for p in root.rglob("*.html") if not p.relative_to(root).parts[0].startswith("_"))


def make_folder(site: Path, work: Path) -> Path:
    """The bundle of `site` with a stand-in PDF, unpacked in `work`; returns the site's folder in it."""
    from pypdf import PdfWriter

    from leren.offline.bundle import FOLDER, make_bundle

    (work / "pdf").mkdir(parents=True)
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.write(work / "pdf" / "proef.pdf")
    make_bundle(site, work / "pdf", work / "offline.zip")
    zipfile.ZipFile(work / "offline.zip").extractall(work / "uit")
    return (work / "uit" / FOLDER).resolve()


def sweep_folder(root: Path) -> tuple[int, dict[str, list[str]]]:
    """Open every page of the folder over file://; (pages opened, problems per page)."""
    from playwright.sync_api import sync_playwright

    found: dict[str, list[str]] = {}
    pages = pages_of(root)
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        page.set_default_timeout(30_000)
        problems = Problems(page, root)
        for path in pages:
            page.goto(path.as_uri(), wait_until="load")
            forward = REFRESH.search(path.read_text(encoding="utf-8"))
            if forward:  # index.html forwards to the first page: wait until it is there
                page.wait_for_url(re.compile(re.escape(forward.group(1)) + "$"))
            if page.locator("main").count() < 1:
                problems.found.append("geen <main>: de pagina is niet (goed) geopend")
            if errors := problems.take():
                found[path.relative_to(root).as_posix()] = errors
        browser.close()
    return len(pages), found


class FolderInBackground:
    """make_folder, then sweep_folder, in one background thread."""

    def __init__(self, site: Path, work: Path):
        self._ready = threading.Event()
        self._done = threading.Event()
        self._folder: Path | None = None
        self._sweep: tuple[int, dict[str, list[str]]] | None = None
        self._error: BaseException | None = None
        self.began = time.perf_counter()
        threading.Thread(target=self._run, args=(site, work), name="folder", daemon=True).start()

    def _run(self, site: Path, work: Path) -> None:
        import conftest

        try:
            self._folder = make_folder(site, work)
            self._ready.set()
            self._sweep = sweep_folder(self._folder)
        except BaseException as exc:  # handed to the tests that wait
            self._error = exc
        finally:
            self._ready.set()
            self._done.set()
            conftest.TIMES["map over file://"] = (self.began - conftest.T0, time.perf_counter() - self.began)

    def folder(self) -> Path:
        self._ready.wait()
        if self._folder is None:
            raise self._error or RuntimeError("de map is niet gemaakt")
        return self._folder

    def sweep(self) -> tuple[int, dict[str, list[str]]]:
        self._done.wait()
        if self._sweep is None:
            raise self._error or RuntimeError("de map is niet doorlopen")
        return self._sweep

"""One visit of every page of the built site, in a background thread, for the browser tests.

Each page is loaded once (1280 x 900 pixels, light colour scheme) and then looked at three ways without
loading it again: axe-core in the light scheme (every WCAG 2.1 A and AA rule), axe-core's colour rules
after switching to the dark scheme (the theme follows `prefers-color-scheme` while the page is open; the
page's elements, names and structure stay the same, so only the colour rules can give another outcome), and the reflow check after narrowing the window to
320 CSS pixels (400 % zoom, WCAG 1.4.10). Requests that would leave the machine, console errors and failed
requests are recorded on the way. The sweep starts as soon as the shared build is done (conftest's
`AFTER_BOOK`), in its own thread with its own Playwright, so the other tests of the built book run meanwhile;
test_browser.py and test_browser_modes.py assert on its findings.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser_support import AXE, COLOUR_RULES, REFRESH, axe_violations, launch, serve, site_pages

DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 640}
# A request to another host, made on purpose at the end: it must be recorded and must fail.
PROBE_URL = "https://cdn.jsdelivr.net/npm/voorbeeld.js"

# Elements that stick out of the page or are clipped. An element is fine when it fits in the viewport,
# or when its nearest ancestor that does not let content overflow is a scroll box (a wide table or code
# block scrolls inside its own box). It is cut off when that ancestor hides the overflow instead.
REFLOW = """() => {
    const vw = document.documentElement.clientWidth;
    const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + [...el.classList].slice(0, 3).map(c => '.' + c).join('');
    const cut = [];
    for (const el of document.querySelectorAll('body *')) {
        if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2) continue;
        let box = null;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== 'visible') { box = p; break; }
        }
        if (box && /auto|scroll/.test(getComputedStyle(box).overflowX)) continue;
        const edge = box ? box.getBoundingClientRect() : {left: 0, right: vw};
        if (r.right > edge.right + 1 || r.left < edge.left - 1)
            cut.push(`${name(el)} (${Math.round(r.left)}..${Math.round(r.right)} in ${box ? name(box) : 'venster'})`);
    }
    return {width: document.documentElement.scrollWidth, viewport: vw, cut: cut.slice(0, 10)};
}"""
# After the window changed size: wait two frames (layout and the theme's resize handlers), then until every
# CSS transition has ended (the sidebars slide out of view when the window gets narrow).
_SETTLED_LAYOUT = """async () => {
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
}"""


@dataclass
class SiteSweep:
    """What the visit of every page found."""

    pages: list[str] = field(default_factory=list)  # every HTML page, forwarding pages included
    audited: list[str] = field(default_factory=list)  # the pages that were looked at (not forwarding)
    violations: dict[str, list[str]] = field(default_factory=dict)  # page -> "rule: target (impact)"
    dark_violations: dict[str, list[str]] = field(default_factory=dict)
    not_dark: list[str] = field(default_factory=list)  # pages that did not switch to the dark scheme
    too_wide: dict[str, int] = field(default_factory=dict)  # page -> document width at 320 pixels
    cut_off: dict[str, list[str]] = field(default_factory=dict)
    external: set[str] = field(default_factory=set)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    probe: tuple[str, bool] = ("", False)  # (outcome of the planted outside request, was it recorded)
    seconds: float = 0.0


def sweep_site(html: Path, pages: list[str], probe: bool = True) -> SiteSweep:
    """Visit `pages` (relative paths) of the site in `html` (see the module's docstring); with `probe`, end
    with the planted request to another host."""
    from playwright.sync_api import sync_playwright

    if not AXE.is_file():
        raise RuntimeError(f"axe-core ontbreekt ({AXE}); installeer het met: npm ci --prefix tests/browser")
    start = time.perf_counter()
    result = SiteSweep(pages=list(pages))
    url, stop = serve(html)
    current = {"page": ""}
    try:
        with sync_playwright() as pw:
            browser = launch(pw)
            ctx = browser.new_context(viewport=DESKTOP, locale="nl-NL")
            ctx.set_default_timeout(30_000)
            # Request events rather than route interception: Playwright turns the HTTP cache off for routed
            # contexts, which made the sweep about 40 % slower. The browser cannot reach other hosts anyway
            # (OFFLINE_FLAG in browser_support); the probe at the end proves such a request is seen.
            ctx.on("request", lambda req: not req.url.startswith((url, "data:", "blob:"))
                   and result.external.add(req.url))
            ctx.add_init_script(path=str(AXE))
            page = ctx.new_page()
            page.on("console", lambda msg: msg.type == "error"
                    and result.console_errors.append(f"{current['page']}: {msg.text}"))
            page.on("pageerror", lambda exc: result.console_errors.append(f"{current['page']}: {exc}"))
            # ERR_ABORTED is a request cancelled by the next navigation (the favicon often is); a missing
            # file shows up as a response with status 404 instead.
            page.on("requestfailed", lambda req: url in req.url and req.failure != "net::ERR_ABORTED"
                    and result.failed.append(f"{current['page']}: {req.url} ({req.failure})"))
            page.on("response", lambda resp: resp.status >= 400
                    and result.failed.append(f"{current['page']}: {resp.url} ({resp.status})"))
            for rel in result.pages:
                current["page"] = rel
                _visit(page, url, rel, html, result)
            if probe:
                before, logged = set(result.external), len(result.console_errors)
                outcome = page.evaluate("""async (u) => {
                    try { await fetch(u); return 'geladen'; } catch (e) { return 'mislukt'; } }""", PROBE_URL)
                result.probe = (outcome, result.external - before == {PROBE_URL})
                result.external -= {PROBE_URL}
                del result.console_errors[logged:]  # Chromium logs the refused probe request as an error
            ctx.close()
            browser.close()
    finally:
        stop()
    result.seconds = time.perf_counter() - start
    return result


def _visit(page, url: str, rel: str, html: Path, result: SiteSweep) -> None:
    redirect = REFRESH.search((html / rel).read_text(encoding="utf-8"))
    if redirect:
        # A forwarding page: it must land on an existing page (checked there), not be audited itself.
        page.goto(url + rel, wait_until="load")
        page.wait_for_url(url + redirect.group(1))
        return
    result.audited.append(rel)
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(DESKTOP)
    page.goto(url + rel, wait_until="load")
    found = axe_violations(page)
    if found:
        result.violations[rel] = found

    page.emulate_media(color_scheme="dark")
    try:  # the theme follows the change of `prefers-color-scheme` in an event handler
        page.wait_for_function("document.documentElement.dataset.theme === 'dark'", timeout=5_000)
    except PlaywrightTimeout:
        result.not_dark.append(rel)
    found = axe_violations(page, COLOUR_RULES)
    if found:
        result.dark_violations[rel] = found

    page.set_viewport_size(NARROW)
    page.evaluate(_SETTLED_LAYOUT)
    report = page.evaluate(REFLOW)
    if report["width"] > report["viewport"]:
        result.too_wide[rel] = report["width"]
    if report["cut"]:
        result.cut_off[rel] = report["cut"]


def merge(parts: list[SiteSweep], pages: list[str]) -> SiteSweep:
    """One sweep's findings from the parts that visited a share of `pages` each, in the order of `pages`."""
    order = {rel: n for n, rel in enumerate(pages)}
    out = SiteSweep(pages=sorted((rel for part in parts for rel in part.pages), key=order.__getitem__))
    out.audited = sorted((rel for part in parts for rel in part.audited), key=order.__getitem__)
    out.not_dark = sorted((rel for part in parts for rel in part.not_dark), key=order.__getitem__)
    for part in parts:
        out.violations.update(part.violations)
        out.dark_violations.update(part.dark_violations)
        out.too_wide.update(part.too_wide)
        out.cut_off.update(part.cut_off)
        out.external |= part.external
        out.console_errors += part.console_errors
        out.failed += part.failed
        out.probe = part.probe if part.probe[0] else out.probe
        out.seconds = max(out.seconds, part.seconds)
    return out


class SweepInBackground:
    """`sweep_site` in WORKERS threads, each with its own Playwright and Chromium (Playwright's sync API
    allows one instance per thread) and every WORKERS-th page, so the sweep can use both cores once the
    other tests are done. The first worker makes the probe request."""

    WORKERS = 2

    def __init__(self, html: Path):
        self.pages = site_pages(html)
        self._parts: list[SiteSweep | None] = [None] * self.WORKERS
        self._errors: list[BaseException] = []
        self._ends: list[float] = []
        self._began = time.perf_counter()
        self._threads = [threading.Thread(target=self._work, args=(html, n), name=f"site-sweep-{n}", daemon=True)
                         for n in range(self.WORKERS)]
        for thread in self._threads:
            thread.start()

    def _work(self, html: Path, n: int) -> None:
        try:
            self._parts[n] = sweep_site(html, self.pages[n :: self.WORKERS], probe=n == 0)
        except BaseException as exc:  # handed to the test that waits for the sweep
            self._errors.append(exc)
        self._ends.append(time.perf_counter())

    def result(self) -> SiteSweep:
        import conftest

        waited = time.perf_counter()
        for thread in self._threads:
            thread.join()
        conftest.TIMES.setdefault("sweep", (self._began - conftest.T0, max(self._ends) - self._began))
        conftest.TIMES.setdefault("wachten op sweep", (waited - conftest.T0, time.perf_counter() - waited))
        if self._errors:
            raise self._errors[0]
        return merge([part for part in self._parts if part is not None], self.pages)

"""The site as readers with other settings meet it (issue 20): dark colour scheme, 320 CSS pixels wide
(400 % zoom, WCAG 1.4.10), text spacing (WCAG 1.4.12), forced colours (Windows high contrast) and keyboard
only. Dark mode and 320 pixels are checked on every page by the one visit of each page in
tests/site_sweep.py (shared with test_browser.py); the other checks here use a sample of page kinds.
"""

from __future__ import annotations

import re

import pytest

from browser_support import REFRESH, site_pages
from site_sweep import DESKTOP, NARROW, REFLOW

playwright_api = pytest.importorskip("playwright.sync_api")

# The text-spacing values of WCAG 1.4.12 (the "text spacing bookmarklet").
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
                    word-spacing: 0.16em !important; }
                  p { margin-bottom: 2em !important; }"""

# Boxes that hide overflowing text vertically or horizontally (for text spacing). Visually hidden text
# for screen readers (1 pixel boxes) is meant to be clipped.
CLIPPED = """() => {
    const out = [];
    for (const el of document.querySelectorAll('.bd-main *, .bd-header *')) {
        if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
        const s = getComputedStyle(el);
        if (el.clientWidth <= 1 || el.clientHeight <= 1 || !el.innerText || !el.innerText.trim()) continue;
        const hidesY = /hidden|clip/.test(s.overflowY), hidesX = /hidden|clip/.test(s.overflowX);
        if ((hidesY && el.scrollHeight > el.clientHeight + 2) || (hidesX && el.scrollWidth > el.clientWidth + 2))
            out.push(el.tagName.toLowerCase() + [...el.classList].slice(0, 3).map(c => '.' + c).join('')
                     + ': ' + el.innerText.trim().slice(0, 40));
    }
    return out;
}"""

# The element that has the keyboard focus, once transitions have ended: what it is, whether it can be
# seen, and whether it shows a focus indicator (an outline, or a ring drawn as a box shadow). The theme's
# navigation expanders are a summary of zero height that draws the ring on its toggle icon.
FOCUS = """async () => {
    await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const ring = e => { const s = getComputedStyle(e);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1)
               || (s.boxShadow !== 'none' && s.boxShadow !== ''); };
    const shows = e => { const r = e.getBoundingClientRect();
        return e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}) && r.width > 0 && r.height > 0
               && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth; };
    const drawn = [el, ...el.children].find(e => ring(e) && shows(e));
    const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.id || '').trim();
    return {
        what: el.tagName.toLowerCase() + (el.type ? `[${el.type}]` : '') + ' ' + text.slice(0, 50),
        href: el.href || '', id: el.id, radio: el.type === 'radio' && !!el.closest('.leren-zelftoets'),
        inNav: !!el.closest('nav.bd-docs-nav'), inMain: !!el.closest('main'),
        visible: shows(el) || !!drawn, indicator: !!drawn,
    };
}"""


def new_page(browser, viewport=DESKTOP, **options):
    ctx = browser.new_context(viewport=viewport, locale="nl-NL", **options)
    ctx.set_default_timeout(15_000)
    return ctx.new_page()


def content_pages(book) -> list[str]:
    """Every page but the forwarding pages (those are checked by test_browser)."""
    return [rel for rel in site_pages(book.html)
            if not REFRESH.search((book.html / rel).read_text(encoding="utf-8"))]


def pages_with(book, marker: str) -> list[str]:
    return [rel for rel in content_pages(book) if marker in (book.html / rel).read_text(encoding="utf-8")]


def test_modes_sweep_visited_every_page(book, site_sweep):
    assert len(site_sweep.audited) >= 50 and "book/intro.html" in site_sweep.audited
    assert site_sweep.not_dark == []  # every page followed the reader's dark colour scheme


def test_no_accessibility_violations_in_dark_mode(site_sweep):
    assert site_sweep.dark_violations == {}


def test_no_page_is_wider_than_320_pixels(site_sweep):
    assert site_sweep.too_wide == {}


def test_nothing_is_cut_off_at_320_pixels(site_sweep):
    assert site_sweep.cut_off == {}


def sample_pages(book) -> dict[str, str]:
    """A module, a case, the werkvormen catalogue, a page with a self-check and an exercise notebook."""
    found = {
        "module": "book/principes/ervaringsleren.html",
        "casus": next(p for p in pages_with(book, 'class="leren-tijdlijn') if p.startswith("book/casussen/")),
        "catalogus": "book/werkvormen/index.html",
        "zelftoets": pages_with(book, 'class="leren-zelftoets"')[0],
        "oefening": next(p for p in pages_with(book, 'class="cell_output') if p.startswith("exercises/")),
    }
    for rel in found.values():
        assert (book.html / rel).is_file(), rel
    return found


def test_code_output_wraps_on_exercise_pages(book, served, browser):
    page = new_page(browser, NARROW)
    page.goto(served + sample_pages(book)["oefening"], wait_until="load")
    outputs = page.locator(".cell_output pre")
    assert outputs.count() > 0
    widths = outputs.evaluate_all("els => els.map(e => [e.scrollWidth, e.clientWidth])")
    page.context.close()
    assert all(scroll <= client + 1 for scroll, client in widths), widths


@pytest.mark.parametrize("viewport", [DESKTOP, NARROW], ids=["desktop", "320px"])
def test_text_spacing_hides_nothing(book, served, browser, viewport):
    page = new_page(browser, viewport)
    problems = {}
    for kind, rel in sample_pages(book).items():
        page.goto(served + rel, wait_until="load")
        page.add_style_tag(content=TEXT_SPACING)
        clipped = page.evaluate(CLIPPED)
        report = page.evaluate(REFLOW)
        if clipped or report["cut"] or report["width"] > report["viewport"]:
            problems[kind] = {"afgekapt": clipped, "buiten beeld": report["cut"], "breedte": report["width"]}
    page.context.close()
    assert problems == {}


def tab_until(page, wanted, limit: int = 150, seen: list | None = None) -> dict:
    """Press Tab until `wanted(focus)` holds; every focus on the way is recorded in `seen`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus is not None and seen is not None:
            seen.append(focus)
        if focus is not None and wanted(focus):
            return focus
    raise AssertionError(f"Na {limit} keer Tab nog niet gevonden; laatste focus: {focus}")


@pytest.mark.parametrize("forced", ["none", "active"], ids=["normaal", "geforceerde-kleuren"])
def test_keyboard_only_walk(book, served, browser, forced):
    """Skip link, site navigation, a self-check and the werkvormen finder, with the keyboard alone;
    every element that gets the focus on the way is visible and shows a focus indicator."""
    pages = sample_pages(book)
    page = new_page(browser, DESKTOP, forced_colors=forced)
    seen: list[dict] = []

    # Skip link: the first Tab stop, it jumps to the main content.
    page.goto(served + pages["module"], wait_until="load")
    first = tab_until(page, lambda f: True, limit=1, seen=seen)
    assert first["href"].endswith("#main-content"), first
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")
    tab_until(page, lambda f: f["inMain"], limit=5, seen=seen)

    # Navigation: Tab into the site navigation and follow a link to another page.
    page.goto(served + pages["module"], wait_until="load")
    current = page.url
    link = tab_until(page, lambda f: f["inNav"] and f["href"] and f["href"].split("#")[0] != current, seen=seen)
    page.keyboard.press("Enter")
    page.wait_for_url(link["href"])

    # A self-check: choose an answer with the keyboard, check it, read the feedback.
    page.goto(served + pages["zelftoets"], wait_until="load")
    tab_until(page, lambda f: True, limit=1, seen=seen)
    page.keyboard.press("Enter")  # skip link
    tab_until(page, lambda f: f["radio"], seen=seen)
    page.keyboard.press("Space")
    tab_until(page, lambda f: f["what"].startswith("button") and "Controleer" in f["what"], limit=10, seen=seen)
    page.keyboard.press("Enter")
    feedback = page.locator(".leren-feedback[data-uitslag]").first
    feedback.wait_for()
    assert re.search(r"(Goed|Nog niet goed): \d van \d", feedback.inner_text())

    # The finder: pick a duration with the arrow keys, then show everything again.
    page.goto(served + pages["catalogus"], wait_until="load")
    rows = page.locator("table.leren-zoeker-lijst tbody tr")
    total = rows.count()
    tab_until(page, lambda f: f["id"] == "zoek-duur", seen=seen)
    page.keyboard.press("ArrowDown")
    status = page.locator(".leren-zoeker-aantal")
    page.wait_for_function(
        f"() => document.querySelectorAll('table.leren-zoeker-lijst tbody tr:not([hidden])').length < {total}")
    assert "passen bij je keuze" in status.inner_text() or "past bij je keuze" in status.inner_text()
    tab_until(page, lambda f: "Alles tonen" in f["what"], limit=5, seen=seen)
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"() => document.querySelectorAll('table.leren-zoeker-lijst tbody tr:not([hidden])').length === {total}")
    page.context.close()

    hidden = [f["what"] for f in seen if not f["visible"]]
    without_indicator = [f["what"] for f in seen if not f["indicator"]]
    assert hidden == [] and without_indicator == [], {"onzichtbaar": hidden, "zonder focusrand": without_indicator}


def test_dark_mode_colour_check_finds_a_planted_low_contrast_text(browser):
    """The sweep's dark-mode check (colour rules only) sees text that is hard to read in dark mode alone."""
    from browser_support import AXE, COLOUR_RULES, axe_violations

    page = browser.new_page()
    page.set_content("""<html lang="nl" data-theme="light"><head><title>Proef</title><style>
        @media (prefers-color-scheme: dark) { body { background: #111; } p { color: #222; } }
        </style></head><body><main><p>Grijze tekst op zwart.</p></main></body></html>""")
    page.add_script_tag(path=str(AXE))
    assert axe_violations(page, COLOUR_RULES) == []
    page.emulate_media(color_scheme="dark")
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    found = axe_violations(page, COLOUR_RULES)
    page.close()
    assert [line.split(":")[0] for line in found] == ["color-contrast"]

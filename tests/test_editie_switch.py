"""The trainer material within reach: one site whose switch "Studenteneditie / Trainerseditie" shows the
worked solutions and trainer notes; hidden by default; left out with one setting (test_exercises)."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import launch, serve
from test_exercises import build_edition

playwright_api = pytest.importorskip("playwright.sync_api")
AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"


def test_default_build_keeps_trainer_material_behind_the_switch(tmp_path, monkeypatch):
    html = build_edition(tmp_path, "student", monkeypatch)
    assert "GEHEIME-UITWERKING" in html and "ALLEEN-VOOR-TRAINERS" in html
    assert "editie.js" in html and "editie.css" in html
    assert "trainerseditie" not in html.lower().split("<body")[0]  # the title stays that of the student edition


def test_switch_shows_and_hides_trainer_material_by_keyboard(tmp_path, monkeypatch):
    build_edition(tmp_path, "student", monkeypatch)
    url, stop = serve(next((tmp_path / "student").rglob("index.html")).parent)
    try:
        with playwright_api.sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page(locale="nl-NL")
            page.add_init_script(path=str(AXE))
            page.goto(url + "index.html", wait_until="load")
            solution = page.get_by_text("GEHEIME-UITWERKING")
            note = page.get_by_text("ALLEEN-VOOR-TRAINERS")
            assert solution.is_hidden() and note.is_hidden()
            student = page.get_by_role("radio", name="Studenteneditie")
            assert student.is_checked()
            student.focus()
            page.keyboard.press("ArrowRight")
            assert page.get_by_role("radio", name="Trainerseditie").is_checked()
            assert solution.is_visible() and note.is_visible()
            assert "2 uitwerkingen en trainersnotities" in page.get_by_role("status").inner_text()
            page.reload(wait_until="load")
            assert page.get_by_text("GEHEIME-UITWERKING").is_visible()  # the choice is kept
            # The switch itself (the mini site has Sphinx's default theme; the real pages are swept in test_browser).
            found = page.evaluate("""async () => (await axe.run('.leren-editie', {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id)""")
            assert found == []
            browser.close()
    finally:
        stop()

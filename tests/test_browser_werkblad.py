"""Worksheets filled in on screen ("Invullen en afdrukken"), in a real browser, by keyboard and accessible names:
the entries stay in local storage in the shared format, come back after a reload, print as an A4 sheet with
the group's details, are cleared with one button, and are never markup."""

from __future__ import annotations

import io
import json

import pytest

import leren
from test_browser_planner import A4, Visit, press, type_into

playwright_api = pytest.importorskip("playwright.sync_api")

PAGE = "book/werkvormen/baalronde.html"
SHEET = "werkvorm-baalronde"
HOSTILE = "<script>window.__xss=1</script> \"{{ x }}\" & 'ok'"


@pytest.fixture(scope="module")
def site(book):
    from browser_support import serve

    url, stop = serve(book.html)
    yield url
    stop()


def open_sheet(visit: Visit):
    page = visit.page
    page.goto(visit.site + PAGE, wait_until="load")
    toggle = page.get_by_role("button", name="Invullen en afdrukken")
    press(toggle)
    assert toggle.get_attribute("aria-expanded") == "true"
    return page


def test_fill_in_keep_print_and_clear_a_worksheet(browser, site):  # noqa: F811
    sheet = leren.load().worksheets[SHEET]
    visit = Visit(browser, site)
    page = open_sheet(visit)
    assert visit.axe() == []
    type_into(page, page.get_by_label("Groep", exact=True), "Buurtteam Noord")
    type_into(page, page.get_by_label("Datum", exact=True), "12-03-2026")
    type_into(page, page.get_by_label("Trainer", exact=True), "Sanne de Vries")
    type_into(page, page.get_by_label("Organisatie", exact=True), "Wijkteam Oost")
    type_into(page, page.get_by_label(f"1. {sheet.velden[0].label}"), HOSTILE)
    type_into(page, page.get_by_label(f"{sheet.velden[3].kolommen[0]}, rij 1"), "Eigen regie")
    press(page.get_by_role("group", name=f"5. {sheet.velden[4].label}").get_by_label("7", exact=True), "Space")
    stored = json.loads(page.evaluate(f"localStorage.getItem('leren:werkblad:{SHEET}')"))
    assert stored["kop"] == {"groep": "Buurtteam Noord", "datum": "12-03-2026", "trainer": "Sanne de Vries",
                             "organisatie": "Wijkteam Oost"}
    assert stored["velden"]["0"] == HOSTILE and stored["velden"]["4"] == "7"
    assert stored["velden"]["3"].startswith("Eigen regie")
    assert visit.axe() == []

    page.reload(wait_until="load")
    press(page.get_by_role("button", name="Invullen en afdrukken"))
    assert page.get_by_label(f"1. {sheet.velden[0].label}").input_value() == HOSTILE
    assert page.get_by_label("7", exact=True).is_checked()

    from pypdf import PdfReader

    press(page.get_by_role("button", name="Werkblad afdrukken"))
    assert page.evaluate("window.__printed") == 1
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    box = pdf.pages[0].mediabox
    assert abs(float(box.width) - A4[0]) < 1 and abs(float(box.height) - A4[1]) < 1
    text = " ".join(p.extract_text() for p in pdf.pages)
    for part in ("Buurtteam Noord", "Sanne de Vries", sheet.titel, "<script>window.__xss=1</script>", "Eigen regie"):
        assert part in text, part
    assert "Tips en valkuilen" not in text  # only the sheet, not the page
    assert page.evaluate("window.__xss") is None

    press(page.get_by_role("button", name="Invoer wissen"))
    assert page.evaluate(f"localStorage.getItem('leren:werkblad:{SHEET}')") is None
    assert page.get_by_label("Groep", exact=True).input_value() == ""
    assert visit.errors == [] and visit.external == []
    visit.close()


def test_entries_written_by_others_are_read_as_text(browser, site):  # noqa: F811
    """The exercises write reflections into the same key; whatever is there is shown as text."""
    visit = Visit(browser, site)
    visit.ctx.add_init_script(
        f"localStorage.setItem('leren:werkblad:{SHEET}', JSON.stringify({{kop: {{groep: '<b>vet</b>', datum: 5}},"
        " velden: {'0': '<img src=x onerror=window.__xss=1>', 'x': 'weg', '2': {a: 1}}}));")
    page = open_sheet(visit)
    assert page.get_by_label("Groep", exact=True).input_value() == "<b>vet</b>"
    assert page.get_by_label("Datum", exact=True).input_value() == ""
    assert page.locator("img[src=x]").count() == 0 and page.evaluate("window.__xss") is None
    assert visit.errors == []
    visit.close()


def test_worksheet_form_fits_a_phone(browser, site):  # noqa: F811
    visit = Visit(browser, site, width=390)
    page = open_sheet(visit)
    type_into(page, page.get_by_label("Groep", exact=True), "Buurtteam Noord")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert visit.axe() == []
    visit.close()

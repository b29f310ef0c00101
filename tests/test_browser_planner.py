"""The planner page ("Bijeenkomst plannen") in a real browser, driven by its accessible names and the keyboard.

A trainer plans a three-hour meeting of six werkvormen and a break; the times on the page equal those that
`leren programma` computes from the downloaded YAML (which it accepts unchanged); the agenda and draaiboek
print as A4 PDFs; the share link and "Plan openen" bring the plan back. Every state passes axe, nothing
leaves the machine, and the page fits a 390-pixel-wide phone.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

import leren
from browser_support import AXE, serve
from leren.planner import export, read_plan

playwright_api = pytest.importorskip("playwright.sync_api")

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE = "book/werkvormen/planner.html"
A4 = (595.3, 841.9)  # points
# Six werkvormen of the catalog with the minutes the trainer gives them, and a break of 15 minutes after the
# third: 165 + 15 = 180 minutes, 09:30-12:30.
CHOSEN = [("plaatsbepaling", 20), ("waarderend-interview", 35), ("dilemmabespreking", 30),
          ("cirkel-van-invloed", 30), ("baalronde", 25), ("what-so-what-now-what", 25)]


@pytest.fixture(scope="module")
def site(book):
    assert (book.html / PAGE).is_file(), "De plannerpagina is niet gebouwd; zie test_build."
    url, stop = serve(book.html)
    yield url
    stop()


class Visit:
    """A fresh browser context (empty local storage) that records errors and requests to other hosts."""

    def __init__(self, browser, site: str, width: int = 1280):
        self.site = site
        self.external: list[str] = []
        self.errors: list[str] = []
        self.ctx = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL", accept_downloads=True)
        self.ctx.set_default_timeout(15_000)
        self.ctx.add_init_script(path=str(AXE))
        # Headless Chromium cannot show a print dialog; count the calls and print with page.pdf instead.
        self.ctx.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
        self.ctx.on("request", lambda r: not r.url.startswith((site, "data:", "blob:")) and self.external.append(r.url))
        self.page = self.ctx.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, suffix: str = ""):
        self.page.goto(self.site + PAGE + suffix, wait_until="load")
        self.page.get_by_label("Zoek een werkvorm").wait_for()
        return self.page

    def axe(self) -> list[str]:
        return self.page.evaluate(
            """async (tags) => {
                const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
                return r.violations.flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')}`));
            }""", WCAG_TAGS)

    def close(self):
        self.ctx.close()


def type_into(page, locator, text: str) -> None:
    locator.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def press(locator, key: str = "Enter") -> None:
    locator.focus()
    locator.press(key)


def rows(page):
    return page.locator("ol.leren-planner-blokken > li")


def row_times(page) -> list[str]:
    return [t.strip() for t in page.locator("ol.leren-planner-blokken .leren-planner-tijd").all_inner_texts()]


def plan_meeting(page) -> None:
    """The three-hour meeting, by keyboard: details, six werkvormen with their minutes, a break moved into place."""
    names = export()["werkvormen"]
    type_into(page, page.get_by_label("Titel", exact=True), "Teamdag <img src=x onerror=\"window.__xss=1\"> & {{ x }}")
    type_into(page, page.get_by_label("Datum", exact=True), "12-03-2026")
    type_into(page, page.get_by_label("Begintijd"), "9.30")
    type_into(page, page.get_by_label("Eindtijd"), "12:30")
    type_into(page, page.get_by_label("Aantal deelnemers"), "12")
    type_into(page, page.get_by_label("Groep", exact=True), "Buurtteam Noord")
    type_into(page, page.get_by_label("Trainer", exact=True), "Sanne de Vries")
    for fid, minutes in CHOSEN:
        type_into(page, page.get_by_label("Zoek een werkvorm"), names[fid]["naam"])
        page.keyboard.press("Enter")  # adds the first match
        row = rows(page).last
        assert names[fid]["naam"] in row.inner_text()
        type_into(page, row.get_by_label("Minuten", exact=False), str(minutes))
    press(page.get_by_role("button", name="Pauze toevoegen"))  # the break lands at the end ...
    press(rows(page).last.get_by_role("button", name="Omhoog"))  # ... and moves up three places: the focus
    page.keyboard.press("Enter")  # stays on the moved block's button
    page.keyboard.press("Space")
    assert "Pauze" in rows(page).nth(3).inner_text()


def test_plan_a_meeting_by_keyboard_and_check_it_with_leren_programma(browser, site, tmp_path):
    visit = Visit(browser, site)
    page = visit.open()
    assert visit.axe() == []  # empty
    plan_meeting(page)
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x]").count() == 0
    assert rows(page).count() == 7
    assert page.get_by_role("status").filter(has_text="Van 09:30 tot 12:30").count() == 1
    assert visit.axe() == []  # filled

    with page.expect_download() as info:
        press(page.get_by_role("button", name="Download als YAML"))
    path = tmp_path / "plan.yml"
    info.value.save_as(path)
    agenda = read_plan(path)  # no errors: leren programma accepts the plan
    shown = page.locator(".leren-planner-let-op li").all_inner_texts()
    assert [t.lower() for t in shown] == [w.tekst.lower() for w in agenda.waarschuwingen]  # the same warnings
    python_times = [f"{b.start:%H:%M}-{b.einde:%H:%M}" for b in agenda.blokken]
    assert row_times(page) == python_times
    assert python_times[0] == "09:30-09:50" and python_times[-1].endswith("12:30")
    assert agenda.titel.startswith("Teamdag <img") and agenda.deelnemers == 12
    cli = Path(sys.executable).parent / "leren"
    done = subprocess.run([str(cli), "programma", str(path), "--formaat", "md", "--uit", str(tmp_path / "agenda.md")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "van 09:30 tot 12:30" in done.stdout

    # Print views: the agenda and, chosen with the arrow keys, the draaiboek; both A4.
    from pypdf import PdfReader

    press(page.get_by_role("button", name="Afdrukken"))
    assert page.evaluate("window.__printed") == 1
    agenda_pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    press(page.get_by_label("Agenda", exact=True), "ArrowRight")
    assert page.get_by_label("Draaiboek", exact=True).is_checked()
    press(page.get_by_role("button", name="Afdrukken"))
    book_pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    for pdf, title in ((agenda_pdf, "Agenda"), (book_pdf, "Draaiboek voor de trainer")):
        box = pdf.pages[0].mediabox
        assert abs(float(box.width) - A4[0]) < 1 and abs(float(box.height) - A4[1]) < 1, box
        text = " ".join(p.extract_text() for p in pdf.pages)
        assert title in text and "Teamdag" in text and "Bijeenkomst plannen" not in text
    assert len(agenda_pdf.pages) == 1
    assert "Uitnodiging (lees voor)" in " ".join(p.extract_text() for p in book_pdf.pages)

    # The worksheets of the chosen werkvormen: links to files that exist.
    links = page.locator("ul.leren-planner-werkbladen a")
    assert links.count() >= 6
    for href in links.evaluate_all("els => els.map(a => a.href)"):
        assert page.request.get(href).ok, href
    with page.expect_download() as info:
        press(page.get_by_role("button", name="Werkbladen als ZIP"))
    import zipfile

    archive = zipfile.ZipFile(info.value.path())
    assert archive.testzip() is None
    assert sum(n.endswith(".pdf") for n in archive.namelist()) >= 6

    # Share link: a fresh browser (nothing stored) opens the same plan.
    press(page.get_by_role("button", name="Deellink maken"))
    link = page.get_by_label("Deellink").input_value()
    assert "#plan=" in link
    assert visit.external == [] and visit.errors == []
    visit.close()
    other = Visit(browser, site)
    shared = other.page
    shared.goto(link, wait_until="load")
    assert row_times(shared) == python_times
    assert shared.get_by_label("Titel", exact=True).input_value() == agenda.titel
    other.close()

    # "Plan openen": the downloaded file in a fresh browser.
    third = Visit(browser, site)
    opened = third.open()
    opened.get_by_label("Plan openen").set_input_files(str(path))
    opened.get_by_text("is geopend").wait_for()
    assert row_times(opened) == python_times
    assert opened.get_by_label("Aantal deelnemers").input_value() == "12"
    third.close()


def test_warnings_are_shown_and_accessible(browser, site):
    visit = Visit(browser, site)
    page = visit.open()
    plan_meeting(page)
    type_into(page, page.get_by_label("Eindtijd"), "12:00")
    type_into(page, page.get_by_label("Aantal deelnemers"), "40")
    box = page.locator(".leren-planner-let-op")
    assert box.is_visible()
    text = box.inner_text()
    assert "de bijeenkomst eindigt om 12:00: 30 min te lang" in text
    assert "40 deelnemers is meer dan" in text
    assert page.get_by_label("Eindtijd").get_attribute("aria-invalid") == "true"
    assert visit.axe() == []  # with warnings
    assert visit.errors == [] and visit.external == []
    visit.close()


def test_the_page_remembers_the_last_plan(browser, site):
    visit = Visit(browser, site)
    page = visit.open()
    type_into(page, page.get_by_label("Zoek een werkvorm"), "baalronde")
    page.keyboard.press("Enter")
    page.reload(wait_until="load")
    assert rows(page).count() == 1 and "Trots, anders, balen" in rows(page).first.inner_text()
    visit.close()


@pytest.mark.parametrize("payload, fragment", [
    ("nonsens", "De deellink klopt niet"),
    ("eyJ0aXRlbCI6IHsiYSI6IDF9fQ", "het veld 'titel' moet tekst zijn"),  # {"titel": {"a": 1}}
    ("eyJibG9ra2VuIjpbeyJzb29ydCI6Indlcmt2b3JtIiwid2Vya3Zvcm0iOiI8c2NyaXB0PiJ9XX0",  # unknown werkvorm
     "onbekende werkvorm '<script>'"),
])
def test_a_broken_share_link_gives_a_dutch_error(browser, site, payload, fragment):
    visit = Visit(browser, site)
    page = visit.open(f"#plan={payload}")
    alert = page.get_by_role("alert")
    assert fragment in alert.inner_text()
    assert page.locator("script:not([src])").evaluate_all("els => els.every(e => !e.textContent.includes('<script>'))")
    assert visit.errors == []
    visit.close()


def test_a_bad_plan_file_is_refused_naming_the_line(browser, site, tmp_path):
    bad = tmp_path / "kapot.yml"
    bad.write_text("titel: Dag\nkleur: \"<script>alert(1)</script>\"\nblokken: []\n", encoding="utf-8")
    visit = Visit(browser, site)
    page = visit.open()
    page.get_by_label("Plan openen").set_input_files(str(bad))
    alert = page.get_by_role("alert")
    alert.get_by_text("regel 2: onbekend veld 'kleur'").wait_for()
    assert "Je huidige plan is niet veranderd" in alert.inner_text()
    assert visit.errors == []
    visit.close()


def test_finder_rows_add_to_the_planner(browser, site):
    visit = Visit(browser, site)
    page = visit.page
    page.goto(site + "book/werkvormen/index.html", wait_until="load")
    name = export()["werkvormen"]["baalronde"]["naam"]
    press(page.get_by_role("link", name=f"Toevoegen aan planning: {name}"))
    page.wait_for_url("**/planner.html")
    assert page.get_by_role("alert").filter(has_text="is toegevoegd aan je planning").count() == 1
    assert rows(page).count() == 1
    visit.close()


def test_planner_fits_a_phone(browser, site):
    visit = Visit(browser, site, width=390)
    page = visit.open()
    plan_meeting(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert visit.axe() == []
    visit.close()


def test_planner_and_worksheet_work_from_the_unpacked_bundle(folder, browser, tmp_path):
    """Opened with a double click (file://) from the offline bundle: plan, open a plan, fill in a worksheet."""
    root = folder
    plan = tmp_path / "plan.yml"
    plan.write_text("titel: Teamdag\ndatum: 12-03-2026\nstart: \"09:30\"\nblokken:\n  - werkvorm: baalronde\n"
                    "  - pauze: 15\n", encoding="utf-8")

    visit = Visit(browser, root.as_uri() + "/")
    page = visit.open()
    type_into(page, page.get_by_label("Zoek een werkvorm"), "plaatsbepaling")
    page.keyboard.press("Enter")
    assert rows(page).count() == 1 and row_times(page)[0].startswith("09:00-")
    page.get_by_label("Plan openen").set_input_files(str(plan))
    page.get_by_text("is geopend").wait_for()
    assert row_times(page) == [f"{b.start:%H:%M}-{b.einde:%H:%M}" for b in read_plan(plan).blokken]
    with page.expect_download() as info:
        press(page.get_by_role("button", name="Download als YAML"))
    assert read_plan(info.value.path()).titel == "Teamdag"
    press(page.get_by_role("button", name="Werkbladen als ZIP"))
    assert "een voor een" in page.get_by_role("alert").inner_text()  # no fetch from disk: a Dutch hint instead
    page.goto(root.as_uri() + "/book/werkvormen/baalronde.html", wait_until="load")
    press(page.get_by_role("button", name="Invullen en afdrukken"))
    type_into(page, page.get_by_label("Groep", exact=True), "Buurtteam Noord")
    press(page.get_by_role("button", name="Werkblad afdrukken"))
    assert "Buurtteam Noord" in page.locator(".leren-werkblad-afdruk").inner_text()
    assert visit.errors == [] and visit.external == []
    visit.close()

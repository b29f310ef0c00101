"""A student's path through a self-check in a real browser: answer wrong, read why, answer right, reload,
and find answers and score still there and on "Mijn voortgang"; put the reflection into her own fillable
worksheet and find it on the printed sheet; clear everything. All by accessible names, with axe-core in each state and no request leaving the machine.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser_support import launch, serve
import leren
from leren import exercises, oefeningen

playwright_api = pytest.importorskip("playwright.sync_api")

AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BANK = "venlo-fasen"
EXERCISE_PAGE = f"exercises/{BANK}.html"
PROGRESS_PAGE = "book/gidsen/voortgang.html"
HOSTILE = 'Mijn team <script>window.hacked = 1</script> wil "samen" leren {{ x }} & dat lukt ' + "echt " * 200


def bank_view() -> dict:
    return oefeningen.laad(BANK).data


def first_mc(view: dict) -> tuple[int, dict]:
    return next((n, item) for n, item in enumerate(view["items"], 1) if item["soort"] == "meerkeuze")


def maximum(view: dict) -> int:
    return sum(exercises.maximum(item) for item in view["items"] if item["soort"] != "reflectie")


def question(page, number: int):
    """The form of question `number`, found through its group's accessible name ("Vraag 3. ...")."""
    group = page.get_by_role("group", name=re.compile(rf"^Vraag {number}\. "))
    return page.locator("form").filter(has=group)


def axe_violations(page) -> list[str]:
    return page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return r.violations.flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')}`));
        }""",
        WCAG_TAGS,
    )


def stored(page, key: str):
    return page.evaluate("(key) => JSON.parse(window.localStorage.getItem(key))", key)


@pytest.fixture(scope="module")
def site(book):
    assert (book.html / EXERCISE_PAGE).is_file() and (book.html / PROGRESS_PAGE).is_file()
    url, stop = serve(book.html)
    yield url
    stop()


@pytest.fixture
def browser_page(site):
    if not AXE.is_file():
        pytest.fail(f"axe-core ontbreekt ({AXE}); installeer het met: npm ci --prefix tests/browser")
    external: list[str] = []
    with playwright_api.sync_playwright() as pw:
        browser = launch(pw)
        ctx = browser.new_context(locale="nl-NL")
        ctx.set_default_timeout(15_000)
        ctx.add_init_script(path=str(AXE))
        ctx.on("request", lambda req: not req.url.startswith((site, "data:", "blob:")) and external.append(req.url))
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        yield page
        assert not errors, errors
        assert not external, f"verzoeken naar buiten: {external}"
        ctx.close()
        browser.close()


def test_student_path_keeps_answers_and_score(site, browser_page):
    page, view = browser_page, bank_view()
    number, item = first_mc(view)
    wrong = next(o for o in item["opties"] if not o["goed"])
    right = next(o for o in item["opties"] if o["goed"])
    page.goto(site + EXERCISE_PAGE, wait_until="load")
    score = page.get_by_role("status").filter(has_text=re.compile("Je (score|hebt deze oefening)")).first
    assert "nog niet gemaakt" in score.inner_text()

    # A wrong answer gets the explanation of that very option.
    form = question(page, number)
    form.get_by_label(re.compile(re.escape(wrong["tekst"]))).check()
    form.get_by_role("button", name="Controleer").click()
    feedback = form.get_by_role("status")
    assert "Nog niet goed: 0 van 1" in feedback.inner_text()
    assert wrong["uitleg"] in feedback.inner_text()
    assert (found := axe_violations(page)) == [], found

    # The right answer earns the point, and the score line counts it.
    form.get_by_label(re.compile(re.escape(right["tekst"]))).check()
    form.get_by_role("button", name="Controleer").click()
    assert "Goed: 1 van 1" in feedback.inner_text()
    expected = f"Je score: 1 van {maximum(view)} punten. Je hebt 1 van de "
    assert expected in score.inner_text()
    saved = stored(page, f"leren:oefening:{BANK}")
    assert {k: saved["uitslagen"][item["id"]][k] for k in ("punten", "maximum")} == {"punten": 1, "maximum": 1}

    # After a reload the answer, its feedback and the score are still there.
    page.reload(wait_until="load")
    form = question(page, number)
    assert form.get_by_label(re.compile(re.escape(right["tekst"]))).is_checked()
    assert "Goed: 1 van 1" in form.get_by_role("status").inner_text()
    assert expected in page.get_by_role("status").filter(has_text="Je score").first.inner_text()
    assert (found := axe_violations(page)) == [], found

    # An answer changed after the check is kept too, but the old feedback is not shown with it.
    form.get_by_label(re.compile(re.escape(wrong["tekst"]))).check()
    page.reload(wait_until="load")
    form = question(page, number)
    assert form.get_by_label(re.compile(re.escape(wrong["tekst"]))).is_checked()
    assert form.get_by_role("status").inner_text().strip() == ""
    assert expected in page.get_by_role("status").filter(has_text="Je score").first.inner_text()

    # "Mijn voortgang", reached from the self-check, shows this exercise as begun with its score; the others
    # are not started.
    page.locator(".leren-zelftoets").get_by_role("link", name="Mijn voortgang").click()
    page.wait_for_url(site + PROGRESS_PAGE)
    table = page.get_by_role("table", name="Jouw oefeningen")
    row = table.get_by_role("row").filter(has=page.get_by_role("link", name=view["titel"]))
    assert "Bezig" in row.inner_text()
    assert f"1 van {maximum(view)} punten" in row.inner_text()
    others = table.get_by_role("row").filter(has_text="Niet begonnen")
    assert others.count() == len(oefeningen.lijst()) - 1
    assert (found := axe_violations(page)) == [], found

    # Clearing asks first; cancelling keeps everything.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Wis al mijn voortgang").click()
    assert "niets gewist" in page.get_by_role("status").filter(has_text="gewist").inner_text()
    assert "Bezig" in row.inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Wis al mijn voortgang").click()
    assert "Je voortgang is gewist." in page.get_by_role("status").filter(has_text="gewist").inner_text()
    assert "Niet begonnen" in row.inner_text()
    assert stored(page, f"leren:oefening:{BANK}") is None


def test_reflection_goes_into_the_students_worksheet(site, browser_page):
    page, view = browser_page, bank_view()
    bank = oefeningen.laad(BANK).bank
    number = next(n for n, item in enumerate(view["items"], 1) if item["soort"] == "reflectie")
    page.goto(site + EXERCISE_PAGE, wait_until="load")
    form = question(page, number)

    # Too short: nothing is stored, and the student is told why.
    form.get_by_label("Jouw antwoord").fill("Te kort.")
    form.get_by_role("button", name="Zet in mijn werkblad").click()
    assert "Schrijf eerst een paar zinnen" in form.get_by_role("status").inner_text()
    assert stored(page, f"leren:werkblad:{bank.werkblad}") is None

    # Hostile text is kept as text: stored verbatim, never run or parsed as markup.
    form.get_by_label("Jouw antwoord").fill(HOSTILE)
    form.get_by_role("button", name="Zet in mijn werkblad").click()
    message = form.get_by_role("status")
    assert "Je antwoord staat nu in" in message.inner_text()
    sheet = stored(page, f"leren:werkblad:{bank.werkblad}")
    assert sheet == {"kop": {"groep": "", "datum": "", "trainer": "", "organisatie": ""},
                     "velden": {str(bank.werkblad_veld): HOSTILE.strip()}}
    assert page.evaluate("() => window.hacked") is None
    link = message.get_by_role("link", name=re.compile("Open je werkblad"))
    target = link.get_attribute("href")
    assert (found := axe_violations(page)) == [], found

    # A second click does not add the same answer twice; text that was already there stays.
    page.evaluate("([key, veld]) => { const s = JSON.parse(localStorage.getItem(key));"
                  " s.velden[veld] = 'Eerder ingevuld.'; s.kop.groep = 'Stagegroep 2B';"
                  " localStorage.setItem(key, JSON.stringify(s)); }",
                  [f"leren:werkblad:{bank.werkblad}", str(bank.werkblad_veld)])
    form.get_by_role("button", name="Zet in mijn werkblad").click()
    form.get_by_role("button", name="Zet in mijn werkblad").click()
    sheet = stored(page, f"leren:werkblad:{bank.werkblad}")
    assert sheet["velden"][str(bank.werkblad_veld)] == "Eerder ingevuld.\n\n" + HOSTILE.strip()
    assert sheet["kop"]["groep"] == "Stagegroep 2B"

    # The link leads to the page where the worksheet is filled in: the answer is in its field, next to what
    # was there already, and it is on the printed sheet.
    worksheet = leren.load().worksheets[bank.werkblad]
    link.click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0].endswith(target.split("#")[0].split("/")[-1])
    page.get_by_role("button", name="Invullen en afdrukken").click()
    fill = page.get_by_role("form", name=f"{worksheet.titel} invullen")
    field = fill.get_by_label(f"{bank.werkblad_veld + 1}. {worksheet.velden[bank.werkblad_veld].label}", exact=True)
    assert field.input_value() == "Eerder ingevuld.\n\n" + HOSTILE.strip()
    assert fill.get_by_label("Groep", exact=True).input_value() == "Stagegroep 2B"
    assert (found := axe_violations(page)) == [], found
    page.evaluate("() => { window.print = () => {}; }")  # no print dialog in a test
    fill.get_by_role("button", name="Werkblad afdrukken").click()
    page.emulate_media(media="print")
    printed = page.locator(".leren-werkblad-afdruk")
    assert printed.is_visible()
    assert " ".join(HOSTILE.split()) in " ".join(printed.inner_text().split())
    assert "<script>" in printed.inner_text() and page.evaluate("() => window.hacked") is None

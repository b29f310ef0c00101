"""Print, PDF and offline use: the print stylesheet, the module and whole-book PDFs, and the offline bundle.

The PDFs are made once per session from the `book` fixture (two module PDFs and the whole book), the
bundle once from those.
"""

from __future__ import annotations

import io
import re
import shutil
import textwrap
import threading
import time
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from browser_support import launch, serve
from folder_support import Problems, pages_of
import conftest
from conftest import ROOT, toc_docnames
from sphinx_support import build_mini

import leren
from leren.formats import FORMATS
from leren.offline.bundle import FOLDER, make_bundle
from leren.paths import BOOK_NAME
from leren.pdfbook import site as built
from leren.pdfbook.build import make_pdfs
from leren.pdfbook.downloads import add_link
from leren.pdfbook.modules import modules
from leren.pdfbook.toc import read_toc

A4 = (595, 842)
NAVIGATION = ["Zoek in de kennisbank", "Skip to main content", "Back to top", "Ctrl+K"]
EXTERNAL = re.compile(r"""^(https?:)?//""", re.IGNORECASE)


def squash(text: str) -> str:
    """Text without whitespace, in NFKC: a ligature glyph in the PDF ('ﬂ') reads as its letters ('fl')."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def outline_titles(reader: PdfReader) -> list[tuple[str, int]]:
    out = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append((str(item.title), reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return out


def choose(site: Path) -> list:
    """Two module pages: the first principle, and the first case (or the second principle)."""
    found = modules(site)
    principles = [m for m in found if m.docname.startswith("book/principes/")]
    cases = [m for m in found if m.docname.startswith("book/casussen/")]
    return [principles[0], (cases or principles[1:])[0]]


class PdfsInBackground(threading.Thread):
    """The two module PDFs and the whole-book PDF, printed in a thread of their own (with its own Playwright)
    right after the shared build, while other tests run."""

    def __init__(self, book, out: Path):
        super().__init__(name="pdfs", daemon=True)
        self.site, self.out = book.html, out
        self.error: BaseException | None = None
        self.began = time.perf_counter()
        self.start()

    def run(self) -> None:
        try:
            make_pdfs(self.site, self.out, ROOT / "_config.yml",
                      only=[m.name for m in choose(self.site)], book=True, publish=False, say=lambda message: None)
        except BaseException as exc:  # handed to the first test that needs the PDFs
            self.error = exc
        conftest.TIMES["pdfs"] = (self.began - conftest.T0, time.perf_counter() - self.began)

    def result(self) -> Path:
        self.join()
        if self.error is not None:
            raise self.error
        return self.out


conftest.AFTER_BOOK["pdfs"] = lambda book, factory: PdfsInBackground(book, factory.mktemp("pdf"))


@pytest.fixture(scope="session")
def chosen(book) -> list:
    return choose(book.html)


@pytest.fixture(scope="session")
def pdfs(book, tmp_path_factory) -> Path:
    return conftest.started("pdfs", book, tmp_path_factory).result()


@pytest.fixture(scope="session")
def bundle(book, pdfs, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("bundel") / "offline.zip"
    make_bundle(book.html, pdfs, target)
    return target


# The print stylesheet and the offline guard, on the built site.

def site_pages(site: Path) -> list[Path]:
    """The site's HTML pages, without the theme's template snippets in _static."""
    return [p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_")]


def test_every_page_has_the_print_stylesheet(book):
    for page in site_pages(book.html):
        if page.name == "index.html" and page.parent == book.html:
            continue  # the redirect to the start page
        assert re.search(r'<link[^>]*media="print"[^>]*print\.css', page.read_text(encoding="utf-8")), page


def test_pages_load_nothing_from_other_servers(book):
    problems = []
    for page in site_pages(book.html):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src")):
            for node in soup.find_all(tag, attrs={attr: True}):
                if tag == "link" and not {"stylesheet", "preload", "icon", "modulepreload"} & set(node.get("rel", [])):
                    continue
                if EXTERNAL.match(node[attr]):
                    problems.append(f"{page.relative_to(book.html)}: <{tag} {attr}={node[attr]}>")
        for style in soup.find_all("style"):
            if re.search(r"@import|url\(\s*['\"]?(https?:)?//", style.get_text()):
                problems.append(f"{page.relative_to(book.html)}: external url in <style>")
        if "mathjax" in str(soup.head).lower():
            problems.append(f"{page.relative_to(book.html)}: MathJax")
    for sheet in book.html.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8", errors="replace")
        if re.search(r"@import\s+(url\()?\s*['\"]?(https?:)?//|url\(\s*['\"]?(https?:)?//", text):
            problems.append(f"{sheet.relative_to(book.html)}: external @import or url()")
    assert problems == []


def build_print_sample(tmp_path: Path, monkeypatch) -> Path:
    """A small site with every block that hides content on screen, built in-process as the trainer edition."""
    monkeypatch.delenv("LEREN_EDITIE", raising=False)
    page = textwrap.dedent("""
        # Proefpagina

        Een [externe link](https://www.example.org/pad) en een [interne link](tweede.md).

        ::::{tab-set}
        :::{tab-item} TAB-EEN
        PANEEL-EEN
        :::
        :::{tab-item} TAB-TWEE
        PANEEL-TWEE
        :::
        ::::

        :::{dropdown} UITKLAP-TITEL
        UITKLAP-INHOUD
        :::

        :::{admonition} TOGGLE-TITEL
        :class: dropdown
        TOGGLE-INHOUD
        :::

        ```{toggle}
        TOGGLE-BLOK
        ```

        :::{exercise}
        :label: oef-proef
        OPGAVE-TEKST
        :::

        :::{solution} oef-proef
        :class: dropdown
        UITWERKING-TEKST
        :::
    """)
    out, warnings = build_mini(tmp_path, {"index": page, "tweede": "# Tweede pagina\n\nTekst.\n"},
                               extensions=["myst_nb", "sphinx_design", "sphinx_togglebutton", "sphinx_exercise",
                                           "leren.sphinx"],
                               html_theme="sphinx_book_theme", html_title="Proef", leren_editie="trainer",
                               myst_enable_extensions=["colon_fence"])
    return out


def test_print_shows_every_tab_dropdown_and_solution(tmp_path, monkeypatch):
    from playwright.sync_api import sync_playwright

    site = build_print_sample(tmp_path, monkeypatch)
    url, stop = serve(site)
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page()
            page.goto(url + "index.html", wait_until="load")
            data = page.pdf(format="A4")
            browser.close()
    finally:
        stop()
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    for word in ("TAB-EEN", "PANEEL-EEN", "TAB-TWEE", "PANEEL-TWEE", "UITKLAP-TITEL", "UITKLAP-INHOUD",
                 "TOGGLE-TITEL", "TOGGLE-INHOUD", "TOGGLE-BLOK", "OPGAVE-TEKST", "UITWERKING-TEKST"):
        assert word in text, word
    flat = squash(text)
    assert "(https://www.example.org/pad)" in flat  # external link target is printed
    assert "tweede.html" not in flat  # internal links are not
    assert "Proef" in text and "Zoeken" not in text


# Module PDFs.

def test_module_pdfs_are_a4_tagged_and_dutch(pdfs, chosen):
    for module in chosen:
        reader = PdfReader(pdfs / f"{module.name}.pdf")
        root = reader.trailer["/Root"]
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width - A4[0]) <= 1 and abs(height - A4[1]) <= 1, (module.name, width, height)
        assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
        assert "/StructTreeRoot" in root
        assert str(root["/Lang"]).lower().startswith("nl")
        assert str(reader.metadata["/Title"]).strip()


def test_module_pdfs_hold_the_page_headings(book, pdfs, chosen):
    for module in chosen:
        text = squash(pdf_text(pdfs / f"{module.name}.pdf"))
        content = built.article(built.soup(book.html, module.docname))
        headings = [built.heading_text(h) for h in content.find_all(["h1", "h2"])]
        assert headings
        missing = [h for h in headings if squash(h) not in text]
        assert missing == [], module.name


def test_module_pdfs_hold_no_navigation(book, pdfs, chosen):
    for module in chosen:
        text = squash(pdf_text(pdfs / f"{module.name}.pdf"))
        main = squash(book.text(module.docname))
        page = built.soup(book.html, module.docname)
        sidebar = [" ".join(a.get_text().split()) for a in page.select("nav.bd-docs-nav a")]
        prev_next = [" ".join(p.get_text().split()) for p in page.select(".prev-next-area p")]
        toc_title = [" ".join(p.get_text().split()) for p in page.select(".bd-sidebar-secondary .onthispage")]
        foreign = [t for t in NAVIGATION + sidebar + prev_next + toc_title if t and squash(t) not in main]
        assert sidebar and foreign
        shown = [t for t in foreign if squash(t) in text]
        assert shown == [], module.name


def test_module_pdf_bookmarks_read_like_the_headings(pdfs, chosen):
    reader = PdfReader(pdfs / f"{chosen[0].name}.pdf")
    titles = [t for t, _ in outline_titles(reader)]
    assert titles
    assert all("  " not in t and t == t.strip() for t in titles)


# The whole book.

def test_book_pdf_has_a_bookmark_for_every_toc_entry(book, pdfs):
    reader = PdfReader(pdfs / f"{BOOK_NAME}.pdf")
    titles = {t for t, _ in outline_titles(reader)}
    entries = read_toc(book.html)
    named = {e.docname for e in entries if not e.is_part}
    assert {d for d in toc_docnames() if (book.html / f"{d}.html").is_file()} <= named
    missing = [e.caption if e.is_part else e.docname for e in entries
               if (e.caption if e.is_part else built.title(book.html, e.docname)) not in titles]
    assert missing == []


def test_book_pdf_has_a_table_of_contents_with_right_page_numbers(book, pdfs):
    reader = PdfReader(pdfs / f"{BOOK_NAME}.pdf")
    contents = squash((reader.pages[1].extract_text() or "") + (reader.pages[2].extract_text() or ""))
    assert "Inhoud" in contents[:80]
    pages = dict(outline_titles(reader))
    entries = [e for e in read_toc(book.html) if not e.is_part][:8]
    for entry in entries:
        title = built.title(book.html, entry.docname)
        assert squash(title) + str(pages[title]) in contents, title


def test_book_pdf_is_a4_tagged_and_dutch(pdfs):
    reader = PdfReader(pdfs / f"{BOOK_NAME}.pdf")
    root = reader.trailer["/Root"]
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - A4[0]) <= 1 and abs(float(box.height) - A4[1]) <= 1
    assert "/StructTreeRoot" in root and str(root["/Lang"]).lower().startswith("nl")
    assert str(reader.metadata["/Title"]) == "Transformeren kun je leren"
    assert len(reader.pages) > 20


def test_download_link_points_to_the_pdf_and_is_added_once(book, pdfs, chosen, tmp_path):
    module = chosen[0]
    site = tmp_path / "site"
    page = site / f"{module.docname}.html"
    page.parent.mkdir(parents=True)
    shutil.copy(book.html / f"{module.docname}.html", page)
    (site / "pdf").mkdir()
    pdf = shutil.copy(pdfs / f"{module.name}.pdf", site / "pdf")
    for _ in range(2):
        assert add_link(site, module.docname, Path(pdf), "Download als PDF", 3)
    html = page.read_text(encoding="utf-8")
    links = re.findall(r'<p class="leren-pdf-download"><a [^>]*href="([^"]+)"', html)
    assert len(links) == 1
    assert (page.parent / links[0]).resolve() == Path(pdf).resolve()


# The offline bundle.

def test_bundle_holds_site_pdfs_notebooks_and_worksheets(book, bundle, pdfs):
    names = set(zipfile.ZipFile(bundle).namelist())
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/LEESMIJ.txt" in names
    assert f"{FOLDER}/book/intro.html" in names
    for pdf in pdfs.glob("*.pdf"):
        assert f"{FOLDER}/pdf/{pdf.name}" in names
    notebooks = sorted((book.html / "notebooks").glob("*.ipynb"))
    assert len(notebooks) == len(list((ROOT / "exercises").glob("*.md")))
    for source in notebooks:
        name = f"{FOLDER}/notebooks/{source.name}"
        assert zipfile.ZipFile(bundle).read(name) == source.read_bytes()  # the site's own copy
        nbformat.validate(nbformat.reads(source.read_text(encoding="utf-8"), as_version=4))
    sheets = {n for n in names if n.startswith(f"{FOLDER}/werkbladen/")}
    expected = {f"{FOLDER}/werkbladen/{sheet}{f.suffix}" for sheet in leren.load().worksheets for f in FORMATS.values()}
    # Besides every worksheet in every format: what the site itself offers there (the module draaiboeken).
    offered = {f"{FOLDER}/werkbladen/{p.name}" for p in (book.html / "werkbladen").iterdir() if p.is_file()}
    assert expected <= sheets and sheets == expected | offered
    leesmij = zipfile.ZipFile(bundle).read(f"{FOLDER}/LEESMIJ.txt").decode("utf-8")
    assert "werkbladen: alle werkbladen als PDF, Word (DOCX), webpagina (HTML) en Markdown" in leesmij
    # Double-clicking index.html is the way in; a local server is only an alternative.
    assert "dubbelklik op index.html" in leesmij and "python3 -m http.server" in leesmij


def test_bundled_site_works_with_the_network_off(bundle, tmp_path):
    from playwright.sync_api import sync_playwright

    zipfile.ZipFile(bundle).extractall(tmp_path)
    url, stop = serve(tmp_path / FOLDER)
    outside, failed = [], []
    pages = ["index.html", "book/principes/index.html", "book/werkvormen/index.html",
             "exercises/principes-verkennen.html", "book/naslag/begrippen.html", "search.html?q=principes"]

    def guard(route, request):
        if request.url.startswith(url) or request.url.startswith("data:"):
            route.continue_()
        else:
            outside.append(request.url)
            route.abort()

    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context()
            context.route("**/*", guard)
            page = context.new_page()
            page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
            for path in pages:
                page.goto(url + path, wait_until="networkidle")
                assert page.locator("main").count() >= 1, path
            page.goto(url + "search.html?q=principes", wait_until="networkidle")
            page.wait_for_selector("#search-results li", timeout=10_000)
            browser.close()
    finally:
        stop()
    assert outside == []
    assert [u for u in failed if not u.endswith("favicon.ico")] == []


# The bundle opened with a double click: every page over file://, no web server. A trainer with a USB
# stick or a student on the train unpacks the zip and opens index.html; pages and links, search with its
# summaries, the self-checks, the werkvormen finder and the downloads must all work from there.

SEARCH_WORDS = ["spanningen", "professionals", "bijeenkomsten"]


@pytest.fixture(scope="module")
def unpacked(bundle, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("usb-stick")
    zipfile.ZipFile(bundle).extractall(target)
    return target / FOLDER


def test_leesmij_says_double_click(bundle):
    text = zipfile.ZipFile(bundle).read(f"{FOLDER}/LEESMIJ.txt").decode("utf-8")
    assert "dubbelklik op index.html" in text
    steps = text[text.index("Zo open je de website"):text.index("Liever via een eigen webserver")]
    assert "http.server" not in steps and "terminal" not in steps.replace("geen terminal", "")


def test_every_page_opens_from_the_folder_without_errors(folder, folder_sweep):
    """Every page opened over file:// (tests/folder_support.py, in the background after the build)."""
    pages, found = folder_sweep
    assert pages > 100
    assert found == {}, found
    assert (folder / "_static" / "favicon.svg").is_file()


@pytest.mark.parametrize("word", SEARCH_WORDS)
def test_search_from_the_folder_shows_results_with_summaries(folder, browser, word):
    page = browser.new_page()
    problems = Problems(page, folder)
    page.goto((folder / "search.html").as_uri() + f"?q={word}", wait_until="load")
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


def test_self_check_works_from_the_folder(folder, browser):
    target = next(p for p in pages_of(folder) if 'class="leren-zelftoets"' in p.read_text(encoding="utf-8"))
    page = browser.new_page()
    problems = Problems(page, folder)
    page.goto(target.as_uri(), wait_until="load")
    question = page.locator("form.leren-zelftoets-vraag", has=page.locator("input[type=radio]")).first
    question.locator("input[type=radio]").first.check()
    question.get_by_role("button", name="Controleer").click()
    question.locator(".leren-feedback p").first.wait_for()
    assert re.search(r"(Goed|Nog niet goed): \d van \d", question.locator(".leren-feedback").inner_text())
    assert problems.take() == []
    page.close()


def test_werkvormen_finder_works_from_the_folder(folder, browser):
    page = browser.new_page()
    problems = Problems(page, folder)
    page.goto((folder / "book" / "werkvormen" / "index.html").as_uri(), wait_until="load")
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

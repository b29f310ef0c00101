"""Make every PDF from the built site: one per module and one for the whole book.

The site is served from 127.0.0.1 on a free port and printed by Debian's Chromium. With `publish`, the
PDFs are also copied into the site (`<site>/pdf/`) and the module pages and the start page get a
"Download als PDF" link.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from leren.paths import BOOK_NAME
from leren.pdfbook import combine, downloads, render
from leren.pdfbook.browser import launch, served
from leren.pdfbook.modules import Module, modules
from leren.pdfbook.toc import Entry, read_toc
from leren.reproducible import release_datetime
from leren.text import dutch_date, file_size, page_count



@dataclass
class Report:
    modules: list[render.Printed] = field(default_factory=list)
    book: render.Printed | None = None
    book_seconds: float = 0.0
    seconds: float = 0.0


def book_info(config_file: Path | None, site: Path, root_docname: str) -> combine.BookInfo:
    """The title page's text, from `_config.yml`, and the edition the site was built as."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8")) if config_file and config_file.is_file() else {}
    title = config.get("title") or "Transformeren kun je leren"
    root_title = (site / f"{root_docname}.html").read_text(encoding="utf-8").split("</title>", 1)[0]
    edition = "Trainerseditie" if "trainerseditie" in root_title.lower() else ""
    rights = config.get("copyright", "")
    moment = release_datetime(config_file.parent if config_file else None)
    return combine.BookInfo(
        title=title,
        subtitle=" ".join(str(config.get("description", "")).split()),
        author=config.get("author", ""),
        rights=f"\u00a9 {rights}" if rights else "",
        edition=edition,
        date=f"Versie van {dutch_date(moment.date())}" if moment else "",
    )


def make_pdfs(site: Path, out: Path, config_file: Path | None = None,
              only: list[str] | None = None, book: bool = True, publish: bool = True,
              say: Callable[[str], None] = print) -> Report:
    """Print the module PDFs (all, or the ids in `only`) and the whole book into `out`."""
    from playwright.sync_api import sync_playwright

    start = time.perf_counter()
    site, out = Path(site), Path(out)
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"In '{site}' staat geen gebouwde site; voer eerst 'make html' uit.")
    out.mkdir(parents=True, exist_ok=True)
    chosen = modules(site)
    if only is not None:
        unknown = sorted(set(only) - {m.name for m in chosen})
        if unknown:
            known = ", ".join(m.name for m in chosen)
            raise ValueError(f"Onbekende module(s): {', '.join(unknown)}. Kies uit: {known}.")
        chosen = [m for m in chosen if m.name in only]
    entries = read_toc(site) if book else []
    info = book_info(config_file, site, entries[0].docname) if book else None
    meta_author = {"Author": info.author} if info and info.author else {}

    report = Report()
    with served(site) as base_url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for module in chosen:
                printed = render.print_page(browser, base_url + f"{module.docname}.html",
                                            out / f"{module.name}.pdf", meta_author)
                report.modules.append(printed)
                say(f"PDF gemaakt: {printed.path} ({page_count(printed.pages)}, "
                    f"{file_size(printed.size)})")
            if book:
                book_start = time.perf_counter()
                report.book = _print_book(browser, base_url, site, entries, info, out / f"{BOOK_NAME}.pdf")
                report.book_seconds = time.perf_counter() - book_start
                say(f"PDF gemaakt: {report.book.path} ({page_count(report.book.pages)}, "
                    f"{file_size(report.book.size)})")
        finally:
            browser.close()
    if publish:
        _publish(site, report, chosen, entries[0].docname if entries else None, say)
    report.seconds = time.perf_counter() - start
    return report


def _print_book(browser, base_url: str, site: Path, entries: list[Entry], info: combine.BookInfo,
                target: Path) -> render.Printed:
    """Print the book twice: the first run finds the page of every entry, the second shows them."""
    names = combine.anchors(entries)
    meta = {"Author": info.author, "Subject": info.subtitle} if info.author else {"Subject": info.subtitle}
    prepared = combine.Book(site, entries, info)
    numbers: dict[str, int] = {}
    for _ in range(3):
        data, headings = render.print_html(browser, base_url, prepared.html(numbers or None))
        found = render.page_numbers(data, names)
        if found == numbers:
            break
        numbers = found
    return render.finish(data, target, headings, meta)


def _publish(site: Path, report: Report, chosen: list[Module], root: str | None,
             say: Callable[[str], None]) -> None:
    folder = site / "pdf"
    folder.mkdir(exist_ok=True)
    for module, printed in zip(chosen, report.modules):
        copy = folder / printed.path.name
        shutil.copy2(printed.path, copy)
        downloads.add_link(site, module.docname, copy, "Download als PDF", printed.pages)
    if report.book is not None and root is not None:
        copy = folder / report.book.path.name
        shutil.copy2(report.book.path, copy)
        downloads.add_link(site, root, copy, "Download het hele boek als PDF", report.book.pages)
    say(f"De PDF's staan ook in {folder}; de pagina's linken ernaar.")

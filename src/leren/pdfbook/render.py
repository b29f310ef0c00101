"""Print pages of the served site to PDF with Chromium: A4, tagged, with bookmarks, in Dutch.

Chromium takes the PDF's title from `<title>`, its language (/Lang) from `<html lang="nl">` and its
bookmarks from the headings. What it writes is then made reproducible (`normalise`: the creation and
modification dates become SOURCE_DATE_EPOCH or the last commit, and the structure elements' ids, which
count DOM nodes, are numbered from 1), and two things are fixed in an incremental update written by
pypdf: bookmark titles lose the space where a heading wraps ("het primaat ligt bij depraktijk"), so
they get the heading's own text back; and the document gets an author and subject.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from leren.reproducible import release_datetime

PDF_OPTIONS = {
    "format": "A4",
    "prefer_css_page_size": True,
    "print_background": True,
    "tagged": True,
    "outline": True,
}

# Chromium's dates (always this form) and its structure-element ids, which count the page's DOM nodes.
CHROMIUM_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}([+-]\d\d'\d\d'|Z)?\)")
NODE_ID = re.compile(rb"\(node(\d{8})\)")

# Before printing: open every closed block and let links to other pages of the site point nowhere
# (a PDF on its own cannot follow them); links inside the page and to other websites stay.
PREPARE = """
() => {
  document.querySelectorAll("details").forEach((block) => { block.open = true; });
  for (const link of document.querySelectorAll("a[href]")) {
    const target = new URL(link.href, location.href);
    if (target.origin !== location.origin) continue;
    if (target.pathname === location.pathname && target.hash) {
      link.setAttribute("href", target.hash);
    } else {
      link.removeAttribute("href");
    }
  }
  return document.fonts.ready.then(() => true);
}
"""

# The text of every heading that prints, in document order, without the '#' permalinks.
HEADINGS = """
() => Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"))
  .filter((h) => h.getClientRects().length > 0)
  .map((h) => {
    const copy = h.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((a) => a.remove());
    return copy.textContent.replace(/\\s+/g, " ").trim();
  })
"""


@dataclass
class Printed:
    """A PDF that was written, with what the report needs."""

    path: Path
    title: str
    pages: int
    size: int


def print_page(browser, url: str, target: Path, meta: Mapping[str, str] | None = None) -> Printed:
    """Print one page of the served site to `target`."""
    data, headings = _print(browser, url)
    return finish(data, target, headings, meta)


def print_html(browser, base_url: str, document: str, target: Path | None = None,
               meta: Mapping[str, str] | None = None, name: str = "__boek__.html") -> tuple[bytes, list[str]]:
    """Print an HTML document that is not on disk, as if it were the file `name` at the site root.

    Returns the raw PDF and the headings; with `target` the finished PDF is written there too.
    """
    data, headings = _print(browser, base_url + name, document)
    if target is not None:
        finish(data, target, headings, meta)
    return data, headings


def _print(browser, url: str, document: str | None = None) -> tuple[bytes, list[str]]:
    """Open `url` (answered with `document` when given), prepare it for print and print it."""
    page = browser.new_page()
    try:
        if document is not None:
            page.route(url, lambda route, request: route.fulfill(
                status=200, body=document.encode("utf-8"), content_type="text/html; charset=utf-8"))
        page.goto(url, wait_until="load")
        page.evaluate(PREPARE)
        headings = page.evaluate(HEADINGS)
        return page.pdf(**PDF_OPTIONS), headings
    finally:
        page.close()


def normalise(data: bytes) -> bytes:
    """Chromium's PDF without what changes from run to run, every replacement of the same length.

    The dates become SOURCE_DATE_EPOCH (else the last commit; left alone outside a checkout). The
    structure elements' ids (`node00000752`) count the browser's DOM nodes; they are renumbered from 1
    in their own order, so the sorted id tree stays sorted. Equal lengths keep every byte offset, so
    the cross-reference table stays valid.
    """
    moment = release_datetime()
    if moment is not None:
        stamp = f"{moment:%Y%m%d%H%M%S}".encode()
        data = CHROMIUM_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + stamp + (m.group(2) or b"") + b")", data)
    numbers = {old: b"%08d" % new for new, old in enumerate(sorted(set(NODE_ID.findall(data))), 1)}
    return NODE_ID.sub(lambda m: b"(node" + numbers[m.group(1)] + b")", data)


def finish(data: bytes, target: Path, headings: Iterable[str], meta: Mapping[str, str] | None = None) -> Printed:
    """Normalise the PDF, repair the bookmark titles, add metadata and write it to `target`.

    The changes are appended as an incremental update (pypdf): the original bytes, with the tags, /Lang
    and the page content, stay as Chromium wrote them, and a large book takes no time to rewrite.
    """
    reader = PdfReader(io.BytesIO(normalise(data)))
    writer = PdfWriter(reader, incremental=True)
    _repair_outline(writer, headings)
    if meta:
        writer.add_metadata({f"/{key}": value for key, value in meta.items()})
    out = io.BytesIO()
    writer.write(out)
    result = out.getvalue()
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(result)
    final = PdfReader(io.BytesIO(result))
    title = str((final.metadata or {}).get("/Title", ""))
    return Printed(path=target, title=title, pages=len(final.pages), size=len(result))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _repair_outline(writer: PdfWriter, headings: Iterable[str]) -> None:
    """Give every bookmark whose title lost its spaces the heading's own text."""
    by_letters: dict[str, str] = {}
    for text in headings:
        by_letters.setdefault(_squash(text), text)
    outlines = writer.root_object.get("/Outlines")
    if outlines is None:
        return
    stack = [outlines.get_object()]
    while stack:
        node = stack.pop()
        item = node.get("/First")
        while item is not None:
            item = item.get_object()
            old = str(item.get("/Title", ""))
            fixed = by_letters.get(_squash(old))
            if fixed and fixed != old:
                item[NameObject("/Title")] = TextStringObject(fixed)
            stack.append(item)
            item = item.get("/Next")


def page_numbers(data: bytes, names: Iterable[str]) -> dict[str, int]:
    """The page (from 1) of each named destination (an element id that a link points to)."""
    reader = PdfReader(io.BytesIO(data))
    dests = reader.named_destinations
    numbers = {}
    for name in names:
        dest = dests.get(f"/{name}") or dests.get(name)
        if dest is not None:
            numbers[name] = reader.get_destination_page_number(dest) + 1
    return numbers

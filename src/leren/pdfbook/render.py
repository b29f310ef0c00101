"""Print pages of the served site to PDF with Chromium: A4, tagged, with bookmarks, in Dutch.

Chromium takes the PDF's title from `<title>`, its language (/Lang) from `<html lang="nl">` and its
bookmarks from the headings. Two things are fixed afterwards, in an incremental update: bookmark
titles lose the space where a heading wraps ("het primaat ligt bij depraktijk"), so they get the
heading's own text back; and the document gets an author and subject.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, NameObject, NumberObject, TextStringObject

PDF_OPTIONS = {
    "format": "A4",
    "prefer_css_page_size": True,
    "print_background": True,
    "tagged": True,
    "outline": True,
}

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
    page = browser.new_page()
    try:
        page.goto(url, wait_until="load")
        page.evaluate(PREPARE)
        headings = page.evaluate(HEADINGS)
        data = page.pdf(**PDF_OPTIONS)
    finally:
        page.close()
    return finish(data, target, headings, meta)


def print_html(browser, base_url: str, document: str, target: Path | None = None,
               meta: Mapping[str, str] | None = None, name: str = "__boek__.html") -> tuple[bytes, list[str]]:
    """Print an HTML document that is not on disk, as if it were the file `name` at the site root.

    Returns the raw PDF and the headings; with `target` the finished PDF is written there too.
    """
    page = browser.new_page()
    url = base_url + name
    try:
        page.route(url, lambda route, request: route.fulfill(
            status=200, body=document.encode("utf-8"), content_type="text/html; charset=utf-8"))
        page.goto(url, wait_until="load")
        page.evaluate(PREPARE)
        headings = page.evaluate(HEADINGS)
        data = page.pdf(**PDF_OPTIONS)
    finally:
        page.close()
    if target is not None:
        finish(data, target, headings, meta)
    return data, headings


def finish(data: bytes, target: Path, headings: Iterable[str], meta: Mapping[str, str] | None = None) -> Printed:
    """Repair the bookmark titles, add metadata and write the PDF.

    The changes are appended as an incremental update: the original bytes, with the tags, /Lang and the
    page content, stay exactly as Chromium wrote them, and a large book takes no time to rewrite.
    """
    reader = PdfReader(io.BytesIO(data))
    changed = _repair_outline(reader, headings)
    info_ref = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
    if meta and info_ref is not None:
        info = info_ref.get_object()
        for key, value in meta.items():
            info[NameObject(f"/{key}")] = TextStringObject(value)
        changed[info_ref.idnum] = (info_ref.generation, info)
    result = _append_update(data, reader, changed) if changed else data
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(result)
    final = PdfReader(io.BytesIO(result))
    title = str((final.metadata or {}).get("/Title", ""))
    return Printed(path=target, title=title, pages=len(final.pages), size=len(result))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _repair_outline(reader: PdfReader, headings: Iterable[str]) -> dict[int, tuple[int, DictionaryObject]]:
    """Give every bookmark whose title lost its spaces the heading's own text; return the changed items."""
    by_letters: dict[str, str] = {}
    for text in headings:
        by_letters.setdefault(_squash(text), text)
    changed: dict[int, tuple[int, DictionaryObject]] = {}
    outlines = reader.trailer["/Root"].get("/Outlines")
    if outlines is None:
        return changed
    stack = [outlines.get_object()]
    while stack:
        node = stack.pop()
        ref = node.raw_get("/First") if "/First" in node else None
        while ref is not None:
            item = ref.get_object()
            old = str(item.get("/Title", ""))
            fixed = by_letters.get(_squash(old))
            if fixed and fixed != old:
                item[NameObject("/Title")] = TextStringObject(fixed)
                changed[ref.idnum] = (ref.generation, item)
            stack.append(item)
            ref = item.raw_get("/Next") if "/Next" in item else None
    return changed


def _append_update(data: bytes, reader: PdfReader, changed: dict[int, tuple[int, DictionaryObject]]) -> bytes:
    """`data` with the changed objects, a cross-reference section and a trailer appended (PDF 1.7, 7.5.6)."""
    previous = int(data[data.rindex(b"startxref") + len(b"startxref"):].split()[0])
    out = io.BytesIO()
    out.write(data if data.endswith(b"\n") else data + b"\n")
    offsets = {}
    for number in sorted(changed):
        generation, obj = changed[number]
        offsets[number] = (out.tell(), generation)
        out.write(f"{number} {generation} obj\n".encode())
        obj.write_to_stream(out)
        out.write(b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 1\n0000000000 65535 f \n")
    for number, (offset, generation) in offsets.items():
        out.write(f"{number} 1\n{offset:010d} {generation:05d} n \n".encode())
    trailer = DictionaryObject()
    for key in ("/Size", "/Root", "/Info", "/ID"):
        if key in reader.trailer:
            trailer[NameObject(key)] = reader.trailer.raw_get(key)
    trailer[NameObject("/Prev")] = NumberObject(previous)
    out.write(b"trailer\n")
    trailer.write_to_stream(out)
    out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


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

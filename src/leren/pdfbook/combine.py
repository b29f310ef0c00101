"""One HTML document for the whole book, put together from the built pages' main content.

Chromium prints it to one PDF: a title page, a table of contents with page numbers, then every page of the
site's navigation in order (leren.pdfbook.toc). Each page's headings move down by its depth in the toc (a
part is H1, a chapter H2, a section H3, and a page's own sections follow), so the PDF's bookmarks and tags follow the book's
structure. Every id gets the page's slug as prefix (`book-principes-ervaringsleren--uitleg`), so anchors
are unique and independent of the page they came from; links between pages of the book become links
inside the PDF, links to anything else lose their target and keep their text.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from leren.paths import url
from leren.pdfbook import site as built
from leren.pdfbook.toc import Entry

HEADING = re.compile(r"^h[1-6]$")
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers")
REMOVE = (".headerlink", ".toctree-wrapper", ".leren-pdf-download", "script", "noscript", "form.leren-zoeker")
KEEP_SCHEMES = ("http", "https", "mailto", "tel")
PLACEHOLDER = "000"

BOOK_STYLE = """
@page {
  @bottom-left {
    content: "%(title)s";
    font: 8.5pt "Liberation Sans", Arial, "DejaVu Sans", sans-serif;
    color: #555;
  }
}
@page :first {
  @bottom-left { content: none; }
  @bottom-right { content: none; }
}
.leren-boek-titelpagina { break-after: page; padding-top: 32%%; }
.leren-boek-titelpagina p { font-family: "Liberation Sans", Arial, "DejaVu Sans", sans-serif; }
.leren-boek-titel { font-size: 30pt; font-weight: 700; line-height: 1.15; margin: 0 0 14pt; }
.leren-boek-ondertitel { font-size: 13pt; line-height: 1.4; max-width: 14cm; margin: 0 0 10pt; }
.leren-boek-editie { font-size: 12pt; font-weight: 700; margin: 0; }
.leren-boek-colofon { margin-top: 5cm !important; font-size: 9.5pt; color: #333; }
.leren-boek-inhoud { break-after: page; }
.leren-boek-inhoud ul { list-style: none; padding: 0; margin: 0; }
.leren-boek-inhoud li { margin: 0; padding: 0; break-inside: avoid; line-height: 1.35; font-size: 10pt; }
.leren-boek-inhoud li.leren-inhoud-deel { font-weight: 700; margin-top: 7pt; break-after: avoid; }
.leren-boek-inhoud li.leren-inhoud-niveau-2 { padding-left: 14pt; }
.leren-boek-inhoud li.leren-inhoud-niveau-3 { padding-left: 28pt; }
.leren-boek-inhoud a { display: flex; align-items: baseline; color: #000 !important; }
.leren-inhoud-tekst { flex: 0 1 auto; }
.leren-inhoud-puntjes { flex: 1 1 1em; border-bottom: 0.8pt dotted #777; margin: 0 3pt; min-width: 1em; }
.leren-inhoud-nummer { flex: none; min-width: 2.2em; text-align: right; font-variant-numeric: tabular-nums; }
.leren-boek-deel { break-before: page; padding-top: 30%%; }
.leren-boek-deel > h1 { font-size: 26pt !important; margin-top: 0 !important; }
.leren-boek-deelnummer { font: 700 12pt "Liberation Sans", Arial, "DejaVu Sans", sans-serif; color: #1f4e79;
  text-transform: uppercase; letter-spacing: 0.08em; margin: 0 0 4pt !important; }
.leren-boek-pagina { break-before: page; }
.bd-article .leren-boek-paginatitel { font-size: 19pt; line-height: 1.2; margin: 0 0 10pt; }
.bd-article .leren-kop-2 { font-size: 14pt; }
.bd-article .leren-kop-3 { font-size: 12pt; }
.bd-article .leren-kop-4, .bd-article .leren-kop-5, .bd-article .leren-kop-6 { font-size: 11pt; }
"""


@dataclass(frozen=True)
class BookInfo:
    """What the title page says."""

    title: str
    subtitle: str = ""
    author: str = ""
    rights: str = ""
    edition: str = ""
    date: str = ""


def slug(docname: str) -> str:
    """A page's anchor in the whole book: its docname with '-' for '/'."""
    return docname.replace("/", "-")


def part_anchor(number: int) -> str:
    return f"deel-{number}"


def anchors(entries: list[Entry]) -> list[str]:
    """The anchor of each entry, in order (parts are numbered from 1)."""
    out, part = [], 0
    for entry in entries:
        if entry.is_part:
            part += 1
            out.append(part_anchor(part))
        else:
            out.append(slug(entry.docname))
    return out


class Book:
    """The whole book, prepared once; `html(numbers)` gives the document for one print run."""

    def __init__(self, site, entries: list[Entry], info: BookInfo):
        self.site, self.entries, self.info = site, entries, info
        first_page = next(e.docname for e in entries if not e.is_part)
        docnames = {e.docname for e in entries if not e.is_part}
        self.head = _head(site, first_page, info)
        self.title_page = _title_page(info)
        self.titles = [e.caption if e.is_part else built.title(site, e.docname) for e in entries]
        self.body = []
        part = 0
        for entry, anchor in zip(entries, anchors(entries)):
            if entry.is_part:
                part += 1
                self.body.append(
                    f'<section class="leren-boek-deel" id="{anchor}"><p class="leren-boek-deelnummer">Deel {part}</p>'
                    f"<h1>{html.escape(entry.caption)}</h1></section>"
                )
            else:
                self.body.append(_page(site, entry, docnames))

    def html(self, numbers: Mapping[str, int] | None = None) -> str:
        """The document, to be loaded from the site root.

        `numbers` maps each entry's anchor to its page number; without it the table of contents shows a
        placeholder of the same width (the first of two print runs).
        """
        contents = _contents(self.entries, self.titles, numbers or {})
        return (
            '<!DOCTYPE html>\n<html lang="nl" data-theme="light" data-mode="light">\n'
            f"{self.head}\n<body>\n"
            '<main class="bd-main" id="main-content"><div class="bd-content"><div class="bd-article-container">'
            '<article class="bd-article">\n'
            + "\n".join([self.title_page, contents, *self.body])
            + "\n</article></div></div></main>\n</body>\n</html>\n"
        )


def combine(site, entries: list[Entry], info: BookInfo, numbers: Mapping[str, int] | None = None) -> str:
    """The whole book as one HTML document (see `Book`)."""
    return Book(site, entries, info).html(numbers)


def _head(site, docname: str, info: BookInfo) -> str:
    links = []
    for href, media in built.stylesheets(site, docname):
        media_attr = f' media="{html.escape(media)}"' if media else ""
        links.append(f'<link rel="stylesheet" href="{html.escape(href)}"{media_attr}>')
    style = BOOK_STYLE % {"title": info.title.replace('"', "'")}
    return (
        "<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(info.title)}</title>\n"
        + (f'<meta name="author" content="{html.escape(info.author)}">\n' if info.author else "")
        + "\n".join(links)
        + f"\n<style>{style}</style>\n</head>"
    )


def _title_page(info: BookInfo) -> str:
    lines = [f'<p class="leren-boek-titel">{html.escape(info.title)}</p>']
    if info.subtitle:
        lines.append(f'<p class="leren-boek-ondertitel">{html.escape(info.subtitle)}</p>')
    if info.edition:
        lines.append(f'<p class="leren-boek-editie">{html.escape(info.edition)}</p>')
    colofon = [part for part in (info.author, info.rights, info.date) if part]
    if colofon:
        lines.append('<p class="leren-boek-colofon">' + "<br>".join(html.escape(p) for p in colofon) + "</p>")
    return '<section class="leren-boek-titelpagina" aria-label="Titelpagina">' + "".join(lines) + "</section>"


def _contents(entries: list[Entry], titles: list[str], numbers: Mapping[str, int]) -> str:
    items = []
    for entry, anchor, text in zip(entries, anchors(entries), titles):
        css = "leren-inhoud-deel" if entry.is_part else f"leren-inhoud-niveau-{min(entry.depth, 3)}"
        number = str(numbers.get(anchor, PLACEHOLDER))
        items.append(
            f'<li class="{css}"><a href="#{anchor}"><span class="leren-inhoud-tekst">{html.escape(text)}</span>'
            f'<span class="leren-inhoud-puntjes" aria-hidden="true"></span>'
            f'<span class="leren-inhoud-nummer">{number}</span></a></li>'
        )
    return (
        '<nav class="leren-boek-inhoud" aria-labelledby="inhoud"><h1 id="inhoud">Inhoud</h1><ul>'
        + "".join(items)
        + "</ul></nav>"
    )


def _page(site, entry: Entry, docnames: set[str]) -> str:
    content = built.article_of(site, entry.docname)
    prefix = slug(entry.docname)
    base = posixpath.dirname(url(entry.docname))
    for selector in REMOVE:
        for node in content.select(selector):
            node.decompose()
    _prefix_ids(content, prefix)
    _rewrite_links(content, prefix, base, docnames)
    _rewrite_sources(content, base)
    _shift_headings(content, entry.depth)
    for block in content.find_all("details"):
        block["open"] = ""
    section = BeautifulSoup("", built.PARSER).new_tag("section")
    section["class"] = ["leren-boek-pagina"]
    section["id"] = prefix
    section["data-pagina"] = entry.docname
    for child in list(content.children):
        section.append(child.extract())
    return str(section)


def _prefix_ids(content: Tag, prefix: str) -> None:
    for node in content.find_all(True):
        if node.has_attr("id"):
            node["id"] = f"{prefix}--{node['id']}"
        for attr in ID_REFERENCES:
            if node.has_attr(attr):
                value = node[attr]
                ids = value if isinstance(value, list) else str(value).split()
                node[attr] = " ".join(f"{prefix}--{ref}" for ref in ids)
        if node.name == "input" and node.has_attr("name"):
            node["name"] = f"{prefix}--{node['name']}"


def _rewrite_links(content: Tag, prefix: str, base: str, docnames: set[str]) -> None:
    for link in content.find_all("a", href=True):
        parts = urlsplit(link["href"])
        if parts.scheme in KEEP_SCHEMES:
            continue
        if not parts.scheme and not parts.path and parts.fragment:
            link["href"] = f"#{prefix}--{parts.fragment}"
            continue
        target = built.resolve(base, parts.path) if not parts.scheme else ""
        if target.endswith(".html") and target[: -len(".html")] in docnames:
            anchor = slug(target[: -len(".html")])
            link["href"] = f"#{anchor}--{parts.fragment}" if parts.fragment else f"#{anchor}"
        else:
            link.unwrap()


def _rewrite_sources(content: Tag, base: str) -> None:
    for node, attr in ((n, a) for a in ("src", "data", "poster") for n in content.find_all(attrs={a: True})):
        value = node[attr]
        if not urlsplit(value).scheme and not value.startswith(("#", "/")):
            node[attr] = built.resolve(base, value)
    for node in content.find_all(srcset=True):
        node["srcset"] = ", ".join(
            " ".join([built.resolve(base, item.split()[0]), *item.split()[1:]])
            for item in node["srcset"].split(",")
            if item.strip()
        )


def _shift_headings(content: Tag, depth: int) -> None:
    first = True
    for heading in content.find_all(HEADING):
        level = int(heading.name[1])
        heading.name = f"h{min(6, level + depth)}"
        classes = list(heading.get("class") or [])
        classes.append(f"leren-kop-{level}")
        if first and level == 1:
            classes.append("leren-boek-paginatitel")
            first = False
        heading["class"] = classes

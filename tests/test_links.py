"""Every internal link of the built site resolves: the file exists and so does the anchor (`#id`)."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# Attributes that point at another file or anchor, per tag.
LINK_ATTRS = {"a": "href", "link": "href", "area": "href", "img": "src", "script": "src", "source": "src",
              "iframe": "src", "embed": "src", "object": "data", "video": "src", "audio": "src"}
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "data", "javascript"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        target = values.get(LINK_ATTRS.get(tag, ""))
        if target:
            self.links.append(target)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            content = values.get("content") or ""
            if "url=" in content.lower():
                self.links.append(content[content.lower().index("url=") + 4 :].strip())


@cache
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def broken_links(root: Path) -> list[str]:
    problems = []
    for path in sorted(root.rglob("*.html")):
        rel = PurePosixPath(path.relative_to(root).as_posix())
        for link in parse(path).links:
            parts = urlsplit(link)
            if parts.scheme in EXTERNAL_SCHEMES or parts.netloc:
                continue
            if parts.scheme:
                problems.append(f"{rel}: onbekend soort link {link}")
                continue
            if parts.path:
                target = PurePosixPath(*(rel.parent / unquote(parts.path)).parts)
                resolved = (root / target).resolve()
                if parts.path.endswith("/"):
                    resolved = resolved / "index.html"
                if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
                    problems.append(f"{rel}: {link} (bestand bestaat niet)")
                    continue
            else:
                resolved = path.resolve()
            anchor = unquote(parts.fragment)
            if anchor and resolved.suffix == ".html" and anchor not in parse(resolved).ids:
                problems.append(f"{rel}: {link} (anker #{anchor} bestaat niet)")
    return problems


def test_every_internal_link_and_anchor_resolves(book):
    pages = list(book.html.rglob("*.html"))
    assert len(pages) >= 50
    assert broken_links(book.html) == []


def test_link_check_catches_broken_links(tmp_path):
    (tmp_path / "a.html").write_text('<p id="hier">x</p><a href="b.html#daar">b</a><a href="#hier">a</a>'
                                     '<a href="c.html">c</a><img src="plaatje.png"><a href="#weg">w</a>'
                                     '<a href="https://example.org/x">extern</a>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<h1 id="elders">b</h1>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "a.html: b.html#daar (anker #daar bestaat niet)",
        "a.html: c.html (bestand bestaat niet)",
        "a.html: plaatje.png (bestand bestaat niet)",
        "a.html: #weg (anker #weg bestaat niet)",
    ]

"""What every data directive shares: the catalog, lookups with Dutch errors, and node builders."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from leren.catalog import Catalog, load
from leren.errors import DataError


class DataDirective(SphinxDirective):
    """A directive that renders entities of the catalog. Its argument, if any, is an id."""

    has_content = False
    optional_arguments = 0
    required_arguments = 0

    @property
    def catalog(self) -> Catalog:
        try:
            catalog = load(self.config.leren_data_dir or None)
        except DataError as exc:
            raise self.error(str(exc)) from exc
        for path in catalog.files:
            self.env.note_dependency(str(path))
        return catalog

    def lookup(self, pool: dict, key: str, kind: str):
        if key in pool:
            return pool[key]
        close = difflib.get_close_matches(key, list(pool), n=3)
        hint = f" Bedoelde je {' of '.join(repr(c) for c in close)}?" if close else ""
        raise self.error(f"{self.name}: onbekend {kind} '{key}'.{hint}")

    def require(self, items: Iterable, what: str) -> None:
        if not items:
            raise self.error(f"{self.name}: {what} ontbreekt in de data; vul dit eerst aan.")

    def doc_link(self, target: str, text: str | None = None) -> nodes.Node:
        """A checked link to a document: the strict build fails if the target does not exist.

        Without `text` the link shows the target page's title.
        """
        ref = addnodes.pending_xref(
            "",
            refdomain="std",
            reftype="doc",
            reftarget=target,
            refexplicit=text is not None,
            refwarn=True,
            refdoc=self.env.docname,
        )
        ref += nodes.inline(text or target, text or target)
        return ref



def para(*children: nodes.Node | str) -> nodes.paragraph:
    node = nodes.paragraph()
    for child in children:
        node += nodes.Text(child) if isinstance(child, str) else child
    return node


def bullets(items: Iterable[nodes.Node | str], ordered: bool = False) -> nodes.Element:
    lst = nodes.enumerated_list(enumtype="arabic") if ordered else nodes.bullet_list()
    for item in items:
        li = nodes.list_item()
        li += item if isinstance(item, nodes.Element) and not isinstance(item, nodes.Inline) else para(item)
        lst += li
    return lst


def facts(pairs, classes: list[str] | None = None) -> nodes.field_list:
    """A field list of (name, value) pairs; a value is text or a list of nodes and texts."""
    out = nodes.field_list(classes=classes or [])
    for name, value in pairs:
        field = nodes.field()
        field += nodes.field_name(name, name)
        body = nodes.field_body()
        body += para(*value) if isinstance(value, list) else para(value)
        field += body
        out += field
    return out


def page_script(flag: str, filename: str):
    """An `html-page-context` handler that adds `filename` only to pages whose directive set `flag`
    in the page metadata (`self.env.metadata[docname][flag] = True`)."""

    def add(app, pagename: str, templatename: str, context: dict, doctree) -> None:
        if app.env.metadata.get(pagename, {}).get(flag):
            app.add_js_file(filename, loading_method="defer")

    return add


def rubric(text: str) -> nodes.rubric:
    return nodes.rubric(text, text)


def table(headers: list[str], rows: list[list[nodes.Node | str]], classes: list[str], caption: str = "",
          row_headers: bool = False) -> nodes.table:
    """A table with a header row; with `row_headers` the first column is a header column too."""
    tbl = nodes.table(classes=classes)
    if caption:
        tbl += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(headers))
    tbl += group
    for _ in headers:
        group += nodes.colspec(colwidth=1, stub=0)
    if row_headers:
        group.children[0]["stub"] = 1
    head = nodes.thead()
    group += head
    head += _row(headers)
    body = nodes.tbody()
    group += body
    for row in rows:
        body += _row(row)
    return tbl


def _row(cells: list[nodes.Node | str]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += cell if isinstance(cell, nodes.Element) and not isinstance(cell, nodes.Inline) else para(cell)
        row += entry
    return row

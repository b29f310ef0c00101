"""`werkblad ID`: a preview of a worksheet on the page, with links to its PDF and DOCX.

The directive only records which worksheets a page uses. After reading (`env-updated`, in the main
process, so parallel builds are safe) the used worksheets are rendered into `<outdir>/werkbladen/`;
a manifest in the doctree folder skips files whose input did not change. The download links get
their relative address per page when the page is written, so they work from any depth.
"""

from __future__ import annotations

import hashlib
import json
from importlib.metadata import version
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from leren import worksheets
from leren.catalog import load
from leren.formats import FORMATS
from leren.reproducible import source_date_epoch
from leren.sphinx.base import DataDirective, bullets, facts, para
from leren.sphinx.fillable import fillable_data
from leren.worksheets import build
from leren.worksheets.batch import target, write_all
from leren.worksheets.document import Field
from leren.worksheets.pdf import template_source

FOLDER = "werkbladen"
DOWNLOADS = ("pdf", "docx")
MANIFEST = "leren-werkbladen.json"
PREVIEW_LINES = 3
PREVIEW_ROWS = 2
logger = logging.getLogger(__name__)


class download_link(nodes.Inline, nodes.Element):  # noqa: N801 (docutils node naming)
    """A link to a generated worksheet file; resolved per page in `_resolve_links`."""


class WorksheetPreview(DataDirective):
    """`werkblad ID`: title, purpose, instruction, time, the fields, and download links."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        sheet = self.lookup(self.catalog.worksheets, self.arguments[0], "werkblad")
        return [preview(self, sheet.id)]


def preview(directive: DataDirective, sheet_id: str) -> nodes.container:
    """The preview box of a worksheet; any data directive can embed it (e.g. on a werkvorm page)."""
    catalog = directive.catalog
    sheet = catalog.worksheets[sheet_id]
    _used(directive.env).setdefault(directive.env.docname, set()).add(sheet.id)
    doc = build(sheet, catalog)
    box = nodes.container(classes=["leren-werkblad"])
    box += nodes.paragraph(doc.context, doc.context, classes=["leren-werkblad-context"])
    title = nodes.paragraph(classes=["leren-werkblad-titel"])
    title += nodes.strong(doc.title, doc.title)
    box += title
    box += facts((("Doel", doc.purpose), ("Zo werk je", doc.instruction),
                  ("Tijd", doc.time)), ["leren-werkblad-feiten"])
    box += _downloads(sheet.id)
    fields = nodes.enumerated_list(enumtype="arabic", classes=["leren-werkblad-velden"])
    for field in doc.fields:
        item = nodes.list_item()
        label = nodes.paragraph(classes=["leren-werkblad-vraag"])
        label += nodes.strong(field.label, field.label)
        item += label
        item += PREVIEWS[field.kind](field)
        fields += item
    box += fields
    box += fillable_data(directive.env, doc)  # "Invullen en afdrukken" (leren.sphinx.fillable)
    return box


def _downloads(sheet_id: str) -> nodes.paragraph:
    line = nodes.paragraph(classes=["leren-werkblad-downloads"])
    line += nodes.Text("Downloaden: ")
    for index, fmt in enumerate(DOWNLOADS):
        if index:
            line += nodes.Text(" · ")
        label = FORMATS[fmt].label
        link = download_link(filename=f"{sheet_id}{FORMATS[fmt].suffix}")
        link += nodes.Text(label)
        line += link
    return line


def _preview_lines(field: Field) -> nodes.Node:
    box = nodes.container(classes=["leren-werkblad-regels"])
    for _ in range(min(field.lines, PREVIEW_LINES)):
        box += nodes.container(classes=["leren-werkblad-regel"])
    return box


def _preview_box(field: Field) -> nodes.Node:
    size = "klein" if field.height_cm < 4 else "middel" if field.height_cm < 8 else "groot"
    return nodes.container(classes=["leren-werkblad-vak", f"leren-werkblad-vak-{size}"])


def _preview_scale(field: Field) -> nodes.Node:
    box = nodes.container(classes=["leren-werkblad-schaal"])
    numbers = nodes.bullet_list(classes=["leren-werkblad-schaalvakken"])
    for number in range(1, 11):
        item = nodes.list_item()
        item += para(str(number))
        numbers += item
    box += numbers
    box += nodes.paragraph("", f"1 = {field.low} · 10 = {field.high}", classes=["leren-werkblad-schaaluitleg"])
    return box


def _preview_table(field: Field) -> nodes.Node:
    table = nodes.table(classes=["leren-werkblad-tabel"])
    group = nodes.tgroup(cols=len(field.columns))
    table += group
    for _ in field.columns:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    group += head
    head += _row(list(field.columns))
    body = nodes.tbody()
    group += body
    for _ in range(min(field.rows, PREVIEW_ROWS)):
        body += _row([""] * len(field.columns))
    return table


def _row(texts: list[str]) -> nodes.row:
    row = nodes.row()
    for text in texts:
        entry = nodes.entry()
        if text:
            entry += para(text)
        row += entry
    return row


def _preview_checklist(field: Field) -> nodes.Node:
    items = bullets(list(field.items))
    items["classes"].append("leren-werkblad-checklist")
    return items


PREVIEWS = {
    "regels": _preview_lines,
    "vak": _preview_box,
    "schaal": _preview_scale,
    "tabel": _preview_table,
    "checklist": _preview_checklist,
}


# -- bookkeeping per page (parallel-safe) ---------------------------------------------------------

def _used(env: BuildEnvironment) -> dict[str, set[str]]:
    if not hasattr(env, "leren_worksheets"):
        env.leren_worksheets = {}
    return env.leren_worksheets


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _used(env).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    theirs = _used(other)
    mine = _used(env)
    for docname in docnames:
        if docname in theirs:
            mine[docname] = theirs[docname]


# -- rendering the files --------------------------------------------------------------------------

def _render_files(app: Sphinx, env: BuildEnvironment) -> list[str]:
    if app.builder.format != "html":
        return []
    wanted = sorted(set().union(*_used(env).values())) if _used(env) else []
    if not wanted:
        return []
    catalog = load(app.config.leren_data_dir or None)
    folder = Path(app.outdir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = Path(app.doctreedir) / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    engine = _engine_fingerprint()
    keys = {sheet_id: _key(engine, build(catalog.worksheets[sheet_id], catalog)) for sheet_id in wanted}
    stale = [
        sheet_id for sheet_id in wanted
        if manifest.get(sheet_id) != keys[sheet_id]
        or not all(target(folder, sheet_id, fmt).exists() for fmt in DOWNLOADS)
    ]
    write_all(catalog, stale, DOWNLOADS, folder, overwrite=True)
    manifest.update((sheet_id, keys[sheet_id]) for sheet_id in stale)
    rendered = len(stale)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    if rendered:
        logger.info(f"werkbladen: {rendered} van {len(wanted)} opnieuw gemaakt in {folder}")
    return []


def _engine_fingerprint() -> str:
    """Everything besides the data that shapes the files: the renderers, the template, the
    versions of Typst and python-docx, and SOURCE_DATE_EPOCH."""
    digest = hashlib.sha256(template_source())
    for source in sorted(Path(worksheets.__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + source.read_bytes())
    for package in ("typst", "python-docx"):
        digest.update(version(package).encode())
    digest.update(repr(source_date_epoch()).encode())
    return digest.hexdigest()


def _key(engine: str, doc) -> str:
    """What the files of a worksheet depend on: the engine (template, dates) and the document."""
    return hashlib.sha256(f"{engine}\n{doc!r}".encode()).hexdigest()


def _resolve_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    html = app.builder.format == "html"
    for node in list(doctree.findall(download_link)):
        if html:
            target = relative_uri(app.builder.get_target_uri(docname), f"{FOLDER}/{node['filename']}")
            ref = nodes.reference("", "", refuri=target, classes=["leren-werkblad-download"])
            ref += node.children
            node.replace_self(ref)
        else:
            node.replace_self(nodes.Text(node.astext()))


def setup(app: Sphinx) -> None:
    app.add_node(download_link)
    app.add_directive("werkblad", WorksheetPreview)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-updated", _render_files)
    app.connect("doctree-resolved", _resolve_links)

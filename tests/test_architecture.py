"""The import graph of `src/leren`: one core, shared renderer bases, thin adapters, and one command line.

Layers (a unit is a top-level module or sub-package of `leren`; `oefeningen_widgets` belongs to the
notebook API `oefeningen`):

- core: the data and the rules every output shares (model, schema, catalog, Dutch text, formats, page
  paths, exercise checking, the planner, reproducible dates). Imports only the core.
- bases: shared renderers that several adapters build on: the Word base (`docxbase`), the Typst base
  (`typstbase`), the worksheet engine (`worksheets`, which also renders the worksheets that the site,
  the agenda bundle, the notebooks and the offline bundle offer) and the agenda and draaiboek (`agenda`,
  which the command line, the notebooks and the module pages of the site render). Import the core and
  other bases.
- adapters: the Sphinx extension, the book PDF, the offline bundle and the notebook API.
  Import the core, the bases and their own unit, never another adapter.
- the command line (`cli`) sits on top and may use every unit's public names.

Across units only public names are used (nothing starting with `_`), and no two units import each
other, directly or through others. Lazy imports inside functions count as imports.
"""

from __future__ import annotations

import ast
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src" / "leren"
CORE = {"__init__", "errors", "model", "schema", "catalog", "text", "formats", "paths", "exercises", "planner",
        "reproducible", "finder", "derived", "modules"}
BASES = {"docxbase", "typstbase", "worksheets", "agenda", "wheel"}
ADAPTERS = {"sphinx", "pdfbook", "offline", "oefeningen"}
TOP = {"cli"}
ALIASES = {"oefeningen_widgets": "oefeningen"}


@dataclass(frozen=True)
class Edge:
    source: str  # the importing module (dotted)
    target: str  # the imported module (dotted)
    name: str  # the imported name ('' for a whole module)
    line: int


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(["leren", *parts])


def unit(module: str) -> str:
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else "__init__"
    return ALIASES.get(name, name)


def layer(name: str) -> str:
    for label, members in (("core", CORE), ("base", BASES), ("adapter", ADAPTERS), ("top", TOP)):
        if name in members:
            return label
    return "unknown"


def edges(root: Path) -> list[Edge]:
    """Every import of a `leren` module inside `root`, with the names taken from it."""
    modules = {module_name(root, p) for p in root.rglob("*.py")}
    found = []
    for path in sorted(root.rglob("*.py")):
        source = module_name(root, path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        aliases: dict[str, str] = {}  # local name -> leren module, for attribute access below
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("leren"):
                        found.append(Edge(source, alias.name, "", node.lineno))
                        if alias.asname:
                            aliases[alias.asname] = alias.name
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                    and node.module.split(".")[0] == "leren":
                for alias in node.names:
                    as_module = f"{node.module}.{alias.name}"
                    if as_module in modules:
                        found.append(Edge(source, as_module, "", node.lineno))
                        aliases[alias.asname or alias.name] = as_module
                    else:
                        found.append(Edge(source, node.module, alias.name, node.lineno))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
                found.append(Edge(source, aliases[node.value.id], node.attr, node.lineno))
    return found


def problems(root: Path) -> list[str]:
    out = []
    graph: dict[str, set[str]] = {}
    for edge in edges(root):
        here, there = unit(edge.source), unit(edge.target)
        where = f"{edge.source} (regel {edge.line}) -> {edge.target}{'.' + edge.name if edge.name else ''}"
        for name in (here, there):
            if layer(name) == "unknown":
                out.append(f"{where}: unit '{name}' has no layer; add it to CORE, BASES, ADAPTERS or TOP")
        if here == there or there == "__init__":
            continue
        graph.setdefault(here, set()).add(there)
        if edge.name.startswith("_") and not edge.name.startswith("__"):
            out.append(f"{where}: private name used across units")
        allowed = {
            "core": CORE,
            "base": CORE | BASES,
            "adapter": CORE | BASES | {here},
            "top": CORE | BASES | ADAPTERS | TOP,
        }.get(layer(here), set())
        if there not in allowed:
            out.append(f"{where}: {layer(here)} unit '{here}' may not import {layer(there)} unit '{there}'")
    out.extend(f"import cycle: {' -> '.join(cycle)}" for cycle in cycles(graph))
    return out


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(trail[trail.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return found


def test_every_unit_has_a_layer():
    units = {unit(module_name(SOURCE, p)) for p in SOURCE.rglob("*.py")}
    assert not [u for u in units if layer(u) == "unknown"]
    assert CORE | BASES | ADAPTERS | TOP >= units


def test_the_import_graph_keeps_the_layers():
    assert problems(SOURCE) == []


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "leren"
    shutil.copytree(SOURCE, root, ignore=shutil.ignore_patterns("data", "templates", "static", "__pycache__"))
    assert problems(root) == []
    return root


def plant(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")


@pytest.mark.parametrize("where,line,expected", [
    ("text.py", "from leren.worksheets import build", "core unit 'text' may not import base unit 'worksheets'"),
    ("catalog.py", "def f():\n    from leren.sphinx import base", "core unit 'catalog' may not import adapter unit 'sphinx'"),
    ("agenda/html.py", "from leren.sphinx.base import para", "base unit 'agenda' may not import adapter unit 'sphinx'"),
    ("agenda/html.py", "from leren.worksheets.docx import _heights", "private name used across units"),
    ("agenda/html.py", "from leren import docxbase\nx = docxbase._trim_styles", "private name used across units"),
    ("worksheets/html.py", "from leren.agenda import render", "import cycle"),
    ("worksheets/html.py", "from leren.oefeningen import laad", "base unit 'worksheets' may not import adapter unit"),
    ("docxbase.py", "from leren.worksheets import build", "import cycle"),
])
def test_a_planted_violation_is_found(tree, where, line, expected):
    plant(tree / where, line)
    found = problems(tree)
    assert any(expected in problem for problem in found), found

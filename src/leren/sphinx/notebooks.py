"""Notebook downloads: every exercise page is also offered as a Jupyter notebook (.ipynb).

After an HTML build each page under `exercises/` is converted with MyST-NB's reader into
`<outdir>/notebooks/<name>.ipynb`, without outputs, so students run it themselves. Cells that only make
sense on the site (the self-check and the download box) are left out, and MyST roles become plain text.
`{notebook-download}` on an exercise page renders the link and explains in Dutch how to open the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from docutils import nodes
from myst_nb.core.read import read_myst_markdown_notebook
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from leren import paths
from leren.sphinx.base import DataDirective, bullets, para

FOLDER = "notebooks"
SITE_ONLY = re.compile(r"^(`{3,}|:{3,})\{(zelftoets|notebook-download)\}", re.M)
ROLE = re.compile(r"\{([a-z]+(?::[a-z]+)?)\}`([^`]+)`")
EXPLICIT = re.compile(r"^(.*?)\s*<([^<>]+)>$", re.S)
ATTRIBUTE = "leren_notebook"
INTRO = (
    "*Dit notebook hoort bij de kennisbank Transformeren kun je leren. Voer de cellen van boven naar "
    "beneden uit met Shift+Enter. Je hebt daarvoor het Python-pakket `leren` nodig; in de gids voor "
    "studenten op de site staat hoe je het installeert.*"
)


def notebook_name(docname: str) -> str:
    return f"{docname.rsplit('/', 1)[-1]}.ipynb"


def plain_roles(text: str, titles: dict[str, str]) -> str:
    """MyST roles as the text a reader sees: `{doc}` gives the page title, `{term}` the word."""

    def replace(match: re.Match) -> str:
        role, content = match.groups()
        explicit = EXPLICIT.match(content)
        if explicit:
            return explicit.group(1)
        if role == "doc":
            return titles.get(content.lstrip("/"), content)
        return content

    return ROLE.sub(replace, text)


def convert(text: str, path: str | Path, titles: dict[str, str] | None = None) -> nbformat.NotebookNode:
    """A MyST text notebook as a clean .ipynb for students: no outputs, no site-only cells."""
    nb = read_myst_markdown_notebook(text, path=str(path))
    nb.metadata.pop("jupytext", None)  # the .ipynb is not paired with a text file
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            if SITE_ONLY.search(cell.source):
                continue
            cell.source = plain_roles(cell.source, titles or {})
        elif cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    nb.cells = cells[:1] + [nbformat.v4.new_markdown_cell(INTRO)] + cells[1:]
    for number, cell in enumerate(nb.cells, 1):
        cell.id = f"cel-{number}"  # nbformat draws random ids; fixed ones keep builds reproducible
    nbformat.validate(nb)
    return nb


class NotebookDownload(DataDirective):
    """`notebook-download`: the link to this exercise page as a notebook, with Dutch instructions."""

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        if not paths.is_exercise(docname):
            raise self.error(f"{self.name}: deze directive hoort op een oefenpagina in de map exercises/.")
        name = notebook_name(docname)
        link = nodes.reference("", "", refuri=f"{FOLDER}/{name}", **{ATTRIBUTE: name})
        link += nodes.Text("Download dit notebook")
        box = nodes.container(classes=["leren-notebook"])
        box += para(link, " (", nodes.literal(name, name), ") en werk de oefening uit op je eigen computer.")
        box += para("Een notebook open je in een programma dat Python-code uitvoert. Daarvoor heb je het pakket ",
                    nodes.literal("leren", "leren"), " nodig; hoe je dat installeert, staat in de ",
                    self.doc_link(paths.target(paths.guide("studenten")), "gids voor studenten"), ".")
        box += bullets([
            para(nodes.strong("Jupyter", "Jupyter"), ": open JupyterLab of Jupyter Notebook, kies het bestand en "
                 "voer de cellen van boven naar beneden uit met Shift+Enter."),
            para(nodes.strong("VS Code", "VS Code"), ": open het bestand. Installeer de uitbreidingen Python en "
                 "Jupyter als VS Code daarom vraagt, en kies als kernel de Python waarin je leren hebt geïnstalleerd."),
            para(nodes.strong("Online", "Online"), ": heeft je school een JupyterHub of een andere online "
                 "notebookdienst? Upload het bestand daar. Vraag je docent of het pakket leren al klaarstaat."),
        ])
        return [box]


def _link(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point each download link at the notebook, relative to the page that is being written."""
    for ref in list(doctree.findall(nodes.reference)):
        if ATTRIBUTE not in ref:
            continue
        if app.builder.format == "html":
            target = f"{FOLDER}/{ref[ATTRIBUTE]}"
            ref["refuri"] = relative_uri(app.builder.get_target_uri(docname), target)
        else:
            ref.replace_self(nodes.Text(ref.astext()))


def _write(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    env = app.env
    titles = {doc: title.astext() for doc, title in env.titles.items()}
    out = Path(app.outdir) / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    for docname in sorted(env.found_docs):
        source = Path(env.doc2path(docname))
        if paths.is_exercise(docname) and source.suffix == ".md":
            nb = convert(source.read_text(encoding="utf-8"), source, titles)
            nbformat.write(nb, str(out / notebook_name(docname)))


def setup(app: Sphinx) -> None:
    app.add_directive("notebook-download", NotebookDownload)
    app.connect("doctree-resolved", _link)
    app.connect("build-finished", _write)

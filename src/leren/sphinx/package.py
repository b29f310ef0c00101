"""The `leren` wheel as a download on the site: built at the start of every HTML build into `pakket/`.

`pakket-installatie` shows the download link (with the size), and the one command that installs the
package and JupyterLab. The wheel is built offline and reproducibly by `leren.wheel`; the offline bundle
takes it along with every other file of the site.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

import leren
from leren.sphinx.base import DataDirective, para
from leren.wheel import read_project, write_wheel

FOLDER = "pakket"
PYPROJECT = Path(leren.__file__).resolve().parents[2] / "pyproject.toml"


class package_link(nodes.Inline, nodes.Element):  # noqa: N801 (docutils node naming)
    """A link to the wheel; gets its relative address per page in `_resolve_links`."""


class PackageInstall(DataDirective):
    """`pakket-installatie`: download link and install command for the `leren` wheel."""

    def run(self) -> list[nodes.Node]:
        if not PYPROJECT.is_file():
            raise self.error(f"{self.name}: het pakket kan alleen gemaakt worden vanuit de bronbestanden van de "
                             f"kennisbank, met {PYPROJECT.name} erbij; dat bestand ontbreekt ({PYPROJECT}).")
        self.env.note_dependency(str(PYPROJECT))
        project = read_project(PYPROJECT)
        link = package_link("", filename=project.filename)
        link += nodes.literal(project.filename, project.filename)
        command = f"pip install {project.filename} jupyterlab"
        return [
            para("Download het pakket: ", link, f" (versie {project.version})."),
            nodes.literal_block(command, command, language="bash"),
        ]


def _build(app: Sphinx) -> None:
    if app.builder.format == "html" and PYPROJECT.is_file():
        write_wheel(PYPROJECT, Path(app.outdir) / FOLDER)


def _resolve_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for node in list(doctree.findall(package_link)):
        if app.builder.format == "html":
            target = relative_uri(app.builder.get_target_uri(docname), f"{FOLDER}/{node['filename']}")
            ref = nodes.reference("", "", refuri=target, classes=["leren-pakket-download"])
            ref += node.children
            node.replace_self(ref)
        else:
            node.replace_self(node.children)


def setup(app: Sphinx) -> None:
    app.add_node(package_link)
    app.add_directive("pakket-installatie", PackageInstall)
    app.connect("builder-inited", _build)
    app.connect("doctree-resolved", _resolve_links)

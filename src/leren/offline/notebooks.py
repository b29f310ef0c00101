"""Student notebooks as `.ipynb` files, made from the MyST text notebooks in `exercises/`."""

from __future__ import annotations

from pathlib import Path

import nbformat
from myst_nb.core.read import read_myst_markdown_notebook


def notebook_sources(exercises: Path) -> list[Path]:
    """The notebooks of the book: MyST Markdown (`.md`) and Jupyter (`.ipynb`) files in `exercises`."""
    folder = Path(exercises)
    return sorted(p for p in folder.glob("*") if p.suffix in (".md", ".ipynb") and not p.name.startswith("."))


def write_notebooks(exercises: Path, out: Path) -> list[Path]:
    """Write every notebook of `exercises` as `<out>/<name>.ipynb` (without outputs) and return the paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source in notebook_sources(exercises):
        if source.suffix == ".ipynb":
            notebook = nbformat.read(source, as_version=4)
        else:
            notebook = read_myst_markdown_notebook(source.read_text(encoding="utf-8"), path=source)
        notebook.metadata.pop("jupytext", None)
        notebook.metadata.setdefault("language_info", {"name": "python"})
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
        nbformat.validate(notebook)
        target = out / f"{source.stem}.ipynb"
        nbformat.write(notebook, target)
        written.append(target)
    return written

"""Every student notebook in exercises/ is a valid MyST text notebook, and the build ran it.

The notebooks are executed once, by the strict build of the `book` fixture (`execute_notebooks: cache`,
`allow_errors: false`, `-W`): a cell that raises stops that build, so they are not run a second time here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from myst_nb.core.read import read_myst_markdown_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "exercises").glob("*.md"))


def test_there_are_notebooks():
    assert NOTEBOOKS


def test_build_stops_on_a_failing_cell():
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    assert "allow_errors: false" in config and "execute_notebooks: cache" in config


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_a_python_text_notebook(path):
    nb = read_myst_markdown_notebook(path.read_text(encoding="utf-8"), path=str(path))
    assert nb.metadata.kernelspec.name == "python3"
    assert any(cell.cell_type == "code" and cell.source.strip() for cell in nb.cells)


def test_every_notebook_ran_in_the_build(book):
    for path in NOTEBOOKS:
        page = book.page(f"exercises/{path.stem}")
        assert 'class="cell_output' in page, path.stem
        assert "Traceback" not in page, path.stem

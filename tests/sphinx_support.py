"""Tiny Sphinx projects built in-process with Sphinx's own testing app (as sphinx-design and sphinx-exercise
test their directives), for directive tests that do not need the whole book.

Use `build_mini` rather than a bare `Sphinx(...)`: Sphinx registers node classes with docutils for the whole
process, and only the testing app's `cleanup()` removes them again; without it every later app in the same
test run warns that they are "already registered".
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.testing.util import SphinxTestApp

# The extensions a page of the book relies on, without the theme's and Jupyter Book's.
EXTENSIONS = ["myst_nb", "sphinx_design", "sphinx_exercise", "leren.sphinx"]


def build_mini(tmp_path: Path, pages: dict[str, str], buildername: str = "html", **conf) -> tuple[Path, str]:
    """Build `pages` ({docname: MyST text}) strictly enough to see every warning; returns (outdir, warnings).

    The first page is the root; every other page sits in its hidden toctree.
    """
    src = tmp_path / "src"
    src.mkdir(parents=True, exist_ok=True)
    names = list(pages)
    for name, text in pages.items():
        path = src / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if len(names) > 1:
        toctree = "\n```{toctree}\n:hidden:\n\n" + "\n".join(names[1:]) + "\n```\n"
        root = src / f"{names[0]}.md"
        root.write_text(root.read_text(encoding="utf-8") + toctree, encoding="utf-8")
    (src / "conf.py").write_text("", encoding="utf-8")
    overrides = {
        "extensions": EXTENSIONS,
        "root_doc": names[0],
        "language": "nl",
        "nb_execution_mode": "off",
        "exclude_patterns": ["_build"],
        # A dict of its own: Sphinx merges the extensions' suffixes into this value in place, and its default
        # is one object shared by every app in the process (a later app would inherit '.md').
        "source_suffix": {".rst": "restructuredtext"},
        **conf,
    }
    app = SphinxTestApp(buildername, srcdir=src, builddir=tmp_path / "_build", confoverrides=overrides,
                        freshenv=True)
    try:
        app.build()
        warnings = re.sub(r"\x1b\[[0-9;]*m", "", app._warning.getvalue())
        return Path(app.outdir), warnings
    finally:
        app.cleanup()

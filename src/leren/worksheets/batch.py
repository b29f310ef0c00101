"""Many worksheets at once: used by `leren alles` and by the Sphinx build.

Each worksheet is built once and rendered in every requested format; each file is written
atomically. This runs in one process on purpose: a worksheet takes about 25 ms of CPU in all four
formats, and measured on the 2-core build machine, worker processes (which must start Python and
load Typst and python-docx first) made a run of 70 worksheets twice as slow under load.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from leren.catalog import Catalog
from leren.formats import FORMATS
from leren.worksheets import build, render
from leren.worksheets.output import write_atomic
from leren.worksheets.personalisation import Personalisation


def target(folder: Path, sheet_id: str, fmt: str) -> Path:
    return Path(folder) / f"{sheet_id}{FORMATS[fmt].suffix}"


def write_all(catalog: Catalog, sheet_ids: Iterable[str], formats: Iterable[str], folder: Path,
              personal: Personalisation | None = None, overwrite: bool = False,
              done: Callable[[str], None] | None = None) -> None:
    """Write every worksheet in `sheet_ids` in every format; call `done(id)` after each one.

    Raises the first error (an `OutputError` when a file cannot be written); files already written
    stay complete, and no file is ever half-written.
    """
    formats = tuple(formats)
    for sheet_id in sheet_ids:
        doc = build(catalog.worksheets[sheet_id], catalog, personal)
        for fmt in formats:
            write_atomic(target(folder, sheet_id, fmt), render(doc, fmt), overwrite=overwrite)
        if done:
            done(sheet_id)

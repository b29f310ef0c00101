"""The output formats every renderer offers (worksheets, agendas, exercise worksheets), listed once.

One rule for `--formaat` and the file name, used by every command and the notebook API (`choose`):
- a file name ending in one of the suffixes below sets the format;
- `--formaat` and such a file name must agree;
- a file name with another suffix is refused; without a suffix, the format is `--formaat` or the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutputFormat:
    name: str  # the value of --formaat
    suffix: str
    label: str  # for people, in Dutch


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("pdf", ".pdf", "PDF"),
        OutputFormat("docx", ".docx", "Word (DOCX)"),
        OutputFormat("html", ".html", "webpagina (HTML)"),
        OutputFormat("md", ".md", "Markdown"),
    )
}
NAMES: tuple[str, ...] = tuple(FORMATS)
DEFAULT = "pdf"
NAMES_TEXT = "pdf, docx, html of md"
SUFFIXES_TEXT = ".pdf, .docx, .html of .md"


class FormatError(ValueError):
    """The requested format and the file name do not fit. The message is Dutch and says what to do."""


def from_path(path: Path | str) -> OutputFormat | None:
    """The format a file name asks for, by its suffix (any case); None if the suffix is not ours."""
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS.values() if f.suffix == suffix), None)


def choose(requested: str | None, path: Path | str | None, default: str = DEFAULT) -> OutputFormat:
    """The format to write, from `--formaat` (or None) and the target file name (or None)."""
    if requested is not None and requested not in FORMATS:
        raise FormatError(f"'{requested}' is geen formaat. Kies {NAMES_TEXT}.")
    by_name = from_path(path) if path is not None else None
    if path is not None and by_name is None and Path(path).suffix:
        raise FormatError(f"de bestandsnaam '{path}' eindigt niet op {SUFFIXES_TEXT}. "
                          f"Kies een naam met een van die extensies.")
    if requested is not None and by_name is not None and by_name.name != requested:
        raise FormatError(f"--formaat {requested} past niet bij de bestandsnaam '{path}'. "
                          f"Gebruik de extensie {FORMATS[requested].suffix} of laat --formaat weg.")
    return FORMATS[requested or (by_name.name if by_name else default)]

"""Put the offline bundle together: one zip with a single top folder.

    transformeren-kun-je-leren/
        LEESMIJ.txt       how to open it (Dutch)
        index.html ...    the built site, served with `python3 -m http.server`
        pdf/              the module PDFs and the whole book
        werkbladen/       every worksheet in every format
        notebooks/        the student notebooks as .ipynb (the site's own copies)

The site already holds some worksheets (`werkbladen/`, the ones its pages offer) and the notebooks
(`notebooks/`, from the notebook-download component). Those stay as they are, because the pages link to
them; the bundle adds every other worksheet, made in this process by the worksheet engine.

The zip is reproducible: entries sorted by name, fixed times and permissions (`leren.reproducible`), and
the date in LEESMIJ.txt is SOURCE_DATE_EPOCH or the last commit, never the clock.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from leren.catalog import Catalog, load
from leren.formats import FORMATS
from leren.offline.leesmij import leesmij
from leren.paths import BOOK_NAME
from leren.reproducible import release_datetime, write_zip
from leren.worksheets.batch import write_all

FOLDER = BOOK_NAME


@dataclass
class BundleReport:
    path: Path
    pages: int = 0
    pdfs: list[str] = field(default_factory=list)
    worksheets: list[str] = field(default_factory=list)
    notebooks: list[str] = field(default_factory=list)
    files: int = 0
    size: int = 0


def _site_files(site: Path):
    """Every file of the built site except hidden files (build stamps) and the PDF copies."""
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site)
        if not path.is_file() or any(part.startswith(".") for part in rel.parts) or rel.parts[0] == "pdf":
            continue
        yield path, rel.as_posix()


def make_bundle(site: Path, pdf_dir: Path, target: Path, catalog: Catalog | None = None) -> BundleReport:
    """Write the bundle to `target` (never half-written) and report what is in it."""
    site, pdf_dir, target = Path(site), Path(pdf_dir), Path(target)
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"In '{site}' staat geen gebouwde site; voer eerst 'make html' uit.")
    pdfs = sorted(pdf_dir.glob("*.pdf")) if pdf_dir.is_dir() else []
    if not pdfs:
        raise FileNotFoundError(f"In '{pdf_dir}' staan geen PDF's; voer eerst 'make pdf' uit.")
    catalog = catalog or load()
    report = BundleReport(path=target)
    entries: dict[str, Path | bytes] = {}
    for path, name in _site_files(site):
        entries[name] = path
    for path in pdfs:
        entries[f"pdf/{path.name}"] = path
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".deel")
    with tempfile.TemporaryDirectory(prefix="leren-bundel-") as tmp:
        folder = Path(tmp)
        write_all(catalog, sorted(catalog.worksheets), FORMATS, folder)
        for path in sorted(folder.iterdir()):
            entries.setdefault(f"werkbladen/{path.name}", path)
        moment = release_datetime(site)
        text = leesmij(FOLDER, BOOK_NAME, [f.suffix for f in FORMATS.values()], moment.date() if moment else None)
        entries["LEESMIJ.txt"] = text.encode("utf-8")
        write_zip(partial, ((f"{FOLDER}/{name}", content) for name, content in entries.items()))
    partial.replace(target)
    names = sorted(entries)
    report.pages = sum(name.endswith(".html") for name in names)
    report.pdfs = [path.name for path in pdfs]
    report.worksheets = [n.split("/", 1)[1] for n in names if n.startswith("werkbladen/")]
    report.notebooks = [n.split("/", 1)[1] for n in names if n.startswith("notebooks/") and n.endswith(".ipynb")]
    report.files = len(entries)
    report.size = target.stat().st_size
    return report

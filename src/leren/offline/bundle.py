"""Put the offline bundle together: one zip with a single top folder.

    transformeren-kun-je-leren/
        LEESMIJ.txt       how to open it (Dutch)
        index.html ...    the built site, served with `python3 -m http.server`
        pdf/              the module PDFs and the whole book
        werkbladen/       every worksheet in every format (when the worksheet engine is installed)
        notebooks/        the student notebooks as .ipynb

The site may already hold some worksheets (`werkbladen/`, the ones its pages offer) and the notebooks
(`notebooks/`, from the notebook-download component). Those stay as they are, because the pages link to
them; the bundle adds every other worksheet the engine makes and every notebook the site lacks.
"""

from __future__ import annotations

import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from leren.offline.leesmij import leesmij
from leren.offline.notebooks import write_notebooks
from leren.offline.worksheets import write_worksheets
from leren.pdfbook.build import BOOK_NAME

FOLDER = BOOK_NAME


@dataclass
class BundleReport:
    path: Path
    pages: int = 0
    pdfs: list[str] = field(default_factory=list)
    worksheets: list[str] | None = None
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


def make_bundle(site: Path, pdf_dir: Path, exercises: Path, target: Path) -> BundleReport:
    site, pdf_dir, target = Path(site), Path(pdf_dir), Path(target)
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"In '{site}' staat geen gebouwde site; voer eerst 'make html' uit.")
    pdfs = sorted(pdf_dir.glob("*.pdf")) if pdf_dir.is_dir() else []
    if not pdfs:
        raise FileNotFoundError(f"In '{pdf_dir}' staan geen PDF's; voer eerst 'make pdf' uit.")
    report = BundleReport(path=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".deel")
    with tempfile.TemporaryDirectory(prefix="leren-bundel-") as tmp:
        sheets = write_worksheets(Path(tmp) / "werkbladen")
        notebooks = write_notebooks(exercises, Path(tmp) / "notebooks")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            added: set[str] = set()

            def add(path: Path, name: str) -> bool:
                if name in added:
                    return False
                archive.write(path, f"{FOLDER}/{name}")
                added.add(name)
                report.files += 1
                return True

            text = leesmij(FOLDER, BOOK_NAME, sorted({p.suffix for p in sheets or []}))
            archive.writestr(f"{FOLDER}/LEESMIJ.txt", text.encode("utf-8"))
            report.files += 1
            for path, name in _site_files(site):
                add(path, name)
                report.pages += name.endswith(".html")
            for path in pdfs:
                add(path, f"pdf/{path.name}")
                report.pdfs.append(path.name)
            if sheets is not None:
                report.worksheets = sorted(p.name for p in sheets)
                for path in sheets:
                    add(path, f"werkbladen/{path.name}")
            for path in notebooks:
                add(path, f"notebooks/{path.name}")
            report.notebooks = sorted(n.split("/", 1)[1] for n in added if n.startswith("notebooks/"))
    partial.replace(target)
    report.size = target.stat().st_size
    return report

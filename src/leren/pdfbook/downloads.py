"""The "Download als PDF" links on the built pages.

They are put into the built HTML after the PDFs exist, so a link never points to a missing file: a
fresh `make html` writes the pages without links, and the next `make pdf` adds them again.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from leren.pdfbook.site import page_file
from leren.text import file_size, page_count

MARK = "leren-pdf-download"
OLD_LINK = re.compile(rf'\n?<p class="{MARK}">.*?</p>', re.DOTALL)
FIRST_H1 = re.compile(r"(<article class=\"bd-article\">.*?</h1>)", re.DOTALL)


def add_link(site: Path, docname: str, pdf: Path, text: str, pages: int) -> bool:
    """Put a download link under the page's H1; replace an older one. False if the page has no H1."""
    path = page_file(site, docname)
    source = path.read_text(encoding="utf-8")
    source = OLD_LINK.sub("", source)
    href = Path(os.path.relpath(pdf, path.parent)).as_posix()
    details = f"PDF, {page_count(pages)}, {file_size(pdf.stat().st_size)}"
    block = (
        f'\n<p class="{MARK}"><a class="reference download" href="{href}" download>{text}</a> '
        f"<span>({details})</span></p>"
    )
    changed, count = FIRST_H1.subn(lambda m: m.group(1) + block, source, count=1)
    if not count:
        return False
    path.write_text(changed, encoding="utf-8")
    return True

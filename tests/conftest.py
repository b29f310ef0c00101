"""Shared fixtures. The book is built once per test session, strictly, into a temporary folder."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FIXTURES = Path(__file__).parent / "fixtures"
# Sphinx writes "path:line: WARNING: text" or "WARNING: text"; Python's logging ("ERROR:tornado...") is not Sphinx.
SPHINX_PROBLEM = re.compile(r"(^|: )(WARNING|ERROR|CRITICAL|SEVERE): ")
DEBIAN_PACKAGES = ("chromium", "nodejs", "npm")


def pytest_report_header(config) -> list[str]:
    """The Debian packages the browser tests run on (Playwright is pinned to one Chromium protocol)."""
    try:
        proc = subprocess.run(["dpkg-query", "-W", "-f", "${Package}=${Version}\n", *DEBIAN_PACKAGES],
                              capture_output=True, text=True, timeout=20)
        found = dict(line.split("=", 1) for line in proc.stdout.splitlines() if "=" in line)
    except (OSError, subprocess.SubprocessError):
        found = {}
    for name in DEBIAN_PACKAGES:  # npm may come with another package (NodeSource's nodejs)
        if not found.get(name):
            try:
                version = subprocess.run([name, "--version"], capture_output=True, text=True, timeout=20).stdout
                found[name] = f"{version.strip()} (geen eigen pakket)" if version.strip() else "ontbreekt"
            except (OSError, subprocess.SubprocessError):
                found[name] = "ontbreekt"
    return ["debian: " + ", ".join(f"{name} {found[name]}" for name in DEBIAN_PACKAGES)]


@dataclass
class BuiltBook:
    html: Path
    log: str
    returncode: int

    def page(self, docname: str) -> str:
        return (self.html / f"{docname}.html").read_text(encoding="utf-8")

    def text(self, docname: str) -> str:
        """The visible text of a page's main content, unescaped, with white space folded."""
        page = self.page(docname)
        main = page[page.find("<main") : page.find("</main>")]
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())

    def warnings(self) -> list[str]:
        """Sphinx's warnings and errors (not the kernel's own log lines)."""
        return [line for line in self.log.splitlines() if SPHINX_PROBLEM.search(line)]

    def search_index(self) -> dict:
        raw = (self.html / "searchindex.js").read_text(encoding="utf-8")
        return json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])


def toc_docnames() -> list[str]:
    """Every document named in _toc.yml, in order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                names.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return names


def build_book(out: Path) -> BuiltBook:
    """Build the book strictly and from scratch into `out` (the HTML lands in `out/_build/html`)."""
    cmd = [str(BIN / "jupyter-book"), "build", str(ROOT), "--path-output", str(out), "--all",
           "--warningiserror", "--nitpick", "--keep-going"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    log = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout + proc.stderr)
    return BuiltBook(html=out / "_build" / "html", log=log, returncode=proc.returncode)


@pytest.fixture(scope="session")
def book(tmp_path_factory) -> BuiltBook:
    return build_book(tmp_path_factory.mktemp("book"))

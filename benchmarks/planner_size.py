"""Size of the meeting planner in the browser: its own JavaScript and CSS, raw and gzip-compressed, and the
rules and werkvormen data that the page carries. Target: the planner's own JavaScript at most 40 KB gzip.

    python benchmarks/planner_size.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

import leren
from leren.sphinx.fillable import script_json
from leren.sphinx.planner import page_data

STATIC = Path(leren.__file__).parent / "sphinx" / "static"
SCRIPTS = ("leren-dom.js", "planner-regels.js", "planner.js", "planner-zoeker.js")
LIMIT_KB = 40


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> None:
    total_raw = total_gz = 0
    print(f"{'bestand':<24}{'ruw (KB)':>10}{'gzip (KB)':>11}")
    for name in SCRIPTS + ("planner.css",):
        data = (STATIC / name).read_bytes()
        print(f"{name:<24}{len(data) / 1024:>10.1f}{gz(data) / 1024:>11.1f}")
        if name.endswith(".js"):
            total_raw += len(data)
            total_gz += gz(data)
    print(f"{'JavaScript samen':<24}{total_raw / 1024:>10.1f}{total_gz / 1024:>11.1f}   (grens {LIMIT_KB} KB gzip)")
    data = script_json(page_data(leren.load(), lambda target: target)).encode()
    print(f"{'gegevens in de pagina':<24}{len(data) / 1024:>10.1f}{gz(data) / 1024:>11.1f}")
    print("binnen de grens" if total_gz <= LIMIT_KB * 1024 else "BOVEN DE GRENS")


if __name__ == "__main__":
    main()

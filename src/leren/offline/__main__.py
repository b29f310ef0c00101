"""`python -m leren.offline`: the offline bundle of the built site. All messages are Dutch."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from leren.offline.bundle import make_bundle
from leren.pdfbook.downloads import size_text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m leren.offline",
        description="Maak een zip met de site, de PDF's, de werkbladen en de notebooks, voor gebruik zonder "
                    "internet. Maak eerst de site en de PDF's met 'make pdf'.",
    )
    parser.add_argument("--site", type=Path, default=Path("_build/html"), metavar="MAP",
                        help="de gebouwde site (standaard: _build/html)")
    parser.add_argument("--pdf", type=Path, default=Path("_build/pdf"), metavar="MAP",
                        help="de PDF's (standaard: _build/pdf)")
    parser.add_argument("--oefeningen", type=Path, default=Path("exercises"), metavar="MAP",
                        help="de notebooks van het boek (standaard: exercises)")
    parser.add_argument("--uit", type=Path, default=Path("_build/transformeren-kun-je-leren-offline.zip"),
                        metavar="BESTAND", help="het zip-bestand (standaard: _build/transformeren-kun-je-leren-offline.zip)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        report = make_bundle(args.site, args.pdf, args.oefeningen, args.uit)
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    print(f"Offline bundel gemaakt: {report.path} ({size_text(report.size)}, {report.files} bestanden)")
    print(f"  site: {report.pages} pagina's; PDF's: {len(report.pdfs)}; notebooks: {len(report.notebooks)}")
    if report.worksheets is None:
        print("  werkbladen: niet meegenomen; deze versie van 'leren' heeft de opdracht 'leren alles' nog niet.")
    else:
        print(f"  werkbladen: {len(report.worksheets)} bestanden")
    return 0


if __name__ == "__main__":
    sys.exit(main())

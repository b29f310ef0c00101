"""`python -m leren.pdfbook`: make the PDFs of the built site. All messages are Dutch."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from leren.pdfbook.browser import BrowserError
from leren.pdfbook.build import BOOK_NAME, make_pdfs


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m leren.pdfbook",
        description="Maak PDF's van de gebouwde site: een per principe en casus, en een van het hele boek "
                    f"({BOOK_NAME}.pdf). Bouw de site eerst met 'make html'.",
    )
    parser.add_argument("--site", type=Path, default=Path("_build/html"), metavar="MAP",
                        help="de gebouwde site (standaard: _build/html)")
    parser.add_argument("--uit", type=Path, default=Path("_build/pdf"), metavar="MAP",
                        help="map voor de PDF's (standaard: _build/pdf)")
    parser.add_argument("--toc", type=Path, default=Path("_toc.yml"), metavar="BESTAND",
                        help="de inhoudsopgave van het boek (standaard: _toc.yml)")
    parser.add_argument("--config", type=Path, default=Path("_config.yml"), metavar="BESTAND",
                        help="titel en auteur voor de titelpagina (standaard: _config.yml)")
    parser.add_argument("--alleen", nargs="+", metavar="ID",
                        help="alleen deze modules (principe- of casus-id's)")
    parser.add_argument("--zonder-boek", action="store_true", help="maak geen PDF van het hele boek")
    parser.add_argument("--zonder-links", action="store_true",
                        help="zet de PDF's niet in de site en voeg geen downloadlinks toe")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        report = make_pdfs(args.site, args.uit, args.toc, args.config, only=args.alleen,
                           book=not args.zonder_boek, publish=not args.zonder_links)
    except (FileNotFoundError, ValueError, BrowserError) as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    total = len(report.modules) + (report.book is not None)
    seconds = f"{report.seconds:.1f}".replace(".", ",")
    print(f"Klaar: {total} PDF's in {args.uit} in {seconds} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`leren pdf`: the PDFs of the built site, one per principle and case, and one of the whole book."""

from __future__ import annotations

import argparse
from pathlib import Path

from leren.cli.parser import UsageError
from leren.paths import BOOK_NAME

NAME = "pdf"
EXAMPLES = """\
Voorbeelden:
  leren pdf
  leren pdf --alleen ervaringsleren venlo --zonder-boek
  leren pdf --site _build/html --uit _build/pdf
"""


def register(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        NAME,
        help="maak PDF's van de gebouwde site (per module en het hele boek)",
        description="Maak PDF's van de gebouwde site: een per principe en casus, en een van het hele boek "
                    f"({BOOK_NAME}.pdf), in de volgorde van de navigatie van de site. Bouw de site eerst met 'make html'. "
                    "Chromium drukt de pagina's af; "
                    "er gaat niets over internet.",
        epilog=EXAMPLES,
    )
    parser.add_argument("--site", type=Path, default=Path("_build/html"), metavar="MAP",
                        help="de gebouwde site (standaard: _build/html)")
    parser.add_argument("--uit", type=Path, default=Path("_build/pdf"), metavar="MAP",
                        help="map voor de PDF's (standaard: _build/pdf)")
    parser.add_argument("--config", type=Path, default=Path("_config.yml"), metavar="BESTAND",
                        help="titel en auteur voor de titelpagina (standaard: _config.yml)")
    parser.add_argument("--alleen", nargs="+", metavar="ID", help="alleen deze modules (principe- of casus-id's)")
    parser.add_argument("--zonder-boek", action="store_true", help="maak geen PDF van het hele boek")
    parser.add_argument("--zonder-links", action="store_true",
                        help="zet de PDF's niet in de site en voeg geen downloadlinks toe")
    return parser


def run(args: argparse.Namespace) -> int:
    from leren.pdfbook.browser import BrowserError
    from leren.pdfbook.build import make_pdfs

    try:
        report = make_pdfs(args.site, args.uit, args.config, only=args.alleen,
                           book=not args.zonder_boek, publish=not args.zonder_links)
    except (FileNotFoundError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    except BrowserError as exc:
        raise UsageError(str(exc)) from None
    total = len(report.modules) + (report.book is not None)
    seconds = f"{report.seconds:.1f}".replace(".", ",")
    print(f"Klaar: {total} PDF's in {args.uit} in {seconds} s.")
    return 0

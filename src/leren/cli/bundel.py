"""`leren bundel`: one zip with the built site, the PDFs, every worksheet and the notebooks, for offline use."""

from __future__ import annotations

import argparse
from pathlib import Path

from leren.cli import common
from leren.cli.parser import UsageError
from leren.paths import BOOK_NAME
from leren.text import file_size

NAME = "bundel"
DEFAULT_TARGET = Path(f"_build/{BOOK_NAME}-offline.zip")


def register(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        NAME,
        help="maak een zip om de kennisbank zonder internet te gebruiken",
        description="Maak een zip met de site, de PDF's, alle werkbladen en de notebooks, voor gebruik zonder "
                    "internet. Maak eerst de site en de PDF's ('make html' en 'leren pdf', of 'make pdf').",
        epilog=f"Voorbeeld:\n  leren bundel --uit {DEFAULT_TARGET}",
    )
    parser.add_argument("--site", type=Path, default=Path("_build/html"), metavar="MAP",
                        help="de gebouwde site (standaard: _build/html)")
    parser.add_argument("--pdf", type=Path, default=Path("_build/pdf"), metavar="MAP",
                        help="de PDF's (standaard: _build/pdf)")
    parser.add_argument("--uit", type=Path, default=DEFAULT_TARGET, metavar="BESTAND",
                        help=f"het zip-bestand (standaard: {DEFAULT_TARGET}); een bestaand bestand wordt vervangen")
    return parser


def run(args: argparse.Namespace) -> int:
    from leren.offline.bundle import make_bundle
    from leren.worksheets.output import OutputError

    if args.uit.suffix.lower() != ".zip":
        raise UsageError(f"de bundel is een zip-bestand; kies een naam die op .zip eindigt, niet '{args.uit}'.")
    if args.uit.is_dir():
        raise UsageError(f"'{args.uit}' is een map; geef de naam van het zip-bestand.")
    try:
        report = make_bundle(args.site, args.pdf, args.uit, common.catalog(args))
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    except (OSError, OutputError) as exc:
        raise UsageError(f"de bundel kon niet worden geschreven in '{args.uit.parent}' ({exc}).") from None
    print(f"Offline bundel gemaakt: {report.path} ({file_size(report.size)}, {report.files} bestanden)")
    print(f"  site: {report.pages} pagina's; PDF's: {len(report.pdfs)}; werkbladen: {len(report.worksheets)}; "
          f"notebooks: {len(report.notebooks)}")
    return 0

"""`leren alles --uit MAP`: every worksheet in every format (or the chosen ones), with a progress bar."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from leren.cli import common
from leren.cli.parser import UsageError
from leren.cli.progress import ProgressBar
from leren.formats import FORMATS, NAMES
from leren.worksheets.batch import target, write_all
from leren.worksheets.output import OutputError

NAME = "alles"


def register(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        NAME,
        help="maak alle werkbladen in alle formaten in een map",
        description="Maak elk werkblad uit de kennisbank in elk formaat (of alleen de gekozen formaten). "
                    "De map wordt gemaakt als hij nog niet bestaat.",
        epilog="Voorbeeld:\n  leren alles --uit werkbladen --formaat pdf --formaat docx",
    )
    parser.add_argument("--uit", metavar="MAP", type=Path, required=True, help="map voor de bestanden")
    parser.add_argument("--formaat", choices=NAMES, action="append",
                        help="alleen dit formaat (mag vaker; standaard alle vier)")
    common.add_overwrite_option(parser)
    common.add_personal_options(parser)
    return parser


def _prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"'{folder}' is een bestand, geen map. Kies een map met --uit.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise UsageError(f"de map '{folder}' kan niet worden gemaakt. Kies een andere plek.") from None


def run(args: argparse.Namespace) -> int:
    cat = common.catalog(args)
    sheets = sorted(cat.worksheets.values(), key=lambda s: s.id)
    if not sheets:
        print("Er zijn nog geen werkbladen.")
        return 0
    formats = list(dict.fromkeys(args.formaat or FORMATS))
    folder: Path = args.uit
    targets = [target(folder, sheet.id, fmt) for sheet in sheets for fmt in formats]
    existing = [path for path in targets if path.exists()]
    if existing and not args.overschrijf:
        shown = ", ".join(p.name for p in existing[:3]) + (" en meer" if len(existing) > 3 else "")
        raise UsageError(
            f"in '{folder}' staan al {len(existing)} van deze bestanden ({shown}). "
            "Kies een lege map of gebruik --overschrijf."
        )
    _prepare_folder(folder)
    bar = ProgressBar(len(targets), "bestanden")
    start = time.perf_counter()
    try:
        write_all(cat, [s.id for s in sheets], formats, folder, common.personalisation(args),
                  overwrite=args.overschrijf, done=lambda _: bar.advance(len(formats)))
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    seconds = time.perf_counter() - start
    names = ", ".join(FORMATS[f].label for f in formats)
    print(f"{len(sheets)} werkbladen gemaakt in '{folder}' ({len(targets)} bestanden: {names}) "
          f"in {_seconds(seconds)}.")
    return 0


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + " s"

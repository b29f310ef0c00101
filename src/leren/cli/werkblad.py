"""`leren werkblad ID`: one worksheet as PDF, DOCX, HTML or Markdown, optionally personalised."""

from __future__ import annotations

import argparse
from pathlib import Path

from leren.cli import common
from leren.cli.parser import UsageError
from leren.formats import FORMATS, NAMES
from leren.worksheets import build, render
from leren.worksheets.output import OutputError, check_target, write_atomic

NAME = "werkblad"
EXAMPLES = """\
Voorbeelden:
  leren werkblad leervraag-team
  leren werkblad leervraag-team --formaat docx --uit leervraag.docx
  leren werkblad leervraag-team --groep "Buurtteam Noord" --datum 14-03-2026 \\
      --trainer "Sanne de Vries" --vraag "Wat neem je mee naar je team?"
"""


def register(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        NAME,
        help="maak een werkblad als PDF, Word (DOCX), webpagina (HTML) of Markdown",
        description="Maak een werkblad om te printen of aan te passen. "
                    "Met 'leren lijst werkbladen' zie je welke er zijn.",
        epilog=EXAMPLES,
    )
    parser.add_argument("id", metavar="ID", help="id van het werkblad, bijvoorbeeld leervraag-team")
    parser.add_argument("--formaat", choices=NAMES,
                        help="pdf, docx, html of md (standaard: afgeleid van --uit, anders pdf)")
    parser.add_argument("--uit", metavar="PAD", type=Path,
                        help="bestand of map om in te schrijven (standaard: ID.formaat in de huidige map)")
    common.add_overwrite_option(parser)
    common.add_personal_options(parser)
    return parser


def target(args: argparse.Namespace, sheet_id: str) -> tuple[str, Path]:
    """The format and the output path, from --formaat and --uit."""
    out: Path | None = args.uit
    folder = out is not None and out.is_dir()
    fmt = common.output_format(args.formaat, None if folder else out)
    default_name = f"{sheet_id}{fmt.suffix}"
    if out is None:
        return fmt.name, Path(default_name)
    return fmt.name, out / default_name if folder else out


def run(args: argparse.Namespace) -> int:
    cat = common.catalog(args)
    sheet = common.worksheet(cat, args.id)
    fmt, path = target(args, sheet.id)
    try:
        check_target(path, args.overschrijf)  # fail before the work, not after it
        data = render(build(sheet, cat, common.personalisation(args)), fmt)
        write_atomic(path, data, overwrite=args.overschrijf)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    print(f"Werkblad '{sheet.id}' gemaakt als {FORMATS[fmt].label}: {path}")
    return 0

"""What several commands share: the data, looking up ids, and the personalisation options."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from leren.catalog import Catalog, load
from leren.cli.parser import UsageError, suggest
from leren.formats import FormatError, OutputFormat, choose
from leren.model import Worksheet
from leren.text import DateError, parse_date
from leren.worksheets.personalisation import Personalisation



def catalog(args: argparse.Namespace) -> Catalog:
    """The catalog from --gegevens, or the package's own data. Raises DataError if invalid."""
    return load(getattr(args, "gegevens", None) or None)


def worksheet(cat: Catalog, key: str) -> Worksheet:
    if key in cat.worksheets:
        return cat.worksheets[key]
    if not cat.worksheets:
        raise UsageError(f"er zijn nog geen werkbladen, dus ook geen '{key}'.")
    raise UsageError(
        f"er is geen werkblad '{key}'.{suggest(key, cat.worksheets)}"
        " Met 'leren lijst werkbladen' zie je alle werkbladen."
    )


def date_value(text: str) -> dt.date:
    try:
        return parse_date(text)
    except DateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_personal_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "Persoonlijk maken", "Deze gegevens komen op het werkblad; laat weg wat je niet nodig hebt."
    )
    group.add_argument("--groep", metavar="NAAM", default="", help="naam van de groep of het team")
    group.add_argument("--datum", metavar="DATUM", type=date_value,
                       help="datum van de bijeenkomst: DD-MM-JJJJ of JJJJ-MM-DD")
    group.add_argument("--trainer", metavar="NAAM", default="", help="naam van de trainer of begeleider")
    group.add_argument("--organisatie", metavar="NAAM", default="", help="naam van de organisatie")
    group.add_argument("--vraag", metavar="VRAAG", action="append", default=[],
                       help="een extra vraag met schrijfregels aan het eind (mag vaker)")


def personalisation(args: argparse.Namespace) -> Personalisation:
    return Personalisation(
        group=args.groep,
        date=args.datum,
        trainer=args.trainer,
        organisation=args.organisatie,
        questions=tuple(args.vraag),
    )


def add_overwrite_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--overschrijf", action="store_true",
                        help="vervang bestanden die al bestaan (anders stopt de opdracht)")


def output_format(requested: str | None, path: Path | None) -> OutputFormat:
    """The format to write, by the one rule of `leren.formats.choose`; a mismatch is a usage error."""
    try:
        return choose(requested, path)
    except FormatError as exc:
        raise UsageError(str(exc)) from None

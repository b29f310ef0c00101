"""`leren programma PLAN.yml`: the agenda of a session as PDF, DOCX, HTML or Markdown, or (--bundel) one PDF
with the agenda and the worksheet of every werkvorm in the programme."""

from __future__ import annotations

import argparse
from pathlib import Path

from leren import agenda
from leren.cli import common
from leren.cli.parser import UsageError
from leren.formats import FORMATS, NAMES
from leren.planner import PlanError, read_plan
from leren.worksheets.output import OutputError, check_target, write_atomic

NAME = "programma"
EXAMPLES = """\
Voorbeelden:
  leren programma teamdag.yml
  leren programma teamdag.yml --formaat docx --uit agenda.docx
  leren programma teamdag.yml --bundel --uit map-voor-de-groep.pdf

Een plan is een YAML-bestand met titel, datum, start, (einde) en blokken:
  titel: Teamdag
  datum: 12-03-2026
  start: "09:30"
  einde: "12:30"
  blokken:
    - werkvorm: plaatsbepaling
    - pauze: 15
    - werkvorm: baalronde
      minuten: 40
    - vrij: Afsluiting
      minuten: 10
"""


def register(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        NAME,
        help="reken een programma uit en maak er een agenda van",
        description="Lees een plan, controleer het, reken de tijden van elk blok uit en maak een agenda.",
        epilog=EXAMPLES,
    )
    parser.add_argument("plan", metavar="PLAN", type=Path, help="het plan, een .yml-bestand")
    parser.add_argument("--formaat", choices=NAMES,
                        help="pdf, docx, html of md (standaard: afgeleid van --uit, anders pdf)")
    parser.add_argument("--uit", metavar="PAD", type=Path, help="het bestand om te maken (standaard: PLAN met "
                        "de extensie van het formaat)")
    parser.add_argument("--bundel", action="store_true",
                        help="een PDF met de agenda en daarna het werkblad van elke werkvorm")
    common.add_overwrite_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    fmt = common.output_format(args.formaat, args.uit).name
    if args.bundel and fmt != "pdf":
        raise UsageError("--bundel maakt altijd een PDF; laat --formaat weg of kies --formaat pdf.")
    if not args.plan.is_file():
        raise UsageError(f"het plan '{args.plan}' bestaat niet. Controleer de naam en de map.")
    path = args.uit or args.plan.with_suffix(FORMATS[fmt].suffix)
    cat = common.catalog(args)
    try:
        plan = read_plan(args.plan, cat)
    except PlanError as exc:
        raise UsageError(str(exc)) from None
    try:
        check_target(path, args.overschrijf)
        if args.bundel:
            data, sheets = agenda.bundle(plan, cat)
        else:
            data, sheets = agenda.render(plan, fmt), []
        write_atomic(path, data, overwrite=args.overschrijf)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    print(f"Agenda '{plan.titel}' gemaakt: {path}")
    print(f"{len(plan.blokken)} blokken, van {plan.start:%H:%M} tot {plan.einde:%H:%M}.")
    if args.bundel:
        print(f"Met {len(sheets)} werkbladen erachter.")
    return 0

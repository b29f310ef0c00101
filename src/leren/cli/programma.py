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
  leren programma teamdag.yml --draaiboek --formaat docx

Een plan is een YAML-bestand met titel, datum, start, (einde, deelnemers) en blokken:
  titel: Teamdag
  datum: 12-03-2026
  start: "09:30"
  einde: "12:30"
  deelnemers: 18
  blokken:
    - werkvorm: plaatsbepaling
    - werkvorm: casco-scholing      # een traject: plan een van de bijeenkomsten
      bijeenkomst: 2
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
                        help="een PDF met de agenda (of het draaiboek) en daarna het werkblad van elke werkvorm")
    parser.add_argument("--draaiboek", action="store_true",
                        help="het draaiboek voor de trainer: per blok de stappen, de uitnodiging, de nabespreking; "
                             "daarna de materialen en de controle van het aantal deelnemers")
    common.add_overwrite_option(parser)
    return parser


def run(args: argparse.Namespace) -> int:
    fmt = common.output_format(args.formaat, args.uit).name
    if args.bundel and fmt != "pdf":
        raise UsageError("--bundel maakt altijd een PDF; laat --formaat weg of kies --formaat pdf.")
    if not args.plan.is_file():
        raise UsageError(f"het plan '{args.plan}' bestaat niet. Controleer de naam en de map.")
    stem = f"{args.plan.stem}-draaiboek" if args.draaiboek else args.plan.stem
    path = args.uit or args.plan.with_name(stem + FORMATS[fmt].suffix)
    cat = common.catalog(args)
    try:
        plan = read_plan(args.plan, cat)
    except PlanError as exc:
        raise UsageError(str(exc)) from None
    try:
        check_target(path, args.overschrijf)
        if args.bundel:
            data, sheets = agenda.bundle(plan, cat, draaiboek=args.draaiboek)
        else:
            data, sheets = agenda.render(plan, fmt, draaiboek=args.draaiboek), []
        write_atomic(path, data, overwrite=args.overschrijf)
    except OutputError as exc:
        raise UsageError(str(exc)) from None
    print(f"{'Draaiboek' if args.draaiboek else 'Agenda'} '{plan.titel}' gemaakt: {path}")
    count = "1 blok" if len(plan.blokken) == 1 else f"{len(plan.blokken)} blokken"
    print(f"{count}, van {plan.start:%H:%M} tot {plan.einde:%H:%M}.")
    if args.bundel:
        print(f"Met {len(sheets)} werkbladen erachter.")
    for warning in plan.waarschuwingen:
        print(f"Let op, {warning}")
    return 0

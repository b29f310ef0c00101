"""The `leren` command line. All output and messages are Dutch.

One module per command. A command module has a `NAME`, a `register(subparsers)` that adds its parser,
and a `run(args) -> int`. To add a command, write such a module and list it in COMMANDS.

Exit codes: 0 done, 1 the data of the knowledge base is invalid, 2 a usage error (unknown id, bad
date, a file that exists or cannot be written). Usage errors print a Dutch message, never a traceback.
"""

from __future__ import annotations

import sys

from typst import TypstError

from leren.cli import alles, bundel, lijst, pdf, programma, werkblad
from leren.cli.parser import EXIT_USAGE, DutchParser, Exit, UsageError, dutch
from leren.errors import DataError

COMMANDS = (lijst, werkblad, alles, programma, pdf, bundel)
DESCRIPTION = ("Kennisbank transformatieleren: bekijk de gegevens, maak werkbladen, stel bijeenkomsten samen "
               "en maak de PDF's en de offline bundel van de site.")
EPILOG = "Meer hulp bij een opdracht: leren OPDRACHT --help"


def build_parser() -> DutchParser:
    parser = DutchParser(prog="leren", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--gegevens", metavar="MAP",
                        help="map met eigen gegevens (standaard: de gegevens van het pakket)")
    sub = parser.add_subparsers(title="Opdrachten", dest="opdracht", metavar="OPDRACHT",
                                parser_class=DutchParser)
    for command in COMMANDS:
        command.register(sub).set_defaults(run=command.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    with dutch():
        parser = build_parser()
        try:
            args = parser.parse_args(argv)
            if args.opdracht is None:
                parser.print_help()
                return EXIT_USAGE
            return args.run(args)
        except Exit as stop:
            return stop.status
        except UsageError as exc:
            print(exc, file=sys.stderr)
            return EXIT_USAGE
        except DataError as exc:
            print(exc, file=sys.stderr)
            return 1
        except TypstError as exc:  # a layout problem in the template, not in what the user typed
            print(f"leren: fout: het werkblad kon niet worden opgemaakt als PDF ({exc.message}).", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            print("leren: gestopt.", file=sys.stderr)
            return 130


if __name__ == "__main__":
    sys.exit(main())

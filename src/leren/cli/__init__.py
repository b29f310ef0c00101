"""The `leren` command line. All output and messages are Dutch."""

from __future__ import annotations

import argparse
import sys

from leren.catalog import load
from leren.errors import DataError

KINDS = ("principes", "krachten", "casussen", "werkvormen", "werkbladen")


def _list(kind: str) -> list[str]:
    c = load()
    if kind == "principes":
        return [f"{p.id:32} {p.nummer}. {p.naam}" for p in c.principles.values()]
    if kind == "krachten":
        return [f"{f.id:32} {f.naam}" for f in c.forces.values()]
    if kind == "casussen":
        return [f"{x.id:32} {x.titel} ({x.jaren})" for x in c.cases.values()]
    if kind == "werkvormen":
        return [f"{w.id:32} {w.naam} ({w.duur} min)" for w in c.formats.values()]
    return [f"{w.id:32} {w.titel}" for w in c.worksheets.values()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="leren", description="Kennisbank transformatieleren.", add_help=True)
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT")
    lijst = sub.add_parser("lijst", help="toon principes, krachten, casussen, werkvormen of werkbladen")
    lijst.add_argument("soort", nargs="?", default="principes", choices=KINDS, help="wat je wilt zien")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.opdracht is None:
        parser.print_help()
        return 2
    try:
        lines = _list(args.soort)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    print("\n".join(lines) if lines else f"Er zijn nog geen {args.soort}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

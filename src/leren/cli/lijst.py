"""`leren lijst [SOORT]`: show the ids and names of what the knowledge base holds."""

from __future__ import annotations

import argparse

from leren.catalog import Catalog
from leren.cli import common

NAME = "lijst"
KINDS = ("principes", "krachten", "casussen", "werkvormen", "werkbladen")


def register(sub) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        NAME,
        help="toon principes, krachten, casussen, werkvormen of werkbladen",
        description="Toon de ids en namen uit de kennisbank. Met een id maak je bijvoorbeeld een werkblad.",
    )
    parser.add_argument("soort", nargs="?", default="principes", choices=KINDS,
                        help="wat je wilt zien (standaard: principes)")
    return parser


def lines(cat: Catalog, kind: str) -> list[str]:
    if kind == "principes":
        return [f"{p.id:32} {p.nummer}. {p.naam}" for p in cat.principles.values()]
    if kind == "krachten":
        return [f"{f.id:32} {f.naam}" for f in cat.forces.values()]
    if kind == "casussen":
        return [f"{x.id:32} {x.titel} ({x.jaren})" for x in cat.cases.values()]
    if kind == "werkvormen":
        return [f"{w.id:32} {w.naam} ({_room(w)})" for w in cat.formats.values()]
    return [f"{w.id:32} {w.titel}" for w in sorted(cat.worksheets.values(), key=lambda w: w.id)]


def run(args: argparse.Namespace) -> int:
    found = lines(common.catalog(args), args.soort)
    print("\n".join(found) if found else f"Er zijn nog geen {args.soort}.")
    return 0


def _room(fmt) -> str:
    """Time in the room, as the planner uses it; a traject by its meetings, an interventie by its kind."""
    if fmt.soort == "traject":
        return f"traject: {fmt.bijeenkomsten} bijeenkomsten, samen {fmt.contacttijd} min in de zaal"
    if fmt.soort == "interventie":
        return f"interventie, {fmt.minuten_in_zaal} min"
    return f"{fmt.minuten_in_zaal} min in de zaal"

"""The session planner: read a plan, check it, and compute every block's start and end.

A plan is a small YAML file:

    titel: Startbijeenkomst buurtteam Noord
    datum: 2026-03-12          # or 12-03-2026
    start: "09:30"
    einde: "12:30"             # optional: the planner warns when the programme runs past it
    groep: Buurtteam Noord     # optional, like trainer, locatie and organisatie
    blokken:
      - werkvorm: plaatsbepaling
      - werkvorm: droomdag
        minuten: 90            # optional override of the werkvorm's own duration
      - pauze: 15
      - vrij: Lunch
        minuten: 30

Every problem is reported in Dutch with the line of the plan it concerns.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from leren.catalog import Catalog, load
from leren.model import Format
from leren.text import parse_date

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
_OPTIONAL = ("einde", "groep", "trainer", "locatie", "organisatie")
_BLOCK_KEYS = {"werkvorm": {"minuten", "notitie"}, "pauze": {"notitie"}, "vrij": {"minuten", "notitie"}}


class PlanError(Exception):
    """A plan that cannot be scheduled; carries every problem, each naming its line."""

    def __init__(self, source: str, problems: list[str]):
        self.problems = problems
        lines = "\n".join(f"- {p}" for p in problems)
        super().__init__(f"Het plan {source} klopt niet:\n{lines}")


@dataclass
class Block:
    soort: str  # "werkvorm", "pauze" or "vrij"
    titel: str
    minuten: int
    start: dt.datetime
    werkvorm: Format | None = None
    notitie: str = ""

    @property
    def einde(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minuten)


@dataclass
class Agenda:
    titel: str
    datum: dt.date
    start: dt.datetime
    blokken: list[Block]
    einde_gepland: dt.datetime | None = None
    details: dict[str, str] = field(default_factory=dict)

    @property
    def einde(self) -> dt.datetime:
        return self.blokken[-1].einde if self.blokken else self.start

    @property
    def minuten(self) -> int:
        return sum(b.minuten for b in self.blokken)

    @property
    def werkvormen(self) -> list[Format]:
        return [b.werkvorm for b in self.blokken if b.werkvorm is not None]


class _LineLoader(yaml.SafeLoader):
    """Remembers on which line each mapping and each key starts."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__regel__"] = node.start_mark.line + 1
        mapping["__regels__"] = {key.value: key.start_mark.line + 1 for key, _ in node.value}
        return mapping


EXAMPLES = Path(__file__).parent / "data" / "programmas"


def example(name: str) -> Path:
    """The path of an example plan that ships with the package."""
    path = EXAMPLES / f"{name}.yml"
    if not path.is_file():
        names = ", ".join(sorted(p.stem for p in EXAMPLES.glob("*.yml")))
        raise KeyError(f"Er is geen voorbeeldplan '{name}'. Wel: {names}.")
    return path


def read_plan(path: Path | str, catalog: Catalog | None = None) -> Agenda:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PlanError(str(path), [f"het bestand kan niet worden gelezen ({exc.strerror})."]) from exc
    return parse_plan(text, catalog, source=str(path))


def parse_plan(text: str, catalog: Catalog | None = None, source: str = "plan") -> Agenda:
    catalog = catalog or load()
    try:
        raw = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}" if mark else "het bestand"
        raise PlanError(source, [f"{where}: dit is geen geldige YAML. Controleer de dubbele punten, de streepjes "
                                 "voor de blokken en het inspringen (spaties, geen tabs)."]) from exc
    if not isinstance(raw, dict):
        raise PlanError(source, ["regel 1: een plan begint met velden als 'titel:', 'datum:', 'start:' en 'blokken:'."])
    problems: list[str] = []
    lines = raw.get("__regels__", {})

    def line(key: str) -> int:
        return lines.get(key, raw.get("__regel__", 1))

    for key in ("titel", "datum", "start", "blokken"):
        if raw.get(key) in (None, ""):
            problems.append(f"regel {line(key)}: het veld '{key}' ontbreekt of is leeg.")
    known = {"titel", "datum", "start", "blokken", *_OPTIONAL, "__regel__", "__regels__"}
    for key in raw:
        if key not in known:
            problems.append(f"regel {line(key)}: onbekend veld '{key}'. Toegestaan: titel, datum, start, blokken, "
                            f"{', '.join(_OPTIONAL)}.")
    date = start = planned_end = None
    if raw.get("datum") not in (None, ""):
        try:
            date = raw["datum"] if isinstance(raw["datum"], dt.date) else parse_date(str(raw["datum"]))
        except ValueError as exc:
            problems.append(f"regel {line('datum')}: {exc}")
    start_time = _time(raw.get("start"), "start", line("start"), problems) if raw.get("start") not in (None, "") else None
    end_time = _time(raw.get("einde"), "einde", line("einde"), problems) if raw.get("einde") not in (None, "") else None
    if date and start_time:
        start = dt.datetime.combine(date, start_time)
        if end_time:
            planned_end = dt.datetime.combine(date, end_time)
            if planned_end <= start:
                problems.append(f"regel {line('einde')}: de eindtijd {end_time:%H:%M} ligt niet na de begintijd "
                                f"{start_time:%H:%M}.")

    blocks: list[Block] = []
    raw_blocks = raw.get("blokken")
    if raw_blocks not in (None, "") and not isinstance(raw_blocks, list):
        problems.append(f"regel {line('blokken')}: 'blokken' moet een lijst zijn (elk blok begint met '- ').")
        raw_blocks = []
    clock = start or dt.datetime.combine(dt.date(2000, 1, 1), dt.time(0, 0))
    for index, item in enumerate(raw_blocks or [], 1):
        block = _block(item, index, catalog, clock, problems, line("blokken"))
        if block:
            blocks.append(block)
            clock = block.einde
    if raw_blocks == []:
        problems.append(f"regel {line('blokken')}: het programma heeft nog geen blokken.")

    if start and blocks and not problems:
        end = blocks[-1].einde
        if end.date() != start.date():
            problems.append(f"regel {_block_line(raw_blocks[-1], line('blokken'))}: het programma loopt door "
                            f"tot na middernacht ({end:%d-%m %H:%M}). Begin eerder of maak blokken korter.")
        elif planned_end and end > planned_end:
            over = int((end - planned_end).total_seconds() // 60)
            problems.append(f"regel {line('einde')}: het programma duurt tot {end:%H:%M}, maar de bijeenkomst eindigt om "
                            f"{planned_end:%H:%M}: {over} minuten te lang. Schrap een blok of kort er een in met 'minuten:'.")
    if problems:
        raise PlanError(source, problems)
    details = {k: str(raw[k]) for k in ("groep", "trainer", "locatie", "organisatie") if raw.get(k)}
    return Agenda(titel=str(raw["titel"]), datum=date, start=start, blokken=blocks, einde_gepland=planned_end,
                  details=details)


def _time(value, name: str, line: int, problems: list[str]) -> dt.time | None:
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 09:30 as a number of minutes (sexagesimal).
        value = f"{value // 60}:{value % 60:02d}"
    match = _TIME.match(str(value).strip())
    if not match:
        problems.append(f"regel {line}: '{value}' is geen geldige tijd voor '{name}'; schrijf bijvoorbeeld \"09:30\".")
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


def _block_line(item, fallback: int) -> int:
    return item.get("__regel__", fallback) if isinstance(item, dict) else fallback


def _block(item, index: int, catalog: Catalog, clock: dt.datetime, problems: list[str], fallback: int) -> Block | None:
    where = f"regel {_block_line(item, fallback)}"
    if not isinstance(item, dict):
        problems.append(f"{where}: blok {index} moet een werkvorm, pauze of vrij blok zijn, bijvoorbeeld "
                        f"'- werkvorm: plaatsbepaling'.")
        return None
    kinds = [k for k in _BLOCK_KEYS if k in item]
    if len(kinds) != 1:
        problems.append(f"{where}: blok {index} moet precies een van 'werkvorm', 'pauze' of 'vrij' hebben.")
        return None
    kind = kinds[0]
    for key in item:
        if key not in _BLOCK_KEYS[kind] | {kind, "__regel__", "__regels__"}:
            allowed = ", ".join(sorted(_BLOCK_KEYS[kind]))
            problems.append(f"{where}: onbekend veld '{key}' in blok {index}. Bij '{kind}' mag ook: {allowed}.")
    note = str(item.get("notitie") or "")
    if kind == "pauze":
        minutes = _minutes(item.get("pauze"), where, index, problems)
        return Block("pauze", "Pauze", minutes, clock, notitie=note) if minutes else None
    if kind == "vrij":
        title = item.get("vrij")
        if not isinstance(title, str) or not title.strip():
            problems.append(f"{where}: een vrij blok heeft een titel nodig, bijvoorbeeld '- vrij: Lunch'.")
            return None
        if "minuten" not in item:
            problems.append(f"{where}: geef bij het vrije blok '{title}' ook 'minuten:'.")
            return None
        minutes = _minutes(item.get("minuten"), where, index, problems)
        return Block("vrij", title.strip(), minutes, clock, notitie=note) if minutes else None
    wid = item.get("werkvorm")
    fmt = catalog.formats.get(wid) if isinstance(wid, str) else None
    if fmt is None:
        close = difflib.get_close_matches(str(wid), list(catalog.formats), n=3, cutoff=0.5)
        hint = f" Bedoelde je {' of '.join(repr(c) for c in close)}?" if close else " Zie 'leren lijst werkvormen'."
        problems.append(f"{where}: onbekende werkvorm '{wid}'.{hint}")
        return None
    minutes = _minutes(item["minuten"], where, index, problems) if "minuten" in item else fmt.duur
    return Block("werkvorm", fmt.naam, minutes, clock, werkvorm=fmt, notitie=note) if minutes else None


def _minutes(value, where: str, index: int, problems: list[str]) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(f"{where}: de duur van blok {index} moet een heel aantal minuten zijn, niet '{value}'.")
        return None
    if value <= 0:
        problems.append(f"{where}: de duur van blok {index} is {value} minuten; geef een positief aantal.")
        return None
    return value

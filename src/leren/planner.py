"""The session planner: read a plan, check it, and compute every block's start and end.

A plan is a small YAML file:

    titel: Startbijeenkomst buurtteam Noord
    datum: 2026-03-12          # or 12-03-2026 or 12/03/2026
    start: "09:30"
    einde: "12:30"             # optional: the planner refuses a programme that runs past it
    deelnemers: 18             # optional: checked against each werkvorm's group size (a warning)
    groep: Buurtteam Noord     # optional, like trainer, locatie and organisatie
    blokken:
      - werkvorm: plaatsbepaling          # default length: the werkvorm's time in the room
      - werkvorm: droomdag
        minuten: 90                       # optional override
      - werkvorm: casco-scholing
        bijeenkomst: 2                    # a traject: plan one of its meetings
      - werkblad: principe-ervaringsleren # default length: the worksheet's minutes
      - pauze: 15
      - vrij: Lunch
        minuten: 30

The rules live here once. Every message is a template in `MESSAGES` (id -> Dutch text with named
placeholders); a `Problem` is a line, a message id and its values. `export(catalog)` gives a browser
everything it needs to apply the same rules (see branch `workbench`).

Time in the room: a block of a werkvorm lasts, unless `minuten:` says otherwise, as long as the steps
during the meeting (`Format.minuten_in_zaal`). An interventie is not a block; a traject is not one
block, but one of its meetings is (`bijeenkomst: N`). Meeting N of a traject: the in-meeting steps in
order, each repeated `keer` times, are its meetings when there are exactly `bijeenkomsten` of them;
otherwise every meeting follows the same pattern and lasts the average contact time (contact time
divided by the number of meetings, rounded to 5 minutes), showing all in-meeting steps.

Rounds that scale with the group (`per_beurt` minutes per turn), see `round_sizes`: a turn per
participant in the whole group takes `per_beurt * deelnemers`; a turn per participant inside subgroups
runs in parallel and takes `per_beurt * size`; a turn per subgroup takes `per_beurt * ceil(deelnemers /
size)`. The size comes from the `indeling` (tweetallen 2, trio's 3, groepjes van 5 ...).
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from leren.catalog import MAX_ROOM_MINUTES, Catalog, load
from leren.model import Format, Step, Worksheet
from leren.text import DateError, dutch_date, parse_date
from leren.text import duration as duration_text

MAX_BLOCK_MINUTES = MAX_ROOM_MINUTES  # a block lasts at most four hours, like a werkvorm in the room
MAX_PARTICIPANTS = 500
DEFAULT_SUBGROUP = 4
ROUND_MARGIN = 5  # the group makes rounds at least this many minutes longer before the planner warns
LIMITS = {"max_blok_minuten": MAX_BLOCK_MINUTES, "max_deelnemers": MAX_PARTICIPANTS,
          "groepje_standaard": DEFAULT_SUBGROUP, "rondes_marge": ROUND_MARGIN}

# Every message of the planner, by id. Placeholders are {name}; every value is already text.
MESSAGES: dict[str, str] = {
    # the file
    "bestand": "het bestand kan niet worden gelezen ({reden}).",
    "yaml": "dit is geen geldige YAML. Controleer de dubbele punten, de streepjes voor de blokken en het "
            "inspringen (spaties, geen tabs).",
    "leeg": "het bestand is leeg. Een plan begint met velden als 'titel:', 'datum:', 'start:' en 'blokken:'.",
    "geen_plan": "een plan begint met velden als 'titel:', 'datum:', 'start:' en 'blokken:'.",
    # the fields of the plan
    "veld_ontbreekt": "het veld '{veld}' ontbreekt of is leeg.",
    "onbekend_veld": "onbekend veld '{veld}'. Toegestaan: {toegestaan}.",
    "datum_onleesbaar": "'{waarde}' is geen datum die de planner kan lezen. Schrijf DD-MM-JJJJ (12-03-2026), "
                        "DD/MM/JJJJ (12/03/2026) of JJJJ-MM-DD (2026-03-12).",
    "datum_bestaat_niet": "'{waarde}' bestaat niet als datum: controleer de dag en de maand.",
    "tijd": "'{waarde}' is geen geldige tijd voor '{veld}'; schrijf bijvoorbeeld \"09:30\".",
    "einde_voor_start": "de eindtijd {einde} ligt niet na de begintijd {start}.",
    "deelnemers": "'deelnemers' is het aantal personen, een heel getal van 1 tot en met {max} zonder "
                  "aanhalingstekens, niet '{waarde}'.",
    "blokken_geen_lijst": "'blokken' moet een lijst zijn (elk blok begint met '- ').",
    "geen_blokken": "het programma heeft nog geen blokken.",
    # one block
    "blok_soort": "blok {blok} moet een werkvorm, werkblad, pauze of vrij blok zijn, bijvoorbeeld "
                  "'- werkvorm: plaatsbepaling'.",
    "blok_een_soort": "blok {blok} moet precies een van 'werkvorm', 'werkblad', 'pauze' of 'vrij' hebben.",
    "blok_onbekend_veld": "onbekend veld '{veld}' in blok {blok}. Bij '{soort}' mag ook: {toegestaan}.",
    "vrij_titel": "een vrij blok heeft een titel nodig, bijvoorbeeld '- vrij: Lunch'.",
    "vrij_minuten": "geef bij het vrije blok '{titel}' ook 'minuten:'.",
    "werkvorm_onbekend": "onbekende werkvorm '{werkvorm}'.{hint}",
    "werkblad_onbekend": "onbekend werkblad '{werkblad}'.{hint}",
    "minuten_geen_getal": "de duur van blok {blok} moet een heel aantal minuten zijn, zonder "
                          "aanhalingstekens, niet '{waarde}'.",
    "minuten_niet_positief": "de duur van blok {blok} is {waarde} minuten; geef een positief aantal.",
    "blok_te_lang": "blok {blok} ({titel}) duurt {duur}; een blok duurt hoogstens {max}. Verdeel het over "
                    "meer blokken met een pauze ertussen, of over meer bijeenkomsten.",
    "interventie": "'{naam}' (blok {blok}) is een interventie: een zet die je als trainer doet wanneer er "
                   "tijdens een andere werkvorm iets gebeurt. Je plant hem niet als eigen blok. Houd hem "
                   "achter de hand en noem hem eventueel in de 'notitie:' van het blok waarin je hem "
                   "verwacht.",
    "traject": "'{naam}' (blok {blok}) is een traject van {bijeenkomsten} bijeenkomsten ({looptijd}), geen "
               "blok van een bijeenkomst. Plan een van die bijeenkomsten: zet 'bijeenkomst: 1' (tot en met "
               "{bijeenkomsten}) onder het blok.",
    "bijeenkomst_geen_traject": "'bijeenkomst:' hoort alleen bij een traject; '{naam}' (blok {blok}) is een "
                                "{soort}. Haal 'bijeenkomst:' weg.",
    "bijeenkomst_bereik": "'{naam}' (blok {blok}) heeft {bijeenkomsten} bijeenkomsten; 'bijeenkomst: "
                          "{waarde}' bestaat niet. Kies 1 tot en met {bijeenkomsten}.",
    # the programme as a whole
    "andere_dag": "blok {blok} ({titel}) eindigt pas op {dag} om {tijd}: de bijeenkomst loopt door tot na "
                  "middernacht. Begin eerder, maak dit blok korter of verdeel het programma over twee "
                  "bijeenkomsten.",
    "uitloop": "het programma duurt tot {eind}, maar de bijeenkomst eindigt om {einde}: {over} te lang. "
               "Uit de tijd lopen: {blokken}. Schrap een blok of kort er een in met 'minuten:'.",
    "uitloop_blok": "blok {blok} ({titel}, {van}-{tot}) valt {over} na de eindtijd {einde}.",
    # warnings: the plan is accepted, the agenda and draaiboek show them
    "groep_te_groot": "blok {blok} ({naam}): {deelnemers} deelnemers is meer dan de {max} waarvoor deze "
                      "werkvorm bedoeld is ({min} tot {max}). Werk in twee groepen tegelijk of kies een "
                      "andere werkvorm.",
    "groep_te_klein": "blok {blok} ({naam}): {deelnemers} deelnemers is minder dan de {min} die deze werkvorm "
                      "nodig heeft ({min} tot {max}). Doe zelf mee of kies een andere werkvorm.",
    "rondes_langer": "blok {blok} ({naam}): met {deelnemers} deelnemers duren de rondes langer. De stappen "
                     "in de zaal vragen dan {nodig}, het blok heeft {minuten}. Geef het blok meer tijd, maak "
                     "de beurten korter of werk in kleinere kringen.",
    "sterk_ingekort": "blok {blok} ({naam}) heeft {minuten} in plaats van {standaard}: minder dan de helft. "
                      "Kijk in het draaiboek welke stappen je overslaat.",
}
WARNINGS = ("groep_te_groot", "groep_te_klein", "rondes_langer", "sterk_ingekort")

_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
OPTIONAL_FIELDS = ("einde", "deelnemers", "groep", "trainer", "locatie", "organisatie")
_DETAILS = ("groep", "trainer", "locatie", "organisatie")
BLOCK_KEYS = {"werkvorm": {"minuten", "notitie", "bijeenkomst"}, "werkblad": {"minuten", "notitie"},
              "pauze": {"notitie"}, "vrij": {"minuten", "notitie"}}
# The plan file's shape, public for the planner page (`leren.sphinx.planner`).
PLAN_OPTIONAL_FIELDS = OPTIONAL_FIELDS
PLAN_BLOCK_KEYS = BLOCK_KEYS
_SUBGROUP_WORDS = (("tweeta", 2), ("duo", 2), ("paren", 2), ("drieta", 3), ("trio", 3), ("vierta", 4),
                   ("vijfta", 5), ("zesta", 6))
_NUMBER = re.compile(r"\b([2-9]|1[0-2])\b")
_NUMBER_WORDS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8}
_ALTERNATIVES = re.compile(r",|;|\bof\b|\bdaarna\b|\bdan\b")
_WHOLE_GROUP = re.compile(r"hele groep|plenair|\bkring\b|iedereen samen")


@dataclass(frozen=True)
class Problem:
    """One finding about a plan: its line, the id of its message and the values for the placeholders."""

    regel: int
    code: str
    waarden: dict = field(default_factory=dict)

    @property
    def tekst(self) -> str:
        return MESSAGES[self.code].format(**self.waarden)

    def __str__(self) -> str:
        return f"regel {self.regel}: {self.tekst}"


class PlanError(Exception):
    """A plan that cannot be scheduled; carries every problem, each naming its line."""

    def __init__(self, source: str, problems: list[Problem]):
        self.issues = problems
        self.problems = [str(p) for p in problems]
        lines = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(f"Het plan {source} klopt niet:\n{lines}")


@dataclass
class Block:
    soort: str  # "werkvorm", "werkblad", "pauze" or "vrij"
    titel: str
    minuten: int
    start: dt.datetime
    werkvorm: Format | None = None
    notitie: str = ""
    regel: int = 0
    standaard: int | None = None  # the default length (time in the room, or the worksheet's minutes)
    bijeenkomst: int | None = None  # which meeting of a traject
    werkblad: Worksheet | None = None

    @property
    def einde(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minuten)

    @property
    def stappen(self) -> list[Step]:
        """The in-meeting steps of this block (of one meeting, for a traject)."""
        if self.werkvorm is None:
            return []
        return meeting_steps(self.werkvorm, self.bijeenkomst)


@dataclass
class Agenda:
    titel: str
    datum: dt.date
    start: dt.datetime
    blokken: list[Block]
    einde_gepland: dt.datetime | None = None
    details: dict[str, str] = field(default_factory=dict)
    deelnemers: int | None = None
    waarschuwingen: list[Problem] = field(default_factory=list)

    @property
    def einde(self) -> dt.datetime:
        return self.blokken[-1].einde if self.blokken else self.start

    @property
    def minuten(self) -> int:
        return sum(b.minuten for b in self.blokken)

    @property
    def werkvormen(self) -> list[Format]:
        return [b.werkvorm for b in self.blokken if b.werkvorm is not None]


def read_date(text: str) -> dt.date:
    """The one date parser of plans and worksheets (`leren.text.parse_date`): 12-03-2026, 12/03/2026 and
    2026-03-12 are the same day."""
    return parse_date(text)


# --- what a werkvorm brings to a block -------------------------------------------------------------


def _expanded_meetings(fmt: Format) -> list[Step]:
    return [s for s in fmt.stappen if s.wanneer == "tijdens" for _ in range(s.keer)]


def meeting_steps(fmt: Format, meeting: int | None = None) -> list[Step]:
    """The in-meeting steps of a werkvorm, or of meeting `meeting` of a traject (see the module doc)."""
    steps = [s for s in fmt.stappen if s.wanneer == "tijdens"]
    if meeting is None or fmt.soort != "traject" or not fmt.bijeenkomsten:
        return steps
    expanded = _expanded_meetings(fmt)
    if len(expanded) == fmt.bijeenkomsten and 1 <= meeting <= len(expanded):
        return [expanded[meeting - 1]]
    return steps


def meeting_minutes(fmt: Format) -> list[int]:
    """The default length of each meeting of a traject (empty for anything else)."""
    if fmt.soort != "traject" or not fmt.bijeenkomsten:
        return []
    expanded = _expanded_meetings(fmt)
    if len(expanded) == fmt.bijeenkomsten:
        return [s.minuten for s in expanded]
    average = max(5, 5 * round(fmt.contacttijd / fmt.bijeenkomsten / 5))
    return [average] * fmt.bijeenkomsten


def subgroup_size(step: Step) -> int | None:
    """How many people a subgroup of this step has, read from its `indeling`; None when it names none.

    Only the main configuration counts: what comes before a comma, 'of' or 'daarna' ("hele groep, of
    tweetallen bij het interview" is the whole group).
    """
    text = _ALTERNATIVES.split((step.indeling or "").casefold())[0]
    if _WHOLE_GROUP.search(text):
        return None
    for word, size in _SUBGROUP_WORDS:
        if word in text:
            return size
    if re.search(r"\b(sub)?groepjes?\b", text):
        sizes = [int(n) for n in _NUMBER.findall(text)]
        sizes += [_NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text) if w in _NUMBER_WORDS]
        return round(sum(sizes) / len(sizes)) if sizes else DEFAULT_SUBGROUP  # 'van drie tot vijf': 4
    return None


def round_sizes(steps: list[Step]) -> list[int | None]:
    """Per step, the subgroup size its rounds use (None: no round, or turns in the whole group).

    A turn per subgroup takes the size this step names, else the one an earlier step names (the
    harvest of 1-2-4-all follows the foursomes), else 4. A turn per participant inside subgroups
    (tweetallen, trio's) runs in parallel, so it takes the size of the subgroup, not of the group.
    """
    sizes: list[int | None] = []
    last: int | None = None
    for step in steps:
        own = subgroup_size(step)
        if step.beurten == "groepje":
            sizes.append(own or last or DEFAULT_SUBGROUP)
        elif step.beurten == "deelnemer":
            sizes.append(own)
        else:
            sizes.append(None)
        last = own or last
    return sizes


def step_minutes(step: Step, participants: int | None, size: int | None = None) -> int:
    """A step's minutes for a group of `participants` (rounds scale; other steps keep their minutes)."""
    if participants is None or step.per_beurt is None:
        return step.minuten
    if step.beurten == "groepje":
        turns = math.ceil(participants / (size or DEFAULT_SUBGROUP))
    else:
        turns = min(size, participants) if size else participants
    return step.per_beurt * turns


def steps_minutes(steps: list[Step], participants: int | None) -> list[int]:
    """The minutes of each step for a group of `participants`."""
    return [step_minutes(s, participants, size) for s, size in zip(steps, round_sizes(steps))]


def scaled(minutes: list[int], total: int) -> list[int]:
    """`minutes` scaled to add up to `total`, in whole minutes (largest remainder), each at least 1."""
    if not minutes:
        return []
    base = sum(minutes)
    if base == total:
        return list(minutes)
    exact = [m * total / base for m in minutes]
    out = [max(1, math.floor(x)) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - math.floor(exact[i])), i))
    i = 0
    while sum(out) < total:
        out[order[i % len(order)]] += 1
        i += 1
    while sum(out) > total and any(m > 1 for m in out):
        j = max(range(len(out)), key=lambda k: (out[k] - exact[k], out[k]))
        out[j] -= 1
    return out


# --- reading a plan ---------------------------------------------------------------------------------


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
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "geen UTF-8-tekst"
        raise PlanError(str(path), [Problem(1, "bestand", {"reden": reason})]) from exc
    return parse_plan(text, catalog, source=str(path))


def parse_plan(text: str, catalog: Catalog | None = None, source: str = "plan") -> Agenda:
    catalog = catalog or load()
    try:
        raw = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PlanError(source, [Problem(mark.line + 1 if mark else 1, "yaml")]) from exc
    if raw is None:
        raise PlanError(source, [Problem(1, "leeg")])
    if not isinstance(raw, dict):
        raise PlanError(source, [Problem(1, "geen_plan")])
    return _Reader(raw, catalog).agenda(source)


class _Reader:
    """Checks one parsed plan and collects every problem."""

    def __init__(self, raw: dict, catalog: Catalog):
        self.raw = raw
        self.catalog = catalog
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.lines = raw.get("__regels__", {})

    def line(self, key: str) -> int:
        return self.lines.get(key, self.raw.get("__regel__", 1))

    def add(self, line: int, code: str, **values) -> None:
        self.problems.append(Problem(line, code, {k: str(v) for k, v in values.items()}))

    def warn(self, line: int, code: str, **values) -> None:
        self.warnings.append(Problem(line, code, {k: str(v) for k, v in values.items()}))

    def agenda(self, source: str) -> Agenda:
        raw = self.raw
        for key in ("titel", "datum", "start", "blokken"):
            if raw.get(key) in (None, ""):
                self.add(self.line(key), "veld_ontbreekt", veld=key)
        known = {"titel", "datum", "start", "blokken", *OPTIONAL_FIELDS, "__regel__", "__regels__"}
        for key in raw:
            if key not in known:
                self.add(self.line(key), "onbekend_veld", veld=key,
                         toegestaan=f"titel, datum, start, blokken, {', '.join(OPTIONAL_FIELDS)}")
        date = self._date()
        start_time = self._time("start")
        end_time = self._time("einde")
        participants = self._participants()
        start = planned_end = None
        if date and start_time:
            start = dt.datetime.combine(date, start_time)
            if end_time:
                planned_end = dt.datetime.combine(date, end_time)
                if planned_end <= start:
                    self.add(self.line("einde"), "einde_voor_start", einde=f"{end_time:%H:%M}",
                             start=f"{start_time:%H:%M}")
                    planned_end = None

        blocks: list[Block] = []
        raw_blocks = raw.get("blokken")
        if raw_blocks not in (None, "") and not isinstance(raw_blocks, list):
            self.add(self.line("blokken"), "blokken_geen_lijst")
        elif raw_blocks == []:
            self.add(self.line("blokken"), "geen_blokken")
        clock = start or dt.datetime.combine(dt.date(2000, 1, 1), dt.time(0, 0))
        for index, item in enumerate(raw_blocks if isinstance(raw_blocks, list) else [], 1):
            block = self._block(item, index, clock)
            if block:
                blocks.append(block)
                clock = block.einde
        if start and blocks and self._same_day(blocks, start) and planned_end:
            self._check_end(blocks, planned_end)
        if participants:
            for index, block in enumerate(blocks, 1):
                if block.werkvorm is not None:
                    self._check_group(block, index, participants)
        for index, block in enumerate(blocks, 1):
            if block.standaard and block.minuten * 2 < block.standaard:
                self.warn(block.regel, "sterk_ingekort", blok=index, naam=block.titel,
                          minuten=duration_text(block.minuten), standaard=duration_text(block.standaard))
        if self.problems:
            raise PlanError(source, sorted(self.problems, key=lambda p: p.regel))
        details = {k: str(raw[k]) for k in _DETAILS if raw.get(k) not in (None, "")}
        return Agenda(titel=str(raw["titel"]), datum=date, start=start, blokken=blocks, einde_gepland=planned_end,
                      details=details, deelnemers=participants,
                      waarschuwingen=sorted(self.warnings, key=lambda p: p.regel))

    def _date(self) -> dt.date | None:
        value = self.raw.get("datum")
        if value in (None, ""):
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return read_date(str(value))
        except DateError:
            readable = re.match(r"^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\s*$", str(value))
            self.add(self.line("datum"), "datum_bestaat_niet" if readable else "datum_onleesbaar", waarde=value)
            return None

    def _time(self, name: str) -> dt.time | None:
        value = self.raw.get(name)
        if value in (None, ""):
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            # YAML 1.1 reads an unquoted 09:30 as a number of minutes (sexagesimal).
            value = f"{value // 60}:{value % 60:02d}"
        match = _TIME.match(str(value).strip())
        if not match:
            self.add(self.line(name), "tijd", waarde=value, veld=name)
            return None
        return dt.time(int(match.group(1)), int(match.group(2)))

    def _participants(self) -> int | None:
        value = self.raw.get("deelnemers")
        if value in (None, ""):
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PARTICIPANTS:
            self.add(self.line("deelnemers"), "deelnemers", waarde=value, max=MAX_PARTICIPANTS)
            return None
        return value

    def _block(self, item, index: int, clock: dt.datetime) -> Block | None:
        line = item.get("__regel__", self.line("blokken")) if isinstance(item, dict) else self.line("blokken")
        if not isinstance(item, dict):
            self.add(line, "blok_soort", blok=index)
            return None
        kinds = [k for k in BLOCK_KEYS if k in item]
        if len(kinds) != 1:
            self.add(line, "blok_een_soort", blok=index)
            return None
        kind = kinds[0]
        for key in item:
            if key not in BLOCK_KEYS[kind] | {kind, "__regel__", "__regels__"}:
                self.add(line, "blok_onbekend_veld", veld=key, blok=index, soort=kind,
                         toegestaan=", ".join(sorted(BLOCK_KEYS[kind])))
        note = str(item.get("notitie") or "")
        block = None
        if kind == "pauze":
            minutes = self._minutes(item.get("pauze"), line, index)
            block = Block("pauze", "Pauze", minutes, clock, notitie=note, regel=line) if minutes else None
        elif kind == "vrij":
            title = item.get("vrij")
            if not isinstance(title, str) or not title.strip():
                self.add(line, "vrij_titel")
                return None
            if "minuten" not in item:
                self.add(line, "vrij_minuten", titel=title.strip())
                return None
            minutes = self._minutes(item.get("minuten"), line, index)
            block = Block("vrij", title.strip(), minutes, clock, notitie=note, regel=line) if minutes else None
        elif kind == "werkblad":
            block = self._worksheet_block(item, index, line, clock, note)
        else:
            block = self._format_block(item, index, line, clock, note)
        if block and block.minuten > MAX_BLOCK_MINUTES:
            self.add(line, "blok_te_lang", blok=index, titel=block.titel, duur=duration_text(block.minuten),
                     max=duration_text(MAX_BLOCK_MINUTES))
            return None
        return block

    def _worksheet_block(self, item, index, line, clock, note) -> Block | None:
        sid = item.get("werkblad")
        sheet = self.catalog.worksheets.get(sid) if isinstance(sid, str) else None
        if sheet is None:
            self.add(line, "werkblad_onbekend", werkblad=sid, hint=_hint(sid, self.catalog.worksheets,
                                                                         "leren lijst werkbladen"))
            return None
        minutes = self._minutes(item["minuten"], line, index) if "minuten" in item else sheet.minuten
        if not minutes:
            return None
        return Block("werkblad", sheet_block_title(sheet), minutes, clock, notitie=note, regel=line,
                     standaard=sheet.minuten, werkblad=sheet)

    def _format_block(self, item, index, line, clock, note) -> Block | None:
        wid = item.get("werkvorm")
        fmt = self.catalog.formats.get(wid) if isinstance(wid, str) else None
        if fmt is None:
            self.add(line, "werkvorm_onbekend", werkvorm=wid, hint=_hint(wid, self.catalog.formats,
                                                                        "leren lijst werkvormen"))
            return None
        meeting = item.get("bijeenkomst")
        if fmt.soort == "interventie":
            self.add(line, "interventie", naam=fmt.naam, blok=index)
            return None
        if "bijeenkomst" in item and fmt.soort != "traject":
            self.add(line, "bijeenkomst_geen_traject", naam=fmt.naam, blok=index, soort=fmt.soort)
            return None
        default = fmt.minuten_in_zaal
        if fmt.soort == "traject":
            count = fmt.bijeenkomsten or 1
            if meeting is None:
                self.add(line, "traject", naam=fmt.naam, blok=index, bijeenkomsten=count,
                         looptijd=fmt.looptijd or "looptijd onbekend")
                return None
            if isinstance(meeting, bool) or not isinstance(meeting, int) or not 1 <= meeting <= count:
                self.add(self.lines_of(item).get("bijeenkomst", line), "bijeenkomst_bereik", naam=fmt.naam,
                         blok=index, waarde=meeting, bijeenkomsten=count)
                return None
            default = meeting_minutes(fmt)[meeting - 1]
        minutes = self._minutes(item["minuten"], line, index) if "minuten" in item else default
        if not minutes:
            return None
        title = fmt.naam if meeting is None else f"{fmt.naam}, bijeenkomst {meeting} van {fmt.bijeenkomsten}"
        return Block("werkvorm", title, minutes, clock, werkvorm=fmt, notitie=note, regel=line,
                     standaard=default, bijeenkomst=meeting)

    @staticmethod
    def lines_of(item: dict) -> dict:
        return item.get("__regels__", {})

    def _minutes(self, value, line: int, index: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(line, "minuten_geen_getal", blok=index, waarde=value)
            return None
        if value <= 0:
            self.add(line, "minuten_niet_positief", blok=index, waarde=value)
            return None
        return value

    def _same_day(self, blocks: list[Block], start: dt.datetime) -> bool:
        midnight = dt.datetime.combine(start.date() + dt.timedelta(days=1), dt.time(0, 0))
        for index, block in enumerate(blocks, 1):
            if block.einde > midnight:
                self.add(block.regel, "andere_dag", blok=index, titel=block.titel, dag=dutch_day(block.einde),
                         tijd=f"{block.einde:%H:%M}")
                return False
        return True

    def _check_end(self, blocks: list[Block], planned_end: dt.datetime) -> None:
        end = blocks[-1].einde
        if end <= planned_end:
            return
        late = []
        for index, block in enumerate(blocks, 1):
            if block.einde <= planned_end:
                continue
            over = int((block.einde - max(block.start, planned_end)).total_seconds() // 60)
            late.append(f"blok {index} ({block.titel}, {duration_text(over)})")
            self.add(block.regel, "uitloop_blok", blok=index, titel=block.titel, van=f"{block.start:%H:%M}",
                     tot=f"{block.einde:%H:%M}", over=duration_text(over), einde=f"{planned_end:%H:%M}")
        total = int((end - planned_end).total_seconds() // 60)
        self.add(self.line("einde"), "uitloop", eind=f"{end:%H:%M}" if end.date() == planned_end.date()
                 else f"{dutch_day(end)} {end:%H:%M}", einde=f"{planned_end:%H:%M}", over=duration_text(total),
                 blokken="; ".join(late))

    def _check_group(self, block: Block, index: int, participants: int) -> None:
        fmt = block.werkvorm
        size = fmt.groepsgrootte
        values = {"blok": index, "naam": fmt.naam, "deelnemers": participants, "min": size.min, "max": size.max}
        if participants > size.max:
            self.warn(block.regel, "groep_te_groot", **values)
        elif participants < size.min:
            self.warn(block.regel, "groep_te_klein", **values)
        steps = block.stappen
        if any(s.per_beurt for s in steps):
            needed = sum(steps_minutes(steps, participants))
            if needed > block.minuten and needed - sum(s.minuten for s in steps) >= ROUND_MARGIN:
                self.warn(block.regel, "rondes_langer", blok=index, naam=fmt.naam, deelnemers=participants,
                          nodig=duration_text(needed), minuten=duration_text(block.minuten))


def dutch_day(moment: dt.datetime) -> str:
    return dutch_date(moment.date())


def _hint(key, known: dict, command: str) -> str:
    close = difflib.get_close_matches(str(key), list(known), n=3, cutoff=0.5)
    return f" Bedoelde je {' of '.join(repr(c) for c in close)}?" if close else f" Zie '{command}'."


# --- for the browser planner ------------------------------------------------------------------------


def sheet_block_title(sheet: Worksheet) -> str:
    """How a worksheet block is named in an agenda: 'Werkblad: <titel>', unless the title says so already."""
    return sheet.titel if sheet.titel.casefold().startswith("werkblad") else f"Werkblad: {sheet.titel}"


def export(catalog: Catalog | None = None) -> dict:
    """Everything a browser needs to apply the planner's rules, JSON-serialisable.

    Shape (stable; branch `workbench` reads it):
      versie: 1
      grenzen: {max_blok_minuten, max_deelnemers, groepje_standaard, rondes_marge}
        ('rondes_langer' when the rounds need more than the block and the group adds at least rondes_marge)
      berichten: {id: template with {named} placeholders}; waarschuwingen: [ids that are warnings]
      werkvormen: {id: {naam, soort, minuten (time in the room), groepsgrootte: [min, max],
                   bijeenkomsten, looptijd, bijeenkomst_minuten: [per meeting], werkblad (worksheet id or
                   null), rondes: [{minuten, per_beurt, beurten, groepje}] (the in-room steps of a
                   werkvorm; of every meeting for a traject: bijeenkomst_rondes)}}
      werkbladen: {id: {titel, bloktitel (the title of its block, see `sheet_block_title`), minuten}}
      plan: {velden: [the fields of a plan], blokken: {kind: [the keys a block of that kind may have]}}
    Durations in messages are written as `duration_text` does: '45 min', '2 uur', '1 uur 30 min'.
    """
    catalog = catalog or load()

    def rounds(steps: list[Step]) -> list[dict]:
        return [{"minuten": s.minuten, "per_beurt": s.per_beurt, "beurten": s.beurten, "groepje": size}
                for s, size in zip(steps, round_sizes(steps))]

    formats = {}
    for fmt in catalog.formats.values():
        sheet = f"werkvorm-{fmt.id}"
        entry = {
            "naam": fmt.naam,
            "soort": fmt.soort,
            "minuten": fmt.minuten_in_zaal,
            "groepsgrootte": [fmt.groepsgrootte.min, fmt.groepsgrootte.max],
            "bijeenkomsten": fmt.bijeenkomsten,
            "looptijd": fmt.looptijd,
            "bijeenkomst_minuten": meeting_minutes(fmt),
            "werkblad": sheet if sheet in catalog.worksheets else None,
            "rondes": rounds(meeting_steps(fmt)),
        }
        if fmt.soort == "traject" and fmt.bijeenkomsten:
            entry["bijeenkomst_rondes"] = [rounds(meeting_steps(fmt, n)) for n in range(1, fmt.bijeenkomsten + 1)]
        formats[fmt.id] = entry
    sheets = {s.id: {"titel": s.titel, "bloktitel": sheet_block_title(s), "minuten": s.minuten}
              for s in sorted(catalog.worksheets.values(), key=lambda s: s.id)}
    plan = {"velden": ["titel", "datum", "start", *OPTIONAL_FIELDS],
            "blokken": {kind: sorted(keys) for kind, keys in BLOCK_KEYS.items()}}
    return {"versie": 1, "grenzen": dict(LIMITS), "berichten": dict(MESSAGES), "waarschuwingen": list(WARNINGS),
            "werkvormen": formats, "werkbladen": sheets, "plan": plan}

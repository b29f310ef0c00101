"""Load every data file of the knowledge base, validate it, and check the references between entities.

`load()` returns one `Catalog`; any problem (bad YAML, a missing or unknown field, a duplicate id, a
reference to something that does not exist) raises a single `DataError` that lists every problem with
its file and entry.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from leren.derived import add_worksheets
from leren.errors import DataError
from leren.model import Case, Force, Format, ItemBank, Principle, ReadingPath, Term, TermChoice, Worksheet
from leren.paths import FORMAT_WORKSHEET_PREFIX, format_worksheet
from leren.schema import build

DATA_DIR = Path(__file__).parent / "data"

# One entity per file, file stem == id (principles: "NN-id").
_DIRECTORIES: dict[str, type] = {
    "principes": Principle,
    "casussen": Case,
    "werkvormen": Format,
    "werkbladen": Worksheet,
    "oefeningen": ItemBank,
}
# Files that hold a list of entities.
_LISTS: dict[str, type] = {
    "krachten.yml": Force,
    "begrippen.yml": Term,
    "leesroutes.yml": ReadingPath,
    "termen.yml": TermChoice,
}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ROOM_MINUTES = 240  # a werkvorm fits in one meeting of at most four hours
MAX_INTERVENTION_MINUTES = 60  # an interventie is a short move during another werkvorm


@dataclass
class Catalog:
    principles: dict[str, Principle] = field(default_factory=dict)
    forces: dict[str, Force] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    formats: dict[str, Format] = field(default_factory=dict)
    worksheets: dict[str, Worksheet] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    paths: dict[str, ReadingPath] = field(default_factory=dict)
    exercises: dict[str, ItemBank] = field(default_factory=dict)
    vocabulary: dict[str, TermChoice] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)


def load(data_dir: Path | str | None = None) -> Catalog:
    """Load and validate the data in `data_dir` (default: the package's own data)."""
    return _load(Path(data_dir or DATA_DIR).resolve())


@functools.lru_cache(maxsize=8)
def _load(data_dir: Path) -> Catalog:
    problems: list[str] = []
    catalog = Catalog()
    targets = {
        Principle: catalog.principles,
        Case: catalog.cases,
        Format: catalog.formats,
        Worksheet: catalog.worksheets,
        Force: catalog.forces,
        Term: catalog.terms,
        ReadingPath: catalog.paths,
        ItemBank: catalog.exercises,
        TermChoice: catalog.vocabulary,
    }
    for folder, cls in _DIRECTORIES.items():
        for path in sorted((data_dir / folder).glob("*.yml")):
            catalog.files.append(path)
            raw = _read(path, data_dir, problems)
            if raw is None:
                continue
            where = _where(path, data_dir, raw)
            item = build(cls, raw, where, problems)
            if item is not None:
                _check_file_name(item, path, where, problems)
                _add(targets[cls], item, where, problems)
    for name, cls in _LISTS.items():
        path = data_dir / name
        if not path.exists():
            continue
        catalog.files.append(path)
        raw = _read(path, data_dir, problems)
        if raw is None:
            continue
        if not isinstance(raw, list):
            problems.append(f"{path.relative_to(data_dir)}: het bestand moet een lijst zijn (items met '- ').")
            continue
        for index, entry in enumerate(raw, 1):
            where = _where(path, data_dir, entry, index)
            item = build(cls, entry, where, problems)
            if item is not None:
                _add(targets[cls], item, where, problems)
    if not problems:
        _check_references(catalog, problems)
        _check_kinds(catalog, problems)
    if problems:
        raise DataError(problems)
    # A werkvorm without a worksheet file gets one made from its own fields (leren.derived).
    add_worksheets(catalog.formats, catalog.worksheets)
    catalog.worksheets = dict(sorted(catalog.worksheets.items()))
    catalog.principles = dict(sorted(catalog.principles.items(), key=lambda kv: kv[1].nummer))
    catalog.cases = dict(sorted(catalog.cases.items(), key=lambda kv: kv[1].hoofdstuk))
    catalog.formats = dict(sorted(catalog.formats.items(), key=lambda kv: kv[1].naam.casefold()))
    return catalog


# libyaml's loader when PyYAML has it (about ten times faster on the ~200 data files), else the same rules
# in pure Python; both report the line of a fault.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path, data_dir: Path, problems: list[str]) -> Any:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (regel {mark.line + 1})" if mark else ""
        problems.append(f"{path.relative_to(data_dir)}{line}: dit is geen geldige YAML: {exc}")
        return None
    if raw is None:
        problems.append(f"{path.relative_to(data_dir)}: het bestand is leeg.")
    return raw


def _where(path: Path, data_dir: Path, raw: Any, index: int | None = None) -> str:
    label = str(path.relative_to(data_dir))
    key = None
    if isinstance(raw, dict):
        key = raw.get("id", raw.get("term"))
    if key is not None:
        return f"{label}, item '{key}'"
    return f"{label}, item {index}" if index else label


def _check_file_name(item: Any, path: Path, where: str, problems: list[str]) -> None:
    ident = getattr(item, "id", None)
    if not isinstance(ident, str):
        return
    if not _SLUG.match(ident):
        problems.append(f"{where}: id '{ident}' mag alleen kleine letters, cijfers en streepjes bevatten.")
    if isinstance(item, Principle):
        if not isinstance(item.nummer, int):
            return
        expected = f"{item.nummer:02d}-{ident}"
    else:
        expected = ident
    if path.stem != expected:
        problems.append(f"{where}: de bestandsnaam moet '{expected}.yml' zijn, zodat naam en id gelijk zijn.")


def _add(target: dict, item: Any, where: str, problems: list[str]) -> None:
    key = item.id
    if key in target:
        problems.append(f"{where}: het id '{key}' komt twee keer voor; geef elk item een eigen id.")
    else:
        target[key] = item


def _check_references(c: Catalog, problems: list[str]) -> None:
    def ref(where: str, kind: str, key: Any, pool: dict) -> None:
        if key not in pool:
            hint = ", ".join(sorted(pool)[:12]) or "(nog geen)"
            problems.append(f"{where}: verwijst naar onbekend {kind} '{key}'. Bekend zijn: {hint}.")

    numbers: dict[int, str] = {}
    for p in c.principles.values():
        if p.nummer in numbers:
            problems.append(f"principes: nummer {p.nummer} is dubbel ('{numbers[p.nummer]}' en '{p.id}').")
        numbers[p.nummer] = p.id
    for p in c.principles.values():
        if p.duur is not None and f"principe-{p.id}" not in c.worksheets:
            problems.append(f"principes/{p.nummer:02d}-{p.id}.yml: de module telt de minuten van het werkblad "
                            f"'principe-{p.id}' mee, maar dat werkblad bestaat niet. Maak "
                            f"werkbladen/principe-{p.id}.yml of haal 'duur' weg.")
    for case in c.cases.values():
        where = f"casussen/{case.id}.yml"
        for ev in case.principes:
            ref(where, "principe", ev.principe, c.principles)
        if case.principes:
            given = [ev.principe for ev in case.principes]
            for pid in sorted({g for g in given if given.count(g) > 1}):
                problems.append(f"{where}: principe '{pid}' staat twee keer onder 'principes'; geef één graad per principe.")
            missing = [pid for pid in c.principles if pid not in given]
            if missing:
                problems.append(f"{where}: onder 'principes' ontbreken {', '.join(missing)}. Geef voor elk principe "
                                "een graad (noemt, verband, redactie of zwak) en een bronplaats, ook als het bewijs zwak is.")
        for wid in case.werkvormen:
            ref(where, "werkvorm", wid, c.formats)
    for fmt in c.formats.values():
        where = f"werkvormen/{fmt.id}.yml"
        for pid in fmt.principes:
            ref(where, "principe", pid, c.principles)
        if fmt.bron.casus is not None:
            ref(where, "casus", fmt.bron.casus, c.cases)
    pools = {"principe": c.principles, "casus": c.cases, "werkvorm": c.formats}
    for sheet in c.worksheets.values():
        owner = sheet.hoort_bij
        if owner.soort in pools:
            ref(f"werkbladen/{sheet.id}.yml", owner.soort, owner.id, pools[owner.soort])
        _check_format_worksheet(sheet, problems)
    for bank in c.exercises.values():
        owner = bank.hoort_bij
        where = f"oefeningen/{bank.id}.yml"
        if owner.soort in pools:
            ref(where, owner.soort, owner.id, pools[owner.soort])
        if bank.werkblad is not None:
            ref(where, "werkblad", bank.werkblad, c.worksheets)
        sheet = c.worksheets.get(bank.werkblad) if bank.werkblad else None
        if bank.werkblad_veld is not None and sheet is None:
            problems.append(f"{where}: 'werkblad_veld' heeft een 'werkblad' nodig; geef het werkblad of laat het veld weg.")
        elif sheet is not None:
            texts = [n for n, f in enumerate(sheet.velden) if f.soort in ("regels", "vak")]
            if bank.werkblad_veld not in texts:
                problems.append(f"{where}: 'werkblad_veld' moet een tekstveld van werkblad '{sheet.id}' aanwijzen "
                                f"(soort regels of vak); dat zijn de nummers {', '.join(map(str, texts))} (tellen vanaf 0).")
        for item in bank.items:
            for goal in item.leerdoelen:
                pid, number = goal.rsplit(":", 1)
                ref(f"{where}, vraag '{item.id}'", "principe", pid, c.principles)
                principle = c.principles.get(pid)
                if principle is not None and not 1 <= int(number) <= len(principle.leerdoelen):
                    problems.append(f"{where}, vraag '{item.id}': principe '{pid}' heeft {len(principle.leerdoelen)} "
                                    f"leerdoelen; '{goal}' bestaat niet. Kies een nummer van 1 tot en met "
                                    f"{len(principle.leerdoelen)}.")
    for term in c.terms.values():
        for other in term.verwant:
            ref(f"begrippen.yml, item '{term.term}'", "begrip", other, c.terms)
    seen: dict[str, str] = {}
    for choice in c.vocabulary.values():
        where = f"termen.yml, item '{choice.term}'"
        if choice.begrip is not None:
            ref(where, "begrip", choice.begrip, c.terms)
        for variant in choice.vermijden:
            key = variant.casefold()
            if key in seen:
                problems.append(f"{where}: de variant '{variant}' staat ook bij '{seen[key]}'; kies één term.")
            seen[key] = choice.term


def _check_format_worksheet(sheet: Worksheet, problems: list[str]) -> None:
    """The worksheet of werkvorm X is called `werkvorm-X` (`paths.format_worksheet`), and only that one."""
    owner = sheet.hoort_bij
    where = f"werkbladen/{sheet.id}.yml"
    if owner.soort == "werkvorm" and sheet.id != format_worksheet(owner.id):
        problems.append(f"{where}: een werkblad bij werkvorm '{owner.id}' heet '{format_worksheet(owner.id)}'. "
                        f"Geef het bestand die naam, of zet 'hoort_bij' goed.")
    elif owner.soort != "werkvorm" and sheet.id.startswith(FORMAT_WORKSHEET_PREFIX):
        problems.append(f"{where}: een naam die begint met '{FORMAT_WORKSHEET_PREFIX}' is voor het werkblad van een "
                        f"werkvorm. Zet 'hoort_bij' op soort werkvorm, of kies een andere naam.")


def _check_kinds(c: Catalog, problems: list[str]) -> None:
    """A werkvorm fits in one meeting, an interventie is a short move, a traject says how many meetings
    it has and over what time."""
    for fmt in c.formats.values():
        where = f"werkvormen/{fmt.id}.yml"
        room = fmt.minuten_in_zaal
        if fmt.soort != "traject" and (fmt.bijeenkomsten is not None or fmt.looptijd is not None):
            problems.append(f"{where}: 'bijeenkomsten' en 'looptijd' horen alleen bij een traject, en dit is een "
                            f"{fmt.soort}. Haal ze weg, of maak er een traject van met 'soort: traject'.")
        if room == 0:
            problems.append(f"{where}: geen enkele stap gebeurt in de bijeenkomst. Zet bij minstens een stap "
                            "'wanneer: tijdens'.")
        elif fmt.soort == "werkvorm" and room > MAX_ROOM_MINUTES:
            problems.append(
                f"{where}: de tijd in de zaal is {room} minuten (de stappen met 'wanneer: tijdens'), maar een "
                f"werkvorm past in een bijeenkomst van hoogstens {MAX_ROOM_MINUTES // 60} uur. Splits hem in "
                "twee werkvormen, zet voorbereiding en werk tussendoor op 'wanneer: voor', 'tussen' of 'na', of "
                "maak er een traject van ('soort: traject' met 'bijeenkomsten' en 'looptijd').")
        elif fmt.soort == "interventie" and room > MAX_INTERVENTION_MINUTES:
            problems.append(
                f"{where}: een interventie is een korte zet tijdens een andere werkvorm, maar deze duurt in de zaal "
                f"{room} minuten. Houd het bij hoogstens {MAX_INTERVENTION_MINUTES} minuten, of maak er een "
                "werkvorm van met 'soort: werkvorm'.")
        if fmt.soort == "traject":
            missing = [name for name in ("bijeenkomsten", "looptijd") if getattr(fmt, name) in (None, "")]
            if missing:
                problems.append(f"{where}: een traject noemt het aantal bijeenkomsten en de looptijd; "
                                f"vul {' en '.join(repr(m) for m in missing)} in (bijvoorbeeld 'bijeenkomsten: 5' "
                                "en 'looptijd: \"drie maanden\"').")
            elif fmt.bijeenkomsten < 2:
                problems.append(f"{where}: een traject loopt over meer bijeenkomsten, maar 'bijeenkomsten' is "
                                f"{fmt.bijeenkomsten}. Past alles in een bijeenkomst, maak er dan een werkvorm "
                                "van met 'soort: werkvorm'.")

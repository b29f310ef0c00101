"""The draaiboek: what the trainer holds in the room. Plain rows and texts, shared by every format.

Per block: the steps with their minutes scaled to the block's time (and what that shortened against the
default), the invitation to read out, how the group is configured and how participation is spread, the
debrief questions and any safety note. For the whole meeting: a materials list and a check of the
number of participants against each werkvorm's group size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from leren.agenda.rows import KINDS, details, summary, when
from leren.planner import Agenda, Block, meeting_steps, scaled, steps_minutes
from leren.text import duration

SCALED_NOTE = ("Is een blok korter of langer dan de werkvorm vraagt, dan zijn de minuten van de stappen naar "
               "verhouding aangepast. Achter 'was' staan de minuten die de werkvorm voor deze groep vraagt; kies "
               "zelf wat je inkort.")
MOMENTS = {"voor": "Vooraf", "tussen": "Tussen de bijeenkomsten", "na": "Achteraf"}


@dataclass(frozen=True)
class StepRow:
    number: int
    time: str
    what: str
    grouping: str
    minutes: int
    default: int  # the step's own minutes (for this group, when rounds scale)

    @property
    def changed(self) -> bool:
        return self.minutes != self.default


@dataclass
class BlockPlan:
    time: str
    title: str
    kind: str
    minutes: str
    note: str = ""
    change: str = ""  # what was shortened or lengthened against the default
    steps: list[StepRow] = field(default_factory=list)
    invitation: str = ""
    grouping: str = ""
    participation: str = ""
    debrief: list[str] = field(default_factory=list)
    safety: str = ""
    outside: list[tuple[str, str]] = field(default_factory=list)  # (moment, step) before, between, after
    worksheet: str = ""  # title and instruction of the worksheet of a werkblad block
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GroupCheck:
    block: str
    range: str
    verdict: str
    fits: bool


@dataclass
class Draaiboek:
    title: str
    when: str
    details: list[tuple[str, str]]
    participants: str
    blocks: list[BlockPlan]
    materials: list[tuple[str, str]]  # (item, for which blocks)
    checks: list[GroupCheck]
    check_note: str
    summary: str
    scaled_note: str = ""  # SCALED_NOTE when some step's minutes differ from the werkvorm's


def build(agenda: Agenda) -> Draaiboek:
    blocks = [_block(agenda, b) for b in agenda.blokken]
    warnings = {w.regel: [] for w in agenda.waarschuwingen}
    for w in agenda.waarschuwingen:
        warnings[w.regel].append(w.tekst)
    for plan, block in zip(blocks, agenda.blokken):
        plan.warnings = warnings.get(block.regel, [])
    checks, note = _checks(agenda)
    count = agenda.deelnemers
    return Draaiboek(
        title=agenda.titel,
        when=when(agenda),
        details=details(agenda),
        participants=f"{count} deelnemers" if count else "aantal deelnemers niet opgegeven",
        blocks=blocks,
        materials=_materials(agenda),
        checks=checks,
        check_note=note,
        summary=summary(agenda),
        scaled_note=SCALED_NOTE if any(s.changed for b in blocks for s in b.steps) else "",
    )


def _block(agenda: Agenda, block: Block) -> BlockPlan:
    plan = BlockPlan(time=f"{block.start:%H:%M}-{block.einde:%H:%M}", title=block.titel, kind=KINDS[block.soort],
                     minutes=duration(block.minuten), note=block.notitie)
    if block.standaard and block.standaard != block.minuten:
        verb = "Ingekort" if block.minuten < block.standaard else "Verlengd"
        plan.change = f"{verb}: {duration(block.minuten)} in plaats van {duration(block.standaard)}."
    if block.werkblad is not None:
        sheet = block.werkblad
        plan.worksheet = sheet.instructie
    fmt = block.werkvorm
    if fmt is None:
        return plan
    steps = meeting_steps(fmt, block.bijeenkomst)
    defaults = steps_minutes(steps, agenda.deelnemers)
    minutes = scaled(defaults, block.minuten)
    clock = block.start
    for number, (step, default, mins) in enumerate(zip(steps, defaults, minutes), 1):
        end = clock + dt.timedelta(minutes=mins)
        plan.steps.append(StepRow(number, f"{clock:%H:%M}-{end:%H:%M}", step.wat, step.indeling or "", mins, default))
        clock = end
    needed = sum(defaults)
    if agenda.deelnemers and needed != sum(s.minuten for s in steps) and needed != block.minuten:
        extra = (f"Met {agenda.deelnemers} deelnemers vragen de stappen {duration(needed)}; het blok heeft "
                 f"{duration(block.minuten)}.")
        plan.change = f"{plan.change} {extra}".strip()
    plan.invitation = fmt.uitnodiging
    plan.grouping = fmt.groepsindeling
    plan.participation = fmt.deelname or ""
    plan.debrief = list(fmt.nabespreking)
    plan.safety = fmt.veiligheid or ""
    plan.outside = [(MOMENTS[s.wanneer], s.wat) for s in fmt.stappen if s.wanneer != "tijdens"]
    return plan


def _materials(agenda: Agenda) -> list[tuple[str, str]]:
    found: dict[str, list[str]] = {}
    for block in agenda.blokken:
        items = list(block.werkvorm.ruimte_en_materialen) if block.werkvorm else []
        if block.werkblad is not None:
            copies = f"{agenda.deelnemers} exemplaren" if agenda.deelnemers else "een per deelnemer"
            items.append(f"{block.werkblad.titel}, {copies}")
        for item in items:
            users = found.setdefault(" ".join(item.split()), [])
            if block.titel not in users:
                users.append(block.titel)
    return [(item, ", ".join(users)) for item, users in found.items()]


def _checks(agenda: Agenda) -> tuple[list[GroupCheck], str]:
    count = agenda.deelnemers
    rows = []
    for block in agenda.blokken:
        if block.werkvorm is None:
            continue
        size = block.werkvorm.groepsgrootte
        span = f"{size.min} personen" if size.min == size.max else f"{size.min} tot {size.max}"
        if count is None:
            verdict, fits = "niet gecontroleerd", True
        elif count > size.max:
            verdict, fits = f"te groot: {count - size.max} meer dan het maximum", False
        elif count < size.min:
            verdict, fits = f"te klein: {size.min - count} minder dan het minimum", False
        else:
            verdict, fits = "past", True
        rows.append(GroupCheck(block.titel, span, verdict, fits))
    if count is None:
        note = "Zet 'deelnemers:' in het plan (bijvoorbeeld 'deelnemers: 18') om de groepsgrootte te controleren."
    elif all(r.fits for r in rows):
        note = f"Met {count} deelnemers passen alle werkvormen."
    else:
        note = f"Met {count} deelnemers past niet elke werkvorm; zie de waarschuwingen bij de blokken."
    return rows, note

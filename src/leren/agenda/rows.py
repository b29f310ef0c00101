"""The agenda as plain rows and texts, shared by every format."""

from __future__ import annotations

from dataclasses import dataclass

from leren.planner import Agenda
from leren.text import duration, dutch_day

KINDS = {"werkvorm": "Werkvorm", "werkblad": "Werkblad", "pauze": "Pauze", "vrij": "Eigen onderdeel"}


@dataclass(frozen=True)
class Row:
    time: str
    title: str
    kind: str
    minutes: str
    note: str
    format_id: str | None


def when(agenda: Agenda) -> str:
    return f"{dutch_day(agenda.datum)}, {agenda.start:%H:%M}-{agenda.einde:%H:%M}"


def details(agenda: Agenda) -> list[tuple[str, str]]:
    labels = {"groep": "Groep", "trainer": "Trainer", "locatie": "Locatie", "organisatie": "Organisatie"}
    return [(labels[k], v) for k, v in agenda.details.items()]


def rows(agenda: Agenda) -> list[Row]:
    return [
        Row(time=f"{b.start:%H:%M}-{b.einde:%H:%M}", title=b.titel, kind=KINDS[b.soort],
            minutes=duration(b.minuten), note=b.notitie,
            format_id=b.werkvorm.id if b.werkvorm else None)
        for b in agenda.blokken
    ]


def summary(agenda: Agenda) -> str:
    text = f"Totaal {duration(agenda.minuten)}."
    if agenda.einde_gepland:
        spare = int((agenda.einde_gepland - agenda.einde).total_seconds() // 60)
        if spare > 0:
            text += f" De bijeenkomst eindigt om {agenda.einde_gepland:%H:%M}: er is {duration(spare)} speling."
        else:
            text += f" Het programma vult de tijd tot {agenda.einde_gepland:%H:%M} precies."
    return text

"""The agenda as plain rows and texts, shared by every format."""

from __future__ import annotations

from dataclasses import dataclass

from leren.planner import Agenda, duration_text

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
KINDS = {"werkvorm": "Werkvorm", "werkblad": "Werkblad", "pauze": "Pauze", "vrij": "Eigen onderdeel"}


@dataclass(frozen=True)
class Row:
    time: str
    title: str
    kind: str
    minutes: str
    note: str
    format_id: str | None


minutes_text = duration_text


def when(agenda: Agenda) -> str:
    d = agenda.datum
    return (f"{WEEKDAYS[d.weekday()].capitalize()} {d.day} {MONTHS[d.month - 1]} {d.year}, "
            f"{agenda.start:%H:%M}-{agenda.einde:%H:%M}")


def details(agenda: Agenda) -> list[tuple[str, str]]:
    labels = {"groep": "Groep", "trainer": "Trainer", "locatie": "Locatie", "organisatie": "Organisatie"}
    return [(labels[k], v) for k, v in agenda.details.items()]


def rows(agenda: Agenda) -> list[Row]:
    return [
        Row(time=f"{b.start:%H:%M}-{b.einde:%H:%M}", title=b.titel, kind=KINDS[b.soort],
            minutes=minutes_text(b.minuten), note=b.notitie,
            format_id=b.werkvorm.id if b.werkvorm else None)
        for b in agenda.blokken
    ]


def summary(agenda: Agenda) -> str:
    text = f"Totaal {minutes_text(agenda.minuten)}."
    if agenda.einde_gepland:
        spare = int((agenda.einde_gepland - agenda.einde).total_seconds() // 60)
        if spare > 0:
            text += f" De bijeenkomst eindigt om {agenda.einde_gepland:%H:%M}: er is {minutes_text(spare)} speling."
        else:
            text += f" Het programma vult de tijd tot {agenda.einde_gepland:%H:%M} precies."
    return text

"""Entities that follow from others when no data file gives them.

A werkvorm always has a worksheet `werkvorm-<id>`. When `data/werkbladen/werkvorm-<id>.yml` exists, that
hand-written sheet is used; otherwise `worksheet_for` makes one from the werkvorm itself: its name, goal,
invitation and steps. The catalog adds these sheets on loading, so the site, the `leren` command and the
planner's bundle all see the same worksheets.
"""

from __future__ import annotations

from leren.model import Format, Owner, Worksheet, WorksheetField

# Lines per step on a derived worksheet: room for key words, not for an essay.
STEP_LINES = 2


def worksheet_id(format_id: str) -> str:
    """The id of the worksheet that belongs to a werkvorm."""
    return f"werkvorm-{format_id}"


def worksheet_for(fmt: Format) -> Worksheet:
    """A worksheet for `fmt`: the invitation as the first question, a few lines per step, then what the
    group takes home and its agreements."""
    fields = [WorksheetField(soort="vak", label=fmt.uitnodiging, hoogte=4)]
    fields += [
        WorksheetField(soort="regels", label=f"Stap {number}: {step.wat}", regels=STEP_LINES)
        for number, step in enumerate(fmt.stappen, 1)
    ]
    fields += [
        WorksheetField(soort="regels", label="Wat neem je mee naar je eigen werk?", regels=3),
        WorksheetField(soort="tabel", label="Afspraken", kolommen=["Wat gaan we doen?", "Wie", "Wanneer"], rijen=3),
    ]
    return Worksheet(
        id=worksheet_id(fmt.id),
        titel=f"Werkblad: {fmt.naam}",
        doel=fmt.doel,
        instructie=(
            f"Gebruik dit blad tijdens de werkvorm {fmt.naam}. Schrijf bij elke stap in steekwoorden op wat "
            "je ziet, hoort of bedenkt. Maak aan het eind samen de afspraken concreet: wat, wie en wanneer."
        ),
        minuten=getattr(fmt, "minuten_in_zaal", fmt.duur) or fmt.duur,
        hoort_bij=Owner(soort="werkvorm", id=fmt.id),
        velden=fields,
    )


def add_worksheets(formats: dict[str, Format], worksheets: dict[str, Worksheet]) -> None:
    """Give every werkvorm without a worksheet file its derived worksheet (in place)."""
    for fmt in formats.values():
        sheet_id = worksheet_id(fmt.id)
        if sheet_id not in worksheets:
            worksheets[sheet_id] = worksheet_for(fmt)

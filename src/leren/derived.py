"""What follows from the data when no file gives it: worksheets of werkvormen, and pages made from data.

A werkvorm always has a worksheet `werkvorm-<id>`. When `data/werkbladen/werkvorm-<id>.yml` exists, that
hand-written sheet is used; otherwise `worksheet_for` makes one from the werkvorm itself: its name, goal,
invitation and steps. The catalog adds these sheets on loading, so the site, the `leren` command and the
planner's bundle all see the same worksheets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from leren.model import Format, Owner, Worksheet, WorksheetField, without_editors_marks as plain
from leren.paths import FORMATS, format_worksheet

# Lines per step on a derived worksheet: room for key words, not for an essay.
STEP_LINES = 2


def worksheet_for(fmt: Format) -> Worksheet:
    """A worksheet for `fmt`: the invitation as the first question, a few lines per step, then what the
    group takes home and its agreements."""
    fields = [WorksheetField(soort="vak", label=plain(fmt.uitnodiging), hoogte=4)]
    fields += [
        WorksheetField(soort="regels", label=f"Stap {number}: {plain(step.wat)}", regels=STEP_LINES)
        for number, step in enumerate(fmt.stappen, 1)
    ]
    fields += [
        WorksheetField(soort="regels", label="Wat neem je mee naar je eigen werk?", regels=3),
        WorksheetField(soort="tabel", label="Afspraken", kolommen=["Wat gaan we doen?", "Wie", "Wanneer"], rijen=3),
    ]
    return Worksheet(
        id=format_worksheet(fmt.id),
        titel=f"Werkblad: {fmt.naam}",
        doel=plain(fmt.doel),
        instructie=(
            f"Gebruik dit blad tijdens de werkvorm {fmt.naam}. Schrijf bij elke stap in steekwoorden op wat "
            "je ziet, hoort of bedenkt. Maak aan het eind samen de afspraken concreet: wat, wie en wanneer."
        ),
        minuten=fmt.minuten_in_zaal or fmt.duur,
        hoort_bij=Owner(soort="werkvorm", id=fmt.id),
        velden=fields,
    )


def add_worksheets(formats: dict[str, Format], worksheets: dict[str, Worksheet]) -> None:
    """Give every werkvorm without a worksheet file its derived worksheet (in place)."""
    for fmt in formats.values():
        sheet_id = format_worksheet(fmt.id)
        if sheet_id not in worksheets:
            worksheets[sheet_id] = worksheet_for(fmt)


@dataclass(frozen=True)
class PageKind:
    """A kind of page that is only a directive call, so it is made from the data (leren.sphinx.generated)."""

    folder: str  # docname folder, relative to the book root
    directive: str  # renders one entity, with its id as the argument
    ids: Callable[[Any], list[str]]  # catalog -> ids, in navigation order
    data: str  # where the data of one entity lives, for messages

    def glob(self) -> str:
        """The entry in `_toc.yml` that stands for these pages."""
        return f"{self.folder}/*"

    def docname(self, ident: str) -> str:
        return f"{self.folder}/{ident}"


# Werkvormen are listed by name, as the catalog orders them.
KINDS = (PageKind(FORMATS, "werkvorm", lambda catalog: list(catalog.formats), "src/leren/data/werkvormen"),)


def page_order(catalog) -> dict[PageKind, list[str]]:
    """Each kind's docnames in navigation order."""
    return {kind: [kind.docname(ident) for ident in kind.ids(catalog)] for kind in KINDS}

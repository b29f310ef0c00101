"""A principle's teaching module: its minutes, which add up from its parts, and its meeting plan.

A module has three parts with minutes: the explanation and the two exercises (`duur` in the principle's
YAML) and the worksheet `principe-<id>` (its own `minuten`). The module's total is their sum, always.
Each module also has a running order for a meeting of two and a half to three hours, as a plan
`programmas/module-<id>.yml` that `leren programma` turns into an agenda and a draaiboek; in that plan
the explanation, the case assignment and the worksheet take the minutes of the module's parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leren.catalog import Catalog
from leren.model import Principle
from leren.planner import EXAMPLES, Agenda, read_plan


@dataclass(frozen=True)
class ModuleTime:
    uitleg: int
    oefeningen: int
    werkblad: int

    @property
    def totaal(self) -> int:
        return self.uitleg + self.oefeningen + self.werkblad


def worksheet_id(principle_id: str) -> str:
    return f"principe-{principle_id}"


def module_time(catalog: Catalog, principle: Principle) -> ModuleTime:
    """The minutes of the module's parts (the catalog checks that the worksheet exists)."""
    sheet = catalog.worksheets[worksheet_id(principle.id)]
    return ModuleTime(principle.duur.uitleg, principle.duur.oefeningen, sheet.minuten)


def plan_path(principle_id: str) -> Path:
    return EXAMPLES / f"module-{principle_id}.yml"


def meeting(catalog: Catalog, principle: Principle) -> Agenda:
    """The module as one meeting: its plan, read and checked."""
    return read_plan(plan_path(principle.id), catalog)

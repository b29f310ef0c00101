"""What a trainer adds to a worksheet for one group: names, a date and extra questions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Personalisation:
    group: str = ""
    date: dt.date | None = None
    trainer: str = ""
    organisation: str = ""
    questions: tuple[str, ...] = ()

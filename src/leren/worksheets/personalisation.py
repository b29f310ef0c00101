"""What a trainer adds to a worksheet for one group: names, a date and extra questions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DATE_FORMATS_HELP = "DD-MM-JJJJ (bijvoorbeeld 14-03-2026) of JJJJ-MM-DD (bijvoorbeeld 2026-03-14)"
_DAY_FIRST = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class DateError(ValueError):
    """A date the trainer typed could not be read. The message is Dutch and names the formats."""


@dataclass(frozen=True)
class Personalisation:
    group: str = ""
    date: dt.date | None = None
    trainer: str = ""
    organisation: str = ""
    questions: tuple[str, ...] = ()


def parse_date(text: str) -> dt.date:
    """Read a date typed as DD-MM-JJJJ or JJJJ-MM-DD (slashes and dots work as separators too)."""
    value = text.strip().replace("/", "-").replace(".", "-")
    match = _DAY_FIRST.match(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = _YEAR_FIRST.match(value)
        if not match:
            raise DateError(f"'{text}' is geen datum die ik kan lezen. Gebruik {DATE_FORMATS_HELP}.")
        year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(
            f"'{text}' bestaat niet als datum (controleer dag en maand). Gebruik {DATE_FORMATS_HELP}."
        ) from None

"""Find werkvormen by principle, time in the room, group size, purpose and kind.

The same rules run in the browser (sphinx/static/werkvormen-zoeker.js); a test checks that both agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from leren.model import Format


@dataclass(frozen=True)
class Criteria:
    principe: str | None = None
    max_minuten: int | None = None
    deelnemers: int | None = None
    doel: str | None = None
    soort: str | None = None  # werkvorm, interventie or traject


def matches(fmt: Format, c: Criteria) -> bool:
    if c.principe and c.principe not in fmt.principes:
        return False
    if c.max_minuten is not None and fmt.minuten_in_zaal > c.max_minuten:
        return False
    if c.deelnemers is not None and not fmt.groepsgrootte.min <= c.deelnemers <= fmt.groepsgrootte.max:
        return False
    if c.doel and c.doel not in fmt.doelen:
        return False
    if c.soort and fmt.soort != c.soort:
        return False
    return True


def find(formats: Iterable[Format], criteria: Criteria) -> list[Format]:
    return [f for f in formats if matches(f, criteria)]

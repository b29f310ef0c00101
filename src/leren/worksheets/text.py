"""Plain-text helpers shared by every format: cleaning free text, Dutch dates, shortening."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
_WHITESPACE = re.compile(r"\s+")
# Control characters (category Cc) that are not whitespace, lone surrogates, U+FFFE and U+FFFF.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """One line of text that every format can hold.

    Runs of whitespace (including line breaks and tabs) become one space. Control characters,
    lone surrogates and the non-characters U+FFFE/U+FFFF are dropped: XML (DOCX, HTML) cannot hold
    them and no reader can see them. Everything else, including right-to-left text, joiners and
    emoji, is kept exactly.
    """
    return _WHITESPACE.sub(" ", _INVISIBLE.sub("", text)).strip()


def dutch_date(day: dt.date) -> str:
    """A date the Dutch way: '14 maart 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def minutes_label(minutes: int) -> str:
    return "1 minuut" if minutes == 1 else f"{minutes} minuten"

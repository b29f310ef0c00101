"""Dutch text for every output: dates, month names, durations, shortening and reading dates.

This is the one place for these rules. The site, the worksheets (PDF, DOCX, HTML, Markdown), the agenda,
the book PDF and the offline bundle all use it, so a worksheet says the same thing on every medium.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date, get_month_names

LOCALE = "nl"
MONTHS: tuple[str, ...] = tuple(get_month_names("wide", locale=LOCALE)[m] for m in range(1, 13))
DATE_FORMATS_HELP = "DD-MM-JJJJ (bijvoorbeeld 14-03-2026) of JJJJ-MM-DD (bijvoorbeeld 2026-03-14)"

_WHITESPACE = re.compile(r"\s+")
# Control characters (category Cc) that are not whitespace, lone surrogates, U+FFFE and U+FFFF.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_DAY_FIRST = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class DateError(ValueError):
    """A typed date could not be read. The message is Dutch and names the formats that work."""


# How a werkvorm's kind and a step's moment read on pages, worksheets and agendas.
MOMENT_LABELS: dict[str, str] = {
    "voor": "Vooraf",
    "tijdens": "In de bijeenkomst",
    "tussen": "Tussen de bijeenkomsten",
    "na": "Achteraf",
}

KIND_LABELS: dict[str, str] = {
    "werkvorm": "Werkvorm",
    "interventie": "Interventie",
    "traject": "Traject",
}


def purpose_label(purpose: str) -> str:
    """A werkvorm's purpose (`model.Purpose`, e.g. 'ervaringen-delen') as people read it: 'Ervaringen delen'."""
    return purpose.replace("-", " ").capitalize()


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
    return format_date(day, "d MMMM y", locale=LOCALE)


def dutch_day(day: dt.date) -> str:
    """A date with its weekday, starting with a capital: 'Donderdag 12 maart 2026'."""
    text = format_date(day, "EEEE d MMMM y", locale=LOCALE)
    return text[:1].upper() + text[1:]


def duration(total: int) -> str:
    """A number of minutes as people say it: '45 min', '1 uur', '1 uur 15 min'.

    The one wording for durations: site pages, worksheet previews and files, and agendas.
    """
    hours, rest = divmod(total, 60)
    if hours and rest:
        return f"{hours} uur {rest} min"
    return f"{hours} uur" if hours else f"{rest} min"


def clock(total: int) -> str:
    """Minutes since a start as h:mm."""
    return f"{total // 60}:{total % 60:02d}"


def file_size(size: int) -> str:
    """A file size for readers: '740 kB' or '2,4 MB'."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def page_count(pages: int) -> str:
    return "1 pagina" if pages == 1 else f"{pages} pagina's"


def dutch_list(words: list[str]) -> str:
    """'PDF', 'PDF en HTML', 'PDF, Word en HTML'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word boundary to at most `limit` characters, with '…' if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip().rstrip(",;:") + "…"


def parse_date(text: str) -> dt.date:
    """Read a date typed as DD-MM-JJJJ or JJJJ-MM-DD; slashes and dots work as separators too.

    Raises `DateError` (a ValueError) with a Dutch message that names the formats that work.
    """
    value = text.strip().replace("/", "-").replace(".", "-")
    match = _DAY_FIRST.match(value)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = _YEAR_FIRST.match(value)
        if not match:
            raise DateError(f"'{text}' is geen geldige datum. Gebruik {DATE_FORMATS_HELP}.")
        year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(
            f"'{text}' is geen geldige datum: die dag bestaat niet (controleer dag en maand). "
            f"Gebruik {DATE_FORMATS_HELP}."
        ) from None

"""argparse in Dutch: help texts, usage lines and error messages.

argparse takes its fixed texts ("usage: ", "options", "invalid choice: ...") from gettext. While
`dutch()` is active those lookups return the Dutch texts below; nothing else in the process changes.
Usage errors never exit the process: they raise `UsageError`, which `leren.cli.main` turns into a
Dutch message and exit code 2.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import sys
from collections.abc import Iterable, Iterator

EXIT_USAGE = 2

MESSAGES = {
    "usage: ": "Gebruik: ",
    "positional arguments": "Argumenten",
    "options": "Opties",
    "optional arguments": "Opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "hier hoort een waarde achter",
    "expected at least one argument": "hier hoort minstens een waarde achter",
    "expected at most one argument": "hier hoort hoogstens een waarde achter",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie: %(option)s kan %(matches)s zijn",
    "not allowed with argument %s": "gaat niet samen met %s",
    "one of the arguments %s is required": "geef een van deze argumenten: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "ignored explicit argument %r": "deze optie neemt geen waarde: %r",
    "unexpected option string: %s": "onverwachte optie: %s",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
}
PLURALS = {
    "expected %s argument": ("hier hoort %s waarde achter", "hier horen %s waarden achter"),
}


class UsageError(Exception):
    """The user asked for something that cannot be done. The message is Dutch; exit code 2."""

    def __init__(self, message: str, prog: str = "leren"):
        super().__init__(message)
        self.message = message
        self.prog = prog

    def __str__(self) -> str:
        return f"{self.prog}: fout: {self.message}"


class Exit(Exception):
    """argparse wants to stop (after --help, or after printing an error)."""

    def __init__(self, status: int):
        super().__init__(status)
        self.status = status


def _gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    if singular in PLURALS:
        one, many = PLURALS[singular]
        return one if count == 1 else many
    return singular if count == 1 else plural


@contextlib.contextmanager
def dutch() -> Iterator[None]:
    """Make argparse speak Dutch for the duration of the block."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class DutchFormatter(argparse.RawDescriptionHelpFormatter):
    """Help with the Dutch usage prefix; descriptions keep their own line breaks."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "Gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Dutch and reports errors without ending the process."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DutchFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumenten"
        self._optionals.title = "Opties"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="toon deze hulp en stop")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        raise UsageError(message, self.prog)

    def exit(self, status: int = 0, message: str | None = None):
        if message:
            sys.stderr.write(message)
        raise Exit(status)


def suggest(key: str, known: Iterable[str]) -> str:
    """' Bedoelde je 'a' of 'b'?' for the ids closest to `key`, or '' when nothing is close."""
    close = difflib.get_close_matches(key, list(known), n=3, cutoff=0.6)
    if not close:
        return ""
    return " Bedoelde je " + " of ".join(f"'{c}'" for c in close) + "?"

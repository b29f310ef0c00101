"""Errors with Dutch messages for the people who edit the data."""

from __future__ import annotations


class DataError(Exception):
    """The data files are invalid. Carries every problem found, each naming its file and entry."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        lines = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(
            f"De gegevens van de kennisbank kloppen niet ({count} {noun}):\n{lines}\n"
            "Pas de genoemde bestanden aan en probeer het opnieuw."
        )

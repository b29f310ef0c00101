"""A plain text progress bar on stderr, without extra dependencies.

On a terminal the bar redraws itself on one line. In a log (stderr is not a terminal) it writes a
line at every tenth of the way, so logs stay short and readable.
"""

from __future__ import annotations

import sys
from typing import TextIO


class ProgressBar:
    def __init__(self, total: int, unit: str, stream: TextIO | None = None, width: int = 30):
        self.total = max(total, 1)
        self.unit = unit
        self.stream = stream or sys.stderr
        self.width = width
        self.done = 0
        self._tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_tenth = -1

    def line(self) -> str:
        filled = round(self.width * self.done / self.total)
        percent = round(100 * self.done / self.total)
        return f"[{'#' * filled}{'-' * (self.width - filled)}] {self.done}/{self.total} {self.unit} ({percent}%)"

    def advance(self, steps: int = 1) -> None:
        self.done = min(self.done + steps, self.total)
        if self._tty:
            self.stream.write("\r" + self.line())
            if self.done == self.total:
                self.stream.write("\n")
        else:
            tenth = self.done * 10 // self.total
            if tenth != self._last_tenth:
                self._last_tenth = tenth
                self.stream.write(self.line() + "\n")
        self.stream.flush()

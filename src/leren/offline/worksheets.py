"""Every worksheet in every format, made by the worksheet engine's `leren alles --uit MAP`."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path


def engine_available() -> bool:
    """True when the installed `leren` has the worksheet engine's `alles` command."""
    try:
        return importlib.util.find_spec("leren.cli.alles") is not None
    except ModuleNotFoundError:  # `leren.cli` is a plain module without subcommand modules
        return False


def write_worksheets(out: Path) -> list[Path] | None:
    """Run `leren alles --uit <out>`; return the files it made, or None without the engine."""
    if not engine_available():
        return None
    out = Path(out)
    proc = subprocess.run([sys.executable, "-m", "leren.cli", "alles", "--uit", str(out), "--overschrijf"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"De werkbladen konden niet worden gemaakt:\n{proc.stderr.strip() or proc.stdout.strip()}")
    return sorted(p for p in out.iterdir() if p.is_file() and not p.name.startswith("."))

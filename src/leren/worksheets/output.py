"""Put files on disk atomically: a reader sees the old file or the complete new one, never half.

The bytes go to a temporary file in the target's own folder (so the final rename never crosses a
file system), are flushed to disk, and `os.replace` moves them into place.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """A file could not be written. The message is Dutch and says what to do."""


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def check_target(path: Path, overwrite: bool) -> None:
    """Raise OutputError if `path` cannot be a new output file (before any work is done)."""
    folder = path.parent
    if path.is_dir():
        raise OutputError(f"'{path}' is een map. Geef een bestandsnaam op, bijvoorbeeld '{path / 'werkblad.pdf'}'.")
    if path.exists() and not overwrite:
        raise OutputError(
            f"het bestand '{path}' bestaat al. Kies een andere naam of gebruik --overschrijf om het te vervangen."
        )
    if not folder.exists():
        raise OutputError(f"de map '{folder}' bestaat niet. Maak hem eerst aan of kies een andere map.")
    if not folder.is_dir():
        raise OutputError(f"'{folder}' is geen map maar een bestand. Kies een andere plek voor het werkblad.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"je mag niet schrijven in de map '{folder}'. Kies een andere map.")


def write_atomic(path: Path, data: bytes, overwrite: bool = False) -> None:
    """Write `data` to `path` in one step. Without `overwrite` an existing file is left alone."""
    path = Path(path)
    check_target(path, overwrite)
    handle = None
    try:
        handle = tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, 0o666 & ~_umask())
        if not overwrite and path.exists():
            raise OutputError(f"het bestand '{path}' is intussen door iets anders gemaakt; er is niets overschreven.")
        os.replace(handle.name, path)
    except OSError as exc:
        raise OutputError(_explain(exc, path)) from exc
    finally:
        if handle is not None and os.path.exists(handle.name):
            os.unlink(handle.name)


def _explain(exc: OSError, path: Path) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"je mag '{path}' niet schrijven (geen toestemming). Kies een andere map."
    if exc.errno == errno.ENOSPC:
        return f"de schijf is vol; '{path}' is niet geschreven."
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"de map van '{path}' bestaat niet (meer). Kies een bestaande map."
    if exc.errno == errno.ENAMETOOLONG:
        return f"de bestandsnaam '{path.name}' is te lang. Kies een kortere naam."
    return f"'{path}' kon niet worden geschreven (foutcode {exc.errno}). Kies een andere plek."

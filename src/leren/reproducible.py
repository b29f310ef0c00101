"""Byte-identical output: one source for timestamps, and zip archives without the clock in them.

Without `SOURCE_DATE_EPOCH` the files carry no creation date at all (the zip format needs one, so
its entries get 1980-01-01, the earliest date a zip can hold). With it, that moment is used
everywhere. See https://reproducible-builds.org/specs/source-date-epoch/.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import zipfile
from collections.abc import Iterable
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def source_date_epoch() -> int | None:
    """The value of SOURCE_DATE_EPOCH in seconds, or None when it is unset or not a number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return int(value)


def source_datetime() -> dt.datetime | None:
    epoch = source_date_epoch()
    if epoch is None:
        return None
    return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc).replace(microsecond=0)


def commit_datetime(where: Path | str | None = None) -> dt.datetime | None:
    """When the last commit of the repository around `where` (default: the working directory) was made;
    None outside a git checkout."""
    try:
        proc = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=where, capture_output=True,
                              text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = proc.stdout.strip()
    return dt.datetime.fromtimestamp(int(stamp), tz=dt.timezone.utc) if stamp.isdigit() else None


def release_datetime(where: Path | str | None = None) -> dt.datetime | None:
    """The moment a made-for-people date shows (title page, LEESMIJ.txt): SOURCE_DATE_EPOCH, else the last
    commit. Never the clock, so two runs on the same sources give the same files."""
    return source_datetime() or commit_datetime(where)


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    moment = source_datetime()
    if moment is None or moment.year < 1980:
        return ZIP_EPOCH
    if moment.year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second - moment.second % 2)


def normalise_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps and permissions, entries in their original order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            target.writestr(_entry(entry.filename), source.read(entry.filename), compresslevel=6)
    return out.getvalue()


def write_zip(target: Path, entries: Iterable[tuple[str, Path | bytes]]) -> None:
    """A zip of `(name, file or bytes)` entries, sorted by name, with fixed times and permissions."""
    with zipfile.ZipFile(target, "w") as archive:
        for name, content in sorted(entries, key=lambda entry: entry[0]):
            data = content if isinstance(content, bytes) else Path(content).read_bytes()
            archive.writestr(_entry(name), data, compresslevel=6)


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=zip_timestamp())
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 0
    info.external_attr = 0o644 << 16
    return info

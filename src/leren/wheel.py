"""Build the `leren` wheel from the source tree, offline and byte for byte reproducible.

Students install the package from the site with one command (`pip install leren-<versie>-py3-none-any.whl
jupyterlab`), so the site build makes the wheel itself (see `leren.sphinx.package`). No build backend, no
network and no files written into the source tree: the package is pure Python, so the wheel is a zip of the
package files with the metadata that `pyproject.toml` describes, written by `leren.reproducible.write_zip`
(sorted entries, one time stamp from SOURCE_DATE_EPOCH, fixed permissions), so two builds give the same bytes.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import io
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from leren.reproducible import write_zip

TAG = "py3-none-any"
SKIP_DIRS = {"__pycache__"}
SKIP_SUFFIXES = {".pyc", ".pyo"}


@dataclass(frozen=True)
class Project:
    name: str
    version: str
    summary: str
    requires_python: str
    dependencies: tuple[str, ...]
    scripts: dict[str, str]
    package_data: tuple[str, ...]
    package_dir: Path  # src/leren

    @property
    def filename(self) -> str:
        return f"{self.name}-{self.version}-{TAG}.whl"


def read_project(pyproject: Path) -> Project:
    """The parts of `pyproject.toml` a wheel needs; a clear Dutch error when the file does not fit."""
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        meta = data["project"]
        where = data["tool"]["setuptools"]["packages"]["find"]["where"][0]
    except (OSError, KeyError, IndexError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{pyproject}: hieruit kan geen wheel gemaakt worden ({exc}). Controleer [project] en "
                         "[tool.setuptools.packages.find] in dit bestand.") from exc
    name = meta["name"]
    package_data = data["tool"]["setuptools"].get("package-data", {}).get(name, [])
    return Project(
        name=name,
        version=meta["version"],
        summary=meta.get("description", ""),
        requires_python=meta.get("requires-python", ""),
        dependencies=tuple(meta.get("dependencies", [])),
        scripts=dict(meta.get("scripts", {})),
        package_data=tuple(package_data),
        package_dir=pyproject.parent / where / name,
    )


def _package_files(project: Project) -> list[tuple[str, Path]]:
    """(name in the wheel, path) for every module and every package-data file, sorted."""
    root = project.package_dir.parent
    out = {}
    for path in project.package_dir.rglob("*"):
        rel = path.relative_to(project.package_dir)
        if not path.is_file() or SKIP_DIRS & set(rel.parts) or path.suffix in SKIP_SUFFIXES:
            continue
        if path.suffix == ".py" or any(fnmatch.fnmatch(rel.as_posix(), pattern) for pattern in project.package_data):
            out[path.relative_to(root).as_posix()] = path
    return sorted(out.items())


def _metadata(project: Project) -> str:
    lines = ["Metadata-Version: 2.1", f"Name: {project.name}", f"Version: {project.version}"]
    if project.summary:
        lines.append(f"Summary: {project.summary}")
    if project.requires_python:
        lines.append(f"Requires-Python: {project.requires_python}")
    lines += [f"Requires-Dist: {dep}" for dep in project.dependencies]
    return "\n".join(lines) + "\n"


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(data)}"


def wheel_bytes(project: Project) -> bytes:
    """The wheel as bytes; the same sources and SOURCE_DATE_EPOCH always give the same bytes."""
    entries: list[tuple[str, bytes]] = [(name, path.read_bytes()) for name, path in _package_files(project)]
    info = f"{project.name}-{project.version}.dist-info"
    entries.append((f"{info}/METADATA", _metadata(project).encode("utf-8")))
    entries.append((f"{info}/WHEEL", (f"Wheel-Version: 1.0\nGenerator: leren.wheel\nRoot-Is-Purelib: true\n"
                                      f"Tag: {TAG}\n").encode("utf-8")))
    if project.scripts:
        scripts = "".join(f"{name} = {target}\n" for name, target in sorted(project.scripts.items()))
        entries.append((f"{info}/entry_points.txt", f"[console_scripts]\n{scripts}".encode("utf-8")))
    entries.append((f"{info}/top_level.txt", f"{project.name}\n".encode("utf-8")))
    record = "\n".join(_record_line(name, data) for name, data in entries) + f"\n{info}/RECORD,,\n"
    entries.append((f"{info}/RECORD", record.encode("utf-8")))
    buffer = io.BytesIO()
    write_zip(buffer, entries)  # sorted, fixed times and permissions
    return buffer.getvalue()


def write_wheel(pyproject: Path, out_dir: Path) -> Path:
    """Write the wheel into `out_dir` (atomically) and return its path. An unchanged file is left alone."""
    project = read_project(pyproject)
    data = wheel_bytes(project)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / project.filename
    if target.is_file() and target.read_bytes() == data:
        return target
    partial = target.with_name(target.name + ".deel")
    partial.write_bytes(data)
    partial.replace(target)
    return target

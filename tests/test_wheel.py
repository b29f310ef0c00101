"""The `leren` wheel that the site offers: reproducible, complete, installable in a clean environment, and
enough to run a downloaded notebook without the sources of the knowledge base.

The install test makes a fresh virtual environment (without pip and without the system's or the shared venv's packages),
installs the wheel plus nbclient and ipykernel, and runs one notebook there with the working directory
and PYTHONPATH far from the source tree. Dependencies come from a local wheelhouse
(~/.cache/leren-test-wheels, or LEREN_WHEELHOUSE); only when it lacks something, pip fills it from the
package index once. Run with -s to see the time it takes.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import subprocess
import sys
import time
import venv
import zipfile
from pathlib import Path

import pytest

from leren.sphinx.notebooks import convert
from leren.wheel import read_project, wheel_bytes, write_wheel

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
NOTEBOOK = ROOT / "exercises" / "venlo-fasen.md"
WHEELHOUSE = Path(os.environ.get("LEREN_WHEELHOUSE", Path.home() / ".cache" / "leren-test-wheels"))
RUNNERS = ["nbclient", "ipykernel", "nbformat"]


def test_two_builds_give_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    first = write_wheel(PYPROJECT, tmp_path / "a").read_bytes()
    second = write_wheel(PYPROJECT, tmp_path / "b").read_bytes()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")  # a day later: the time stamps differ
    assert wheel_bytes(read_project(PYPROJECT)) != first


def test_wheel_holds_code_data_metadata_and_a_valid_record(tmp_path):
    project = read_project(PYPROJECT)
    path = write_wheel(PYPROJECT, tmp_path)
    assert path.name == f"leren-{project.version}-py3-none-any.whl"
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for needed in ["leren/__init__.py", "leren/oefeningen.py", "leren/data/oefeningen/venlo-fasen.yml",
                       "leren/data/principes/01-ervaringsleren.yml", "leren/sphinx/static/zelftoets.js"]:
            assert needed in names
        assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
        info = f"leren-{project.version}.dist-info"
        metadata = archive.read(f"{info}/METADATA").decode()
        assert all(f"Requires-Dist: {dep}" in metadata for dep in project.dependencies)
        assert "leren = leren.cli:main" in archive.read(f"{info}/entry_points.txt").decode()
        rows = list(csv.reader(io.StringIO(archive.read(f"{info}/RECORD").decode())))
        assert {row[0] for row in rows} == names
        for name, digest, size in rows:
            if name.endswith("RECORD"):
                continue
            data = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert digest == f"sha256={expected}" and int(size) == len(data), name


def test_broken_pyproject_gives_a_dutch_error(tmp_path):
    bad = tmp_path / "pyproject.toml"
    bad.write_text("[project]\nname = 'leren'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="hieruit kan geen wheel gemaakt worden"):
        read_project(bad)


def _pip(python: Path, *args: str) -> subprocess.CompletedProcess:
    """pip of the test's own environment, acting on the environment of `python` (pip's --python option), so
    the fresh environment needs no pip of its own."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run([sys.executable, "-m", "pip", "--python", str(python), *args], capture_output=True,
                          text=True, env=env)


def test_wheel_installs_in_a_fresh_venv_and_runs_a_notebook(tmp_path):
    start = time.perf_counter()
    wheel = write_wheel(PYPROJECT, tmp_path / "dist")
    env_dir = tmp_path / "schoon"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    requirements = [str(wheel), *RUNNERS]
    installed = _pip(python, "install", "--no-index", "--find-links", str(WHEELHOUSE), *requirements)
    if installed.returncode != 0:  # the wheelhouse lacks something: fill it once from the index
        WHEELHOUSE.mkdir(parents=True, exist_ok=True)
        fetched = _pip(python, "download", "--dest", str(WHEELHOUSE), *requirements)
        if fetched.returncode != 0:
            pytest.skip(f"Geen wheelhouse en geen pakketindex bereikbaar: {fetched.stderr[-300:]}")
        (WHEELHOUSE / wheel.name).unlink(missing_ok=True)  # keep only third-party wheels there
        installed = _pip(python, "install", "--no-index", "--find-links", str(WHEELHOUSE), *requirements)
    assert installed.returncode == 0, installed.stderr
    setup_seconds = time.perf_counter() - start

    notebook = convert(NOTEBOOK.read_text(encoding="utf-8"), NOTEBOOK)
    work = tmp_path / "student"
    work.mkdir()
    (work / "venlo-fasen.ipynb").write_text(__import__("nbformat").writes(notebook), encoding="utf-8")
    script = (
        "import nbformat, nbclient, leren, sys\n"
        "print('LEREN', leren.__file__)\n"
        "nb = nbformat.read('venlo-fasen.ipynb', as_version=4)\n"
        "nbclient.NotebookClient(nb, timeout=120, kernel_name='python3').execute()\n"
        "outputs = [o for c in nb.cells if c.cell_type == 'code' for o in c.get('outputs', [])]\n"
        "assert not [o for o in outputs if o.get('output_type') == 'error']\n"
        "text = ' '.join(str(o.get('data', {}).get('text/plain', '')) + str(o.get('data', {}).get('text/markdown', ''))"
        " + str(o.get('text', '')) for o in outputs)\n"
        "print(text)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    ran = subprocess.run([str(python), "-c", script], cwd=work, capture_output=True, text=True, env=env, timeout=300)
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert f"LEREN {env_dir}" in ran.stdout  # the installed package, not the source tree
    assert "van de" in ran.stdout and "punten" in ran.stdout  # the checked answers with their score
    assert (work / "mijn-werkblad.docx").is_file()  # the worksheet cell made the student's DOCX
    total = time.perf_counter() - start
    print(f"\nwheel: {wheel.stat().st_size // 1024} kB; installeren {setup_seconds:.1f} s; "
          f"notebook uitvoeren {total - setup_seconds:.1f} s; samen {total:.1f} s")


def test_students_guide_offers_the_wheel_and_the_bundle_takes_it(book):
    from leren.offline.bundle import _site_files

    project = read_project(PYPROJECT)
    page = book.page("book/gidsen/studenten")
    assert f'href="../../pakket/{project.filename}"' in page
    assert "install" in page and project.filename in page and "jupyterlab" in page
    built = book.html / "pakket" / project.filename
    assert built.read_bytes() == wheel_bytes(project)
    assert f"pakket/{project.filename}" in {name for _, name in _site_files(book.html)}

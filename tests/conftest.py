"""Shared fixtures. The book is built once per test session, strictly, into a temporary folder."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FIXTURES = Path(__file__).parent / "fixtures"
# Sphinx's own testing fixtures (`make_app`, `app`) for directive tests on tiny projects.
pytest_plugins = ("sphinx.testing.fixtures",)
# Sphinx writes "path:line: WARNING: text" or "WARNING: text"; Python's logging ("ERROR:tornado...") is not Sphinx.
SPHINX_PROBLEM = re.compile(r"(^|: )(WARNING|ERROR|CRITICAL|SEVERE): ")
DEBIAN_PACKAGES = ("chromium", "nodejs", "npm")
# Background work that no test waits for first runs at a lower priority than the shared build and the tests.
NICE = ["nice", "-n", "10"] if shutil.which("nice") else []


def pytest_report_header(config) -> list[str]:
    """The Debian packages the browser tests run on (Playwright is pinned to one Chromium protocol)."""
    try:
        proc = subprocess.run(["dpkg-query", "-W", "-f", "${Package}=${Version}\n", *DEBIAN_PACKAGES],
                              capture_output=True, text=True, timeout=20)
        found = dict(line.split("=", 1) for line in proc.stdout.splitlines() if "=" in line)
    except (OSError, subprocess.SubprocessError):
        found = {}
    for name in DEBIAN_PACKAGES:  # npm may come with another package (NodeSource's nodejs)
        if not found.get(name):
            try:
                version = subprocess.run([name, "--version"], capture_output=True, text=True, timeout=20).stdout
                found[name] = f"{version.strip()} (geen eigen pakket)" if version.strip() else "ontbreekt"
            except (OSError, subprocess.SubprocessError):
                found[name] = "ontbreekt"
    return ["debian: " + ", ".join(f"{name} {found[name]}" for name in DEBIAN_PACKAGES)]


# What the background work of this run took: name -> (seconds after the session started, seconds it ran).
TIMES: dict[str, tuple[float, float]] = {}
T0 = time.perf_counter()


def timed(name: str, proc: subprocess.Popen) -> subprocess.Popen:
    """Record when background process `proc` started and how long it ran (shown after the tests)."""
    began = time.perf_counter()

    def wait() -> None:
        proc.wait()
        TIMES[name] = (began - T0, time.perf_counter() - began)

    threading.Thread(target=wait, name=f"wait-{name}", daemon=True).start()
    return proc


def pytest_terminal_summary(terminalreporter) -> None:
    if TIMES:
        order = sorted(TIMES.items(), key=lambda kv: kv[1])
        parts = [f"{name} {took:.0f} s (vanaf {start:.0f} s)" for name, (start, took) in order]
        terminalreporter.write_line("achtergrondwerk: " + "; ".join(parts))


@dataclass
class BuiltBook:
    html: Path
    log: str
    returncode: int

    def page(self, docname: str) -> str:
        return (self.html / f"{docname}.html").read_text(encoding="utf-8")

    def text(self, docname: str) -> str:
        """The visible text of a page's main content, unescaped, with white space folded."""
        page = self.page(docname)
        main = page[page.find("<main") : page.find("</main>")]
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())

    def warnings(self) -> list[str]:
        """Sphinx's warnings and errors (not the kernel's own log lines)."""
        return [line for line in self.log.splitlines() if SPHINX_PROBLEM.search(line)]

    def search_index(self) -> dict:
        raw = (self.html / "searchindex.js").read_text(encoding="utf-8")
        return json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])


def toc_docnames() -> list[str]:
    """Every document of the table of contents in reading order, the pages made from data included."""
    import leren
    from leren.sphinx.generated import reading_order

    return reading_order(ROOT / "_toc.yml", leren.load())


# Two builds and some unit tests start Jupyter kernels at the same time. jupyter_client picks a free TCP port
# for each kernel channel before the kernel binds it, so two kernels can pick the same port; the second one
# then dies ("ZMQError: Address already in use") and its build fails. A build that failed that way runs once
# more: the notebooks that did run are in its Jupyter cache, so only the one that failed runs again.
KERNEL_PORT_RACE = re.compile(r"ZMQError: Address already in use")


class BuildProcess:
    """A build in a background process that writes its output to `log`; `wait()` gives (exit code, log
    without colour codes), after one more run when the first failed only on the kernel port race."""

    def __init__(self, name: str, cmd: list[str], log: Path):
        self.name, self.cmd, self.log = name, cmd, log
        self._result: tuple[int, str] | None = None
        self._lock = threading.Lock()
        self._start()

    def _start(self) -> None:
        with self.log.open("w", encoding="utf-8") as out:
            self._proc = timed(self.name, subprocess.Popen(self.cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT))

    def _finish(self) -> tuple[int, str]:
        code = self._proc.wait()
        return code, re.sub(r"\x1b\[[0-9;]*m", "", self.log.read_text(encoding="utf-8"))

    def wait(self) -> tuple[int, str]:
        with self._lock:
            if self._result is None:
                code, log = self._finish()
                if code != 0 and KERNEL_PORT_RACE.search(log):
                    self._start()
                    code, log = self._finish()
                    log = f"(tweede poging: de eerste stopte op een bezette poort van een Jupyter-kernel)\n{log}"
                self.log.write_text(log, encoding="utf-8")
                self._result = (code, log)
        return self._result


class BookBuild:
    """The strict build of the whole book from scratch into `out`, as a background process (the HTML lands in
    `out/_build/html`, the log in `out/build.log` and the exit code in `out/build.rc`). It starts when the
    tests are collected, so the unit tests run while it builds."""

    def __init__(self, out: Path):
        self.out = out
        self._process = BuildProcess("boek", [str(BIN / "jupyter-book"), "build", str(ROOT), "--path-output",
                                              str(out), "--all", "--warningiserror", "--nitpick", "--keep-going"],
                                     out / "build.log")

    def wait(self) -> BuiltBook:
        code, log = self._process.wait()
        (self.out / "build.rc").write_text(str(code), encoding="utf-8")
        return BuiltBook(html=self.out / "_build" / "html", log=log, returncode=code)


class SphinxRoute:
    """The second full build, the way `make sphinx-html` builds: `jupyter-book config sphinx` writes conf.py
    from _config.yml (into a temporary folder here, so the work tree stays untouched), then `sphinx-build`
    builds from scratch, notebook execution included. It runs as a background process at a lower priority,
    so on two cores it uses what the shared build and the tests leave free."""

    def __init__(self, tmp: Path):
        confdir = tmp / "conf"
        confdir.mkdir()
        shutil.copy2(ROOT / "_config.yml", confdir / "_config.yml")
        proc = subprocess.run([str(BIN / "jupyter-book"), "config", "sphinx", str(ROOT), "--config",
                               str(confdir / "_config.yml")], capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        self.conf = (confdir / "conf.py").read_text(encoding="utf-8")
        self.html = tmp / "html"
        # The flags of `make sphinx-html`; -c and -d keep conf.py and the doctrees out of the work tree.
        self._process = BuildProcess(
            "sphinx-route",
            [*NICE, str(BIN / "sphinx-build"), "-W", "-n", "--keep-going", "-E", "-b", "html", "-c", str(confdir),
             "-d", str(tmp / "doctrees"), str(ROOT), str(self.html)],
            tmp / "build.log")

    def wait(self) -> tuple[int, str]:
        """(exit code, log without colour codes)."""
        return self._process.wait()


_ROUTE: list[SphinxRoute] = []
_BUILD: list[BookBuild] = []
# The fixtures the selected tests use (after -k and -m), recorded when the tests are collected.
_WANTED = pytest.StashKey[set]()
# Work that needs the shared build and can run in the background while other tests run, by fixture name:
# name -> start(book, tmp_path_factory) returning a handle. A test module registers its own; see `started`.
AFTER_BOOK: dict = {}
_STARTED: dict = {}
# Fixtures whose work runs in the background: the tests that wait for them run last, in this order.
BACKGROUND = ("vnu_report", "folder_sweep", "pdfs", "site_sweep", "werkvorm_copy", "sphinx_route")


_LOCK = threading.RLock()


def started(name: str, book: BuiltBook, tmp_path_factory):
    """The handle of background work `name` (AFTER_BOOK), started now unless it was started already (by the
    watcher of the shared build, or by the `book` fixture)."""
    with _LOCK:
        if name not in _STARTED:
            _STARTED[name] = AFTER_BOOK[name](book, tmp_path_factory)
        return _STARTED[name]


def _start_after_book(build: BookBuild, wanted: set[str], tmp_path_factory) -> None:
    """Wait for the shared build, then start the background work the selected tests want."""
    built = build.wait()
    if built.returncode != 0:
        return
    for name in list(AFTER_BOOK):
        if name in wanted:
            started(name, built, tmp_path_factory)


def _start_sphinx_route(tmp_path_factory) -> SphinxRoute:
    if not _ROUTE:
        _ROUTE.append(SphinxRoute(tmp_path_factory.mktemp("sphinx-route")))
    return _ROUTE[0]


@pytest.fixture(scope="session")
def book(request, tmp_path_factory) -> BuiltBook:
    """The one full build of a test run (started when the tests were collected). LEREN_BOEK=<folder> reuses a
    folder an earlier run's `BookBuild` filled (when working on tests; a full `make test` always builds
    afresh)."""
    reuse = os.environ.get("LEREN_BOEK")
    if reuse:
        out = Path(reuse)
        return BuiltBook(html=out / "_build" / "html", log=(out / "build.log").read_text(encoding="utf-8"),
                         returncode=int((out / "build.rc").read_text(encoding="utf-8")))
    if not _BUILD:
        _BUILD.append(BookBuild(tmp_path_factory.mktemp("book")))
    built = _BUILD[0].wait()
    wanted = request.config.stash.get(_WANTED, set())
    for name in AFTER_BOOK:
        if name in wanted and built.returncode == 0:
            started(name, built, tmp_path_factory)
    return built


def _start_site_sweep(built: BuiltBook, tmp_path_factory):
    from site_sweep import SweepInBackground

    return SweepInBackground(built.html)


AFTER_BOOK["site_sweep"] = _start_site_sweep


@pytest.fixture(scope="session")
def site_sweep(book, tmp_path_factory):
    """The visit of every page (tests/site_sweep.py), started right after the shared build; finished."""
    assert (book.html / "book" / "intro.html").is_file(), "Het boek is niet gebouwd; zie test_build."
    return started("site_sweep", book, tmp_path_factory).result()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, for the browser tests of one test file."""
    from browser_support import AXE, launch
    from playwright.sync_api import sync_playwright

    if not AXE.is_file():
        pytest.fail(f"axe-core ontbreekt ({AXE}); installeer het met: npm ci --prefix tests/browser")
    with sync_playwright() as pw:
        chromium = launch(pw)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def sphinx_route(book, tmp_path_factory) -> SphinxRoute:
    """The plain-Sphinx build (see SphinxRoute), finished; a `book` test, compared with the shared build."""
    return _start_sphinx_route(tmp_path_factory)


def _rank(item) -> int:
    """Unit tests first (while the book builds), then the tests of the built book, then those that wait
    for background work, in the order that work finishes."""
    names = getattr(item, "fixturenames", ())
    for rank, name in enumerate(BACKGROUND, start=2):
        if name in names:
            return rank
    return 1 if "book" in names else 0


def pytest_collection_modifyitems(config, items):
    """Mark every test that needs the full book build (directly or through a fixture) with `book`, so
    `pytest -m "not book"` runs the unit tests alone; and order the tests by `_rank` (stable, so each
    group keeps the order of the files)."""
    for item in items:
        if "book" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.book)
    items.sort(key=_rank)


def pytest_collection_finish(session):
    """Which fixtures the selected tests use (after -k and -m), for the background work of `book`; and the
    start of the shared build (and the plain-Sphinx build beside it) when any selected test needs it."""
    wanted = {name for item in session.items for name in getattr(item, "fixturenames", ())}
    session.config.stash[_WANTED] = wanted
    factory = getattr(session.config, "_tmp_path_factory", None)  # what the tmp_path_factory fixture gives
    if "book" in wanted and not os.environ.get("LEREN_BOEK") and factory is not None and not _BUILD:
        _BUILD.append(BookBuild(factory.mktemp("book")))
        if "sphinx_route" in wanted:
            _start_sphinx_route(factory)
        # The background work starts the moment the build is done, while the unit tests still run.
        threading.Thread(target=_start_after_book, args=(_BUILD[0], wanted, factory), name="after-book",
                         daemon=True).start()


@dataclass
class Alles:
    """One run of `leren alles` on the package data, every worksheet in every format."""

    folder: Path
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def alles(tmp_path_factory) -> Alles:
    """`leren alles` once per test session, through the console script as a user runs it, without
    SOURCE_DATE_EPOCH; shared by the command's end-to-end test, the reproducibility check and the bundle."""
    folder = tmp_path_factory.mktemp("alles") / "werkbladen"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    proc = subprocess.run([str(BIN / "leren"), "alles", "--uit", str(folder)], capture_output=True, text=True,
                          env=env)
    return Alles(folder=folder, returncode=proc.returncode, stdout=proc.stdout, stderr=proc.stderr)


def _start_folder(built: BuiltBook, tmp_path_factory):
    from folder_support import FolderInBackground

    return FolderInBackground(built.html, tmp_path_factory.mktemp("map"))


AFTER_BOOK["folder_sweep"] = _start_folder


@pytest.fixture(scope="session")
def folder(book, tmp_path_factory) -> Path:
    """The offline bundle of the built book, unpacked as a reader unpacks it (tests/folder_support.py)."""
    return started("folder_sweep", book, tmp_path_factory).folder()


@pytest.fixture(scope="session")
def folder_sweep(book, tmp_path_factory) -> tuple[int, dict[str, list[str]]]:
    """Every page of that folder opened over file://: (pages, problems per page)."""
    return started("folder_sweep", book, tmp_path_factory).sweep()


def _start_vnu(built: BuiltBook, tmp_path_factory):
    """The Nu HTML Checker on every page, as a background process (test_html_valid waits for it)."""
    from browser_support import VNU

    out = tmp_path_factory.mktemp("vnu") / "vnu.json"
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        return None, out
    with out.open("w", encoding="utf-8") as report:
        proc = subprocess.Popen([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
                                 str(built.html)], stdout=subprocess.DEVNULL, stderr=report)
    return timed("vnu", proc), out


AFTER_BOOK["vnu_report"] = _start_vnu


@pytest.fixture(scope="session")
def vnu_report(book, tmp_path_factory) -> dict:
    """The checker's JSON report on the built book (it writes it to stderr)."""
    from browser_support import VNU

    proc, out = started("vnu_report", book, tmp_path_factory)
    if proc is None:
        java = shutil.which("java")
        if java is None:
            pytest.fail("Java ontbreekt; installeer het met: bash scripts/system-deps.sh (default-jre-headless)")
        pytest.fail(f"De Nu HTML Checker ontbreekt ({VNU}); installeer hem met: npm ci --prefix tests/browser")
    proc.wait()
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def served(book):
    """The built book on a local web server (127.0.0.1), shared by the browser tests; yields its URL."""
    from browser_support import serve

    # Strict-build warnings are test_build's concern; the pages only have to exist.
    assert (book.html / "book" / "intro.html").is_file(), "Het boek is niet gebouwd; zie test_build."
    url, stop = serve(book.html)
    yield url
    stop()

"""Benchmark of the worksheet engine (not a test). Run: .venv/bin/python benchmarks/worksheets.py

1. Time per PDF through the engine (`leren.worksheets.render`) against a bare Typst compile of the
   same template with the same JSON data and a reused compiler. Target: at most 1.5x.
2. Wall time of `leren alles` (every worksheet, all four formats) for the package data, and for a
   set of 70 worksheets (the expected size once every principle, case and werkvorm has one).
   Target: under 10 s on a 2-core machine.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import typst
import yaml

import leren
from leren.worksheets import build, pdf, render

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "data"
REPEAT = 200
STRESS_SHEETS = 70


def median_ms(func, repeat: int = REPEAT) -> float:
    func()  # warm up: fonts and the parsed template are cached after the first run
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def paired_ms(first, second, repeat: int = REPEAT) -> tuple[float, float]:
    """Fastest times of two functions, run in turns so that load from elsewhere hits both alike.

    The minimum, as `timeit` advises: on a shared machine slower runs measure the other processes.
    """
    first(), second()
    a, b = [], []
    for _ in range(repeat):
        for func, times in ((first, a), (second, b)):
            start = time.perf_counter()
            func()
            times.append(time.perf_counter() - start)
    return min(a) * 1000, min(b) * 1000


def pdf_timings(catalogs: list[leren.Catalog]) -> None:
    template = pdf.template_source()
    bare = typst.Compiler(ignore_system_fonts=True)
    print(f"{'werkblad':28} {'engine':>9} {'kaal':>9} {'verhouding':>10}")
    ratios = []
    for catalog, sheet in [(c, s) for c in catalogs for s in c.worksheets.values()]:
        doc = build(sheet, catalog)
        inputs = pdf.inputs(doc)
        engine, plain = paired_ms(
            lambda: render(build(sheet, catalog), "pdf"),
            lambda: bare.compile(input=template, sys_inputs=inputs, pdf_standards=["ua-1"]),
        )
        ratios.append(engine / plain)
        print(f"{sheet.id:28} {engine:7.1f}ms {plain:7.1f}ms {engine / plain:9.2f}x")
    cold = median_ms(lambda: typst.Compiler(ignore_system_fonts=True).compile(
        input=template, sys_inputs=inputs, pdf_standards=["ua-1"]), repeat=5)
    print(f"mediaan verhouding engine/kaal: {statistics.median(ratios):.2f}x (doel: hoogstens 1,5x)")
    print(f"ter vergelijking, kaal met een nieuwe compiler per keer: {cold:.1f} ms")


def stress_data(folder: Path) -> Path:
    """The fixture data with its worksheets copied to STRESS_SHEETS distinct ids."""
    data = folder / "data"
    shutil.copytree(FIXTURES, data)
    sheets = sorted((data / "werkbladen").glob("*.yml"))
    originals = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sheets]
    for path in sheets:
        path.unlink()
    for number in range(STRESS_SHEETS):
        raw = dict(originals[number % len(originals)])
        raw["id"] = f"werkblad-{number:03d}"
        (data / "werkbladen" / f"{raw['id']}.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return data


def time_alles(label: str, data: Path | None, count: int) -> None:
    script = Path(sys.executable).parent / "leren"
    with tempfile.TemporaryDirectory() as out:
        cmd = [str(script)] + (["--gegevens", str(data)] if data else []) + ["alles", "--uit", out]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        files = len(list(Path(out).iterdir()))
    if proc.returncode != 0:
        print(proc.stderr)
        raise SystemExit(proc.returncode)
    per_sheet = seconds / max(count, 1) * 1000
    print(f"leren alles, {label}: {count} werkbladen, {files} bestanden in {seconds:.2f} s "
          f"(processortijd {cpu:.2f} s; {per_sheet:.0f} ms per werkblad in 4 formaten; doel: onder 10 s)")


def main() -> None:
    print(f"machine: {os.cpu_count()} kernen, belasting {os.getloadavg()[0]:.1f} (1 min)")
    catalog = leren.load()
    print(f"== Tijd per PDF (snelste van {REPEAT} keer, om en om gemeten) ==")
    pdf_timings([catalog, leren.load(FIXTURES)])  # the package's worksheets and the test fixtures
    print()
    print("== leren alles (wandkloktijd, inclusief het starten van Python) ==")
    time_alles("pakketgegevens", None, len(catalog.worksheets))
    with tempfile.TemporaryDirectory() as tmp:
        time_alles(f"{STRESS_SHEETS} werkbladen", stress_data(Path(tmp)), STRESS_SHEETS)


if __name__ == "__main__":
    main()

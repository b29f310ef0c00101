"""The test harness's background builds (conftest.BuildProcess): a build that failed only because two Jupyter
kernels picked the same port runs once more; any other failure stands."""

from __future__ import annotations

import sys

from conftest import BuildProcess

# Fails the first time (with the message the kernel race gives, or another one), succeeds after that.
SCRIPT = """
import pathlib, sys
mark = pathlib.Path(sys.argv[1])
if not mark.exists():
    mark.write_text("1")
    print(sys.argv[2])
    sys.exit(1)
print("gebouwd")
"""


def build(tmp_path, message: str) -> tuple[int, str]:
    cmd = [sys.executable, "-c", SCRIPT, str(tmp_path / "eerste-poging"), message]
    return BuildProcess("proef", cmd, tmp_path / "build.log").wait()


def test_a_build_that_lost_the_kernel_port_race_runs_once_more(tmp_path):
    code, log = build(tmp_path, "zmq.error.ZMQError: Address already in use (addr='tcp://127.0.0.1:34307')")
    assert code == 0 and "gebouwd" in log and "tweede poging" in log
    assert (tmp_path / "build.log").read_text(encoding="utf-8") == log


def test_any_other_failure_is_not_retried(tmp_path):
    code, log = build(tmp_path, "WARNING: undefined label")
    assert code == 1 and "undefined label" in log and "gebouwd" not in log

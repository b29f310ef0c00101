"""Publishers can build with plain sphinx-build from a conf.py generated from _config.yml."""

from __future__ import annotations

import subprocess

from conftest import BIN, ROOT


def test_plain_sphinx_build(tmp_path):
    conf = ROOT / "conf.py"
    assert not conf.exists(), "conf.py wordt gegenereerd en hoort niet in de repository"
    try:
        subprocess.run([str(BIN / "jupyter-book"), "config", "sphinx", str(ROOT)], check=True, capture_output=True)
        text = conf.read_text(encoding="utf-8")
        assert "leren.sphinx" in text and "language = 'nl'" in text
        out = tmp_path / "html"
        proc = subprocess.run(
            [str(BIN / "sphinx-build"), "-W", "-n", "--keep-going", "-E", "-q", "-b", "html", str(ROOT), str(out)],
            capture_output=True, text=True, cwd=ROOT,
        )
    finally:
        conf.unlink(missing_ok=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (out / "book" / "principes" / "index.html").is_file()

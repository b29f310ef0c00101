"""`leren pdf` and `leren bundel`: the PDF and offline commands speak Dutch like every other command."""

from __future__ import annotations

import zipfile

import pytest
from worksheet_tools import FIXTURE_DATA

from leren.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command,expected", [
    ("pdf", "Maak PDF's van de gebouwde site"), ("bundel", "voor gebruik zonder internet")])
def test_help_is_dutch(capsys, command, expected):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and expected in out and "Opties:" in out and "options:" not in out


def test_pdf_without_a_site_is_a_dutch_usage_error(capsys, tmp_path):
    code, out, err = run(capsys, "pdf", "--site", str(tmp_path / "geen-site"), "--uit", str(tmp_path / "pdf"),
                         "--zonder-boek")
    assert code == 2 and out == ""
    assert err.startswith("leren: fout: ") and "staat geen gebouwde site" in err and "make html" in err


def test_pdf_of_a_site_without_navigation_says_so(capsys, tmp_path):
    site = tmp_path / "site"
    (site / "book").mkdir(parents=True)
    (site / "index.html").write_text('<meta http-equiv="refresh" content="0; url=book/intro.html">', encoding="utf-8")
    (site / "book" / "intro.html").write_text("<html><body><main>Start</main></body></html>", encoding="utf-8")
    code, out, err = run(capsys, "pdf", "--site", str(site), "--uit", str(tmp_path / "pdf"))
    assert code == 2 and out == ""
    assert "heeft geen navigatie" in err and "intro.html" in err
    assert not (tmp_path / "pdf" / "transformeren-kun-je-leren.pdf").exists()


def test_pdf_unknown_option_is_dutch(capsys):
    code, _, err = run(capsys, "pdf", "--kleur")
    assert code == 2 and "onbekende argumenten: --kleur" in err


@pytest.mark.parametrize("name", ["bundel.txt", "bundel"])
def test_bundel_wants_a_zip_name(capsys, tmp_path, name):
    code, _, err = run(capsys, "bundel", "--uit", str(tmp_path / name))
    assert code == 2 and "eindigt" in err and not list(tmp_path.iterdir())


def test_bundel_without_pdfs_writes_nothing(capsys, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    code, _, err = run(capsys, "bundel", "--site", str(site), "--pdf", str(tmp_path / "pdf"),
                       "--uit", str(tmp_path / "b.zip"))
    assert code == 2 and "staan geen PDF's" in err and "make pdf" in err
    assert not (tmp_path / "b.zip").exists()


def test_bundel_end_to_end(capsys, tmp_path):
    site, pdfs = tmp_path / "site", tmp_path / "pdf"
    site.mkdir()
    pdfs.mkdir()
    (site / "index.html").write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    (pdfs / "boek.pdf").write_bytes(b"%PDF-1.7\n%%EOF\n")
    code, out, err = run(capsys, "--gegevens", str(FIXTURE_DATA), "bundel", "--site", str(site), "--pdf", str(pdfs),
                         "--uit", str(tmp_path / "b.zip"))
    assert code == 0 and err == "" and "Offline bundel gemaakt:" in out and "werkbladen:" in out
    assert "transformeren-kun-je-leren/LEESMIJ.txt" in zipfile.ZipFile(tmp_path / "b.zip").namelist()

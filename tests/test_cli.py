"""The `leren` command: Dutch help and errors, exit code 2 for usage errors, never a half-written file."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from worksheet_tools import FIXTURE_DATA, FIXTURE_SHEETS, docx_text, pdf_reader, squash

from leren.cli import COMMANDS, main

ENGLISH = re.compile(
    r"usage:|positional arguments|options:|optional arguments|show this help|error:|invalid choice|"
    r"the following arguments|unrecognized arguments|expected one argument"
)
DATA = ["--gegevens", str(FIXTURE_DATA)]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([*DATA, *args])
    out, err = capsys.readouterr()
    return code, out, err


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- help -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--help"], *[[c.NAME, "--help"] for c in COMMANDS]])
def test_help_is_dutch(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 0
    assert out.startswith("Gebruik: leren")
    assert not ENGLISH.search(out + err), out


def test_console_script_help_is_dutch():
    script = Path(sys.executable).parent / "leren"
    proc = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert "Opdrachten" in proc.stdout and "werkblad" in proc.stdout
    assert not ENGLISH.search(proc.stdout + proc.stderr)


def test_without_a_command_shows_help_and_exit_code_2(capsys):
    code, out, _ = run(capsys)
    assert code == 2 and "Opdrachten" in out


def test_argparse_errors_are_dutch(capsys):
    code, out, err = run(capsys, "lijst", "dingen")
    assert code == 2
    assert "leren lijst: fout: bij soort: ongeldige keuze: 'dingen'" in err
    assert not ENGLISH.search(err)
    code, _, err = run(capsys, "werkblad")
    assert code == 2 and "dit ontbreekt nog: ID" in err
    code, _, err = run(capsys, "werkblad", "alle-velden", "--onzin")
    assert code == 2 and "onbekende argumenten: --onzin" in err


def test_argparse_stays_english_outside_the_command(capsys):
    import argparse

    run(capsys, "--help")
    parser = argparse.ArgumentParser(prog="x")
    assert "usage:" in parser.format_help()


# -- lijst ----------------------------------------------------------------------------------------

def test_lijst_werkbladen_and_krachten(capsys):
    code, out, _ = run(capsys, "lijst", "werkbladen")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == sorted(FIXTURE_SHEETS)
    code, out, _ = run(capsys, "lijst", "krachten")
    assert code == 0 and "burgerkracht" in out


def test_lijst_werkvormen_when_there_are_none(capsys):
    code, out, _ = run(capsys, "lijst", "werkvormen")
    assert code == 0 and out.strip() == "Er zijn nog geen werkvormen."


# -- werkblad -------------------------------------------------------------------------------------

def test_werkblad_writes_a_personalised_pdf(capsys, tmp_path):
    target = tmp_path / "blad.pdf"
    code, out, _ = run(capsys, "werkblad", "alle-velden", "--uit", str(target), "--groep", "Team <Oost>",
                       "--datum", "14-03-2026", "--trainer", "Sanne", "--vraag", "Wat nu?", "--vraag", "En dan?")
    assert code == 0 and str(target) in out
    text = squash("".join(p.extract_text() for p in pdf_reader(target.read_bytes()).pages))
    for expected in ("Groep: Team <Oost>", "Datum: 14 maart 2026", "Trainer: Sanne", "6. Wat nu?", "7. En dan?"):
        assert squash(expected) in text
    assert files_in(tmp_path) == ["blad.pdf"]  # no temporary file left behind


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_werkblad_format_from_option_and_default_name(capsys, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(capsys, "werkblad", "casus-venlo", "--formaat", fmt)
    assert code == 0
    assert files_in(tmp_path) == [f"casus-venlo.{fmt}"]


def test_werkblad_format_follows_the_file_name(capsys, tmp_path):
    code, _, _ = run(capsys, "werkblad", "casus-venlo", "--uit", str(tmp_path / "venlo.docx"), "--datum", "2026-03-14")
    assert code == 0
    assert "14 maart 2026" in docx_text((tmp_path / "venlo.docx").read_bytes())


def test_werkblad_into_a_folder(capsys, tmp_path):
    code, _, _ = run(capsys, "werkblad", "casus-venlo", "--uit", str(tmp_path), "--formaat", "html")
    assert code == 0 and files_in(tmp_path) == ["casus-venlo.html"]


def test_conflicting_format_and_suffix_is_refused(capsys, tmp_path):
    code, _, err = run(capsys, "werkblad", "casus-venlo", "--formaat", "pdf", "--uit", str(tmp_path / "x.docx"))
    assert code == 2 and "past niet bij de bestandsnaam" in err
    assert files_in(tmp_path) == []


def test_unknown_id_suggests_the_closest(capsys, tmp_path):
    code, out, err = run(capsys, "werkblad", "alle-veld", "--uit", str(tmp_path / "x.pdf"))
    assert code == 2 and out == ""
    assert "leren: fout: er is geen werkblad 'alle-veld'. Bedoelde je 'alle-velden'?" in err
    assert "Traceback" not in err
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("bad", ["31-02-2026", "2026-13-01", "14 maart", "14/03/26", ""])
def test_bad_date_names_the_accepted_formats(capsys, tmp_path, bad):
    code, _, err = run(capsys, "werkblad", "alle-velden", "--uit", str(tmp_path / "x.pdf"), "--datum", bad)
    assert code == 2
    assert "DD-MM-JJJJ" in err and "JJJJ-MM-DD" in err and "Traceback" not in err
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("good,shown", [("1-3-2026", "1 maart 2026"), ("2026-03-01", "1 maart 2026"),
                                        ("01/03/2026", "1 maart 2026"), ("29-02-2028", "29 februari 2028")])
def test_accepted_dates(capsys, tmp_path, good, shown):
    code, _, _ = run(capsys, "werkblad", "alle-velden", "--uit", str(tmp_path / "x.md"), "--datum", good)
    assert code == 0 and shown in (tmp_path / "x.md").read_text(encoding="utf-8")


def test_existing_file_is_refused_without_overschrijf(capsys, tmp_path):
    target = tmp_path / "blad.md"
    target.write_text("van de trainer zelf", encoding="utf-8")
    code, _, err = run(capsys, "werkblad", "alle-velden", "--uit", str(target))
    assert code == 2 and "bestaat al" in err and "--overschrijf" in err
    assert target.read_text(encoding="utf-8") == "van de trainer zelf"
    code, _, _ = run(capsys, "werkblad", "alle-velden", "--uit", str(target), "--overschrijf")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("# Werkblad: alle soorten velden")
    assert files_in(tmp_path) == ["blad.md"]


@pytest.mark.parametrize("where", ["missing-folder/x.pdf", "a-file.txt/x.pdf"])
def test_unwritable_path_gives_a_dutch_error(capsys, tmp_path, where):
    (tmp_path / "a-file.txt").write_text("iets", encoding="utf-8")
    code, out, err = run(capsys, "werkblad", "alle-velden", "--uit", str(tmp_path / where))
    assert code == 2 and out == ""
    assert re.search(r"leren: fout: .*(bestaat niet|geen map)", err) and "Traceback" not in err
    assert files_in(tmp_path) == ["a-file.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder_gives_a_dutch_error(capsys, tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = run(capsys, "werkblad", "alle-velden", "--uit", str(folder / "x.pdf"))
    finally:
        folder.chmod(0o700)
    assert code == 2 and "je mag niet schrijven" in err
    assert files_in(folder) == []


def test_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    from leren.worksheets import output

    def broken_replace(src, dst):
        raise PermissionError(13, "nope")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    with pytest.raises(output.OutputError, match="geen toestemming"):
        output.write_atomic(tmp_path / "x.pdf", b"%PDF-")
    assert files_in(tmp_path) == []


def test_data_errors_exit_1(capsys, tmp_path):
    (tmp_path / "werkbladen").mkdir()
    (tmp_path / "werkbladen" / "kapot.yml").write_text("id: kapot\ntitel: x\n", encoding="utf-8")
    code = main(["--gegevens", str(tmp_path), "lijst", "werkbladen"])
    _, err = capsys.readouterr()
    assert code == 1 and "De gegevens van de kennisbank kloppen niet" in err


# -- alles ----------------------------------------------------------------------------------------

def test_alles_writes_every_sheet_in_every_format_with_progress(capsys, tmp_path):
    folder = tmp_path / "uit" / "werkbladen"
    code, out, err = run(capsys, "alles", "--uit", str(folder), "--groep", "Team Zuid")
    assert code == 0
    expected = sorted(f"{sheet}.{fmt}" for sheet in FIXTURE_SHEETS for fmt in ("pdf", "docx", "html", "md"))
    assert files_in(folder) == expected
    assert "3 werkbladen gemaakt" in out
    assert "12/12 bestanden (100%)" in err and "[####" in err


def test_alles_refuses_existing_files_then_overwrites(capsys, tmp_path):
    assert run(capsys, "alles", "--uit", str(tmp_path), "--formaat", "md")[0] == 0
    (tmp_path / "casus-venlo.md").write_text("oud", encoding="utf-8")
    code, _, err = run(capsys, "alles", "--uit", str(tmp_path), "--formaat", "md")
    assert code == 2 and "--overschrijf" in err
    assert (tmp_path / "casus-venlo.md").read_text(encoding="utf-8") == "oud"
    code, _, _ = run(capsys, "alles", "--uit", str(tmp_path), "--formaat", "md", "--overschrijf")
    assert code == 0 and (tmp_path / "casus-venlo.md").read_text(encoding="utf-8") != "oud"


def test_alles_into_a_file_is_refused(capsys, tmp_path):
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "alles", "--uit", str(tmp_path / "bestand"))
    assert code == 2 and "is een bestand, geen map" in err


def test_alles_on_the_package_data(alles):
    """Every worksheet in the package renders in every format (the end-to-end run of the command, shared)."""
    assert alles.returncode == 0, alles.stderr
    import leren

    assert len(list(alles.folder.iterdir())) == 4 * len(leren.load().worksheets)

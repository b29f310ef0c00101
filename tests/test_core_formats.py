"""The one output-format registry and its one rule for --formaat and the file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from leren import agenda, worksheets
from leren.formats import FORMATS, FormatError, choose, from_path


def test_every_renderer_offers_the_registered_formats():
    assert set(worksheets.MODULES) == set(agenda.MODULES) == set(FORMATS)


@pytest.mark.parametrize("name,expected", [("a.pdf", "pdf"), ("A.DOCX", "docx"), ("x/y.html", "html"),
                                           ("notes.md", "md"), ("plan.yml", None), ("geen-extensie", None)])
def test_from_path(name, expected):
    found = from_path(Path(name))
    assert (found.name if found else None) == expected


def test_choose_follows_the_name_then_the_option_then_the_default():
    assert choose(None, Path("blad.docx")).name == "docx"
    assert choose("html", Path("blad")).name == "html"
    assert choose(None, None).name == "pdf"
    assert choose(None, Path("blad"), default="docx").name == "docx"
    assert choose("md", Path("blad.MD")).name == "md"


def test_choose_refuses_in_dutch():
    with pytest.raises(FormatError, match=r"--formaat pdf past niet bij de bestandsnaam 'x.docx'.*\.pdf"):
        choose("pdf", Path("x.docx"))
    with pytest.raises(FormatError, match=r"eindigt niet op \.pdf, \.docx, \.html of \.md"):
        choose(None, Path("x.txt"))
    with pytest.raises(FormatError, match="geen formaat"):
        choose("odt", None)

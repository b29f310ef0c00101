"""Pages from data: a werkvorm is one YAML file. Its page, its place in the navigation and its worksheet are
made at build time (leren.sphinx.generated, leren.derived), and the publishers' guide says so with examples
that these tests run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import conftest
import pytest
import yaml
from conftest import BIN, ROOT, toc_docnames
from sphinx.errors import ConfigError
from sphinx_support import build_mini

import leren
from leren.catalog import DATA_DIR, load
from leren.derived import KINDS, worksheet_for
from leren.sphinx.generated import MARK, write_pages
from leren.worksheets import render_sheet

GUIDE = ROOT / "book" / "gidsen" / "uitgevers.md"
FORMATS_KIND = KINDS[0]


# -- generated source files ------------------------------------------------------------------------------

def test_one_generated_page_per_werkvorm(tmp_path):
    catalog = leren.load()
    write_pages(tmp_path, catalog)
    folder = tmp_path / "book" / "werkvormen"
    assert sorted(p.stem for p in folder.glob("*.md")) == sorted(catalog.formats)
    text = (folder / "droomdag.md").read_text(encoding="utf-8")
    assert text.splitlines() == [MARK, "```{werkvorm} droomdag", "```"]


def test_unchanged_pages_are_not_rewritten_and_stale_ones_go(tmp_path):
    catalog = leren.load()
    write_pages(tmp_path, catalog)
    folder = tmp_path / "book" / "werkvormen"
    page = folder / "droomdag.md"
    os.utime(page, (1, 1))
    stale = folder / "weg-ermee.md"
    stale.write_text(f"{MARK}\n```{{werkvorm}} weg-ermee\n```\n", encoding="utf-8")
    own = folder / "index.md"
    own.write_text("# Werkvormen\n", encoding="utf-8")
    write_pages(tmp_path, catalog)
    assert page.stat().st_mtime == 1  # an incremental build does not re-read it
    assert not stale.exists()
    assert own.read_text(encoding="utf-8") == "# Werkvormen\n"


def test_hand_written_page_in_place_of_a_generated_one_is_refused(tmp_path):
    folder = tmp_path / "book" / "werkvormen"
    folder.mkdir(parents=True)
    (folder / "droomdag.md").write_text("# Mijn eigen droomdag\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"book/werkvormen/droomdag\.md is met de hand geschreven.*Verwijder"):
        write_pages(tmp_path, leren.load())


def test_no_werkvorm_page_is_in_git():
    proc = subprocess.run(["git", "ls-files", "book/werkvormen"], cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip("Geen git-checkout.")
    tracked = set(proc.stdout.split())
    assert "book/werkvormen/index.md" in tracked
    assert tracked & {f"book/werkvormen/{ident}.md" for ident in leren.load().formats} == set()


def test_toc_lists_the_werkvormen_by_name_where_the_glob_stands():
    names = toc_docnames()
    formats = leren.load().formats.values()
    expected = [f"book/werkvormen/{f.id}" for f in sorted(formats, key=lambda f: f.naam.casefold())]
    start = names.index("book/werkvormen/index") + 1
    assert names[start : start + len(expected)] == expected
    assert names[start + len(expected)] == "book/bijeenkomst-samenstellen"


# -- derived worksheets ----------------------------------------------------------------------------------

def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    return data


def test_werkvorm_without_a_worksheet_file_gets_one_from_its_fields(tmp_path):
    data = copy_data(tmp_path)
    (data / "werkbladen" / "werkvorm-droomdag.yml").unlink()
    catalog = load(data)
    fmt = catalog.formats["droomdag"]
    sheet = catalog.worksheets["werkvorm-droomdag"]
    assert sheet.titel == "Werkblad: Droomdag"
    assert sheet.doel == fmt.doel
    assert sheet.hoort_bij.soort == "werkvorm" and sheet.hoort_bij.id == "droomdag"
    assert 0 < sheet.minuten <= fmt.duur
    labels = [f.label for f in sheet.velden]
    assert labels[0] == fmt.uitnodiging
    assert [label for label in labels if label.startswith("Stap ")] == [
        f"Stap {n}: {step.wat}" for n, step in enumerate(fmt.stappen, 1)]
    assert "Werkvorm: Droomdag" in render_sheet(sheet, catalog, "md").decode("utf-8")
    for kind in ("pdf", "docx", "html", "md"):
        assert render_sheet(sheet, catalog, kind)


def test_a_worksheet_file_wins_over_the_derived_sheet():
    catalog = leren.load()
    sheet = catalog.worksheets["werkvorm-droomdag"]
    assert sheet != worksheet_for(catalog.formats["droomdag"])
    assert sheet.velden[0].label.startswith("Onze bestemming")


def test_derived_worksheet_keeps_hostile_text_as_text(tmp_path):
    data = copy_data(tmp_path)
    raw = yaml.safe_load((data / "werkvormen" / "droomdag.yml").read_text(encoding="utf-8"))
    raw["naam"] = "<script>alert('x')</script> {{ naam }} \"quoted\""
    raw["stappen"][0]["wat"] = "<b>vet</b> & {{x}} " + "lang " * 60
    (data / "werkvormen" / "droomdag.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    (data / "werkbladen" / "werkvorm-droomdag.yml").unlink()
    catalog = load(data)
    sheet = catalog.worksheets["werkvorm-droomdag"]
    page = render_sheet(sheet, catalog, "html").decode("utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<b>vet</b>" not in page
    assert render_sheet(sheet, catalog, "pdf").startswith(b"%PDF")


# -- the publishers' guide: its examples run ---------------------------------------------------------------

FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,})(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)\s*$",
                   re.MULTILINE | re.DOTALL)


def guide_blocks() -> list[tuple[str, str]]:
    """(info string, body) of every top-level fenced block of the guide, indentation removed."""
    blocks = []
    for match in FENCE.finditer(GUIDE.read_text(encoding="utf-8")):
        indent = len(match["indent"])
        body = "".join(line[indent:] for line in match["body"].splitlines(keepends=True))
        blocks.append((match["info"].strip(), body))
    return blocks


def data_examples() -> dict[str, str]:
    """The guide's YAML examples, by the path in their caption."""
    out = {}
    for info, body in guide_blocks():
        if info == "{code-block} yaml":
            caption = re.match(r":caption: (\S+)\n\n", body)
            assert caption, body[:200]
            out[caption[1]] = body[caption.end():]
    return out


def page_examples() -> list[str]:
    return [body for info, body in guide_blocks() if info == "markdown" and "```{" in body]


def test_guide_says_a_werkvorm_is_one_file():
    text = " ".join(GUIDE.read_text(encoding="utf-8").split())
    assert "Een werkvorm toevoegen is één bestand maken" in text
    assert "glob: book/werkvormen/*" in text and "glob: book/werkvormen/*" in (ROOT / "_toc.yml").read_text()
    assert "Maak `book/werkvormen/<id>.md`" not in text


def test_guide_yaml_examples_load_as_a_new_werkvorm(tmp_path):
    examples = data_examples()
    assert set(examples) == {"src/leren/data/werkvormen/stille-start.yml",
                             "src/leren/data/werkbladen/werkvorm-stille-start.yml"}
    data = copy_data(tmp_path)
    # The werkvorm alone: its worksheet is derived.
    fmt_path = "src/leren/data/werkvormen/stille-start.yml"
    (data / "werkvormen" / "stille-start.yml").write_text(examples[fmt_path], encoding="utf-8")
    catalog = load(data)
    assert catalog.formats["stille-start"].naam == "Stille start"
    assert catalog.worksheets["werkvorm-stille-start"] == worksheet_for(catalog.formats["stille-start"])
    pages = write_pages(tmp_path / "site", catalog)
    assert "book/werkvormen/stille-start" in pages[FORMATS_KIND]
    # With the hand-written worksheet of the guide, that one is used (a new folder: the catalog is cached).
    data = copy_data(tmp_path / "met-werkblad")
    (data / "werkvormen" / "stille-start.yml").write_text(examples[fmt_path], encoding="utf-8")
    sheet_path = "src/leren/data/werkbladen/werkvorm-stille-start.yml"
    (data / "werkbladen" / "werkvorm-stille-start.yml").write_text(examples[sheet_path], encoding="utf-8")
    catalog = load(data)
    assert catalog.worksheets["werkvorm-stille-start"].doel.startswith("Je legt vast")
    assert render_sheet(catalog.worksheets["werkvorm-stille-start"], catalog, "pdf").startswith(b"%PDF")


def test_guide_page_examples_render_without_warnings(tmp_path):
    examples = page_examples()
    assert len(examples) >= 4
    pages = {"index": "# Voorbeelden\n"}
    pages.update({f"voorbeeld-{n}": f"# Voorbeeld {n}\n\n{body}" for n, body in enumerate(examples)})
    out, warnings = build_mini(tmp_path, pages)
    # Links to the book's own pages cannot resolve in a tiny project; anything else is a fault.
    problems = [line for line in warnings.splitlines()
                if "WARNING" in line and "unknown document" not in line]
    assert problems == []
    for n, body in enumerate(examples):
        html = (out / f"voorbeeld-{n}.html").read_text(encoding="utf-8")
        body_html = html[html.index(f"Voorbeeld {n}") :]
        assert len(re.sub(r"<[^>]+>|\s", "", body_html)) > 200, body  # the directives produced content


# -- book level: adding one YAML file to a copy of the project ---------------------------------------------

def project_files() -> list[str]:
    proc = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return [name for name in proc.stdout.split("\0") if name and (ROOT / name).is_file()]


class WerkvormCopy:
    """A copy of the project with one werkvorm YAML file added, built strictly in the background."""

    NEW = "droomdag-in-het-klein"

    def __init__(self, book, tmp: Path):
        copy = self.copy = tmp / "project"
        for name in project_files():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
        # Reuse the notebook outputs of the shared build: the notebooks did not change.
        cache = book.html.parent / ".jupyter_cache"
        if cache.is_dir():
            shutil.copytree(cache, copy / "_build" / ".jupyter_cache")
        original = yaml.safe_load((ROOT / "src/leren/data/werkvormen/droomdag.yml").read_text(encoding="utf-8"))
        original.update(id=self.NEW, naam="Droomdag in het klein")
        added = copy / f"src/leren/data/werkvormen/{self.NEW}.yml"
        added.write_text(yaml.safe_dump(original, allow_unicode=True, sort_keys=False), encoding="utf-8")
        self.before = {name: (copy / name).read_bytes() for name in project_files()}
        self.log = tmp / "build.log"
        env = {**os.environ, "PYTHONPATH": str(copy / "src")}
        with self.log.open("w", encoding="utf-8") as log:
            cmd = [*conftest.NICE, str(BIN / "jupyter-book"), "build", str(copy), "--all", "--warningiserror",
                   "--nitpick", "--keep-going"]
            self.proc = conftest.timed("werkvorm-kopie", subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                                                         cwd=copy, env=env))


conftest.AFTER_BOOK["werkvorm_copy"] = lambda book, factory: WerkvormCopy(book, factory.mktemp("werkvorm-kopie"))


@pytest.fixture(scope="module")
def werkvorm_copy(book, tmp_path_factory) -> WerkvormCopy:
    """Started by the `book` fixture right after the shared build, so it builds while other tests run."""
    return conftest.started("werkvorm_copy", book, tmp_path_factory)


def test_a_werkvorm_yaml_file_is_all_it_takes(werkvorm_copy):
    copy = werkvorm_copy.copy
    code = werkvorm_copy.proc.wait()
    assert code == 0, werkvorm_copy.log.read_text(encoding="utf-8")[-4000:]
    before = werkvorm_copy.before
    assert {name: (copy / name).read_bytes() for name in before} == before  # the build changed no project file
    site = copy / "_build" / "html"
    page = (site / "book/werkvormen/droomdag-in-het-klein.html").read_text(encoding="utf-8")
    assert "<h1>Droomdag in het klein" in page
    assert "werkvorm-droomdag-in-het-klein.pdf" in page  # its derived worksheet, with downloads
    assert "werkvorm-droomdag-in-het-klein.docx" in page
    # In the navigation, right after the werkvorm whose name comes before it, with previous/next links.
    overview = (site / "book/werkvormen/index.html").read_text(encoding="utf-8")
    nav = re.findall(r'href="([a-z0-9-]+)\.html"', overview[overview.index("bd-sidebar") :])
    assert nav.index("droomdag-in-het-klein") == nav.index("droomdag") + 1
    neighbour = (site / "book/werkvormen/droomdag.html").read_text(encoding="utf-8")
    assert re.search(r'class="right-next"\s+href="droomdag-in-het-klein\.html"', neighbour)
    assert "Droomdag in het klein" in (site / "searchindex.js").read_text(encoding="utf-8")

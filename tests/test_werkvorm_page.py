"""The werkvorm page shows kind, time in and outside the meeting, steps per moment, the facilitator's
fields and, on pages with source material, per field whether it comes from the source or the editors.

A small in-process Sphinx project renders three werkvormen; the full book is not needed.
"""

from __future__ import annotations

import html
import re

import pytest

import leren

IDS = ("casco-scholing", "begeleid-podium", "1-2-4-all")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    from sphinx_support import build_mini

    sources = {"index": "# Index\n"} | {ident: f"```{{werkvorm}} {ident}\n```\n" for ident in IDS}
    out, warnings = build_mini(tmp_path_factory.mktemp("wv"), sources)
    # Links to principle pages point outside this small project; nothing else may warn.
    other = [w for w in warnings.splitlines() if w.strip() and "unknown document" not in w
             and "/book/principes/" not in w and "/book/casussen/" not in w and "worksheet" not in w.lower()]
    assert other == []
    return {ident: (out / f"{ident}.html").read_text(encoding="utf-8") for ident in IDS}


def text(page: str) -> str:
    """The visible text, with the field separator of the theme (' : ') reduced to a space."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split()).replace(" : ", " ")


def test_traject_shows_meetings_contact_time_and_span(pages):
    fmt = leren.load().formats["casco-scholing"]
    body = text(pages["casco-scholing"])
    assert "Soort Traject: loopt over meerdere bijeenkomsten" in body
    assert f"Bijeenkomsten {fmt.bijeenkomsten}" in body
    assert "Contacttijd 20 uur in de bijeenkomsten samen" in body
    assert f"Looptijd {fmt.looptijd}" in body
    assert "Tijd in de bijeenkomst" not in body


def test_steps_are_grouped_by_moment_with_configuration(pages):
    page = pages["casco-scholing"]
    moments = re.findall(r'<p class="leren-moment rubric">([^<]+)</p>', page)
    assert moments == ["Vooraf", "In de bijeenkomst", "Tussen de bijeenkomsten", "Achteraf"]
    assert page.count('<table class="leren-stappen leren-stappen-') == 4
    assert "<th class=\"head\"><p>Indeling</p></th>" in page
    assert "45, 4 keer" in text(page)


def test_interventie_shows_time_in_meeting_and_outside(pages):
    fmt = leren.load().formats["begeleid-podium"]
    body = text(pages["begeleid-podium"])
    assert "Soort Interventie: een zet die je inzet als er iets gebeurt" in body
    assert f"Tijd in de bijeenkomst {fmt.minuten_in_zaal} min" in body
    assert "Tijd buiten de bijeenkomst vooraf 1 uur 45 min; achteraf 20 min (met de bijeenkomst erbij: 2 uur 25 min)" in body


def test_facilitator_fields_are_shown(pages):
    fmt = leren.load().formats["1-2-4-all"]
    body = text(pages["1-2-4-all"])
    for heading in ("Zo komt iedereen aan bod", "Vragen voor de nabespreking", "Online of hybride"):
        assert heading in body
    for value in [fmt.deelname, *fmt.nabespreking, fmt.online]:
        assert " ".join(value.split()) in body
    assert "ongeveer 10 (1 min per groepje)" in body
    assert "Veiligheid en toestemming" not in body


def test_source_marks_only_on_pages_with_source_material(pages):
    """A field from the source says so; an editors' field gets the site's one editors' mark ("red.")."""
    fmt = leren.load().formats["begeleid-podium"]
    page = pages["begeleid-podium"]
    editors = '<abbr class="leren-redactie-merk" title="toevoeging van de redactie">red.</abbr>'
    assert ("Bij elk onderdeel staat of het uit de bron komt of een toevoeging van de redactie is (merkteken "
            + editors + ").") in page
    assert '<span class="leren-bronmerk">(uit de bron)</span>' in page and editors in page
    assert "van de redactie)" not in page
    steps = re.search(r"Stappen\s*(<span class=\"leren-bronmerk\">\(uit de bron\)</span>|<abbr[^>]*>red\.</abbr>)"
                      r"</span></p>", page)
    assert steps and ("uit de bron" in steps.group(1)) == ("stappen" in fmt.uit_bron)
    assert "leren-bronmerk" not in pages["1-2-4-all"] and "leren-redactie-merk" not in pages["1-2-4-all"]


def test_field_text_is_data_not_markup(tmp_path):
    """Text in the new fields is shown as text: markup, braces and long strings stay inert."""
    import shutil

    import yaml

    from leren.catalog import DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "werkvormen" / "1-2-4-all.yml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    hostile = "<script>alert(1)</script> {{ nabespreking }} *nadruk* " + "lang" * 300
    raw["deelname"] = hostile
    raw["nabespreking"] = [hostile, "Gewone vraag?"]
    raw["stappen"][0]["indeling"] = "<b>vet</b>"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    from sphinx_support import build_mini

    out, _ = build_mini(tmp_path, {"index": "```{werkvorm} 1-2-4-all\n```\n"}, leren_data_dir=str(data))
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>vet</b>" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt; {{ nabespreking }} *nadruk* " + "lang" * 300) == 2
    assert "&lt;b&gt;vet&lt;/b&gt;" in page

"""The werkvormen catalogue: one page per werkvorm, and the finder on the overview page."""

from __future__ import annotations

import re
from typing import get_args

from docutils import nodes
from sphinx.application import Sphinx

from leren.model import Format, Purpose
from leren.paths import case as case_page, format_worksheet, principle, target, werkvorm
from leren.sphinx.base import DataDirective, bullets, facts, page_script, para, rubric, table
from leren.sphinx.worksheet import preview
from leren.text import clock, duration, purpose_label

PROVENANCE = {
    "uit de bron": "Uit de bron",
    "aangevuld": "Aangevuld door de redactie",
    "eigen ontwerp": "Eigen ontwerp van de redactie",
    "toegevoegd": "Toegevoegd: niet uit de bronnen",
}
FINDER_FLAG = "leren-werkvormen-zoeker"
# The source files behind the line references in `bron.regels`.
SOURCE_FILES = {
    "004": "Leren transformeren",
    "000": "artikel over ontzorgen en ontwikkelen",
    "001": "artikel De Supportorganisatie",
    "002": "artikel Ruimte of kloof?",
    "003": "Divosa-verslag Ruimte voor professionals",
}
_LINE_REF = re.compile(r"^(00[0-4]) L(\d+(?:-\d+)?)$")
DURATIONS = (15, 30, 45, 60, 90, 120, 180, 240)


class FormatPage(DataDirective):
    """`werkvorm ID`: the whole page of one werkvorm, title included, rendered from its data."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        catalog = self.catalog
        fmt: Format = self.lookup(catalog.formats, self.arguments[0], "werkvorm")
        section = nodes.section(ids=[f"werkvorm-{fmt.id}"], names=[f"werkvorm-{fmt.id}"])
        section += nodes.title(fmt.naam, fmt.naam)
        badge = nodes.inline(classes=["leren-herkomst", f"leren-herkomst-{fmt.herkomst.replace(' ', '-')}"])
        badge += nodes.Text(PROVENANCE[fmt.herkomst])
        section += para(badge, " ", fmt.herkomst_toelichting)
        section += para(nodes.strong(text="Waarvoor: "), fmt.doel)
        section += para(nodes.strong(text="Wat het mogelijk maakt: "), fmt.mogelijk)

        principle_links = []
        for pid in sorted(fmt.principes, key=lambda pid: catalog.principles[pid].nummer):
            p = catalog.principles[pid]
            if principle_links:
                principle_links.append(nodes.Text(", "))
            principle_links.append(self.doc_link(target(principle(pid)), f"{p.nummer}. {p.naam}"))
        section += facts((
            ("Duur", f"{duration(fmt.duur)} (opgeteld uit de stappen)"),
            ("Groepsgrootte", self._group(fmt)),
            ("Groepsindeling", fmt.groepsindeling),
            ("Doelen", ", ".join(purpose_label(d) for d in fmt.doelen)),
            ("Principes", principle_links),
        ), ["leren-werkvorm-feiten"])

        section += rubric("De uitnodiging")
        quote = nodes.block_quote(classes=["leren-uitnodiging"])
        quote += para(fmt.uitnodiging)
        section += quote
        section += rubric("Ruimte en materialen")
        section += bullets(fmt.ruimte_en_materialen)
        section += rubric("Stappen")
        rows, start = [], 0
        for number, step in enumerate(fmt.stappen, 1):
            rows.append([str(number), step.wat, str(step.minuten), f"{clock(start)}-{clock(start + step.minuten)}"])
            start += step.minuten
        section += table(["Stap", "Wat je doet", "Minuten", "Tijd"], rows, ["leren-stappen"])
        section += rubric("Tips en valkuilen")
        section += bullets(fmt.tips)
        if fmt.varianten:
            section += rubric("Varianten")
            section += bullets(fmt.varianten)
        section += rubric("Bron")
        section += self._source(fmt)
        sheet_id = format_worksheet(fmt.id)
        if sheet_id in catalog.worksheets:
            section += rubric("Werkblad")
            section += preview(self, sheet_id)
        return [section]

    @staticmethod
    def _group(fmt: Format) -> str:
        size = fmt.groepsgrootte
        if size.min == size.max:
            return f"{size.min} personen"
        return f"{size.min} tot {size.max} personen"

    def _source(self, fmt: Format) -> nodes.paragraph:
        parts: list = []
        if fmt.bron.hoofdstuk:
            parts.append(f"Leren transformeren, hoofdstuk {fmt.bron.hoofdstuk}")
        if fmt.bron.casus:
            case = self.catalog.cases[fmt.bron.casus]
            parts.append(self.doc_link(target(case_page(case.id)), f"casus {case.kort}"))
        parts.append(f"vindplaats (regelnummers in de tekstversie): {readable_references(fmt.bron.regels)}")
        out = para()
        for i, part in enumerate(parts):
            if i:
                out += nodes.Text("; ")
            out += nodes.Text(part) if isinstance(part, str) else part
        out += nodes.Text(".")
        return out


def readable_references(text: str) -> str:
    """'004 L2201-2216; 000 L466-480' -> 'Leren transformeren, regels 2201-2216; artikel ..., regels 466-480'.

    Line numbers refer to the plain-text copies of the sources the editors worked from; anything that is
    not such a reference (a literature reference for an added werkvorm) is kept as it is.
    """
    grouped: dict[str, list[str]] = {}
    others = []
    for part in (p.strip() for p in text.split(";")):
        match = _LINE_REF.match(part)
        if match:
            grouped.setdefault(SOURCE_FILES[match.group(1)], []).append(match.group(2))
        elif part:
            others.append(part)
    refs = [f"{name}, {'regel' if len(lines) == 1 and '-' not in lines[0] else 'regels'} {', '.join(lines)}"
            for name, lines in grouped.items()]
    return "; ".join(refs + others)


class FormatFinder(DataDirective):
    """`werkvormen-zoeker`: every werkvorm in a table, with a filter form that the browser enhances.

    Without JavaScript the full table stays readable; the filter data sits in each row's classes.
    """

    def run(self) -> list[nodes.Node]:
        catalog = self.catalog
        formats = list(catalog.formats.values())
        self.require(formats, "de werkvormen")
        self.env.metadata[self.env.docname][FINDER_FLAG] = True
        rows = []
        for fmt in formats:
            numbers = ", ".join(str(n) for n in sorted(catalog.principles[p].nummer for p in fmt.principes))
            rows.append([
                para(self.doc_link(target(werkvorm(fmt.id)), fmt.naam)),
                fmt.doel,
                duration(fmt.duur),
                FormatPage._group(fmt),
                numbers,
                PROVENANCE[fmt.herkomst],
            ])
        tbl = table(["Werkvorm", "Waarvoor", "Duur", "Groep", "Principes", "Herkomst"], rows,
                    ["leren-zoeker-lijst"], caption=f"Alle {len(formats)} werkvormen")
        body = tbl.traverse(nodes.tbody)[0]
        for row, fmt in zip(body.children, formats):
            row["classes"] += (
                ["leren-wv", f"duur-{fmt.duur}", f"gmin-{fmt.groepsgrootte.min}", f"gmax-{fmt.groepsgrootte.max}"]
                + [f"p-{p}" for p in fmt.principes]
                + [f"d-{d}" for d in fmt.doelen]
            )
        return [nodes.raw("", self._form(), format="html"), tbl]

    def _form(self) -> str:
        principles = "".join(
            f'<option value="{p.id}">{p.nummer}. {p.naam}</option>' for p in self.catalog.principles.values()
        )
        purposes = "".join(f'<option value="{k}">{purpose_label(k)}</option>' for k in get_args(Purpose))
        durations = "".join(f'<option value="{m}">hoogstens {duration(m)}</option>' for m in DURATIONS)
        return (
            '<form class="leren-zoeker" hidden aria-label="Werkvormen zoeken">'
            '<div><label for="zoek-principe">Principe</label>'
            f'<select id="zoek-principe" name="principe"><option value="">Alle principes</option>{principles}</select></div>'
            '<div><label for="zoek-doel">Doel</label>'
            f'<select id="zoek-doel" name="doel"><option value="">Alle doelen</option>{purposes}</select></div>'
            '<div><label for="zoek-duur">Tijd die je hebt</label>'
            f'<select id="zoek-duur" name="duur"><option value="">Maakt niet uit</option>{durations}</select></div>'
            '<div><label for="zoek-groep">Aantal deelnemers</label>'
            '<input id="zoek-groep" name="groep" type="number" min="1" max="500" inputmode="numeric"></div>'
            '<div><button type="reset">Alles tonen</button></div>'
            '<p class="leren-zoeker-aantal" role="status" aria-live="polite"></p>'
            "</form>"
        )


def setup(app: Sphinx) -> None:
    app.add_directive("werkvorm", FormatPage)
    app.add_directive("werkvormen-zoeker", FormatFinder)
    app.connect("html-page-context", page_script(FINDER_FLAG, "werkvormen-zoeker.js"))

"""The werkvormen catalogue: one page per werkvorm, and the finder on the overview page."""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx

from leren.model import KIND_LABELS, PURPOSE_LABELS, Format
from leren.sphinx.base import DataDirective, bullets, clock, facts, minutes, page_script, para, rubric, table
from leren.sphinx.worksheet import preview

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
KIND_CHOICES = {"werkvorm": "Werkvormen voor een bijeenkomst", "interventie": "Interventies (zetten tijdens een werkvorm)",
                "traject": "Trajecten (meer bijeenkomsten)"}


def room_time(fmt: Format) -> str:
    """The time in the room as the finder shows it; for a traject the number of meetings and contact time."""
    if fmt.soort == "traject" and fmt.bijeenkomsten:
        return f"{fmt.bijeenkomsten} bijeenkomsten, samen {minutes(fmt.contacttijd)}"
    return minutes(fmt.minuten_in_zaal)


def page(format_id: str) -> str:
    return f"/book/werkvormen/{format_id}"


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
            principle_links.append(self.doc_link(f"/book/principes/{pid}", f"{p.nummer}. {p.naam}"))
        section += facts((
            ("Duur", f"{minutes(fmt.duur)} (opgeteld uit de stappen)"),
            ("Groepsgrootte", self._group(fmt)),
            ("Groepsindeling", fmt.groepsindeling),
            ("Doelen", ", ".join(PURPOSE_LABELS[d] for d in fmt.doelen)),
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
        sheet_id = f"werkvorm-{fmt.id}"
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
            parts.append(self.doc_link(f"/book/casussen/{case.id}", f"casus {case.kort}"))
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
                para(self.doc_link(page(fmt.id), fmt.naam)),
                fmt.doel,
                room_time(fmt),
                KIND_LABELS[fmt.soort],
                FormatPage._group(fmt),
                numbers,
                PROVENANCE[fmt.herkomst],
            ])
        tbl = table(["Werkvorm", "Waarvoor", "In de zaal", "Soort", "Groep", "Principes", "Herkomst"], rows,
                    ["leren-zoeker-lijst"], caption=f"Alle {len(formats)} werkvormen")
        body = tbl.traverse(nodes.tbody)[0]
        for row, fmt in zip(body.children, formats):
            row["classes"] += (
                ["leren-wv", f"duur-{fmt.minuten_in_zaal}", f"soort-{fmt.soort}", f"gmin-{fmt.groepsgrootte.min}",
                 f"gmax-{fmt.groepsgrootte.max}"]
                + [f"p-{p}" for p in fmt.principes]
                + [f"d-{d}" for d in fmt.doelen]
            )
        return [nodes.raw("", self._form(), format="html"), tbl]

    def _form(self) -> str:
        principles = "".join(
            f'<option value="{p.id}">{p.nummer}. {p.naam}</option>' for p in self.catalog.principles.values()
        )
        purposes = "".join(f'<option value="{k}">{v}</option>' for k, v in PURPOSE_LABELS.items())
        durations = "".join(f'<option value="{m}">hoogstens {minutes(m)}</option>' for m in DURATIONS)
        kinds = "".join(f'<option value="{k}">{v}</option>' for k, v in KIND_CHOICES.items())
        return (
            '<form class="leren-zoeker" hidden aria-label="Werkvormen zoeken">'
            '<div><label for="zoek-principe">Principe</label>'
            f'<select id="zoek-principe" name="principe"><option value="">Alle principes</option>{principles}</select></div>'
            '<div><label for="zoek-doel">Doel</label>'
            f'<select id="zoek-doel" name="doel"><option value="">Alle doelen</option>{purposes}</select></div>'
            '<div><label for="zoek-duur">Tijd in de zaal</label>'
            f'<select id="zoek-duur" name="duur"><option value="">Maakt niet uit</option>{durations}</select></div>'
            '<div><label for="zoek-soort">Soort</label>'
            f'<select id="zoek-soort" name="soort"><option value="">Alle soorten</option>{kinds}</select></div>'
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

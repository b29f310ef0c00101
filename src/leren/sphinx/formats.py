"""The werkvormen catalogue: one page per werkvorm, and the finder on the overview page."""

from __future__ import annotations

import re
from typing import get_args

from docutils import nodes
from sphinx.application import Sphinx

from leren.model import Format, Purpose, Step
from leren.paths import case as case_page, format_worksheet, principle, target, werkvorm
from leren.sphinx.base import DataDirective, bullets, facts, page_script, para, rubric, table
from leren.sphinx.notes import editors_mark, with_editors_marks as marked
from leren.sphinx.worksheet import preview
from leren.text import KIND_LABELS, MOMENT_LABELS, clock, duration, purpose_label

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
KIND_EXPLANATIONS = {
    "werkvorm": "past in één bijeenkomst",
    "interventie": "een zet die je inzet als er iets gebeurt; geen vast blok in een programma",
    "traject": "loopt over meerdere bijeenkomsten",
}
MOMENT_ORDER = ("voor", "tijdens", "tussen", "na")
TURN_UNITS = {"deelnemer": "deelnemer", "groepje": "groepje"}
# Pages whose fields are marked one by one as coming from the source or from the editors.
MARKED_PROVENANCE = ("uit de bron", "aangevuld")
KIND_CHOICES = {"werkvorm": "Werkvormen voor een bijeenkomst", "interventie": "Interventies (zetten tijdens een werkvorm)",
                "traject": "Trajecten (meer bijeenkomsten)"}


def room_time(fmt: Format) -> str:
    """The time in the room as the finder shows it; for a traject the number of meetings and contact time."""
    if fmt.soort == "traject" and fmt.bijeenkomsten:
        return f"{fmt.bijeenkomsten} bijeenkomsten, samen {duration(fmt.contacttijd)}"
    return duration(fmt.minuten_in_zaal)


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
        section += para(badge, " ", *marked(fmt.herkomst_toelichting))
        per_field = fmt.herkomst in MARKED_PROVENANCE
        if per_field:
            section += para(nodes.emphasis("", "Bij elk onderdeel staat of het uit de bron komt of een toevoeging "
                                               "van de redactie is (merkteken ", editors_mark(), nodes.Text(").")))

        def mark(name: str) -> list[nodes.Node]:
            """After a field: "(uit de bron)", or the editors' marker that the rest of the site uses."""
            if not per_field:
                return []
            if name in fmt.uit_bron:
                return [nodes.Text(" "), nodes.inline(text="(uit de bron)", classes=["leren-bronmerk"])]
            return [nodes.Text(" "), editors_mark()]

        def heading(text: str, name: str) -> nodes.rubric:
            # One inline child: the theme lays a rubric's children out as a column.
            return nodes.rubric(text, "", nodes.inline("", "", nodes.Text(text), *mark(name)))

        section += para(nodes.strong(text="Waarvoor: "), *marked(fmt.doel), *mark("doel"))
        section += para(nodes.strong(text="Wat het mogelijk maakt: "), *marked(fmt.mogelijk), *mark("mogelijk"))

        principle_links = []
        for pid in sorted(fmt.principes, key=lambda pid: catalog.principles[pid].nummer):
            p = catalog.principles[pid]
            if principle_links:
                principle_links.append(nodes.Text(", "))
            principle_links.append(self.doc_link(target(principle(pid)), f"{p.nummer}. {p.naam}"))
        section += facts((
            ("Soort", f"{KIND_LABELS[fmt.soort]}: {KIND_EXPLANATIONS[fmt.soort]}"),
            *self._times(fmt, mark),
            ("Groepsgrootte", [self._group(fmt), *mark("groepsgrootte")]),
            ("Groepsindeling", [*marked(fmt.groepsindeling), *mark("groepsindeling")]),
            ("Doelen", ", ".join(purpose_label(d) for d in fmt.doelen)),
            ("Principes", principle_links),
        ), ["leren-werkvorm-feiten"])

        section += heading("De uitnodiging", "uitnodiging")
        quote = nodes.block_quote(classes=["leren-uitnodiging"])
        quote += para(*marked(fmt.uitnodiging))
        section += quote
        section += heading("Ruimte en materialen", "ruimte_en_materialen")
        section += bullets(para(*marked(item)) for item in fmt.ruimte_en_materialen)
        section += heading("Stappen", "stappen")
        section += self._steps(fmt)
        for label, name, listed in (
            ("Zo komt iedereen aan bod", "deelname", False),
            ("Vragen voor de nabespreking", "nabespreking", True),
            ("Tips en valkuilen", "tips", True),
            ("Varianten", "varianten", True),
            ("Online of hybride", "online", False),
            ("Veiligheid en toestemming", "veiligheid", False),
        ):
            value = getattr(fmt, name)
            if value:
                section += heading(label, name)
                section += bullets(para(*marked(v)) for v in value) if listed else para(*marked(value))
        section += rubric("Bron")
        section += self._source(fmt)
        sheet_id = format_worksheet(fmt.id)
        if sheet_id in catalog.worksheets:
            section += rubric("Werkblad")
            section += preview(self, sheet_id)
        return [section]

    @staticmethod
    def _times(fmt: Format, mark) -> list[tuple[str, str | list]]:
        """The facts about time: in the meeting and in total; for a traject its meetings, contact time and span."""
        outside = {m: sum(s.minuten * s.keer for s in fmt.stappen if s.wanneer == m) for m in ("voor", "tussen", "na")}
        extra = [f"{MOMENT_LABELS[m].lower()} {duration(total)}" for m, total in outside.items() if total]
        rows: list[tuple[str, str | list]] = []
        if fmt.soort == "traject":
            if fmt.bijeenkomsten:
                rows.append(("Bijeenkomsten", [str(fmt.bijeenkomsten), *mark("bijeenkomsten")]))
            rows.append(("Contacttijd", f"{duration(fmt.contacttijd)} in de bijeenkomsten samen"))
            if fmt.looptijd:
                rows.append(("Looptijd", [*marked(fmt.looptijd), *mark("looptijd")]))
        else:
            rows.append(("Tijd in de bijeenkomst", duration(fmt.minuten_in_zaal)))
        if extra:
            meeting = "de bijeenkomsten" if fmt.soort == "traject" else "de bijeenkomst"
            total = sum(step.minuten * step.keer for step in fmt.stappen)
            rows.append((f"Tijd buiten {meeting}",
                         f"{'; '.join(extra)} (met {meeting} erbij: {duration(total)})"))
        return rows

    @staticmethod
    def _steps(fmt: Format) -> list[nodes.Node]:
        """One table per moment (before, in, between, after the meeting), numbered through."""
        out: list[nodes.Node] = []
        number = 0
        with_config = any(step.indeling for step in fmt.stappen)
        for moment in MOMENT_ORDER:
            steps = [step for step in fmt.stappen if step.wanneer == moment]
            if not steps:
                continue
            clocked = moment == "tijdens" and fmt.soort != "traject"
            headers = ["Stap", "Wat je doet", *(["Indeling"] if with_config else []), "Minuten",
                       *(["Tijd"] if clocked else [])]
            rows, start = [], 0
            for step in steps:
                number += 1
                row = [str(number), para(*marked(step.wat)), *([step.indeling or ""] if with_config else []),
                       step_minutes(step)]
                if clocked:
                    row.append(f"{clock(start)}-{clock(start + step.minuten)}")
                    start += step.minuten
                rows.append(row)
            # A sub-heading rather than a caption: captions get a running "Tabel N" number in this book.
            out.append(nodes.rubric("", MOMENT_LABELS[moment], classes=["leren-moment"]))
            out.append(table(headers, rows, ["leren-stappen", f"leren-stappen-{moment}",
                                             *(["leren-stappen-klok"] if clocked else [])]))
        return out

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


def step_minutes(step: Step) -> str:
    """The minutes cell of a step: its minutes, how often it happens, and for a round the time per turn."""
    text = str(step.minuten)
    if step.keer > 1:
        text += f", {step.keer} keer"
    if step.per_beurt and step.beurten:
        text = f"ongeveer {text} ({step.per_beurt} min per {TURN_UNITS[step.beurten]})"
    return text


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
                para(*marked(fmt.doel)),
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
        purposes = "".join(f'<option value="{k}">{purpose_label(k)}</option>' for k in get_args(Purpose))
        durations = "".join(f'<option value="{m}">hoogstens {duration(m)}</option>' for m in DURATIONS)
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

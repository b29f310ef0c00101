"""The typed model of the knowledge base. Field names are the keys of the YAML files in `data/`.

A field without a default is required. Cross-references between entities are checked in
`leren.catalog`; checks that concern one entity live in its `problems()` method.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Direction = Literal["top-down", "bottom-up", "beide"]
Provenance = Literal["uit de bron", "aangevuld", "eigen ontwerp", "toegevoegd"]
Purpose = Literal[
    "kennismaken",
    "verkennen",
    "ervaringen-delen",
    "reflecteren",
    "spanningen-benutten",
    "perspectief-wisselen",
    "samen-ontwerpen",
    "kennis-vastleggen",
    "evalueren",
    "plannen",
]
Moment = Literal["voor", "tijdens", "tussen", "na"]
TurnUnit = Literal["deelnemer", "groepje"]
FormatKind = Literal["werkvorm", "interventie", "traject"]
Grade = Literal["noemt", "verband", "redactie", "zwak"]
# How strongly the source ties a case to a principle, strongest first; the label is what a reader sees.
GRADE_LABELS: dict[str, str] = {
    "noemt": "het casushoofdstuk noemt het",
    "verband": "het boek legt het verband (hoofdstuk 7 of 8)",
    "redactie": "toevoeging van de redactie",
    "zwak": "zwak of niet zichtbaar",
}
# A place in a source text: seed number and line(s), e.g. "004 L2310-2325; 004 L4657".
SOURCE_PLACE = re.compile(r"^\d{3} L\d+(-\d+)?(; \d{3} L\d+(-\d+)?)*$")
FieldKind = Literal["regels", "vak", "schaal", "tabel", "checklist"]
OwnerKind = Literal["principe", "casus", "werkvorm", "algemeen"]


@dataclass
class Duration:
    """The minutes of a principle's module on the page: the explanation and the exercises. The third part,
    the worksheet, keeps its own minutes (`leren.modules.module_time` adds them up)."""

    uitleg: int
    oefeningen: int

    def problems(self) -> list[str]:
        if self.uitleg <= 0 or self.oefeningen <= 0:
            return ["de duur in minuten moet positief zijn: geef 'uitleg' en 'oefeningen' elk meer dan 0."]
        return []


@dataclass
class Principle:
    id: str
    nummer: int
    naam: str
    samenvatting: str
    naamvarianten: list[str] = field(default_factory=list)
    doelgroep: list[str] = field(default_factory=list)
    duur: Duration | None = None
    leerdoelen: list[str] = field(default_factory=list)
    kernvragen: list[str] = field(default_factory=list)
    kernpunten: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        out = []
        if not 1 <= self.nummer <= 7:
            out.append(f"'nummer' is {self.nummer}; een principe heeft een nummer van 1 tot en met 7.")
        if self.leerdoelen and not 3 <= len(self.leerdoelen) <= 5:
            out.append(f"'leerdoelen' heeft {len(self.leerdoelen)} items; geef er 3 tot 5.")
        if self.kernpunten and not 3 <= len(self.kernpunten) <= 5:
            out.append(f"'kernpunten' heeft {len(self.kernpunten)} items; geef er 3 tot 5.")
        return out


@dataclass
class Force:
    """One of the five 'krachten'."""

    id: str
    naam: str
    samenvatting: str


@dataclass
class Core:
    """The five questions every case chapter answers."""

    wie: str
    setting: str
    doel: str
    hoe: str
    resultaat: str


@dataclass
class Phase:
    naam: str
    periode: str
    beschrijving: str


@dataclass
class Actor:
    naam: str
    rol: str


def source_place_problems(value: str | None, name: str = "bron") -> list[str]:
    if value is None or SOURCE_PLACE.match(value):
        return []
    return [f"'{name}' is '{value}'; schrijf een bronplaats als '004 L2310-2325' (bron en regels), "
            "meerdere gescheiden door '; '."]


@dataclass
class Evidence:
    """How a case shows a principle: the grade of the evidence, the evidence itself, and where it is."""

    principe: str
    graad: Grade
    bewijs: str
    bron: str

    @property
    def graad_label(self) -> str:
        return GRADE_LABELS[self.graad]

    def problems(self) -> list[str]:
        return source_place_problems(self.bron)


@dataclass
class Lesson:
    """A lesson a case chapter draws, with the place in the source it comes from."""

    les: str
    bron: str

    def problems(self) -> list[str]:
        return source_place_problems(self.bron)


@dataclass
class Case:
    id: str
    titel: str
    kort: str  # short name for tables and menus, e.g. "Venlo" or "JES"
    plaats: str
    hoofdstuk: int
    auteurs: list[str]
    organisatie: str
    begin: int | None = None
    eind: int | None = None
    periode: str | None = None
    kern: Core | None = None
    richting: Direction | None = None
    schaal: str | None = None
    fasen: list[Phase] = field(default_factory=list)
    betrokkenen: list[Actor] = field(default_factory=list)
    werkvormen: list[str] = field(default_factory=list)
    principes: list[Evidence] = field(default_factory=list)
    lessen: list[Lesson] = field(default_factory=list)

    @property
    def jaren(self) -> str:
        """The period for display: the free text if given, else the years, else a clear statement."""
        if self.periode:
            return self.periode
        if self.begin and self.eind:
            return f"{self.begin}-{self.eind}"
        if self.begin:
            return f"sinds {self.begin}"
        return "niet vermeld in de bron"

    def problems(self) -> list[str]:
        if self.begin is not None and self.eind is not None and self.eind < self.begin:
            return [f"'eind' ({self.eind}) ligt voor 'begin' ({self.begin})."]
        return []


@dataclass
class GroupSize:
    min: int
    max: int

    def problems(self) -> list[str]:
        if self.min < 1 or self.max < self.min:
            return [f"groepsgrootte {self.min}-{self.max} klopt niet: 'min' is minstens 1 en 'max' niet kleiner."]
        return []


@dataclass
class Step:
    """One step of a werkvorm.

    `wanneer` says when it happens (before, in, between or after the meetings); `keer` how often it
    happens (for the periodic meetings of a traject). A round (`per_beurt` minutes per turn, `beurten`
    per participant or per subgroup) scales with the group; `minuten` is then the time for a typical group.
    """

    wat: str
    minuten: int
    wanneer: Moment = "tijdens"
    keer: int = 1
    indeling: str | None = None
    per_beurt: int | None = None
    beurten: TurnUnit | None = None

    def problems(self) -> list[str]:
        out = []
        if self.minuten <= 0:
            out.append(f"een stap duurt {self.minuten} minuten; geef een positief aantal.")
        if self.keer < 1:
            out.append(f"'keer' is {self.keer}; een stap gebeurt minstens 1 keer.")
        if self.per_beurt is not None and self.per_beurt <= 0:
            out.append(f"'per_beurt' is {self.per_beurt}; geef een positief aantal minuten per beurt.")
        if (self.per_beurt is None) != (self.beurten is None):
            out.append("'per_beurt' en 'beurten' horen bij elkaar: geef bij een ronde allebei "
                       "(minuten per beurt, en 'deelnemer' of 'groepje'), of laat allebei weg.")
        return out


@dataclass
class Source:
    regels: str
    hoofdstuk: int | None = None
    casus: str | None = None


@dataclass
class Format:
    """A werkvorm: a facilitation format, described in fixed fields."""

    id: str
    naam: str
    herkomst: Provenance
    herkomst_toelichting: str
    doel: str
    mogelijk: str
    doelen: list[Purpose]
    uitnodiging: str
    ruimte_en_materialen: list[str]
    groepsgrootte: GroupSize
    groepsindeling: str
    stappen: list[Step]
    tips: list[str]
    varianten: list[str]
    principes: list[str]
    bron: Source
    soort: FormatKind = "werkvorm"
    deelname: str | None = None
    nabespreking: list[str] = field(default_factory=list)
    online: str | None = None
    veiligheid: str | None = None
    bijeenkomsten: int | None = None
    looptijd: str | None = None
    uit_bron: list[str] = field(default_factory=list)

    @property
    def duur(self) -> int:
        """Total minutes, computed from the steps."""
        return sum(step.minuten for step in self.stappen)

    @property
    def minuten_in_zaal(self) -> int:
        """Time in the room: the minutes of the steps during the meeting, once each (`keer` not applied)."""
        return sum(step.minuten for step in self.stappen if step.wanneer == "tijdens")

    @property
    def contacttijd(self) -> int:
        """Contact time over all meetings: each in-meeting step's minutes times how often it happens."""
        return sum(step.minuten * step.keer for step in self.stappen if step.wanneer == "tijdens")

    def problems(self) -> list[str]:
        out = []
        unknown = [name for name in self.uit_bron if name not in SOURCE_FIELDS]
        if unknown:
            out.append(f"'uit_bron' noemt onbekende velden: {', '.join(unknown)}. "
                       f"Kies uit: {', '.join(SOURCE_FIELDS)}.")
        if len(set(self.uit_bron)) != len(self.uit_bron):
            out.append("'uit_bron' noemt een veld twee keer; noem elk veld een keer.")
        if self.bijeenkomsten is not None and self.bijeenkomsten < 1:
            out.append(f"'bijeenkomsten' is {self.bijeenkomsten}; geef een positief aantal.")
        if not self.stappen:
            out.append("'stappen' is leeg; beschrijf minstens een stap.")
        if not self.principes:
            out.append("'principes' is leeg; noem minstens een principe.")
        if not self.doelen:
            out.append("'doelen' is leeg; kies minstens een doel.")
        out.extend(self._editors_mark_problems())
        return out

    def _editors_mark_problems(self) -> list[str]:
        """Editors' additions inside a text are marked one way: the token `(red.)` after them, and only in a
        field that the page marks as coming from the source (elsewhere the page already says it)."""
        out = []
        for name in SOURCE_FIELDS:
            value = getattr(self, name)
            texts = [s.wat for s in value] if name == "stappen" else value if isinstance(value, list) else [value]
            joined = " ".join(t for t in texts if isinstance(t, str))
            if OLD_EDITORS_LABEL.search(joined):
                out.append(f"'{name}' schrijft 'aanvulling van de redactie' of '(... van de redactie)' in de tekst. "
                           f"Zet in plaats daarvan '{EDITORS_TOKEN}' achter de aanvulling.")
            elif EDITORS_TOKEN in joined and (self.herkomst not in ("uit de bron", "aangevuld")
                                              or name not in self.uit_bron):
                out.append(f"'{name}' bevat '{EDITORS_TOKEN}', maar de pagina toont dit veld al als werk van de "
                           f"redactie. Haal '{EDITORS_TOKEN}' weg; gebruik het alleen in velden uit 'uit_bron' "
                           f"bij herkomst 'uit de bron' of 'aangevuld'.")
        return out


# The mark of a short editors' addition inside a werkvorm text, and the inline labels it replaced.
EDITORS_TOKEN = "(red.)"
OLD_EDITORS_LABEL = re.compile(r"aanvulling van de redactie\s*:|\((?:[a-z]+ )?van de redactie\)", re.I)


def without_editors_marks(text: str) -> str:
    """The text without its `(red.)` tokens, for places that show no marks (a participant's worksheet)."""
    return re.sub(r"\s*" + re.escape(EDITORS_TOKEN), "", text)

# The fields of a werkvorm whose content can come from the source (named in `uit_bron`).
SOURCE_FIELDS: tuple[str, ...] = (
    "naam", "doel", "mogelijk", "uitnodiging", "ruimte_en_materialen", "groepsgrootte",
    "groepsindeling", "stappen", "tips", "varianten", "deelname", "nabespreking", "online",
    "veiligheid", "bijeenkomsten", "looptijd",
)


# What fits on one A4 worksheet page.
MAX_COLUMNS = 8
MAX_LINES = 40
MAX_HEIGHT_CM = 24


@dataclass
class WorksheetField:
    soort: FieldKind
    label: str
    regels: int = 4
    hoogte: float = 5
    laag: str = "helemaal niet"
    hoog: str = "helemaal wel"
    kolommen: list[str] = field(default_factory=list)
    rijen: int = 4
    items: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        out = []
        if self.soort == "tabel" and not self.kolommen:
            out.append("een tabel heeft 'kolommen' nodig (een lijst met kolomnamen).")
        if self.soort == "tabel" and len(self.kolommen) > MAX_COLUMNS:
            out.append(f"een tabel heeft hoogstens {MAX_COLUMNS} kolommen; meer past niet naast elkaar op A4.")
        if self.soort == "checklist" and not self.items:
            out.append("een checklist heeft 'items' nodig (een lijst met punten).")
        if self.regels < 1 or self.rijen < 1 or self.hoogte <= 0:
            out.append("'regels', 'rijen' en 'hoogte' moeten groter dan 0 zijn.")
        elif self.regels > MAX_LINES or self.rijen > MAX_LINES or self.hoogte > MAX_HEIGHT_CM:
            out.append(f"dit veld past niet op een A4-pagina: 'regels' en 'rijen' hoogstens {MAX_LINES}, "
                       f"'hoogte' hoogstens {MAX_HEIGHT_CM} (cm).")
        return out


@dataclass
class Owner:
    soort: OwnerKind
    id: str | None = None

    def problems(self) -> list[str]:
        if self.soort == "algemeen" and self.id is not None:
            return ["een algemeen werkblad hoort bij niets; laat 'id' weg."]
        if self.soort != "algemeen" and self.id is None:
            return [f"geef bij 'hoort_bij' ook het 'id' van het {self.soort}."]
        return []


@dataclass
class Worksheet:
    id: str
    titel: str
    doel: str
    instructie: str
    minuten: int
    hoort_bij: Owner
    velden: list[WorksheetField]

    def problems(self) -> list[str]:
        out = []
        if self.minuten <= 0:
            out.append(f"'minuten' is {self.minuten}; geef een positief aantal.")
        if not self.velden:
            out.append("'velden' is leeg; een werkblad heeft minstens een veld.")
        return out


@dataclass
class Term:
    """A glossary entry."""

    term: str
    definitie: str
    bron: str
    verwant: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.term


@dataclass
class TermChoice:
    """One concept, one term: the Dutch term the knowledge base uses, the English original it glosses at
    first use on a page, and the variants it avoids. `begrip` names the glossary entry, if there is one."""

    term: str
    vermijden: list[str]
    engels: str | None = None
    begrip: str | None = None
    toelichting: str | None = None

    @property
    def id(self) -> str:
        return self.term

    def problems(self) -> list[str]:
        out = []
        for variant in self.vermijden:
            if variant.casefold() in (self.term.casefold(), (self.engels or "").casefold()):
                out.append(f"'{variant}' staat onder 'vermijden', maar is de term zelf of het Engelse origineel.")
        return out


@dataclass
class PathStep:
    pagina: str
    waarom: str


@dataclass
class ReadingPath:
    id: str
    naam: str
    intro: str
    stappen: list[PathStep]


ItemKind = Literal["meerkeuze", "indelen", "volgorde", "koppelen", "reflectie"]
# What a scored item asks of a student: apply a principle to a situation from practice, explain how
# something works, or remember a name or a fact.
ItemLevel = Literal["toepassen", "begrijpen", "onthouden"]
MC_OPTIONS = 4  # every multiple-choice item has this many options


@dataclass
class Option:
    tekst: str
    uitleg: str
    goed: bool = False


@dataclass
class Statement:
    tekst: str
    antwoord: str
    uitleg: str


@dataclass
class Pair:
    links: str
    rechts: str
    uitleg: str


@dataclass
class ExerciseItem:
    """One task of an item bank. Which fields it needs depends on its kind (`soort`)."""

    id: str
    soort: ItemKind
    vraag: str
    opties: list[Option] = field(default_factory=list)
    categorieen: list[str] = field(default_factory=list)
    uitspraken: list[Statement] = field(default_factory=list)
    stappen: list[str] = field(default_factory=list)
    paren: list[Pair] = field(default_factory=list)
    hulpvragen: list[str] = field(default_factory=list)
    uitleg: str = ""
    niveau: ItemLevel | None = None  # required for every scored item
    # the learning goals of principle modules this item practises, as '<principe-id>:<number from 1>'
    leerdoelen: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        kind = self.soort
        if kind != "reflectie" and self.niveau is None:
            return [f"vraag '{self.id}': geef een 'niveau': toepassen, begrijpen of onthouden."]
        bad = [ref for ref in self.leerdoelen if ":" not in ref or not ref.rsplit(":", 1)[1].isdigit()]
        if bad:
            return [f"vraag '{self.id}': '{bad[0]}' in 'leerdoelen' is geen verwijzing; "
                    f"schrijf '<principe-id>:<nummer>', bijvoorbeeld 'ervaringsleren:2'."]
        if kind == "meerkeuze":
            if len(self.opties) != MC_OPTIONS or sum(o.goed for o in self.opties) != 1:
                return [f"vraag '{self.id}': geef precies {MC_OPTIONS} 'opties', waarvan precies een met 'goed: true'."]
        elif kind == "indelen":
            if len(self.categorieen) < 2 or len(self.uitspraken) < 2:
                return [f"vraag '{self.id}': geef minstens twee 'categorieen' en twee 'uitspraken'."]
            wrong = [s.antwoord for s in self.uitspraken if s.antwoord not in self.categorieen]
            if wrong:
                return [f"vraag '{self.id}': het antwoord '{wrong[0]}' staat niet bij de 'categorieen'."]
        elif kind == "volgorde":
            if len(self.stappen) < 3 or len(set(self.stappen)) != len(self.stappen) or not self.uitleg:
                return [f"vraag '{self.id}': geef minstens drie verschillende 'stappen' en een 'uitleg'."]
        elif kind == "koppelen":
            rights = [p.rechts for p in self.paren]
            if len(self.paren) < 2 or len(set(rights)) != len(rights):
                return [f"vraag '{self.id}': geef minstens twee 'paren' met elk een ander 'rechts'."]
        elif kind == "reflectie" and not self.hulpvragen:
            return [f"vraag '{self.id}': een reflectievraag heeft 'hulpvragen' nodig."]
        return []


@dataclass
class ItemBank:
    """A set of exercise items for one principle, case or werkvorm."""

    id: str
    titel: str
    leerdoel: str
    hoort_bij: Owner
    items: list[ExerciseItem]
    werkblad: str | None = None  # the worksheet a student fills in with her reflection answers
    # the field of that worksheet (index in its 'velden', from 0) that takes the reflection answer on the site
    werkblad_veld: int | None = None

    def problems(self) -> list[str]:
        ids = [item.id for item in self.items]
        if not ids:
            return ["'items' is leeg; geef minstens een vraag."]
        if len(set(ids)) != len(ids):
            return ["twee vragen hebben hetzelfde 'id'; geef elke vraag een eigen id."]
        return []

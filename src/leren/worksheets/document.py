"""One neutral, render-ready structure for a worksheet: every format renders this and nothing else.

`build()` joins a `Worksheet` from the data with a `Personalisation` and cleans every piece of text
(see `leren.text.clean`). The renderers only lay it out; they never look at the catalog or the YAML.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from leren.catalog import Catalog
from leren.model import Worksheet
from leren.worksheets.personalisation import Personalisation
from leren.text import clean, duration, dutch_date, shorten

PUBLISHER = "Transformeren kun je leren"
LICENCE = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/deed.nl"
EXTRA_QUESTION_LINES = 4
# Running headers and footers show a shortened text; the full text is on the first page.
HEADER_LIMIT = 48
FOOTER_LIMIT = 70
# A field whose fill-in area is at most this tall (cm) never breaks across pages.
KEEP_TOGETHER_CM = 14.0
LINE_PITCH_CM = 0.95
TABLE_ROW_CM = 1.1


@dataclass(frozen=True)
class Field:
    number: int
    kind: str  # regels | vak | schaal | tabel | checklist
    label: str
    lines: int
    height_cm: float
    low: str
    high: str
    columns: tuple[str, ...]
    rows: int
    items: tuple[str, ...]
    added: bool  # an extra question from the trainer, not from the data

    @property
    def area_cm(self) -> float:
        """A rough height of the fill-in area, to decide whether it may break across pages."""
        if self.kind == "regels":
            return self.lines * LINE_PITCH_CM
        if self.kind == "vak":
            return self.height_cm
        if self.kind == "tabel":
            return (self.rows + 1) * TABLE_ROW_CM
        if self.kind == "checklist":
            return len(self.items) * 0.8
        return 2.5

    @property
    def keep_together(self) -> bool:
        return self.area_cm <= KEEP_TOGETHER_CM


@dataclass(frozen=True)
class Detail:
    label: str
    value: str


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    context: str  # what the worksheet belongs to, e.g. "Principe 1: Ervaringsleren ..."
    purpose: str
    instruction: str
    minutes: int
    personal: tuple[Detail, ...]  # group, date, trainer and organisation in full, as given
    header: tuple[Detail, ...]  # group, date and trainer, shortened for a running header
    fields: tuple[Field, ...]
    publisher: str = PUBLISHER
    licence: str = LICENCE
    licence_url: str = LICENCE_URL
    language: str = "nl"

    @property
    def time(self) -> str:
        return f"ongeveer {duration(self.minutes)}"

    @property
    def details(self) -> tuple[Detail, ...]:
        """What a running header cannot show: the organisation and values it had to shorten."""
        shown = {(d.label, d.value) for d in self.header}
        return tuple(d for d in self.personal if (d.label, d.value) not in shown)

    @property
    def footer_title(self) -> str:
        return shorten(self.title, FOOTER_LIMIT)

    def as_data(self) -> dict:
        """Plain data (for JSON), including the derived texts the templates need."""
        data = asdict(self)
        data["time"] = self.time
        data["footer_title"] = self.footer_title
        data["details"] = [asdict(d) for d in self.details]
        for raw, field in zip(data["fields"], self.fields):
            raw["keep_together"] = field.keep_together
        return data


def owner_title(catalog: Catalog, sheet: Worksheet) -> str:
    """The name of what a worksheet belongs to, as the worksheet shows it."""
    owner = sheet.hoort_bij
    if owner.soort == "principe":
        p = catalog.principles[owner.id]
        return f"Principe {p.nummer}: {p.naam}"
    if owner.soort == "casus":
        return f"Casus: {catalog.cases[owner.id].titel}"
    if owner.soort == "werkvorm":
        return f"Werkvorm: {catalog.formats[owner.id].naam}"
    return "Algemeen werkblad"


def build(sheet: Worksheet, catalog: Catalog, personal: Personalisation | None = None) -> Document:
    personal = personal or Personalisation()
    fields = [_field(number, f) for number, f in enumerate(sheet.velden, 1)]
    for question in personal.questions:
        label = clean(question)
        if label:
            fields.append(Field(
                number=len(fields) + 1, kind="regels", label=label, lines=EXTRA_QUESTION_LINES,
                height_cm=0, low="", high="", columns=(), rows=0, items=(), added=True,
            ))
    personal_lines = _personal_lines(personal)
    return Document(
        id=sheet.id,
        title=clean(sheet.titel),
        context=clean(owner_title(catalog, sheet)),
        purpose=clean(sheet.doel),
        instruction=clean(sheet.instructie),
        minutes=sheet.minuten,
        personal=personal_lines,
        header=tuple(Detail(d.label, shorten(d.value, HEADER_LIMIT))
                     for d in personal_lines if d.label != "Organisatie"),
        fields=tuple(fields),
    )


def _personal_lines(personal: Personalisation) -> tuple[Detail, ...]:
    lines = (
        ("Groep", clean(personal.group)),
        ("Datum", dutch_date(personal.date) if personal.date else ""),
        ("Trainer", clean(personal.trainer)),
        ("Organisatie", clean(personal.organisation)),
    )
    return tuple(Detail(label, value) for label, value in lines if value)


def _field(number: int, f) -> Field:
    return Field(
        number=number,
        kind=f.soort,
        label=clean(f.label),
        lines=f.regels,
        height_cm=float(f.hoogte),
        low=clean(f.laag),
        high=clean(f.hoog),
        columns=tuple(clean(c) for c in f.kolommen),
        rows=f.rijen,
        items=tuple(clean(i) for i in f.items),
        added=False,
    )

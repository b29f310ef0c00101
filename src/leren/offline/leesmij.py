"""The LEESMIJ.txt at the top of the bundle: what is in it and how to open it."""

from __future__ import annotations

import datetime as dt

from leren.formats import FORMATS
from leren.text import dutch_date, dutch_list

TEXT = """\
Transformeren kun je leren: de kennisbank zonder internet
==========================================================

In deze map staat de hele kennisbank over transformatieleren. Je kunt alles
gebruiken zonder internetverbinding.

Wat zit erin?
-------------
- De website: index.html en de mappen book, exercises en _static.
- pdf: een PDF van elk principe en elke casus, en het hele boek in een
  bestand ({book}.pdf).
{worksheets}- notebooks: de oefenbestanden voor Jupyter (.ipynb).

Zo open je de website
---------------------
1. Pak het zip-bestand uit. Op Windows: klik met de rechtermuisknop op het
   bestand en kies "Alles uitpakken". Je krijgt de map {folder}.
2. Open die map en dubbelklik op index.html. De kennisbank opent in je
   browser.

Meer is niet nodig: geen installatie, geen terminal, geen internet. Zoeken,
de zelftoetsen, de werkvormenzoeker, de planner en het invullen van
werkbladen werken zo. Wat je invult of oefent, bewaart de browser alleen op
deze computer. Er gaat niets over internet.

Goed om te weten: je browser bewaart je voortgang per adres. Open de site
daarom steeds op dezelfde manier, bijvoorbeeld met een bladwijzer naar
index.html.

Liever via een eigen webserver? Dat kan ook, maar het hoeft niet. Open een
terminal in de map, typ  python3 -m http.server  (op Windows:
py -m http.server) en ga in je browser naar http://127.0.0.1:8000
Stop de server met Ctrl+C.

De PDF's{sheets_short} kun je ook zonder server openen en printen.

De notebooks
------------
Open de notebooks in JupyterLab, Jupyter Notebook of VS Code. De code gebruikt
het Python-pakket 'leren' van de kennisbank. Hoe je dat installeert, staat op
de site in de gids "Voor studenten" (onder Naslag). Zonder dat pakket kun je
de notebooks wel lezen, maar de code niet uitvoeren.

Licenties: tekst CC BY-SA 4.0, code MIT. Meer in de colofon op de site.
{date}"""


def formats_text(suffixes: list[str]) -> str:
    """'PDF, Word (DOCX) en Markdown' for the suffixes of the worksheet files, in the registry's order."""
    return dutch_list([f.label for f in FORMATS.values() if f.suffix in set(suffixes)])


def leesmij(folder: str, book: str, sheet_suffixes: list[str], day: dt.date | None = None) -> str:
    """The text, with CRLF line ends; the worksheet line only when there are worksheets, the date line
    only with a date (see `leren.reproducible.release_datetime`)."""
    sheets = f"- werkbladen: alle werkbladen als {formats_text(sheet_suffixes)}.\n" if sheet_suffixes else ""
    text = TEXT.format(
        folder=folder,
        book=book,
        worksheets=sheets,
        sheets_short=" en werkbladen" if sheet_suffixes else "",
        date=f"Versie van {dutch_date(day)}.\n" if day else "",
    )
    return text.replace("\n", "\r\n")  # readable in every editor, Windows Notepad included

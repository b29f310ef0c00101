"""The LEESMIJ.txt at the top of the bundle: what is in it and how to open it."""

from __future__ import annotations

import datetime as dt

from leren.pdfbook.build import dutch_date

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
Gemaakt op {date}.
"""

LABELS = {".pdf": "PDF", ".docx": "Word (DOCX)", ".html": "HTML", ".md": "Markdown"}


def formats_text(suffixes: list[str]) -> str:
    """'PDF, Word (DOCX) en HTML' for the suffixes of the worksheet files."""
    names = [LABELS.get(s, s.lstrip(".").upper()) for s in sorted(set(suffixes), key=lambda s: (s not in LABELS, list(LABELS).index(s) if s in LABELS else 0, s))]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def leesmij(folder: str, book: str, sheet_suffixes: list[str], day: dt.date | None = None) -> str:
    """The text, with CRLF line ends; the worksheet line only when there are worksheets."""
    sheets = f"- werkbladen: alle werkbladen als {formats_text(sheet_suffixes)}.\n" if sheet_suffixes else ""
    text = TEXT.format(
        folder=folder,
        book=book,
        worksheets=sheets,
        sheets_short=" en werkbladen" if sheet_suffixes else "",
        date=dutch_date(day or dt.date.today()),
    )
    return text.replace("\n", "\r\n")  # readable in every editor, Windows Notepad included

"""Where each thing of the knowledge base lives on the site, and which worksheet belongs to a werkvorm.

A docname is a page's path without suffix, relative to the book root (`book/principes/ervaringsleren`),
as Sphinx names documents. `target()` turns it into the absolute form that cross-references use, `url()`
into the page's address relative to the site root. The Sphinx extension, the agenda and the PDF route
use only these functions, so the scheme lives in one place.
"""

from __future__ import annotations

PRINCIPLES = "book/principes"
CASES = "book/casussen"
FORMATS = "book/werkvormen"
GUIDES = "book/gidsen"
EXERCISES = "exercises"
FORMAT_WORKSHEET_PREFIX = "werkvorm-"
# The book's file name: the whole-book PDF (`<BOOK_NAME>.pdf`) and the top folder of the offline bundle.
BOOK_NAME = "transformeren-kun-je-leren"


def principle(principle_id: str) -> str:
    return f"{PRINCIPLES}/{principle_id}"


def case(case_id: str) -> str:
    return f"{CASES}/{case_id}"


def werkvorm(format_id: str) -> str:
    return f"{FORMATS}/{format_id}"


def guide(name: str) -> str:
    return f"{GUIDES}/{name}"


def exercise(name: str) -> str:
    """The page of a student notebook (`exercises/<name>`)."""
    return f"{EXERCISES}/{name}"


def is_exercise(docname: str) -> bool:
    return docname.startswith(f"{EXERCISES}/")


def target(docname: str) -> str:
    """The docname as an absolute cross-reference target (`/book/principes/ervaringsleren`)."""
    return "/" + docname.lstrip("/")


def url(docname: str) -> str:
    """The page's address relative to the site root, as a URL path."""
    return f"{docname}.html"


def format_worksheet(format_id: str) -> str:
    """The id of the worksheet that belongs to a werkvorm: `werkvorm-<id>`."""
    return f"{FORMAT_WORKSHEET_PREFIX}{format_id}"

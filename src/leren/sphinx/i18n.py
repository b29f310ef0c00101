"""Dutch for interface strings that Sphinx and the themes leave in English (for example "Link to this
heading", "Back to top", the theme's landmark names).

The translations live in `locale/nl/LC_MESSAGES/sphinx.po`. Sphinx reads compiled catalogs only, so the
file is compiled into the build's doctree folder and added as a fallback of the `sphinx` catalog: the
translations of Sphinx itself stay first. The search page's messages come from Sphinx's JavaScript
catalogue, some of them empty in Dutch; `static/translations-nl.js` fills those in.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from sphinx.application import Sphinx

LOCALE = Path(__file__).parent / "locale"


def _compile(target: Path) -> Path:
    for po in LOCALE.glob("*/LC_MESSAGES/*.po"):
        mo = target / po.relative_to(LOCALE).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as src:
            catalog = read_po(src)
        with mo.open("wb") as out:
            write_mo(out, catalog)
    return target


def setup(app: Sphinx) -> None:
    app.add_message_catalog("sphinx", str(_compile(Path(app.doctreedir) / "leren-locale")))
    if app.config.language == "nl":
        # After Sphinx's translations.js (priority 500), which it fills in.
        app.add_js_file("translations-nl.js", priority=600)

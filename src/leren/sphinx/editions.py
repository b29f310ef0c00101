"""Two editions from one source. The published site is the student edition with the trainer material
within reach: worked solutions and trainer notes are in the pages but hidden, and a switch on every page
("Studenteneditie / Trainerseditie", static/editie.js) shows them; the choice is kept in the browser.
A publisher leaves the trainer material out entirely with `leren_trainermateriaal: false` in `_config.yml`
(sphinx: config:). The separate trainer edition stays available with LEREN_EDITIE=trainer
(`make html-trainer`): everything shown, no switch."""

from __future__ import annotations

import os

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

EDITIONS = ("student", "trainer")
TRAINER_CLASS = "voor-trainer"
# The reader's choice (local storage, key leren:editie; see static/editie.js) on <html>, before drawing.
CHOSEN = ('try{document.documentElement.dataset.lerenEditie=localStorage.getItem("leren:editie")==="trainer"'
          '?"trainer":"student"}catch(e){document.documentElement.dataset.lerenEditie="student"}')


def _choose(app: Sphinx, config: Config) -> None:
    edition = os.environ.get("LEREN_EDITIE", config.leren_editie).strip().lower()
    if edition not in EDITIONS:
        raise ConfigError(f"LEREN_EDITIE='{edition}' bestaat niet; kies 'student' of 'trainer'.")
    config.leren_editie = edition
    # sphinx-exercise drops every {solution} when told to: only when the publisher leaves trainer material out.
    config.hide_solutions = edition == "student" and not config.leren_trainermateriaal
    if edition == "trainer":
        config.html_title = f"{config.html_title} (trainerseditie)"


def _switchable(config: Config) -> bool:
    return config.leren_editie == "student" and config.leren_trainermateriaal


def _drop_trainer_notes(app: Sphinx, doctree: nodes.document) -> None:
    if app.config.leren_editie == "student" and not app.config.leren_trainermateriaal:
        for node in list(doctree.findall(nodes.Element)):
            if TRAINER_CLASS in node.get("classes", []) and node.parent is not None:
                node.parent.remove(node)


def _switch(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if _switchable(app.config):
        # The chosen edition is set on <html> by a line in the head, before the page is drawn (hidden
        # material never flashes, and editie.css keeps room for the switch); editie.js, deferred like
        # every script, then adds the switch.
        app.add_js_file(None, body=CHOSEN, priority=200)
        app.add_js_file("editie.js", priority=200)
        app.add_css_file("editie.css")


def setup(app: Sphinx) -> None:
    app.add_config_value("leren_editie", "student", "env", types=[str])
    app.add_config_value("leren_trainermateriaal", True, "env", types=[bool])
    app.connect("config-inited", _choose, priority=900)
    app.connect("doctree-read", _drop_trainer_notes)
    app.connect("html-page-context", _switch)

"""Two editions from one source: the student edition (default) leaves out worked solutions and trainer
notes; the trainer edition shows them. Choose with the environment variable LEREN_EDITIE=trainer
(`make html-trainer`)."""

from __future__ import annotations

import os

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

EDITIONS = ("student", "trainer")
TRAINER_CLASS = "voor-trainer"


def _choose(app: Sphinx, config: Config) -> None:
    edition = os.environ.get("LEREN_EDITIE", config.leren_editie).strip().lower()
    if edition not in EDITIONS:
        raise ConfigError(f"LEREN_EDITIE='{edition}' bestaat niet; kies 'student' of 'trainer'.")
    config.leren_editie = edition
    config.hide_solutions = edition == "student"  # sphinx-exercise drops every {solution}
    if edition == "trainer":
        config.html_title = f"{config.html_title} (trainerseditie)"


def _drop_trainer_notes(app: Sphinx, doctree: nodes.document) -> None:
    if app.config.leren_editie == "student":
        for node in list(doctree.findall(nodes.Element)):
            if TRAINER_CLASS in node.get("classes", []) and node.parent is not None:
                node.parent.remove(node)


def setup(app: Sphinx) -> None:
    app.add_config_value("leren_editie", "student", "env", types=[str])
    app.connect("config-inited", _choose, priority=900)
    app.connect("doctree-read", _drop_trainer_notes)

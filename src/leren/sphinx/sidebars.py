"""The buttons that show and hide the navigation and the page's contents work, on a phone and on a desktop.

pydata-sphinx-theme and sphinx-book-theme attach their handlers to the FIRST element with the class
`primary-toggle` (and `secondary-toggle`): a button in the top bar that sphinx-book-theme hides. The button
a reader sees is sphinx-book-theme's own, in the article header, and without help a click on it does
nothing: on a phone the navigation could not be opened at all (pydata-sphinx-theme issue 2451). The
script forwards a click on any other toggle to the first one, so the themes do what they mean to: on a
wide screen the sidebar folds away, on a narrow one it opens as a dialog.
"""

from __future__ import annotations

from sphinx.application import Sphinx

SCRIPT = "zijbalken.js"


def setup(app: Sphinx) -> None:
    app.add_js_file(SCRIPT, loading_method="defer")

"""Scripts that wait until the page is shown.

Sphinx and its extensions add their scripts to the head without `defer`, so a phone on a slow connection
fetches and runs all of them before it shows any text. Every script file here only adds behaviour (copy
buttons, toggles, tabs, translations, the self-checks), so it can run after the page is parsed: `defer`
keeps their order and runs them before DOMContentLoaded. Two exceptions stay as they are:
documentation_options.js, which the small inline scripts after it extend, and the search page, whose
search index is a plain script that needs the search tools at once.
"""

from __future__ import annotations

from sphinx.application import Sphinx

KEEP = ("documentation_options.js",)


def _defer(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if app.builder.format != "html" or pagename == "search":
        return
    scripts = []
    for script in context.get("script_files", []):
        attributes = getattr(script, "attributes", None)
        filename = getattr(script, "filename", "")
        if attributes is None or not filename or "://" in filename or filename.endswith(KEEP) or \
                "async" in attributes or "defer" in attributes:
            scripts.append(script)
            continue
        # A copy per page: the builder's own list stays as Sphinx made it.
        scripts.append(type(script)(filename, **{**attributes, "defer": "defer"}, priority=script.priority))
    context["script_files"] = scripts


def setup(app: Sphinx) -> None:
    # After every other handler has added its page's scripts.
    app.connect("html-page-context", _defer, priority=950)

"""Render a computed session agenda (`leren.planner.Agenda`) for people: Markdown, HTML, DOCX and PDF."""

from __future__ import annotations

from leren.agenda.markdown import render as to_markdown


def show(agenda):
    """Display the agenda in a notebook (as Markdown)."""
    from IPython.display import Markdown

    return Markdown(to_markdown(agenda))


__all__ = ["show", "to_markdown"]

"""Markdown (CommonMark with GitHub tables): readable as plain text and rendered alike.

Writing lines are rules of underscores, a box is drawn in a code block, the scale and tables are
tables, and a checklist is a task list. Every text is escaped so that it appears literally, whatever
Markdown flavour renders it.
"""

from __future__ import annotations

import re

from leren.worksheets.document import Document, Field

LINE = "_" * 60
BOX_WIDTH = 60
# Backslash-escape every ASCII punctuation character that can start markup somewhere: emphasis,
# code, links, HTML, headings, tables, strikethrough, math ($) and MyST roles ({}).
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$&])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def render(doc: Document) -> bytes:
    e = escape
    out = [f"# {e(doc.title)}", "", f"*{e(doc.context)}*", ""]
    if doc.personal:
        out += [f"- **{d.label}:** {e(d.value)}" for d in doc.personal]
        out.append("")
    out += [
        f"**Doel:** {e(doc.purpose)}",
        "",
        f"**Zo werk je:** {e(doc.instruction)}",
        "",
        f"**Tijd:** {e(doc.time)}",
        "",
    ]
    for field in doc.fields:
        out += [f"## {field.number}. {e(field.label)}", ""]
        out += AREAS[field.kind](field)
        out.append("")
    out += ["---", "", f"{e(doc.title)} · {e(doc.publisher)} · [{doc.licence}]({doc.licence_url})", ""]
    return "\n".join(out).encode("utf-8")


def _lines(field: Field) -> list[str]:
    out = []
    for _ in range(field.lines):
        out += [LINE, ""]
    return out[:-1]


def _box(field: Field) -> list[str]:
    rows = max(3, round(field.height_cm * 1.5))
    edge = "+" + "-" * (BOX_WIDTH - 2) + "+"
    inside = "|" + " " * (BOX_WIDTH - 2) + "|"
    return ["```text", edge, *([inside] * rows), edge, "```"]


def _scale(field: Field) -> list[str]:
    numbers = range(1, 11)
    return [
        "| " + " | ".join(str(n) for n in numbers) + " |",
        "|" + "|".join(":-:" for _ in numbers) + "|",
        "|" + "|".join("   " for _ in numbers) + "|",
        "",
        f"1 = {escape(field.low)}, 10 = {escape(field.high)}",
    ]


def _table(field: Field) -> list[str]:
    count = len(field.columns)
    empty = "|" + "|".join("   " for _ in range(count)) + "|"
    return [
        "| " + " | ".join(escape(c) for c in field.columns) + " |",
        "|" + "|".join("---" for _ in range(count)) + "|",
        *([empty] * field.rows),
    ]


def _checklist(field: Field) -> list[str]:
    return [f"- [ ] {escape(item)}" for item in field.items]


AREAS = {"regels": _lines, "vak": _box, "schaal": _scale, "tabel": _table, "checklist": _checklist}

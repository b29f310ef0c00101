"""Exercises for students: show an item bank, check answers, and explain every answer in Dutch.

Use it in a notebook:

    from leren import oefeningen
    oefening = oefeningen.laad("enkel-of-dubbel")
    oefening.toon()                                   # the questions
    oefening.controleer({"v1": "B", "v2": ["Single-loop leren", "Double-loop leren"]})

Answers per kind of question:
- meerkeuze: the letter of an option ("B");
- indelen: a list with a category per statement, in the order shown (a category name or its number);
- volgorde: the numbers of the steps as shown, in the order you think is right ([3, 1, 2, 4]);
- koppelen: a dict from the number on the left to the letter on the right ({1: "B", 2: "A"});
- reflectie: your own text (not scored; use it in your worksheet). `reflecteer(tekst)` checks only the
  open question and names the worksheet of the bank.

The view of a bank and the checking rules live in `leren.exercises`, shared with the site's self-check.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from leren.catalog import Catalog, load
from leren.exercises import LETTERS, MIN_REFLECTION_WORDS, Feedback, Result, check_item, maximum, view
from leren.model import ExerciseItem, ItemBank


class Oefening:
    """One item bank, for use in a notebook."""

    def __init__(self, bank: ItemBank):
        self.bank = bank
        self.data = view(bank)

    def toon(self) -> "Questions":
        return Questions(self.data)

    def controleer(self, antwoorden: dict) -> Result:
        feedback = []
        for number, item in enumerate(self.data["items"], 1):
            if item["id"] in antwoorden:
                feedback.append(check_item(item, antwoorden[item["id"]]))
            elif item["soort"] == "reflectie":
                fb = Feedback(item["id"], item["vraag"], 0, 0)
                fb.regels.append(f"Dit is een open vraag. Schrijf je antwoord en bekijk het met "
                                 f"`reflecteer(tekst, \"{item['id']}\")`.")
                feedback.append(fb)
            else:
                fb = Feedback(item["id"], item["vraag"], 0, maximum(item))
                fb.regels.append(f"Je hebt vraag '{item['id']}' nog niet beantwoord.")
                feedback.append(fb)
            feedback[-1].nummer = number
        unknown = sorted(set(antwoorden) - {item["id"] for item in self.data["items"]})
        if unknown:
            known = ", ".join(item["id"] for item in self.data["items"])
            raise KeyError(f"Onbekende vraag: {', '.join(unknown)}. De vragen heten: {known}.")
        return Result(self.data["titel"], feedback)

    def reflecteer(self, tekst: str, vraag: str | None = None) -> Result:
        """Feedback on the open question only, with the command that makes the matching worksheet."""
        open_items = [item for item in self.data["items"] if item["soort"] == "reflectie"]
        if not open_items:
            raise KeyError(f"De oefening '{self.bank.id}' heeft geen open vraag.")
        chosen = next((item for item in open_items if item["id"] == vraag), None)
        if chosen is None:
            if vraag is not None:
                known = ", ".join(item["id"] for item in open_items)
                raise KeyError(f"'{vraag}' is geen open vraag van deze oefening. De open vragen heten: {known}.")
            chosen = open_items[0]
        fb = check_item(chosen, tekst)
        fb.nummer = self.data["items"].index(chosen) + 1
        if self.bank.werkblad and len(str(tekst).split()) >= MIN_REFLECTION_WORDS:
            fb.regels.append(f"Zet je antwoord op je eigen werkblad. Dat maak je met: `{self.werkblad_opdracht()}`")
        return Result(self.data["titel"], [fb])

    def werkblad_opdracht(self, groep: str = "", uit: str = "mijn-werkblad.docx") -> str:
        """The `leren werkblad` command for the worksheet that belongs to this bank."""
        if not self.bank.werkblad:
            raise KeyError(f"Bij de oefening '{self.bank.id}' hoort geen werkblad.")
        command = f"leren werkblad {self.bank.werkblad} --formaat docx --uit {uit}"
        return command + (f' --groep "{groep}"' if groep else "")

    def maak_werkblad(self, uit: str | Path = "mijn-werkblad.docx", groep: str = "") -> Path:
        """Make the worksheet of this bank (DOCX, PDF, HTML or Markdown, after the file name), with the
        open question of the exercise added at the end, so you can work out your answer on it.
        An existing file with the same name is replaced."""
        from leren.formats import choose
        from leren.worksheets import build, render
        from leren.worksheets.output import write_atomic
        from leren.worksheets.personalisation import Personalisation

        if not self.bank.werkblad:
            raise KeyError(f"Bij de oefening '{self.bank.id}' hoort geen werkblad.")
        path = Path(uit)
        fmt = choose(None, path, default="docx")
        catalog = load()
        questions = tuple(item["vraag"] for item in self.data["items"] if item["soort"] == "reflectie")
        doc = build(catalog.worksheets[self.bank.werkblad], catalog, Personalisation(group=groep, questions=questions))
        write_atomic(path, render(doc, fmt.name), overwrite=True)
        return path

    def formulier(self):
        """An interactive form when ipywidgets is installed; otherwise a short Dutch explanation."""
        try:
            import ipywidgets  # noqa: F401
        except ImportError:
            return "Voor een invulformulier heb je het pakket ipywidgets nodig. Zonder gebruik je controleer()."
        from leren.oefeningen_widgets import form

        return form(self.data["items"], self.controleer)


@dataclass
class Questions:
    data: dict

    def __str__(self) -> str:
        out = [self.data["titel"], "", f"Leerdoel: {self.data['leerdoel']}", ""]
        for number, item in enumerate(self.data["items"], 1):
            out.append(f"Vraag {number} ('{item['id']}'): {item['vraag']}")
            kind = item["soort"]
            if kind == "meerkeuze":
                out.extend(f"  {LETTERS[i]}. {o['tekst']}" for i, o in enumerate(item["opties"]))
            elif kind == "indelen":
                out.append(f"  Categorieën: {', '.join(f'{i}. {c}' for i, c in enumerate(item['categorieen'], 1))}")
                out.extend(f"  {i}. {s['tekst']}" for i, s in enumerate(item["uitspraken"], 1))
            elif kind == "volgorde":
                out.extend(f"  {i}. {s}" for i, s in enumerate(item["stappen"], 1))
            elif kind == "koppelen":
                out.extend(f"  {i}. {left}" for i, left in enumerate(item["links"], 1))
                out.extend(f"     {LETTERS[i]}. {right}" for i, right in enumerate(item["rechts"]))
            else:
                out.extend(f"  - {q}" for q in item["hulpvragen"])
            out.append("")
        return "\n".join(out)

    def _repr_markdown_(self) -> str:
        return "```text\n" + str(self) + "```"


def laad(bank_id: str, catalog: Catalog | None = None) -> Oefening:
    catalog = catalog or load()
    if bank_id not in catalog.exercises:
        import difflib

        close = difflib.get_close_matches(bank_id, list(catalog.exercises), n=3)
        hint = f" Bedoelde je {' of '.join(repr(c) for c in close)}?" if close else ""
        raise KeyError(f"Onbekende oefening '{bank_id}'.{hint}")
    return Oefening(catalog.exercises[bank_id])


def lijst(catalog: Catalog | None = None) -> list[str]:
    return list((catalog or load()).exercises)


__all__ = ["Oefening", "Result", "Feedback", "laad", "lijst", "view", "check_item", "ExerciseItem"]

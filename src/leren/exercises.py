"""Exercises, shown and checked: the one view of an item bank and the one set of checking rules.

`view(bank)` is everything needed to show and check a bank, in display order; the site embeds it as JSON
in a self-check (whose script applies the same rules in the browser), and the notebook API
(`leren.oefeningen`) and its widgets show it in Jupyter. `check_item` checks one answer and explains it
in Dutch.

Answers per kind of question:
- meerkeuze: the letter of an option ("B");
- indelen: a list with a category per statement, in the order shown (a category name or its number);
- volgorde: the numbers of the steps as shown, in the order you think is right ([3, 1, 2, 4]);
- koppelen: a dict from the number on the left to the letter on the right ({1: "B", 2: "A"});
- reflectie: your own text (not scored).
"""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass, field

from leren.model import ItemBank

LETTERS = string.ascii_uppercase
MIN_REFLECTION_WORDS = 5  # zelftoets.js uses the same number


def shown_order(bank_id: str, item_id: str, texts: list[str]) -> list[int]:
    """A fixed, shuffled display order (indices into `texts`), never the original order."""
    order = sorted(range(len(texts)), key=lambda i: hashlib.sha256(f"{bank_id}/{item_id}/{texts[i]}".encode()).hexdigest())
    if order == list(range(len(texts))) and len(texts) > 1:
        order = order[1:] + order[:1]
    return order


def view(bank: ItemBank) -> dict:
    """Everything needed to show and check a bank, in display order (the site embeds this as JSON)."""
    items = []
    for item in bank.items:
        data: dict = {"id": item.id, "soort": item.soort, "vraag": item.vraag}
        if item.soort == "meerkeuze":
            order = shown_order(bank.id, item.id, [o.tekst for o in item.opties])
            data["opties"] = [{"tekst": item.opties[i].tekst, "goed": item.opties[i].goed,
                               "uitleg": item.opties[i].uitleg} for i in order]
        elif item.soort == "indelen":
            data["categorieen"] = list(item.categorieen)
            data["uitspraken"] = [{"tekst": s.tekst, "antwoord": s.antwoord, "uitleg": s.uitleg} for s in item.uitspraken]
        elif item.soort == "volgorde":
            order = shown_order(bank.id, item.id, item.stappen)
            data["stappen"] = [item.stappen[i] for i in order]
            # juist[k] = the number (1-based, as shown) of the step that belongs at place k+1
            data["juist"] = [order.index(k) + 1 for k in range(len(item.stappen))]
            data["uitleg"] = item.uitleg
        elif item.soort == "koppelen":
            order = shown_order(bank.id, item.id, [p.rechts for p in item.paren])
            data["links"] = [p.links for p in item.paren]
            data["rechts"] = [item.paren[i].rechts for i in order]
            data["juist"] = [LETTERS[order.index(k)] for k in range(len(item.paren))]
            data["uitleg"] = [p.uitleg for p in item.paren]
        else:
            data["hulpvragen"] = list(item.hulpvragen)
        items.append(data)
    return {"id": bank.id, "titel": bank.titel, "leerdoel": bank.leerdoel, "items": items}


@dataclass
class Feedback:
    item: str
    vraag: str
    punten: int
    maximum: int
    regels: list[str] = field(default_factory=list)
    nummer: int = 0  # the question's number as shown by toon(); 0 when unknown

    @property
    def goed(self) -> bool | None:
        return None if self.maximum == 0 else self.punten == self.maximum


@dataclass
class Result:
    titel: str
    feedback: list[Feedback]

    @property
    def punten(self) -> int:
        return sum(f.punten for f in self.feedback)

    @property
    def maximum(self) -> int:
        return sum(f.maximum for f in self.feedback)

    @property
    def kop(self) -> str:
        if self.maximum == 0:
            return f"{self.titel}: reflectie"
        return f"{self.titel}: {self.punten} van de {self.maximum} punten"

    def __str__(self) -> str:
        out = [self.kop, ""]
        for number, f in enumerate(self.feedback, 1):
            mark = {True: "goed", False: "nog niet goed", None: "reflectie"}[f.goed]
            score = f" ({f.punten}/{f.maximum})" if f.maximum else ""
            out.append(f"Vraag {f.nummer or number}: {mark}{score}")
            out.extend(f"  {line}" for line in f.regels)
            out.append("")
        return "\n".join(out).rstrip() + "\n"

    def _repr_markdown_(self) -> str:
        out = [f"**{self.kop}**", ""]
        for number, f in enumerate(self.feedback, 1):
            mark = {True: "goed", False: "nog niet goed", None: "reflectie"}[f.goed]
            out.append(f"- **Vraag {f.nummer or number}: {mark}**" + (f" ({f.punten}/{f.maximum})" if f.maximum else ""))
            out.extend(f"  - {line}" for line in f.regels)
        return "\n".join(out)


def check_item(data: dict, answer) -> Feedback:
    """Check one answer against one item of `view()`; every branch explains itself in Dutch."""
    kind = data["soort"]
    fb = Feedback(item=data["id"], vraag=data["vraag"], punten=0, maximum=1)
    if kind == "meerkeuze":
        options = data["opties"]
        index = _letter_index(answer, len(options))
        if index is None:
            fb.regels.append(f"Geef de letter van een antwoord, van A tot en met {LETTERS[len(options) - 1]}.")
            return fb
        chosen = options[index]
        fb.punten = int(chosen["goed"])
        fb.regels.append(("Goed. " if chosen["goed"] else "Niet juist. ") + chosen["uitleg"])
        if not chosen["goed"]:
            fb.regels.append("Lees de vraag nog eens en probeer een ander antwoord.")
        return fb
    if kind == "indelen":
        statements, categories = data["uitspraken"], data["categorieen"]
        fb.maximum = len(statements)
        if not isinstance(answer, (list, tuple)) or len(answer) != len(statements):
            fb.regels.append(f"Geef een lijst met {len(statements)} antwoorden: voor elke uitspraak een categorie.")
            return fb
        for number, (statement, given) in enumerate(zip(statements, answer), 1):
            category = _category(given, categories)
            if category is None:
                fb.regels.append(f"Uitspraak {number}: kies een van de categorieën: {', '.join(categories)}.")
            elif category == statement["antwoord"]:
                fb.punten += 1
                fb.regels.append(f"Uitspraak {number}: goed. {statement['uitleg']}")
            else:
                fb.regels.append(f"Uitspraak {number}: niet juist. {statement['uitleg']}")
        return fb
    if kind == "volgorde":
        steps = data["stappen"]
        numbers = _numbers(answer, len(steps))
        if numbers is None:
            fb.regels.append(f"Geef de nummers 1 tot en met {len(steps)} elk een keer, in de volgorde die jij juist vindt.")
            return fb
        wrong = [place for place, (given, right) in enumerate(zip(numbers, data["juist"]), 1) if given != right]
        if not wrong:
            fb.punten = 1
            fb.regels.append(f"Goed. {data['uitleg']}")
        else:
            places = _dutch_list([str(p) for p in wrong])
            fb.regels.append(f"Nog niet goed: op plaats {places} staat een andere stap. {data['uitleg']}")
        return fb
    if kind == "koppelen":
        fb.maximum = len(data["links"])
        if not isinstance(answer, dict):
            fb.regels.append("Geef je antwoord als {1: 'B', 2: 'A'}: bij elk nummer links een letter rechts.")
            return fb
        for number, left in enumerate(data["links"], 1):
            given = answer.get(number, answer.get(str(number)))
            index = _letter_index(given, len(data["rechts"]))
            if index is None:
                fb.regels.append(f"{number}. {left}: kies een letter van A tot en met {LETTERS[len(data['rechts']) - 1]}.")
            elif LETTERS[index] == data["juist"][number - 1]:
                fb.punten += 1
                fb.regels.append(f"{number}. {left}: goed. {data['uitleg'][number - 1]}")
            else:
                fb.regels.append(f"{number}. {left}: niet juist. {data['uitleg'][number - 1]}")
        return fb
    fb.maximum = 0
    text = answer.strip() if isinstance(answer, str) else ""
    if len(text.split()) < MIN_REFLECTION_WORDS:
        fb.regels.append("Schrijf een paar zinnen; gebruik de hulpvragen om op gang te komen.")
    else:
        fb.regels.append("Dank je. Hier is geen goed of fout: bespreek je antwoord met een medestudent of je begeleider.")
    return fb


def _dutch_list(words: list[str]) -> str:
    """'3', '3 en 4', '2, 3 en 5'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


def _letter_index(answer, count: int) -> int | None:
    if isinstance(answer, str) and len(answer.strip()) == 1 and answer.strip().upper() in LETTERS[:count]:
        return LETTERS.index(answer.strip().upper())
    return None


def _category(given, categories: list[str]) -> str | None:
    if isinstance(given, bool):
        return None
    if isinstance(given, int) and 1 <= given <= len(categories):
        return categories[given - 1]
    if isinstance(given, str):
        for category in categories:
            if given.strip().casefold() == category.casefold():
                return category
    return None


def _numbers(answer, count: int) -> list[int] | None:
    if not isinstance(answer, (list, tuple)) or any(isinstance(a, bool) or not isinstance(a, int) for a in answer):
        return None
    return list(answer) if sorted(answer) == list(range(1, count + 1)) else None


def maximum(item: dict) -> int:
    """The points an item of `view()` is worth when every part is right."""
    if item["soort"] == "indelen":
        return len(item["uitspraken"])
    if item["soort"] == "koppelen":
        return len(item["links"])
    return 1


def correct_answers(data: dict) -> dict:
    """The full-marks answers for a bank's view, read from the view itself (used by tests)."""
    out = {}
    for item in data["items"]:
        kind = item["soort"]
        if kind == "meerkeuze":
            out[item["id"]] = next(LETTERS[i] for i, o in enumerate(item["opties"]) if o["goed"])
        elif kind == "indelen":
            out[item["id"]] = [s["antwoord"] for s in item["uitspraken"]]
        elif kind == "volgorde":
            out[item["id"]] = list(item["juist"])
        elif kind == "koppelen":
            out[item["id"]] = {i: letter for i, letter in enumerate(item["juist"], 1)}
    return out


__all__ = ["LETTERS", "MIN_REFLECTION_WORDS", "Feedback", "Result", "check_item", "correct_answers", "maximum",
           "shown_order", "view"]

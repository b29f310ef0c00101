"""An interactive form for an exercise in Jupyter, built with ipywidgets (optional dependency)."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
from IPython.display import Markdown

from leren.exercises import LETTERS, Result


def _item_widget(item: dict):
    """A widget for one question and a function that reads the answer from it."""
    kind = item["soort"]
    if kind == "meerkeuze":
        choice = widgets.RadioButtons(options=[(f"{LETTERS[i]}. {o['tekst']}", LETTERS[i])
                                               for i, o in enumerate(item["opties"])], value=None)
        return choice, lambda: choice.value
    if kind == "indelen":
        menus = [widgets.Dropdown(options=[("Kies...", None)] + [(c, c) for c in item["categorieen"]],
                                  description=f"{i}.") for i, _ in enumerate(item["uitspraken"], 1)]
        rows = [widgets.VBox([widgets.HTML(f"{i}. {s['tekst']}"), m])
                for i, (s, m) in enumerate(zip(item["uitspraken"], menus), 1)]
        return widgets.VBox(rows), lambda: [m.value for m in menus]
    if kind == "volgorde":
        count = len(item["stappen"])
        menus = [widgets.Dropdown(options=[("Plaats...", 0)] + [(str(p), p) for p in range(1, count + 1)])
                 for _ in item["stappen"]]
        rows = [widgets.HBox([m, widgets.HTML(step)]) for step, m in zip(item["stappen"], menus)]

        def order():
            places = [m.value for m in menus]
            if sorted(places) != list(range(1, count + 1)):
                return None
            return [places.index(p) + 1 for p in range(1, count + 1)]

        return widgets.VBox(rows), order
    if kind == "koppelen":
        options = [("Kies...", None)] + [(f"{LETTERS[i]}. {r}", LETTERS[i]) for i, r in enumerate(item["rechts"])]
        menus = [widgets.Dropdown(options=options) for _ in item["links"]]
        rows = [widgets.VBox([widgets.HTML(f"{i}. {left}"), m])
                for i, (left, m) in enumerate(zip(item["links"], menus), 1)]
        return widgets.VBox(rows), lambda: {i: m.value for i, m in enumerate(menus, 1)}
    text = widgets.Textarea(placeholder="Jouw antwoord", layout=widgets.Layout(width="100%", height="8em"))
    return text, lambda: text.value


def form(items: list[dict], controleer: Callable[[dict], Result]) -> widgets.Widget:
    """A form for the items of `leren.exercises.view()`; the button checks the answers with `controleer`."""
    parts, readers = [], {}
    for number, item in enumerate(items, 1):
        widget, read = _item_widget(item)
        readers[item["id"]] = read
        parts += [widgets.HTML(f"<b>Vraag {number}.</b> {item['vraag']}"), widget]
    button = widgets.Button(description="Controleer", button_style="primary")
    output = widgets.Output()

    def check(_):
        result = controleer({k: read() for k, read in readers.items()})
        output.outputs = ()
        output.append_display_data(Markdown(result._repr_markdown_()))

    button.on_click(check)
    return widgets.VBox(parts + [button, output])

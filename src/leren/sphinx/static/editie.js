/* The edition switch "Studenteneditie / Trainerseditie" on every page (leren.sphinx.editions). The choice is
   kept in this browser (local storage, key leren:editie) and set on <html> before the page is drawn. */
"use strict";

(function () {
  const KEY = "leren:editie";
  const root = document.documentElement;
  let chosen = "student";
  try {
    chosen = window.localStorage.getItem(KEY) === "trainer" ? "trainer" : "student";
  } catch (err) {
    /* no storage: the student edition */
  }
  root.dataset.lerenEditie = chosen;

  function count() {
    return document.querySelectorAll(".solution, .voor-trainer").length;
  }

  function explain(note) {
    const n = count();
    if (root.dataset.lerenEditie !== "trainer") note.textContent = "";
    else if (n === 0) note.textContent = "Op deze pagina staat geen extra materiaal voor trainers.";
    else note.textContent = n === 1 ? "Je ziet nu 1 uitwerking of trainersnotitie extra."
      : `Je ziet nu ${n} uitwerkingen en trainersnotities extra.`;
  }

  function build() {
    const article = document.querySelector(".bd-article") || document.querySelector("main, [role=main]") || document.body;
    if (!article || article.querySelector(".leren-editie")) return;
    const set = document.createElement("fieldset");
    set.className = "leren-editie";
    const legend = document.createElement("legend");
    legend.textContent = "Editie";
    set.append(legend);
    const note = document.createElement("p");
    note.className = "leren-editie-uitleg";
    note.setAttribute("role", "status");
    for (const [value, label] of [["student", "Studenteneditie"], ["trainer", "Trainerseditie"]]) {
      const wrap = document.createElement("span");
      const input = document.createElement("input");
      input.type = "radio";
      input.name = "leren-editie";
      input.id = `leren-editie-${value}`;
      input.value = value;
      input.checked = root.dataset.lerenEditie === value;
      input.addEventListener("change", () => {
        root.dataset.lerenEditie = value;
        try {
          window.localStorage.setItem(KEY, value);
        } catch (err) {
          /* the choice holds for this page only */
        }
        explain(note);
      });
      const text = document.createElement("label");
      text.htmlFor = input.id;
      text.textContent = label;
      wrap.append(input, text);
      set.append(wrap);
    }
    set.append(note);
    article.prepend(set);
    explain(note);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();

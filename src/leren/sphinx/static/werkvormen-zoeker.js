/* Werkvormen finder: filters the table of werkvormen in the browser. The rules mirror leren/finder.py.
   "duur-N" is the time in the room (the steps during the meeting), "soort-X" the kind. */
"use strict";

function lerenParseRow(classList) {
  const item = { principes: [], doelen: [], duur: 0, min: 0, max: 0, soort: "" };
  for (const cls of classList) {
    if (cls.startsWith("p-")) item.principes.push(cls.slice(2));
    else if (cls.startsWith("d-")) item.doelen.push(cls.slice(2));
    else if (cls.startsWith("duur-")) item.duur = Number(cls.slice(5));
    else if (cls.startsWith("gmin-")) item.min = Number(cls.slice(5));
    else if (cls.startsWith("gmax-")) item.max = Number(cls.slice(5));
    else if (cls.startsWith("soort-")) item.soort = cls.slice(6);
  }
  return item;
}

function lerenMatches(item, c) {
  if (c.principe && !item.principes.includes(c.principe)) return false;
  if (c.maxMinuten != null && item.duur > c.maxMinuten) return false;
  if (c.deelnemers != null && !(item.min <= c.deelnemers && c.deelnemers <= item.max)) return false;
  if (c.doel && !item.doelen.includes(c.doel)) return false;
  if (c.soort && item.soort !== c.soort) return false;
  return true;
}

function lerenSetupFinder(form) {
  const rows = Array.from(document.querySelectorAll("table.leren-zoeker-lijst tbody tr"));
  const items = rows.map((row) => lerenParseRow(Array.from(row.classList)));
  const status = form.querySelector(".leren-zoeker-aantal");
  const number = (value) => (value === "" ? null : Number(value));
  const update = () => {
    const c = {
      principe: form.principe.value || null,
      doel: form.doel.value || null,
      maxMinuten: number(form.duur.value),
      deelnemers: number(form.groep.value),
      soort: form.soort.value || null,
    };
    let shown = 0;
    rows.forEach((row, i) => {
      const ok = lerenMatches(items[i], c);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    status.textContent = shown === 1 ? "1 werkvorm past bij je keuze." : `${shown} werkvormen passen bij je keuze.`;
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(update, 0));
  form.hidden = false;
  update();
}

if (typeof document !== "undefined") {
  document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form.leren-zoeker");
    if (form) lerenSetupFinder(form);
  });
}
if (typeof module !== "undefined") {
  module.exports = { lerenParseRow, lerenMatches };
}

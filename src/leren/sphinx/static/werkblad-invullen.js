/* Worksheets filled in on screen ("Invullen en afdrukken"). Each preview box carries its worksheet as JSON
   (leren.sphinx.fillable). The form keeps what is typed in local storage under leren:werkblad:<id> (format
   in leren/sphinx/fillable.py) and prints an A4 sheet. What is typed only ever reaches the page as text. */
"use strict";

(function () {
  const HEAD = [["groep", "Groep"], ["datum", "Datum"], ["trainer", "Trainer"], ["organisatie", "Organisatie"]];
  let uid = 0;

  const el = window.LerenDom.el;

  const id = (prefix) => `lw-${prefix}-${(uid += 1)}`;

  function load(key) {
    const empty = { kop: { groep: "", datum: "", trainer: "", organisatie: "" }, velden: {} };
    try {
      const raw = JSON.parse(window.localStorage.getItem(key) || "null");
      if (!raw || typeof raw !== "object") return empty;
      for (const [name] of HEAD) {
        if (raw.kop && typeof raw.kop[name] === "string") empty.kop[name] = raw.kop[name].slice(0, 500);
      }
      for (const [index, text] of Object.entries(raw.velden || {})) {
        if (/^\d+$/.test(index) && typeof text === "string") empty.velden[index] = text.slice(0, 20000);
      }
    } catch (err) {
      /* unreadable or no storage: start empty */
    }
    return empty;
  }

  function save(key, entries) {
    try {
      window.localStorage.setItem(key, JSON.stringify(entries));
      return true;
    } catch (err) {
      return false;
    }
  }

  /* One field of the sheet as form controls; `read()` gives its text, `write(text)` fills it. */
  function control(field, index, onchange) {
    const label = `${index + 1}. ${field.label}`;
    const headingId = id("vraag");
    const wrap = el("div", { class: `leren-invullen-veld leren-invullen-${field.soort}` });
    if (field.soort === "regels" || field.soort === "vak") {
      const rows = field.soort === "regels" ? Math.max(2, field.regels) : Math.max(3, Math.round(field.hoogte * 1.3));
      const area = el("textarea", { id: id("tekst"), rows, maxlength: 20000 });
      area.addEventListener("input", onchange);
      wrap.append(el("label", { for: area.id, class: "leren-invullen-vraag" }, label), area);
      return { wrap, read: () => area.value, write: (t) => { area.value = t; } };
    }
    if (field.soort === "schaal") {
      const set = el("fieldset", {}, el("legend", { class: "leren-invullen-vraag" }, label));
      const radios = [];
      const line = el("div", { class: "leren-invullen-schaal" });
      const name = id("schaal");
      for (let n = 1; n <= 10; n += 1) {
        const radio = el("input", { type: "radio", name, value: n, id: id("keuze") });
        radio.addEventListener("change", onchange);
        radios.push(radio);
        line.append(el("span", {}, radio, el("label", { for: radio.id }, String(n))));
      }
      set.append(line, el("p", { class: "leren-invullen-uitleg" }, `1 = ${field.laag} · 10 = ${field.hoog}`));
      wrap.append(set);
      return { wrap, read: () => (radios.find((r) => r.checked) || { value: "" }).value,
               write: (t) => radios.forEach((r) => { r.checked = r.value === t.trim(); }) };
    }
    if (field.soort === "checklist") {
      const set = el("fieldset", {}, el("legend", { class: "leren-invullen-vraag" }, label));
      const boxes = field.items.map((item) => {
        const box = el("input", { type: "checkbox", id: id("punt"), value: item });
        box.addEventListener("change", onchange);
        set.append(el("div", { class: "leren-invullen-punt" }, box, el("label", { for: box.id }, item)));
        return box;
      });
      wrap.append(set);
      return { wrap, read: () => boxes.filter((b) => b.checked).map((b) => b.value).join("\n"),
               write: (t) => { const on = t.split("\n"); boxes.forEach((b) => { b.checked = on.includes(b.value); }); } };
    }
    // tabel
    const cells = [];
    const body = el("tbody");
    for (let r = 0; r < field.rijen; r += 1) {
      const row = el("tr");
      cells.push(field.kolommen.map((column) => {
        const input = el("input", { type: "text", "aria-label": `${column}, rij ${r + 1}`, maxlength: 2000 });
        input.addEventListener("input", onchange);
        row.append(el("td", {}, input));
        return input;
      }));
      body.append(row);
    }
    wrap.append(el("p", { class: "leren-invullen-vraag", id: headingId }, label),
      el("div", { class: "leren-invullen-tabelvak" },
        el("table", { "aria-labelledby": headingId },
          el("thead", {}, el("tr", {}, field.kolommen.map((c) => el("th", { scope: "col" }, c)))), body)));
    return { wrap,
      read: () => cells.map((row) => row.map((c) => c.value.replace(/[\t\n]/g, " ")).join("\t")).join("\n").replace(/[\t\n]+$/, ""),
      write: (t) => t.split("\n").forEach((line, r) => line.split("\t").forEach((v, c) => {
        if (cells[r] && cells[r][c]) cells[r][c].value = v;
      })) };
  }

  function printView(sheet, entries) {
    const head = el("p", { class: "leren-afdruk-kop" });
    for (const [name, label] of HEAD) {
      if (entries.kop[name]) head.append(el("span", {}, el("strong", {}, `${label}: `), entries.kop[name]));
    }
    const out = el("div", { class: "leren-werkblad-afdruk", lang: "nl" }, head,
      el("p", { class: "leren-afdruk-context" }, sheet.context), el("h1", {}, sheet.titel),
      el("div", { class: "leren-afdruk-over" },
        el("p", {}, el("strong", {}, "Doel: "), sheet.doel),
        el("p", {}, el("strong", {}, "Zo werk je: "), sheet.instructie),
        el("p", {}, el("strong", {}, "Tijd: "), sheet.tijd)));
    sheet.velden.forEach((field, i) => {
      const text = entries.velden[String(i)] || "";
      const part = el("section", { class: `leren-afdruk-veld leren-afdruk-${field.soort}` }, el("h2", {}, `${i + 1}. ${field.label}`));
      if (field.soort === "schaal") {
        part.append(el("ol", { class: "leren-afdruk-schaal" },
          Array.from({ length: 10 }, (x, n) => el("li", { class: String(n + 1) === text ? "gekozen" : "" }, String(n + 1)))),
        el("p", { class: "leren-afdruk-uitleg" }, `1 = ${field.laag} · 10 = ${field.hoog}`));
      } else if (field.soort === "checklist") {
        const on = text.split("\n");
        part.append(el("ul", { class: "leren-afdruk-lijst" },
          field.items.map((item) => el("li", {}, `${on.includes(item) ? "☒" : "☐"} ${item}`))));
      } else if (field.soort === "tabel") {
        const rows = text.split("\n");
        part.append(el("table", {}, el("thead", {}, el("tr", {}, field.kolommen.map((c) => el("th", { scope: "col" }, c)))),
          el("tbody", {}, Array.from({ length: field.rijen }, (x, r) => el("tr", {},
            field.kolommen.map((c, k) => el("td", {}, (rows[r] || "").split("\t")[k] || "")))))));
      } else {
        const minHeight = field.soort === "regels" ? `${field.regels * 9.5}mm` : `${field.hoogte}cm`;
        part.append(el("div", { class: "leren-afdruk-tekst", style: `min-height: ${minHeight}` }, text));
      }
      out.append(part);
    });
    out.append(el("p", { class: "leren-afdruk-voet" }, `${sheet.titel} · ${sheet.uitgever} · ${sheet.licentie}`));
    return out;
  }

  function setup(box, sheet) {
    const key = `leren:werkblad:${sheet.id}`;
    const formId = id("formulier");
    const toggle = el("button", { type: "button", class: "leren-invullen-knop", "aria-expanded": "false", "aria-controls": formId },
      "Invullen en afdrukken");
    const form = el("form", { id: formId, class: "leren-invullen", hidden: true, "aria-label": `${sheet.titel} invullen` });
    form.addEventListener("submit", (event) => event.preventDefault());
    const status = el("p", { class: "leren-invullen-status", role: "status", "aria-live": "polite" });
    const inputs = {};
    const controls = [];
    let entries = load(key);
    const store = () => {
      for (const [name] of HEAD) entries.kop[name] = inputs[name].value;
      entries.velden = {};
      controls.forEach((c, i) => {
        const text = c.read();
        if (text) entries.velden[String(i)] = text;
      });
      status.textContent = save(key, entries) ? "Bewaard op dit apparaat." : "Deze browser kan niets bewaren; druk af voordat je de pagina sluit.";
    };
    const head = el("div", { class: "leren-invullen-kop" });
    for (const [name, label] of HEAD) {
      const input = el("input", { type: "text", id: id(name), maxlength: 500, autocomplete: "off" });
      input.value = entries.kop[name];
      input.addEventListener("input", store);
      inputs[name] = input;
      head.append(el("div", {}, el("label", { for: input.id }, label), input));
    }
    form.append(el("p", { class: "leren-invullen-uitleg" },
      "Wat je hier invult, blijft in deze browser op dit apparaat. Er gaat niets naar een server."), head);
    sheet.velden.forEach((field, i) => {
      const c = control(field, i, store);
      if (entries.velden[String(i)]) c.write(entries.velden[String(i)]);
      controls.push(c);
      form.append(c.wrap);
    });
    const print = () => {
      store();
      window.LerenDom.printOnly(printView(sheet, entries), false);
    };
    const clear = () => {
      try {
        window.localStorage.removeItem(key);
      } catch (err) {
        /* nothing stored */
      }
      entries = load("");
      for (const [name] of HEAD) inputs[name].value = "";
      controls.forEach((c) => c.write(""));
      status.textContent = "Alles wat je had ingevuld is gewist.";
    };
    form.append(el("div", { class: "leren-invullen-knoppen" },
      el("button", { type: "button", onclick: print }, "Werkblad afdrukken"),
      el("button", { type: "button", onclick: clear }, "Invoer wissen")), status);
    toggle.addEventListener("click", () => {
      const open = form.hidden;
      form.hidden = !open;
      toggle.setAttribute("aria-expanded", String(open));
      if (open) form.querySelector("input, textarea").focus();
    });
    box.append(toggle, form);
  }

  function start() {
    for (const data of document.querySelectorAll("script.leren-werkblad-data")) {
      try {
        setup(data.closest(".leren-werkblad") || data.parentElement, JSON.parse(data.textContent));
      } catch (err) {
        /* a broken box stays a plain preview */
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

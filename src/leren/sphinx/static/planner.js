/* The meeting planner ("Bijeenkomst plannen"): the interface. The rules come from planner-regels.js and
   the data that leren.planner exported into the page; everything the user types is data and reaches the
   page only as text (textContent, attribute values), never as markup. Nothing is sent anywhere: the plan
   lives in this page, in the browser's local storage and in files and links the user makes. */
"use strict";

(function () {
  const P = window.LerenPlanner;
  const STORE = "leren:planner:plan";
  const FIELDS = [
    ["titel", "Titel", "text"], ["datum", "Datum", "datum"], ["start", "Begintijd", "tijd"],
    ["einde", "Eindtijd", "tijd"], ["deelnemers", "Aantal deelnemers", "number"], ["groep", "Groep", "text"],
    ["trainer", "Trainer", "text"], ["locatie", "Locatie", "text"], ["organisatie", "Organisatie", "text"],
  ];
  const LABELS = Object.fromEntries(FIELDS.map(([key, label]) => [key, label]));
  LABELS.blokken = "Programma";
  let rules, formats, plan, ui, uid = 0;

  // -- building the DOM: text is always text ----------------------------------------------------------

  const el = window.LerenDom.el;

  function id(prefix) {
    uid += 1;
    return `lp-${prefix}-${uid}`;
  }

  function field(label, input, hint) {
    input.id = input.id || id("veld");
    const wrap = el("div", { class: "leren-planner-veld" }, el("label", { for: input.id }, label), input);
    if (hint) wrap.append(hint);
    return wrap;
  }

  function minutesText(total) {
    const hours = Math.floor(total / 60);
    const rest = total % 60;
    if (hours && rest) return `${hours} uur ${rest} min`;
    return hours ? `${hours} uur` : `${rest} min`;
  }

  function announce(text) {
    ui.announce.textContent = "";
    window.setTimeout(() => { ui.announce.textContent = text; }, 30);
  }

  // -- the plan: storage, share link, files -----------------------------------------------------------

  function save() {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(plan));
    } catch (err) {
      /* storage can be off (private window); the plan still works on this page */
    }
  }

  function stored() {
    try {
      const text = window.localStorage.getItem(STORE);
      return text ? P.normalize(JSON.parse(text), rules, "Opgeslagen plan") : null;
    } catch (err) {
      return null;
    }
  }

  function compact(p) {
    const out = {};
    for (const key of P.DETAILS) if (p[key]) out[key] = p[key];
    out.blokken = p.blokken.map((b) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== "")));
    return out;
  }

  function encode(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = "";
    bytes.forEach((b) => { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function decode(text) {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  }

  function shareLink() {
    return `${window.location.href.split("#")[0]}#plan=${encode(JSON.stringify(compact(plan)))}`;
  }

  function fromFragment(hash) {
    const label = "De deellink klopt niet";
    let raw;
    try {
      raw = JSON.parse(decode(hash.slice("#plan=".length)));
    } catch (err) {
      throw new P.PlanProblem(`${label}: de tekst na '#plan=' is beschadigd. Vraag de afzender om de link opnieuw te kopiëren.`);
    }
    return P.normalize(raw, rules, label);
  }

  function slug(text) {
    const s = String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
    return s || "bijeenkomst";
  }

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function replacePlan(next, message) {
    plan = next;
    renderFields();
    renderBlocks();
    update();
    if (message) showNotice(message, false);
  }

  function showNotice(text, isError) {
    ui.notice.textContent = text;
    ui.notice.className = isError ? "leren-planner-melding leren-planner-fout" : "leren-planner-melding";
  }

  // -- the interface ------------------------------------------------------------------------------------

  function build(container) {
    ui = { inputs: {}, rows: [] };
    container.textContent = "";
    ui.announce = el("p", { class: "leren-planner-sr", role: "status", "aria-live": "polite" });

    const details = el("div", { class: "leren-planner-velden" });
    const HINTS = { datum: "Bijvoorbeeld 12-03-2026", tijd: "Bijvoorbeeld 09:30" };
    for (const [key, label, type] of FIELDS) {
      const attrs = { type: type === "number" ? "number" : "text", name: key, autocomplete: "off", maxlength: 200 };
      if (type === "number") Object.assign(attrs, { min: 1, max: 500, inputmode: "numeric", maxlength: false });
      let hint = null;
      if (HINTS[type]) {
        hint = el("span", { class: "leren-planner-klein", id: id("hint") }, HINTS[type]);
        Object.assign(attrs, { inputmode: "decimal", maxlength: 20, "aria-describedby": hint.id });
      }
      const input = el("input", attrs);
      input.addEventListener("input", () => {
        plan[key] = input.value;
        update();
      });
      ui.inputs[key] = input;
      details.append(field(label, input, hint));
    }

    ui.search = el("input", { type: "search", autocomplete: "off", "aria-describedby": "lp-zoek-uitleg" });
    ui.choice = el("select", { size: 6, class: "leren-planner-keuze" });
    ui.search.addEventListener("input", filterChoice);
    ui.search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        addChosen();
      } else if (event.key === "ArrowDown") {
        event.preventDefault();
        ui.choice.focus();
      }
    });
    ui.choice.addEventListener("dblclick", addChosen);
    ui.choice.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        addChosen();
      }
    });
    ui.found = el("p", { class: "leren-planner-klein", id: "lp-zoek-uitleg" });
    const adding = el("section", { class: "leren-planner-deel", "aria-labelledby": "lp-kop-toevoegen" },
      el("h2", { id: "lp-kop-toevoegen" }, "Onderdelen toevoegen"),
      field("Zoek een werkvorm", ui.search),
      field("Werkvorm", ui.choice, ui.found),
      el("div", { class: "leren-planner-knoppen" },
        el("button", { type: "button", onclick: addChosen }, "Toevoegen"),
        el("button", { type: "button", onclick: () => addBlock({ soort: "pauze", minuten: "15", notitie: "" }) },
          "Pauze toevoegen"),
        el("button", { type: "button", onclick: () => addBlock({ soort: "vrij", titel: "", minuten: "15", notitie: "" }) },
          "Eigen onderdeel toevoegen")));

    ui.summary = el("p", { class: "leren-planner-samenvatting", role: "status", "aria-live": "polite" });
    ui.messages = el("ul", { class: "leren-planner-berichten" });
    ui.messagesBox = el("div", { class: "leren-planner-let-op", hidden: true },
      el("h3", {}, "Let op"), ui.messages);
    ui.list = el("ol", { class: "leren-planner-blokken" });
    ui.empty = el("p", { class: "leren-planner-klein" },
      "Nog geen onderdelen. Zoek een werkvorm en kies Toevoegen, of voeg een pauze of eigen onderdeel toe.");
    const programme = el("section", { class: "leren-planner-deel", "aria-labelledby": "lp-kop-programma" },
      el("h2", { id: "lp-kop-programma" }, "Programma"), ui.summary, ui.messagesBox, ui.empty, ui.list);

    ui.printChoice = el("fieldset", { class: "leren-planner-afdrukkeuze" }, el("legend", {}, "Wat wil je afdrukken?"));
    for (const [value, label] of [["agenda", "Agenda"], ["draaiboek", "Draaiboek"]]) {
      const radio = el("input", { type: "radio", name: "lp-afdruk", value, id: id("afdruk"), checked: value === "agenda" });
      radio.addEventListener("change", () => setPrintView(value));
      ui.printChoice.append(el("span", {}, radio, el("label", { for: radio.id }, label)));
    }
    ui.file = el("input", { type: "file", accept: ".yml,.yaml,text/yaml" });
    ui.file.addEventListener("change", openFile);
    ui.link = el("input", { type: "text", readonly: true, class: "leren-planner-link" });
    ui.notice = el("p", { class: "leren-planner-melding", role: "alert" });
    const keep = el("section", { class: "leren-planner-deel", "aria-labelledby": "lp-kop-bewaren" },
      el("h2", { id: "lp-kop-bewaren" }, "Afdrukken, bewaren en delen"),
      ui.printChoice,
      el("div", { class: "leren-planner-knoppen" },
        el("button", { type: "button", onclick: () => window.print() }, "Afdrukken"),
        el("button", { type: "button", onclick: downloadYaml }, "Download als YAML"),
        el("button", { type: "button", onclick: makeLink }, "Deellink maken")),
      field("Plan openen", ui.file),
      field("Deellink", ui.link),
      ui.notice,
      el("p", { class: "leren-planner-klein" },
        "Je plan blijft op dit apparaat: de browser bewaart het laatste plan. Met de deellink of het YAML-bestand " +
        "geef je het door; er gaat niets naar een server. Met het YAML-bestand maakt het commando leren programma " +
        "dezelfde agenda."));

    ui.sheets = el("ul", { class: "leren-planner-werkbladen" });
    ui.zipButton = el("button", { type: "button", onclick: makeZip }, "Werkbladen als ZIP");
    const sheets = el("section", { class: "leren-planner-deel", "aria-labelledby": "lp-kop-werkbladen" },
      el("h2", { id: "lp-kop-werkbladen" }, "Werkbladen"),
      el("p", { class: "leren-planner-klein" }, "De werkbladen van de werkvormen in je programma, om af te drukken of te bewerken."),
      ui.sheets, ui.zipButton);

    container.append(ui.announce,
      el("section", { class: "leren-planner-deel", "aria-labelledby": "lp-kop-gegevens" },
        el("h2", { id: "lp-kop-gegevens" }, "De bijeenkomst"), details),
      adding, programme, keep, sheets);

    ui.print = el("div", { class: "leren-planner-afdruk", lang: "nl" });
    window.LerenDom.printOnly(ui.print, true);
    setPrintView("agenda");
  }

  function setPrintView(view) {
    document.body.dataset.lerenAfdruk = view;
  }

  function filterChoice() {
    const words = ui.search.value.toLowerCase().split(/\s+/).filter(Boolean);
    ui.choice.textContent = "";
    let count = 0;
    for (const fmt of formats) {
      const hay = `${fmt.naam} ${fmt.id} ${fmt.doel || ""}`.toLowerCase();
      if (!words.every((w) => hay.includes(w))) continue;
      const [min, max] = fmt.groepsgrootte;
      const kind = fmt.soort === "werkvorm" ? "" : `${fmt.soort}, `;
      ui.choice.append(el("option", { value: fmt.id }, `${fmt.naam} (${kind}${minutesText(fmt.minuten)}, ${min}-${max} personen)`));
      count += 1;
    }
    if (count) ui.choice.selectedIndex = 0;
    ui.found.textContent = count === 1 ? "1 werkvorm gevonden." : `${count} werkvormen gevonden.`;
  }

  function addChosen() {
    const value = ui.choice.value;
    if (!value) {
      announce("Er is geen werkvorm gekozen. Zoek eerst een werkvorm.");
      return;
    }
    addBlock(formatBlock(value));
  }

  function addBlock(block) {
    plan.blokken.push(block);
    renderBlocks();
    update();
    announce(`${blockName(block)} toegevoegd als blok ${plan.blokken.length}.`);
  }

  function formatBlock(fid) {
    return { soort: "werkvorm", werkvorm: fid, bijeenkomst: rules.werkvormen[fid].soort === "traject" ? "1" : "",
             minuten: "", notitie: "" };
  }

  function blockName(block) {
    if (block.soort === "werkvorm") return rules.werkvormen[block.werkvorm].naam;
    if (block.soort === "werkblad") return rules.werkbladen[block.werkblad].bloktitel;
    if (block.soort === "pauze") return "Pauze";
    return block.titel || "Eigen onderdeel";
  }

  function renderFields() {
    for (const [key] of FIELDS) ui.inputs[key].value = plan[key] || "";
  }

  function renderBlocks() {
    ui.list.textContent = "";
    ui.rows = plan.blokken.map((block, i) => {
      const row = { block };
      const fmt = block.soort === "werkvorm" ? rules.werkvormen[block.werkvorm] : null;
      const sheet = block.soort === "werkblad" ? rules.werkbladen[block.werkblad] : null;
      row.time = el("span", { class: "leren-planner-tijd" });
      const title = fmt ? el("a", { href: fmt.pagina }, fmt.naam) : el("span", {}, blockName(block));
      const standard = fmt ? defaultMinutes(block) : sheet ? sheet.minuten : null;
      row.minutes = el("input", { type: "number", min: 1, max: 1440, inputmode: "numeric", value: block.minuten,
                                  placeholder: standard != null ? String(standard) : "" });
      row.minutes.addEventListener("input", () => {
        block.minuten = row.minutes.value;
        update();
      });
      row.note = el("input", { type: "text", value: block.notitie || "", maxlength: 300 });
      row.note.addEventListener("input", () => {
        block.notitie = row.note.value;
        update();
      });
      row.problems = el("ul", { class: "leren-planner-berichten", id: id("blokbericht") });
      const kind = fmt ? `${rules.weergave.soorten.werkvorm}${fmt.soort === "werkvorm" ? "" : ` (${fmt.soort})`}, ` +
        `${fmt.groepsgrootte[0]}-${fmt.groepsgrootte[1]} personen` : rules.weergave.soorten[block.soort] || block.soort;
      const head = el("div", { class: "leren-planner-blokkop" }, row.time, el("strong", {}, title),
        el("span", { class: "leren-planner-soort" }, kind));
      const inputs = el("div", { class: "leren-planner-blokvelden" });
      if (block.soort === "vrij") {
        row.title = el("input", { type: "text", value: block.titel || "", maxlength: 200 });
        row.title.addEventListener("input", () => {
          block.titel = row.title.value;
          update();
        });
        inputs.append(field("Titel van het blok", row.title));
      }
      if (fmt && (fmt.soort === "traject" || block.bijeenkomst)) {
        row.meeting = el("input", { type: "number", min: 1, max: fmt.bijeenkomsten || 1, inputmode: "numeric",
                                    value: block.bijeenkomst || "" });
        row.meeting.addEventListener("input", () => {
          block.bijeenkomst = row.meeting.value;
          update();
        });
        inputs.append(field(`Bijeenkomst (1 tot en met ${fmt.bijeenkomsten || 1})`, row.meeting));
      }
      inputs.append(field(standard != null ? `Minuten (standaard ${standard})` : "Minuten", row.minutes),
        field("Notitie", row.note));
      row.minutes.setAttribute("aria-describedby", row.problems.id);
      const move = (delta, name) => el("button", { type: "button", class: "leren-planner-klein-knop",
        onclick: () => moveBlock(i, delta, name) }, name);
      row.up = move(-1, "Omhoog");
      row.down = move(1, "Omlaag");
      if (i === 0) row.up.setAttribute("aria-disabled", "true");
      if (i === plan.blokken.length - 1) row.down.setAttribute("aria-disabled", "true");
      const buttons = el("div", { class: "leren-planner-knoppen" }, row.up, row.down,
        el("button", { type: "button", class: "leren-planner-klein-knop", onclick: () => removeBlock(i) }, "Verwijderen"));
      row.item = el("li", { class: "leren-planner-blok", "data-soort": block.soort }, head, inputs, row.problems, buttons);
      ui.list.append(row.item);
      return row;
    });
    ui.empty.hidden = plan.blokken.length > 0;
  }

  function defaultMinutes(block) {
    const fmt = rules.werkvormen[block.werkvorm];
    const meeting = Number(block.bijeenkomst);
    if (fmt.soort === "traject" && meeting >= 1 && meeting <= fmt.bijeenkomst_minuten.length) {
      return fmt.bijeenkomst_minuten[meeting - 1];
    }
    return fmt.minuten;
  }

  function moveBlock(i, delta, name) {
    const j = i + delta;
    if (j < 0 || j >= plan.blokken.length) {
      announce(delta < 0 ? "Dit blok staat al bovenaan." : "Dit blok staat al onderaan.");
      return;
    }
    const [block] = plan.blokken.splice(i, 1);
    plan.blokken.splice(j, 0, block);
    renderBlocks();
    update();
    const row = ui.rows[j];
    const same = name === "Omhoog" ? row.up : row.down;
    (same.getAttribute("aria-disabled") ? (name === "Omhoog" ? row.down : row.up) : same).focus();
    announce(`${blockName(block)} staat nu op plaats ${j + 1} van ${plan.blokken.length}.`);
  }

  function removeBlock(i) {
    const [block] = plan.blokken.splice(i, 1);
    renderBlocks();
    update();
    const next = ui.rows[Math.min(i, ui.rows.length - 1)];
    (next ? next.up.getAttribute("aria-disabled") ? next.down : next.up : ui.search).focus();
    announce(`${blockName(block)} is verwijderd.`);
  }

  // -- computing and showing ---------------------------------------------------------------------------

  function update() {
    const result = P.check(plan, rules);
    ui.result = result;
    const known = result.klok != null;
    const byIndex = new Map(result.blokken.map((b) => [b.index, b]));
    ui.rows.forEach((row, i) => {
      const b = byIndex.get(i);
      row.time.textContent = b ? (known ? `${P.clock(b.start)}-${P.clock(b.einde)}` : minutesText(b.minuten)) : "--:--";
      row.problems.textContent = "";
    });
    ui.messages.textContent = "";
    const all = result.fouten.concat(result.waarschuwingen);
    for (const m of all) {
      const text = `${m.tekst.charAt(0).toUpperCase()}${m.tekst.slice(1)}`;
      const where = m.blok != null ? `Blok ${m.blok + 1} (${blockName(plan.blokken[m.blok])})` : LABELS[m.veld] || "Plan";
      ui.messages.append(el("li", {}, m.tekst.startsWith("blok ") ? text : `${where}: ${m.tekst}`));
      if (m.blok != null) ui.rows[m.blok].problems.append(el("li", {}, m.tekst));
    }
    ui.messagesBox.hidden = !all.length;
    for (const [key] of FIELDS) {
      const bad = result.fouten.some((m) => m.veld === key && plan[key] !== "");
      if (bad) ui.inputs[key].setAttribute("aria-invalid", "true");
      else ui.inputs[key].removeAttribute("aria-invalid");
    }
    ui.rows.forEach((row, i) => {
      if (result.fouten.some((m) => m.blok === i)) row.minutes.setAttribute("aria-invalid", "true");
      else row.minutes.removeAttribute("aria-invalid");
    });
    ui.summary.textContent = summary(result);
    renderSheets();
    renderPrint(result);
    save();
  }

  function summary(result) {
    if (!plan.blokken.length) return "Het programma is nog leeg.";
    const parts = [`${plan.blokken.length} ${plan.blokken.length === 1 ? "blok" : "blokken"}, samen ${minutesText(result.minuten)}.`];
    if (result.klok != null) {
      parts.push(`Van ${P.clock(result.klok)} tot ${P.clock(result.einde)}.`);
      if (result.gepland != null && result.gepland > result.klok) {
        const spare = result.gepland - result.einde;
        if (spare > 0) parts.push(`De bijeenkomst eindigt om ${P.clock(result.gepland)}: er is ${minutesText(spare)} speling.`);
        else if (spare === 0) parts.push(`Het programma vult de tijd tot ${P.clock(result.gepland)} precies.`);
      }
    }
    const count = result.fouten.length + result.waarschuwingen.length;
    if (count) parts.push(count === 1 ? "Let op: 1 punt om na te kijken." : `Let op: ${count} punten om na te kijken.`);
    return parts.join(" ");
  }

  function chosenSheets() {
    const seen = new Set();
    const out = [];
    for (const block of plan.blokken) {
      const sid = block.soort === "werkvorm" ? rules.werkvormen[block.werkvorm].werkblad
        : block.soort === "werkblad" ? block.werkblad : null;
      if (sid && !seen.has(sid)) {
        seen.add(sid);
        out.push(rules.werkbladen[sid]);
      }
    }
    return out;
  }

  function renderSheets() {
    const sheets = chosenSheets();
    ui.sheets.textContent = "";
    for (const sheet of sheets) {
      const links = sheet.bestanden.map((file) => el("a", { href: file.pad, download: "" }, `${file.soort}`));
      const item = el("li", {}, el("span", {}, `${sheet.titel}: `));
      links.forEach((link, i) => item.append(i ? " · " : "", link));
      ui.sheets.append(item);
    }
    if (!sheets.length) ui.sheets.append(el("li", {}, "Nog geen werkvormen met een werkblad in het programma."));
    ui.zipButton.hidden = !sheets.length;
  }

  // -- print views: agenda and draaiboek ------------------------------------------------------------------

  function when(result) {
    const date = P.parseDate(plan.datum || "");
    const view = rules.weergave;
    let text = "";
    if (date) {
      const day = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
      const name = view.dagen[(day + 6) % 7];
      text = `${name.charAt(0).toUpperCase()}${name.slice(1)} ${date.d} ${view.maanden[date.m - 1]} ${date.y}`;
    }
    if (result.klok != null) text += `${text ? ", " : ""}${P.clock(result.klok)}-${P.clock(result.einde)}`;
    return text;
  }

  function header(kind, result) {
    const facts = el("p", {}, el("strong", {}, when(result)));
    for (const key of ["groep", "trainer", "locatie", "organisatie"]) {
      if (plan[key]) facts.append(el("br"), el("strong", {}, `${LABELS[key]}: `), plan[key]);
    }
    if (kind !== "Agenda") {
      facts.append(el("br"), el("strong", {}, "Deelnemers: "),
        result.deelnemers ? `${result.deelnemers} deelnemers` : "aantal deelnemers niet opgegeven");
    }
    return [el("p", { class: "leren-afdruk-soort" }, kind), el("h1", {}, plan.titel || "Bijeenkomst"), facts];
  }

  function renderPrint(result) {
    const known = result.klok != null;
    const rows = result.blokken.map((b) => ({ b, block: plan.blokken[b.index],
      time: known ? `${P.clock(b.start)}-${P.clock(b.einde)}` : "", kind: rules.weergave.soorten[b.soort],
      fmt: b.werkvorm ? rules.werkvormen[b.werkvorm] : null }));
    const agendaRows = rows.map((r) => el("tr", {},
      el("td", { class: "tijd" }, r.time),
      el("td", {}, el("strong", {}, r.b.titel), el("br"), el("span", { class: "leren-afdruk-soort" }, r.kind),
        r.block.notitie ? [el("br"), r.block.notitie] : null),
      el("td", {}, minutesText(r.b.minuten))));
    const agenda = el("section", { class: "leren-afdruk-agenda" }, header("Agenda", result),
      el("table", {}, el("caption", {}, "Programma met begin- en eindtijden"),
        el("thead", {}, el("tr", {}, ["Tijd", "Onderdeel", "Duur"].map((h) => el("th", { scope: "col" }, h)))),
        el("tbody", {}, agendaRows)),
      el("p", {}, printSummary(result)));

    const warnings = new Map();
    for (const w of result.waarschuwingen) warnings.set(w.blok, (warnings.get(w.blok) || []).concat([w.tekst]));
    const book = el("section", { class: "leren-afdruk-draaiboek" }, header("Draaiboek voor de trainer", result));
    const materials = new Map();
    const label = (name, text) => (text ? el("p", {}, el("strong", {}, `${name}: `), text) : null);
    for (const r of rows) {
      const { b, fmt } = r;
      const put = (...nodes) => part.append(...nodes.filter(Boolean));
      const part = el("div", { class: "leren-afdruk-blok" },
        el("h2", {}, `${r.time ? `${r.time} ` : ""}${b.titel} `,
          el("span", { class: "leren-afdruk-soort" }, `(${minutesText(b.minuten)}, ${r.kind.toLowerCase()})`)));
      let change = "";
      if (b.standaard && b.standaard !== b.minuten) {
        change = `${b.minuten < b.standaard ? "Ingekort" : "Verlengd"}: ${minutesText(b.minuten)} in plaats van ${minutesText(b.standaard)}.`;
      }
      const sheet = b.soort === "werkblad" ? rules.werkbladen[r.block.werkblad] : null;
      const items = fmt ? fmt.materialen.slice() : [];
      if (sheet) {
        items.push(`Werkblad '${sheet.titel}', ${result.deelnemers ? `${result.deelnemers} exemplaren` : "een per deelnemer"}`);
      }
      for (const item of items) {
        const key = item.split(/\s+/).filter(Boolean).join(" ");
        const users = materials.get(key) || [];
        if (!users.includes(b.titel)) users.push(b.titel);
        materials.set(key, users);
      }
      if (fmt) {
        const rounds = P.roundsOf(fmt, b.bijeenkomst);
        const defaults = rounds.map((x) => P.stepMinutes(x, result.deelnemers, rules.grenzen.groepje_standaard));
        const minutes = P.scaled(defaults, b.minuten);
        const inRoom = fmt.stappen.filter((x) => x.wanneer === "tijdens");
        const texts = b.bijeenkomst != null && fmt.bijeenkomst_stappen ? fmt.bijeenkomst_stappen[b.bijeenkomst - 1] : null;
        const needed = defaults.reduce((x, y) => x + y, 0);
        const own = rounds.reduce((x, y) => x + y.minuten, 0);
        if (result.deelnemers && needed !== own && needed !== b.minuten) {
          change = `${change} Met ${result.deelnemers} deelnemers vragen de stappen ${minutesText(needed)}; het blok heeft ${minutesText(b.minuten)}.`.trim();
        }
        put(label("Notitie", r.block.notitie), label("Tijd", change));
        put(el("p", { class: "leren-afdruk-uitnodiging" }, el("strong", {}, "Uitnodiging (lees voor): "),
          `\u201c${fmt.uitnodiging}\u201d`));
        put(label("Groepsindeling", fmt.indeling), label("Deelname", fmt.deelname), label("Veiligheid", fmt.veiligheid));
        let at = b.start;
        const steps = minutes.map((m, n) => {
          const step = texts ? { wat: texts[n], indeling: "" } : inRoom[n] || { wat: "", indeling: "" };
          const cells = [el("td", { class: "tijd" }, known ? `${P.clock(at)}-${P.clock(at + m)}` : ""),
            el("td", {}, `${n + 1}. ${step.wat}`), el("td", {}, step.indeling || ""),
            el("td", { class: "min" }, `${m}${m !== defaults[n] ? ` (was ${defaults[n]})` : ""}`)];
          at += m;
          return el("tr", {}, cells);
        });
        put(el("table", {}, el("caption", {}, `Stappen van ${b.titel}`),
          el("thead", {}, el("tr", {}, ["Tijd", "Stap", "Indeling", "Minuten"].map((h) => el("th", { scope: "col" }, h)))),
          el("tbody", {}, steps)));
        if (fmt.nabespreking.length) {
          put(el("p", {}, el("strong", {}, "Nabespreking:")), el("ul", {}, fmt.nabespreking.map((q) => el("li", {}, q))));
        }
        const outside = fmt.stappen.filter((x) => x.wanneer !== "tijdens");
        if (outside.length) {
          put(el("p", {}, el("strong", {}, "Buiten de bijeenkomst:")),
            el("ul", {}, outside.map((x) => el("li", {}, `${rules.weergave.momenten[x.wanneer]}: ${x.wat}`))));
        }
      } else {
        put(label("Notitie", r.block.notitie), label("Tijd", change),
          label("Werkblad", sheet ? `${sheet.titel}. ${sheet.instructie}` : ""));
      }
      for (const w of warnings.get(b.index) || []) {
        put(el("p", { class: "leren-afdruk-letop" }, el("strong", {}, "Let op: "), w));
      }
      book.append(part);
    }
    book.append(el("h2", {}, "Materialen"));
    book.append(materials.size
      ? el("table", {}, el("caption", {}, "Wat je meeneemt"),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Wat"), el("th", { scope: "col" }, "Voor"))),
        el("tbody", {}, Array.from(materials, ([item, users]) => el("tr", {}, el("td", {}, item), el("td", {}, users.join(", "))))))
      : el("p", {}, "Geen materialen nodig."));
    const sheets = chosenSheets();
    if (sheets.length) {
      book.append(el("h2", {}, "Werkbladen"), el("ul", {}, sheets.map((x) => el("li", {}, x.titel))));
    }
    book.append(el("p", {}, printSummary(result)));
    ui.print.textContent = "";
    ui.print.append(agenda, book);
  }

  function printSummary(result) {
    let text = `Totaal ${minutesText(result.minuten)}.`;
    if (result.gepland != null && result.klok != null && result.gepland > result.klok) {
      const spare = result.gepland - result.einde;
      if (spare > 0) text += ` De bijeenkomst eindigt om ${P.clock(result.gepland)}: er is ${minutesText(spare)} speling.`;
      else if (spare === 0) text += ` Het programma vult de tijd tot ${P.clock(result.gepland)} precies.`;
    }
    return text;
  }

  // -- actions: YAML, file, link, ZIP ----------------------------------------------------------------------

  function downloadYaml() {
    const yaml = P.toYaml(plan, rules).text;
    download(`${slug(plan.titel)}.yml`, new Blob([yaml], { type: "text/yaml;charset=utf-8" }));
    showNotice(`Het plan is gedownload als ${slug(plan.titel)}.yml.`, false);
  }

  function openFile() {
    const file = ui.file.files && ui.file.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      try {
        replacePlan(P.fromYaml(String(reader.result), rules, `Plan openen (${file.name})`),
          `Het plan uit ${file.name} is geopend.`);
      } catch (err) {
        if (!(err instanceof P.PlanProblem)) throw err;
        showNotice(`${err.message} Je huidige plan is niet veranderd.`, true);
      }
      ui.file.value = "";
    };
    reader.onerror = () => showNotice(`Plan openen: het bestand ${file.name} kan niet worden gelezen.`, true);
    reader.readAsText(file, "utf-8");
  }

  function makeLink() {
    ui.link.value = shareLink();
    ui.link.focus();
    ui.link.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (err) {
      copied = false;
    }
    showNotice(copied ? "De deellink staat in het veld Deellink en is gekopieerd." :
      "De deellink staat in het veld Deellink. Kopieer hem om hem te delen.", false);
  }

  async function makeZip() {
    const sheets = chosenSheets();
    const files = [{ name: `${slug(plan.titel)}.yml`, data: new TextEncoder().encode(P.toYaml(plan, rules).text) }];
    const failed = () => showNotice("De browser kan de werkbladen niet in een ZIP zetten (dat lukt niet als je de site " +
      "als bestand op je computer opent). Download de werkbladen dan een voor een met de links hierboven.", true);
    // A page opened from disk may not read other files; the browser would only log an error.
    if (window.location.protocol === "file:") return failed();
    try {
      for (const sheet of sheets) {
        for (const file of sheet.bestanden) {
          const response = await fetch(file.pad);
          if (!response.ok) throw new Error(file.pad);
          files.push({ name: file.pad.split("/").pop(), data: new Uint8Array(await response.arrayBuffer()) });
        }
      }
    } catch (err) {
      failed();
      return;
    }
    download(`werkbladen-${slug(plan.titel)}.zip`, new Blob([zip(files)], { type: "application/zip" }));
    showNotice(`De ZIP met ${sheets.length} ${sheets.length === 1 ? "werkblad" : "werkbladen"} en het plan is gedownload.`, false);
  }

  const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    let c = 0xffffffff;
    for (let i = 0; i < bytes.length; i += 1) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }

  /* A ZIP file without compression (method 0, "stored"), with a fixed date: the same files give the same ZIP. */
  function zip(files) {
    const parts = [];
    const central = [];
    let offset = 0;
    const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;
    for (const file of files) {
      const name = new TextEncoder().encode(file.name);
      const crc = crc32(file.data);
      const local = new DataView(new ArrayBuffer(30));
      [[0, 0x04034b50, 4], [4, 20, 2], [6, 0x0800, 2], [8, 0, 2], [10, 0, 2], [12, DOS_DATE, 2], [14, crc, 4],
        [18, file.data.length, 4], [22, file.data.length, 4], [26, name.length, 2], [28, 0, 2]]
        .forEach(([at, value, size]) => (size === 4 ? local.setUint32(at, value, true) : local.setUint16(at, value, true)));
      const entry = new DataView(new ArrayBuffer(46));
      [[0, 0x02014b50, 4], [4, 20, 2], [6, 20, 2], [8, 0x0800, 2], [10, 0, 2], [12, 0, 2], [14, DOS_DATE, 2],
        [16, crc, 4], [20, file.data.length, 4], [24, file.data.length, 4], [28, name.length, 2], [30, 0, 2],
        [32, 0, 2], [34, 0, 2], [36, 0, 2], [38, 0, 4], [42, offset, 4]]
        .forEach(([at, value, size]) => (size === 4 ? entry.setUint32(at, value, true) : entry.setUint16(at, value, true)));
      parts.push(new Uint8Array(local.buffer), name, file.data);
      central.push(new Uint8Array(entry.buffer), name);
      offset += 30 + name.length + file.data.length;
    }
    const size = central.reduce((sum, part) => sum + part.length, 0);
    const end = new DataView(new ArrayBuffer(22));
    [[0, 0x06054b50, 4], [4, 0, 2], [6, 0, 2], [8, files.length, 2], [10, files.length, 2], [12, size, 4],
      [16, offset, 4], [20, 0, 2]]
      .forEach(([at, value, size4]) => (size4 === 4 ? end.setUint32(at, value, true) : end.setUint16(at, value, true)));
    return new Blob(parts.concat(central, [new Uint8Array(end.buffer)]));
  }

  // -- start ---------------------------------------------------------------------------------------------

  function start() {
    const container = document.getElementById("leren-planner");
    const data = document.getElementById("leren-planner-data");
    if (!container || !data || !P) return;
    rules = JSON.parse(data.textContent);
    formats = Object.entries(rules.werkvormen).map(([fid, w]) => Object.assign({ id: fid }, w))
      .sort((a, b) => a.naam.localeCompare(b.naam, "nl"));
    build(container);
    let notice = null;
    const hash = window.location.hash;
    plan = stored();
    if (hash.startsWith("#plan=")) {
      try {
        plan = fromFragment(hash);
        notice = ["Het plan uit de deellink is geopend.", false];
      } catch (err) {
        if (!(err instanceof P.PlanProblem)) throw err;
        notice = [`${err.message} Je ziet je eigen laatste plan.`, true];
      }
    }
    if (!plan) {
      plan = P.emptyPlan();
      plan.start = "09:00";
    }
    const adding = /^#toevoegen=([a-z0-9-]+)$/.exec(hash);
    if (adding) {
      if (Object.prototype.hasOwnProperty.call(rules.werkvormen, adding[1])) {
        plan.blokken.push(formatBlock(adding[1]));
        notice = [`${rules.werkvormen[adding[1]].naam} is toegevoegd aan je planning.`, false];
      } else {
        notice = [`De werkvorm '${adding[1]}' bestaat niet; er is niets toegevoegd.`, true];
      }
    }
    if (hash) window.history.replaceState(null, "", window.location.href.split("#")[0]);
    filterChoice();
    replacePlan(plan);
    if (notice) showNotice(notice[0], notice[1]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

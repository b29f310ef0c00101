/* The rules of a plan in the browser. They are not defined here: the page carries the rules exported by
   leren.planner at build time (field names, werkvormen with their minutes, Dutch message templates), and
   this module applies them. Plans are reported exactly as `leren programma` reports the YAML file that
   `toYaml` writes, including its line numbers (tests/test_planner_parity.py compares both).

   A plan in the page: {titel, datum, start, einde, groep, trainer, locatie, organisatie, deelnemers,
   blokken: [{soort: "werkvorm", werkvorm, minuten, notitie} | {soort: "pauze", minuten, notitie} |
   {soort: "vrij", titel, minuten, notitie}]}; every value is a string as typed ("" = empty). */
"use strict";

(function (root) {
  const DETAILS = ["titel", "datum", "start", "einde", "groep", "trainer", "locatie", "organisatie", "deelnemers"];
  const KINDS = ["werkvorm", "pauze", "vrij"];
  const MAX_TEXT = 500;
  const MAX_BLOCKS = 60;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  /* Python's str.strip(): the same white space as leren.planner removes. */
  const SPACE = "[\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
  const EDGES = new RegExp(`^${SPACE}+|${SPACE}+$`, "g");
  function strip(text) {
    return String(text).replace(EDGES, "");
  }

  function pad(n) {
    return String(n).padStart(2, "0");
  }

  function emptyPlan() {
    const plan = { blokken: [] };
    for (const key of DETAILS) plan[key] = "";
    return plan;
  }

  // -- values as leren.planner reads them ------------------------------------------------------------

  const DAY = "(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])";
  const MONTH = "(1[0-2]|0[1-9]|[1-9])";
  const ISO = new RegExp(`^(\\d{4})-${MONTH}-${DAY}$`);
  const DUTCH = new RegExp(`^${DAY}-${MONTH}-(\\d{4})$`);
  const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

  /* A date as {y, m, d}, or null: JJJJ-MM-DD or DD-MM-JJJJ, a real day of the calendar. */
  function parseDate(text) {
    const s = strip(text);
    let y, m, d, match;
    if ((match = ISO.exec(s))) [y, m, d] = [match[1], match[2], match[3]];
    else if ((match = DUTCH.exec(s))) [d, m, y] = [match[1], match[2], match[3]];
    else return null;
    [y, m, d] = [Number(y), Number(m), Number(strip(d))];
    const date = new Date(Date.UTC(2000, m - 1, d));
    date.setUTCFullYear(y);
    if (y < 1 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return { y, m, d };
  }

  function isoDate(text) {
    const date = parseDate(text);
    return date ? `${String(date.y).padStart(4, "0")}-${pad(date.m)}-${pad(date.d)}` : "";
  }

  /* Minutes since midnight, or null. */
  function parseTime(text) {
    const match = TIME.exec(strip(text));
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  function clock(total) {
    return `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`;
  }

  /* A duration as typed: {int: BigInt} for a whole number, else {text} (also for ""). */
  function minutesValue(value) {
    const s = strip(value == null ? "" : value);
    return /^-?\d+$/.test(s) ? { int: BigInt(s) } : { text: s };
  }

  // -- the YAML file that `leren programma` reads ----------------------------------------------------

  const NEEDS_ESCAPE = /[\u0000-\u001f"\\\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/g;

  /* A YAML double-quoted scalar. Control characters, line separators and lone surrogates become escapes. */
  function quote(text) {
    return `"${String(text).replace(NEEDS_ESCAPE, (ch, offset, whole) => {
      if (ch === '"' || ch === "\\") return `\\${ch}`;
      const code = ch.charCodeAt(0);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = whole.charCodeAt(offset + 1);
        if (next >= 0xdc00 && next <= 0xdfff) return ch; // a pair: written as it is
      }
      if (code >= 0xdc00 && code <= 0xdfff) {
        const prev = whole.charCodeAt(offset - 1);
        if (prev >= 0xd800 && prev <= 0xdbff) return ch;
      }
      return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
    })}"`;
  }

  function fieldsOf(rules) {
    const all = rules.velden.verplicht.concat(rules.velden.optioneel);
    return DETAILS.filter((key) => all.includes(key));
  }

  /* The plan as YAML text, with the line of every key and block: {text, regels: {key: line}, blokregels}. */
  function toYaml(plan, rules) {
    const lines = ["# Plan voor 'leren programma', gemaakt met de planner op de site Transformeren kun je leren."];
    const at = {};
    const put = (key, text) => {
      lines.push(text);
      if (key) at[key] = lines.length;
    };
    for (const key of fieldsOf(rules)) {
      const value = plan[key] == null ? "" : String(plan[key]);
      if (value === "") continue;
      if (key === "deelnemers" && /^\d+$/.test(value.trim())) put(key, `${key}: ${BigInt(value.trim())}`);
      else put(key, `${key}: ${quote(value)}`);
    }
    const blockLines = [];
    if (!plan.blokken.length) put("blokken", "blokken: []");
    else put("blokken", "blokken:");
    for (const block of plan.blokken) {
      const mins = minutesValue(block.minuten);
      const number = mins.int !== undefined ? mins.int.toString() : quote(mins.text);
      blockLines.push(lines.length + 1);
      if (block.soort === "werkvorm") {
        lines.push(`  - werkvorm: ${quote(block.werkvorm)}`);
        if (mins.int !== undefined || mins.text !== "") lines.push(`    minuten: ${number}`);
      } else if (block.soort === "pauze") {
        lines.push(`  - pauze: ${number}`);
      } else {
        lines.push(`  - vrij: ${quote(block.titel || "")}`);
        if (mins.int !== undefined || mins.text !== "") lines.push(`    minuten: ${number}`);
      }
      if (block.notitie) lines.push(`    notitie: ${quote(block.notitie)}`);
    }
    const first = lines.findIndex((line, i) => i > 0 && !line.startsWith("#")) + 1;
    return { text: `${lines.join("\n")}\n`, regels: at, blokregels: blockLines, eerste: first };
  }

  // -- the rules ----------------------------------------------------------------------------------------

  /* Compute every block's times and report every problem, in the order and the words of leren.planner.
     Returns {blokken: [{soort, titel, minuten, start, einde, werkvorm}], begin, einde, minuten, berichten:
     [{regel, tekst, bericht, veld, blok}]} where times are minutes since the start of the plan's day. */
  function check(plan, rules) {
    const T = rules.berichten;
    const formats = new Map(rules.werkvormen.map((w) => [w.id, w]));
    const yaml = toYaml(plan, rules);
    const line = (key) => yaml.regels[key] || yaml.eerste;
    const messages = [];
    const report = (regel, tekst, where) => {
      messages.push(Object.assign({ regel, tekst, bericht: fill(T.regel, { regel, tekst }) }, where));
    };
    const value = (key) => (plan[key] == null ? "" : String(plan[key]));
    for (const key of rules.velden.verplicht) {
      if (key !== "blokken" && value(key) === "") report(line(key), fill(T.veld_leeg, { veld: key }), { veld: key });
    }
    let date = null;
    if (value("datum") !== "") {
      date = parseDate(value("datum"));
      if (!date) report(line("datum"), fill(T.datum, { waarde: value("datum") }), { veld: "datum" });
    }
    const times = {};
    for (const key of ["start", "einde"]) {
      if (value(key) === "") continue;
      times[key] = parseTime(value(key));
      if (times[key] === null) report(line(key), fill(T.tijd, { waarde: value(key), veld: key }), { veld: key });
    }
    const start = date && times.start != null ? times.start : null;
    const planned = start != null && times.einde != null ? times.einde : null;
    if (planned != null && planned <= start) {
      report(line("einde"), fill(T.einde_voor_start, { einde: clock(planned), start: clock(start) }), { veld: "einde" });
    }
    const blocks = [];
    let now = start != null ? start : 0;
    plan.blokken.forEach((block, i) => {
      const index = i + 1;
      const where = { blok: i };
      const regel = yaml.blokregels[i];
      let minutes = null;
      let title = "";
      const mins = minutesValue(block.minuten);
      const checked = () => {
        if (mins.int === undefined) {
          report(regel, fill(T.minuten_geen_getal, { blok: index, waarde: mins.text }), where);
          return null;
        }
        if (mins.int <= 0n) {
          report(regel, fill(T.minuten_niet_positief, { blok: index, waarde: mins.int.toString() }), where);
          return null;
        }
        return Number(mins.int);
      };
      if (block.soort === "pauze") {
        minutes = checked();
        title = "Pauze";
      } else if (block.soort === "vrij") {
        const raw = block.titel == null ? "" : String(block.titel);
        if (!strip(raw)) {
          report(regel, T.vrij_zonder_titel, where);
          return;
        }
        if (mins.int === undefined && mins.text === "") {
          report(regel, fill(T.vrij_zonder_minuten, { titel: raw }), where);
          return;
        }
        minutes = checked();
        title = strip(raw);
      } else {
        const fmt = formats.get(block.werkvorm);
        if (!fmt) {
          report(regel, fill(T.onbekende_werkvorm, { werkvorm: block.werkvorm }), where);
          return;
        }
        minutes = mins.int === undefined && mins.text === "" ? fmt.minuten : checked();
        title = fmt.naam;
      }
      if (!minutes) return;
      blocks.push({ soort: block.soort, titel: title, minuten: minutes, start: now, einde: now + minutes,
                    werkvorm: block.soort === "werkvorm" ? block.werkvorm : null, index: i });
      now += minutes;
    });
    if (!plan.blokken.length) report(line("blokken"), T.geen_blokken, { veld: "blokken" });
    const end = blocks.length ? blocks[blocks.length - 1].einde : start != null ? start : 0;
    if (start != null && blocks.length && !messages.length) {
      if (end >= 24 * 60) {
        const day = new Date(Date.UTC(2000, date.m - 1, date.d + Math.floor(end / (24 * 60))));
        const shown = `${pad(day.getUTCDate())}-${pad(day.getUTCMonth() + 1)} ${clock(end)}`;
        report(yaml.blokregels[plan.blokken.length - 1], fill(T.middernacht, { einde: shown }), { blok: plan.blokken.length - 1 });
      } else if (planned != null && end > planned) {
        report(line("einde"), fill(T.te_lang, { einde: clock(end), gepland: clock(planned), over: end - planned }),
               { veld: "einde" });
      }
    }
    const total = blocks.reduce((sum, b) => sum + b.minuten, 0);
    return { blokken: blocks, begin: start, einde: end, gepland: planned, minuten: total, berichten: messages, yaml };
  }

  // -- plans from outside: a file, a share link, the browser's storage -----------------------------------

  class PlanProblem extends Error {}

  /* A plan object from JSON (share link, storage): every field checked, unknown werkvormen refused. The
     errors name the field in Dutch. */
  function normalize(raw, rules, label) {
    const problem = (text) => {
      throw new PlanProblem(`${label}: ${text}`);
    };
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) problem("dit is geen plan.");
    const plan = emptyPlan();
    const text = (value, name) => {
      if (value == null) return "";
      if (typeof value === "number" && Number.isFinite(value)) value = String(value);
      if (typeof value !== "string") problem(`het veld '${name}' moet tekst zijn.`);
      if (value.length > MAX_TEXT) problem(`het veld '${name}' is te lang (hoogstens ${MAX_TEXT} tekens).`);
      return value;
    };
    for (const key of Object.keys(raw)) {
      if (!DETAILS.includes(key) && key !== "blokken") problem(`onbekend veld '${key}'.`);
    }
    for (const key of DETAILS) plan[key] = text(raw[key], key);
    const blocks = raw.blokken == null ? [] : raw.blokken;
    if (!Array.isArray(blocks)) problem("het veld 'blokken' moet een lijst zijn.");
    if (blocks.length > MAX_BLOCKS) problem(`het plan heeft ${blocks.length} blokken; de planner neemt er hoogstens ${MAX_BLOCKS}.`);
    const known = new Set(rules.werkvormen.map((w) => w.id));
    blocks.forEach((block, i) => {
      const name = `blok ${i + 1}`;
      if (!block || typeof block !== "object" || Array.isArray(block)) problem(`${name} is geen werkvorm, pauze of vrij blok.`);
      if (!KINDS.includes(block.soort)) problem(`${name}: het veld 'soort' moet werkvorm, pauze of vrij zijn.`);
      const allowed = ["soort", "minuten", "notitie", block.soort === "werkvorm" ? "werkvorm" : "titel"];
      for (const key of Object.keys(block)) {
        if (!allowed.includes(key)) problem(`${name}: onbekend veld '${key}'.`);
      }
      const out = { soort: block.soort, minuten: text(block.minuten, `${name}, minuten`),
                    notitie: text(block.notitie, `${name}, notitie`) };
      if (block.soort === "werkvorm") {
        out.werkvorm = text(block.werkvorm, `${name}, werkvorm`);
        if (!known.has(out.werkvorm)) problem(`${name}: onbekende werkvorm '${out.werkvorm}'.`);
      } else if (block.soort === "vrij") {
        out.titel = text(block.titel, `${name}, titel`);
      }
      plan.blokken.push(out);
    });
    return plan;
  }

  /* The subset of YAML that plans use: `key: value` lines, and under `blokken:` items `- key: value` with
     more `key: value` lines below them; comments; plain, "double" and 'single' quoted values. Anything
     else is refused with the line it is on. Returns a plan (see normalize). */
  function fromYaml(source, rules, label) {
    const problem = (line, text) => {
      throw new PlanProblem(`${label}: regel ${line}: ${text}`);
    };
    if (source.length > 200000) throw new PlanProblem(`${label}: het bestand is te groot voor een plan.`);
    const raw = {};
    const where = {};
    let list = null;
    let current = null;
    let itemIndent = -1;
    source.replace(/^\ufeff/, "").split(/\r\n|\r|\n/).forEach((text, i) => {
      const n = i + 1;
      if (/^\s*(#.*)?$/.test(text)) return;
      if (text.includes("\t")) problem(n, "gebruik spaties om in te springen, geen tabs.");
      const indent = text.length - text.trimStart().length;
      let body = text.trim();
      let item = false;
      if (body.startsWith("- ") || body === "-") {
        if (!list) problem(n, "een blok met '-' hoort onder 'blokken:'.");
        item = true;
        body = body.slice(1).trim();
        itemIndent = indent;
        current = {};
        list.push(current);
        where[`blok ${list.length}`] = n;
      } else if (indent === 0) {
        list = null;
        current = null;
      } else if (!current || indent <= itemIndent) {
        problem(n, "deze regel springt in, maar hoort bij geen blok.");
      }
      const match = /^([A-Za-z_]+)\s*:(?:\s+(.*))?$/.exec(body);
      if (!match) problem(n, "verwacht 'naam: waarde'. Controleer de dubbele punt en de aanhalingstekens.");
      const [key, value] = [match[1], scalar(match[2] || "", n, problem)];
      const target = item || (current && indent > 0) ? current : raw;
      if (key in target) problem(n, `het veld '${key}' staat er twee keer.`);
      if (target === raw && key === "blokken") {
        if (value !== "" && !(Array.isArray(value) && !value.length)) problem(n, "zet de blokken onder 'blokken:', elk op een eigen regel met '- '.");
        list = [];
        raw.blokken = list;
        return;
      }
      if (Array.isArray(value)) problem(n, `het veld '${key}' moet een enkele waarde hebben.`);
      target[key] = value;
      where[key] = where[key] || n;
    });
    // From the YAML shape to the plan's fields.
    const plan = { blokken: [] };
    for (const key of Object.keys(raw)) {
      if (key === "blokken") continue;
      if (!DETAILS.includes(key)) problem(where[key], `onbekend veld '${key}'. Toegestaan: ${DETAILS.join(", ")}, blokken.`);
      plan[key] = raw[key];
    }
    (raw.blokken || []).forEach((item, i) => {
      const n = where[`blok ${i + 1}`];
      const kinds = KINDS.filter((k) => k in item);
      if (kinds.length !== 1) problem(n, `blok ${i + 1} moet precies een van 'werkvorm', 'pauze' of 'vrij' hebben.`);
      const kind = kinds[0];
      const allowed = new Set(rules.blokken[kind].concat([kind]));
      for (const key of Object.keys(item)) {
        if (!allowed.has(key)) problem(n, `onbekend veld '${key}' in blok ${i + 1}.`);
      }
      const block = { soort: kind, notitie: item.notitie == null ? "" : item.notitie };
      if (kind === "pauze") block.minuten = item.pauze;
      else block.minuten = item.minuten == null ? "" : item.minuten;
      if (kind === "werkvorm") block.werkvorm = item.werkvorm;
      if (kind === "vrij") block.titel = item.vrij;
      plan.blokken.push(block);
    });
    try {
      return normalize(plan, rules, label);
    } catch (err) {
      if (!(err instanceof PlanProblem)) throw err;
      const match = /blok (\d+)/.exec(err.message);
      const line = match ? where[`blok ${match[1]}`] : undefined;
      throw new PlanProblem(line ? err.message.replace(`${label}: `, `${label}: regel ${line}: `) : err.message);
    }
  }

  function scalar(text, n, problem) {
    if (text === "" || text === "~" || text === "null") return "";
    if (text.startsWith('"')) {
      const end = closing(text, n, problem);
      try {
        return JSON.parse(text.slice(0, end + 1).replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1").replace(/\\U([0-9a-fA-F]{8})/g,
          (w, hex) => String.fromCodePoint(parseInt(hex, 16)).split("").map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")));
      } catch (err) {
        return problem(n, "deze tekst tussen aanhalingstekens kan de planner niet lezen.");
      }
    }
    if (text.startsWith("'")) {
      const match = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(text);
      if (!match) problem(n, "een tekst tussen enkele aanhalingstekens sluit niet goed af.");
      return match[1].replace(/''/g, "'");
    }
    if (text === "[]") return [];
    if (/^[|>&*!{[]/.test(text)) problem(n, "deze schrijfwijze kent de planner niet; zet de waarde op dezelfde regel, eventueel tussen aanhalingstekens.");
    return text.replace(/\s+#.*$/, "").trim();
  }

  function closing(text, n, problem) {
    for (let i = 1; i < text.length; i += 1) {
      if (text[i] === "\\") i += 1;
      else if (text[i] === '"') {
        if (!/^\s*(#.*)?$/.test(text.slice(i + 1))) problem(n, "na de afsluitende aanhalingstekens mag alleen commentaar staan.");
        return i;
      }
    }
    return problem(n, "een tekst tussen aanhalingstekens sluit niet af op dezelfde regel.");
  }

  const api = { DETAILS, emptyPlan, fill, parseDate, isoDate, parseTime, clock, quote, toYaml, check, normalize,
                fromYaml, PlanProblem };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.LerenPlanner = api;
})(typeof window !== "undefined" ? window : this);

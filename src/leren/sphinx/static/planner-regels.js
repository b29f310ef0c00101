/* The rules of a plan in the browser. They are not defined here: the page carries the rules exported by
   leren.planner at build time (field names, werkvormen with their minutes, Dutch message templates), and
   this module applies them. Plans are reported exactly as `leren programma` reports the YAML file that
   `toYaml` writes, including its line numbers (tests/test_planner_parity.py compares both).

   A plan in the page: {titel, datum, start, einde, groep, trainer, locatie, organisatie, deelnemers,
   blokken: [{soort: "werkvorm", werkvorm, minuten, notitie} | {soort: "pauze", minuten, notitie} |
   {soort: "vrij", titel, minuten, notitie}]}; every value is a string as typed ("" = empty). */
"use strict";

(function (root) {
  const DETAILS = ["titel", "datum", "start", "einde", "deelnemers", "groep", "trainer", "locatie", "organisatie"];
  const KINDS = ["werkvorm", "werkblad", "pauze", "vrij"];
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

  const DAY_FIRST = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
  const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
  const READABLE = /^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\s*$/;
  const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
  const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                  "oktober", "november", "december"];

  /* A date as {y, m, d}, or null: DD-MM-JJJJ or JJJJ-MM-DD (also with / or .), a real day of the calendar. */
  function parseDate(text) {
    const s = strip(text).replace(/[/.]/g, "-");
    let y, m, d, match;
    if ((match = DAY_FIRST.exec(s))) [d, m, y] = [match[1], match[2], match[3]];
    else if ((match = YEAR_FIRST.exec(s))) [y, m, d] = [match[1], match[2], match[3]];
    else return null;
    [y, m, d] = [Number(y), Number(m), Number(d)];
    const date = new Date(Date.UTC(2000, m - 1, d));
    date.setUTCFullYear(y);
    if (y < 1 || m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return { y, m, d };
  }

  /* Minutes since midnight, or null. */
  function parseTime(text) {
    const match = TIME.exec(strip(text));
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  function clock(total) {
    return `${pad(Math.floor(total / 60) % 24)}:${pad(total % 60)}`;
  }

  /* leren.planner.duration_text: '45 min', '2 uur', '1 uur 30 min'. */
  function duration(total) {
    const hours = Math.floor(total / 60);
    const rest = total % 60;
    if (hours && rest) return `${hours} uur ${rest} min`;
    return hours ? `${hours} uur` : `${rest} min`;
  }

  /* The day `offset` minutes after midnight of `date`, as leren.planner.dutch_day writes it. */
  function dutchDay(date, offset) {
    const day = new Date(Date.UTC(2000, date.m - 1, date.d + Math.floor(offset / (24 * 60))));
    day.setUTCFullYear(date.y + day.getUTCFullYear() - 2000);
    return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
  }

  /* A number as typed: {int: BigInt} for a whole number, else {text} (also for ""). */
  function numberValue(value) {
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

  function number(value) {
    const n = numberValue(value);
    return n.int !== undefined ? n.int.toString() : quote(n.text);
  }

  const filled = (value) => value != null && strip(value) !== "";

  /* The plan as YAML text, with the line of every key and block:
     {text, regels: {key: line}, blokregels: [line], bijeenkomstregels: [line], eerste}. */
  function toYaml(plan) {
    const lines = ["# Plan voor 'leren programma', gemaakt met de planner op de site Transformeren kun je leren."];
    const at = {};
    for (const key of DETAILS) {
      const value = plan[key] == null ? "" : String(plan[key]);
      if (value === "") continue;
      lines.push(key === "deelnemers" ? `${key}: ${number(value)}` : `${key}: ${quote(value)}`);
      at[key] = lines.length;
    }
    lines.push(plan.blokken.length ? "blokken:" : "blokken: []");
    at.blokken = lines.length;
    const blockLines = [];
    const meetingLines = [];
    for (const block of plan.blokken) {
      blockLines.push(lines.length + 1);
      if (block.soort === "pauze") {
        lines.push(`  - pauze: ${number(block.minuten)}`);
      } else {
        const head = block.soort === "vrij" ? block.titel || "" : block.soort === "werkblad" ? block.werkblad : block.werkvorm;
        lines.push(`  - ${block.soort}: ${quote(head)}`);
        if (block.soort === "werkvorm" && filled(block.bijeenkomst)) {
          lines.push(`    bijeenkomst: ${number(block.bijeenkomst)}`);
        }
        if (filled(block.minuten)) lines.push(`    minuten: ${number(block.minuten)}`);
      }
      meetingLines.push(block.soort === "werkvorm" && filled(block.bijeenkomst) ? blockLines[blockLines.length - 1] + 1 : null);
      if (block.notitie) lines.push(`    notitie: ${quote(block.notitie)}`);
    }
    const first = lines.findIndex((line, i) => i > 0 && !line.startsWith("#")) + 1;
    return { text: `${lines.join("\n")}\n`, regels: at, blokregels: blockLines, bijeenkomstregels: meetingLines, eerste: first };
  }

  // -- the rules ----------------------------------------------------------------------------------------

  /* leren.planner.scaled: minutes scaled to add up to `total` (largest remainder), each at least 1. */
  function scaled(minutes, total) {
    if (!minutes.length) return [];
    const base = minutes.reduce((a, b) => a + b, 0);
    if (base === total) return minutes.slice();
    const exact = minutes.map((m) => (m * total) / base);
    const out = exact.map((x) => Math.max(1, Math.floor(x)));
    const frac = (i) => exact[i] - Math.floor(exact[i]);
    const order = exact.map((x, i) => i).sort((a, b) => frac(b) - frac(a) || a - b);
    let i = 0;
    const sum = () => out.reduce((a, b) => a + b, 0);
    while (sum() < total) {
      out[order[i % order.length]] += 1;
      i += 1;
    }
    while (sum() > total && out.some((m) => m > 1)) {
      let j = 0;
      for (let k = 1; k < out.length; k += 1) {
        const better = out[k] - exact[k] > out[j] - exact[j] || (out[k] - exact[k] === out[j] - exact[j] && out[k] > out[j]);
        if (better) j = k;
      }
      out[j] -= 1;
    }
    return out;
  }

  /* leren.planner.step_minutes for an exported round {minuten, per_beurt, beurten, groepje}. */
  function stepMinutes(round, participants, subgroupDefault) {
    if (participants == null || round.per_beurt == null) return round.minuten;
    const size = round.groepje;
    let turns;
    if (round.beurten === "groepje") turns = Math.ceil(participants / (size || subgroupDefault));
    else turns = size ? Math.min(size, participants) : participants;
    return round.per_beurt * turns;
  }

  function roundsOf(fmt, meeting) {
    if (meeting != null && fmt.bijeenkomst_rondes) return fmt.bijeenkomst_rondes[meeting - 1] || fmt.rondes;
    return fmt.rondes;
  }

  /* Compute every block's times and report every problem, as leren.planner does for the YAML that toYaml
     writes. Returns {blokken: [{soort, titel, minuten, start, einde, werkvorm, bijeenkomst, index}], begin,
     einde, gepland, minuten, deelnemers, fouten, waarschuwingen, yaml}; a finding is {regel, code, tekst,
     bericht ("regel N: ..."), veld or blok (index in the plan)}. Times are minutes from the plan's midnight. */
  function check(plan, rules) {
    const T = rules.berichten;
    const limits = rules.grenzen;
    const yaml = toYaml(plan);
    const line = (key) => yaml.regels[key] || yaml.eerste;
    const errors = [];
    const warnings = [];
    const report = (list) => (regel, code, values, where) => {
      const strings = {};
      for (const [k, v] of Object.entries(values || {})) strings[k] = String(v);
      const tekst = fill(T[code], strings);
      list.push(Object.assign({ regel, code, tekst, bericht: `regel ${regel}: ${tekst}` }, where));
    };
    const add = report(errors);
    const warn = report(warnings);
    const value = (key) => (plan[key] == null ? "" : String(plan[key]));
    for (const key of ["titel", "datum", "start"]) {
      if (value(key) === "") add(line(key), "veld_ontbreekt", { veld: key }, { veld: key });
    }
    let date = null;
    if (value("datum") !== "") {
      date = parseDate(value("datum"));
      if (!date) add(line("datum"), READABLE.test(value("datum")) ? "datum_bestaat_niet" : "datum_onleesbaar",
                     { waarde: value("datum") }, { veld: "datum" });
    }
    const times = {};
    for (const key of ["start", "einde"]) {
      if (value(key) === "") continue;
      times[key] = parseTime(value(key));
      if (times[key] === null) add(line(key), "tijd", { waarde: value(key), veld: key }, { veld: key });
    }
    let participants = null;
    if (value("deelnemers") !== "") {
      const n = numberValue(value("deelnemers"));
      if (n.int !== undefined && n.int >= 1n && n.int <= BigInt(limits.max_deelnemers)) participants = Number(n.int);
      else add(line("deelnemers"), "deelnemers", { waarde: n.int !== undefined ? n.int : n.text, max: limits.max_deelnemers },
               { veld: "deelnemers" });
    }
    const start = date && times.start != null ? times.start : null;
    let planned = start != null && times.einde != null ? times.einde : null;
    if (planned != null && planned <= start) {
      add(line("einde"), "einde_voor_start", { einde: clock(planned), start: clock(start) }, { veld: "einde" });
      planned = null;
    }
    if (!plan.blokken.length) add(line("blokken"), "geen_blokken", {}, { veld: "blokken" });
    const blocks = [];
    // Blocks run from the start time even without a valid date (leren.planner refuses such a plan, but the
    // page can show the times while the date is still being typed).
    const clockStart = times.start != null ? times.start : null;
    let now = clockStart != null ? clockStart : 0;
    plan.blokken.forEach((block, i) => {
      const index = i + 1;
      const where = { blok: i };
      const regel = yaml.blokregels[i];
      const minutesOf = (fallback) => {
        if (!filled(block.minuten) && block.soort !== "pauze") return fallback;
        const n = numberValue(block.minuten);
        if (n.int === undefined) return add(regel, "minuten_geen_getal", { blok: index, waarde: n.text }, where), null;
        if (n.int <= 0n) return add(regel, "minuten_niet_positief", { blok: index, waarde: n.int }, where), null;
        return Number(n.int);
      };
      let made = null;
      if (block.soort === "pauze") {
        const minutes = minutesOf(null);
        if (minutes) made = { titel: "Pauze", minuten: minutes, standaard: null };
      } else if (block.soort === "vrij") {
        const raw = block.titel == null ? "" : String(block.titel);
        if (!strip(raw)) return add(regel, "vrij_titel", {}, where);
        if (!filled(block.minuten)) return add(regel, "vrij_minuten", { titel: strip(raw) }, where);
        const minutes = minutesOf(null);
        if (minutes) made = { titel: strip(raw), minuten: minutes, standaard: null };
      } else if (block.soort === "werkblad") {
        const sheet = rules.werkbladen[block.werkblad];
        if (!sheet) return add(regel, "werkblad_onbekend", { werkblad: block.werkblad, hint: " Zie 'leren lijst werkbladen'." }, where);
        const minutes = minutesOf(sheet.minuten);
        if (minutes) made = { titel: sheet.bloktitel, minuten: minutes, standaard: sheet.minuten };
      } else {
        const fmt = rules.werkvormen[block.werkvorm];
        if (!fmt) return add(regel, "werkvorm_onbekend", { werkvorm: block.werkvorm, hint: " Zie 'leren lijst werkvormen'." }, where);
        const hasMeeting = filled(block.bijeenkomst);
        if (fmt.soort === "interventie") return add(regel, "interventie", { naam: fmt.naam, blok: index }, where);
        if (hasMeeting && fmt.soort !== "traject") {
          return add(regel, "bijeenkomst_geen_traject", { naam: fmt.naam, blok: index, soort: fmt.soort }, where);
        }
        let fallback = fmt.minuten;
        let meeting = null;
        if (fmt.soort === "traject") {
          const count = fmt.bijeenkomsten || 1;
          if (!hasMeeting) {
            return add(regel, "traject", { naam: fmt.naam, blok: index, bijeenkomsten: count,
                                           looptijd: fmt.looptijd || "looptijd onbekend" }, where);
          }
          const n = numberValue(block.bijeenkomst);
          if (n.int === undefined || n.int < 1n || n.int > BigInt(count)) {
            return add(yaml.bijeenkomstregels[i], "bijeenkomst_bereik", { naam: fmt.naam, blok: index,
              waarde: n.int !== undefined ? n.int : n.text, bijeenkomsten: count }, where);
          }
          meeting = Number(n.int);
          fallback = fmt.bijeenkomst_minuten[meeting - 1];
        }
        const minutes = minutesOf(fallback);
        if (minutes) {
          made = { titel: meeting == null ? fmt.naam : `${fmt.naam}, bijeenkomst ${meeting} van ${fmt.bijeenkomsten == null ? "None" : fmt.bijeenkomsten}`,
                   minuten: minutes, standaard: fallback, werkvorm: block.werkvorm, bijeenkomst: meeting };
        }
      }
      if (!made) return;
      if (made.minuten > limits.max_blok_minuten) {
        return add(regel, "blok_te_lang", { blok: index, titel: made.titel, duur: duration(made.minuten),
                                            max: duration(limits.max_blok_minuten) }, where);
      }
      blocks.push(Object.assign({ soort: block.soort, werkvorm: null, bijeenkomst: null, start: now,
                                  einde: now + made.minuten, index: i, regel }, made));
      now += made.minuten;
    });
    const end = blocks.length ? blocks[blocks.length - 1].einde : clockStart != null ? clockStart : 0;
    if (start != null && blocks.length) {
      const midnight = 24 * 60;
      const late = blocks.findIndex((b) => b.einde > midnight);
      if (late >= 0) {
        const b = blocks[late];
        add(b.regel, "andere_dag", { blok: late + 1, titel: b.titel, dag: dutchDay(date, b.einde), tijd: clock(b.einde) },
            { blok: b.index });
      } else if (planned != null && end > planned) {
        const names = [];
        blocks.forEach((b, k) => {
          if (b.einde <= planned) return;
          const over = b.einde - Math.max(b.start, planned);
          names.push(`blok ${k + 1} (${b.titel}, ${duration(over)})`);
          add(b.regel, "uitloop_blok", { blok: k + 1, titel: b.titel, van: clock(b.start), tot: clock(b.einde),
                                         over: duration(over), einde: clock(planned) }, { blok: b.index });
        });
        add(line("einde"), "uitloop", { eind: end >= midnight ? `${dutchDay(date, end)} ${clock(end)}` : clock(end),
                                        einde: clock(planned), over: duration(end - planned), blokken: names.join("; ") },
            { veld: "einde" });
      }
    }
    if (participants != null) {
      blocks.forEach((b, k) => {
        if (b.werkvorm == null) return;
        const fmt = rules.werkvormen[b.werkvorm];
        const [min, max] = fmt.groepsgrootte;
        const values = { blok: k + 1, naam: fmt.naam, deelnemers: participants, min, max };
        if (participants > max) warn(b.regel, "groep_te_groot", values, { blok: b.index });
        else if (participants < min) warn(b.regel, "groep_te_klein", values, { blok: b.index });
        const rounds = roundsOf(fmt, b.bijeenkomst);
        if (rounds.some((r) => r.per_beurt)) {
          const needed = rounds.reduce((sum, r) => sum + stepMinutes(r, participants, limits.groepje_standaard), 0);
          const own = rounds.reduce((sum, r) => sum + r.minuten, 0);
          if (needed > b.minuten && needed - own >= limits.rondes_marge) {
            warn(b.regel, "rondes_langer", { blok: k + 1, naam: fmt.naam, deelnemers: participants,
                                             nodig: duration(needed), minuten: duration(b.minuten) }, { blok: b.index });
          }
        }
      });
    }
    blocks.forEach((b, k) => {
      if (b.standaard && b.minuten * 2 < b.standaard) {
        warn(b.regel, "sterk_ingekort", { blok: k + 1, naam: b.titel, minuten: duration(b.minuten),
                                          standaard: duration(b.standaard) }, { blok: b.index });
      }
    });
    const byLine = (a, b) => a.regel - b.regel;
    const total = blocks.reduce((sum, b) => sum + b.minuten, 0);
    return { blokken: blocks, begin: start, klok: clockStart, einde: end, gepland: planned, minuten: total, deelnemers: participants,
             fouten: errors.sort(byLine), waarschuwingen: warnings.sort(byLine), yaml };
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
    blocks.forEach((block, i) => {
      const name = `blok ${i + 1}`;
      if (!block || typeof block !== "object" || Array.isArray(block)) problem(`${name} is geen werkvorm, werkblad, pauze of vrij blok.`);
      if (!KINDS.includes(block.soort)) problem(`${name}: het veld 'soort' moet werkvorm, werkblad, pauze of vrij zijn.`);
      const own = { werkvorm: ["werkvorm", "bijeenkomst"], werkblad: ["werkblad"], vrij: ["titel"], pauze: [] }[block.soort];
      for (const key of Object.keys(block)) {
        if (!["soort", "minuten", "notitie"].concat(own).includes(key)) problem(`${name}: onbekend veld '${key}'.`);
      }
      const out = { soort: block.soort, minuten: text(block.minuten, `${name}, minuten`),
                    notitie: text(block.notitie, `${name}, notitie`) };
      for (const key of own) out[key] = text(block[key], `${name}, ${key}`);
      if (block.soort === "werkvorm" && !(out.werkvorm in rules.werkvormen)) problem(`${name}: onbekende werkvorm '${out.werkvorm}'.`);
      if (block.soort === "werkblad" && !(out.werkblad in rules.werkbladen)) problem(`${name}: onbekend werkblad '${out.werkblad}'.`);
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
      const allowed = new Set(rules.plan.blokken[kind].concat([kind]));
      for (const key of Object.keys(item)) {
        if (!allowed.has(key)) problem(n, `onbekend veld '${key}' in blok ${i + 1}.`);
      }
      const block = { soort: kind, notitie: item.notitie == null ? "" : item.notitie };
      if (kind === "pauze") block.minuten = item.pauze;
      else block.minuten = item.minuten == null ? "" : item.minuten;
      if (kind === "werkvorm") Object.assign(block, { werkvorm: item.werkvorm, bijeenkomst: item.bijeenkomst == null ? "" : item.bijeenkomst });
      if (kind === "werkblad") block.werkblad = item.werkblad;
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

  const api = { DETAILS, emptyPlan, fill, strip, parseDate, parseTime, clock, duration, quote, toYaml, check,
                scaled, stepMinutes, roundsOf, normalize, fromYaml, PlanProblem };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.LerenPlanner = api;
})(typeof window !== "undefined" ? window : this);

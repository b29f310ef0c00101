/* Self-checks: checks answers in the browser with the same rules as leren/oefeningen.py (check_item). */
"use strict";

const LEREN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function lerenLetterIndex(answer, count) {
  if (typeof answer !== "string") return null;
  const a = answer.trim().toUpperCase();
  if (a.length !== 1) return null;
  const i = LEREN_LETTERS.indexOf(a);
  return i >= 0 && i < count ? i : null;
}

function lerenCategory(given, categories) {
  if (typeof given === "number" && Number.isInteger(given) && given >= 1 && given <= categories.length) {
    return categories[given - 1];
  }
  if (typeof given === "string") {
    const g = given.trim().toLocaleLowerCase("nl");
    for (const c of categories) if (c.toLocaleLowerCase("nl") === g) return c;
  }
  return null;
}

function lerenNumbers(answer, count) {
  if (!Array.isArray(answer) || answer.some((a) => !Number.isInteger(a))) return null;
  const sorted = [...answer].sort((x, y) => x - y);
  for (let i = 0; i < count; i++) if (sorted[i] !== i + 1) return null;
  return sorted.length === count ? answer : null;
}

function lerenDutchList(words) {
  // "3", "3 en 4", "2, 3 en 5": the same as _dutch_list in oefeningen.py
  return words.length === 1 ? String(words[0]) : `${words.slice(0, -1).join(", ")} en ${words[words.length - 1]}`;
}

function lerenCheckItem(data, answer) {
  const fb = { punten: 0, maximum: 1, regels: [] };
  const kind = data.soort;
  if (kind === "meerkeuze") {
    const options = data.opties;
    const index = lerenLetterIndex(answer, options.length);
    if (index === null) {
      fb.regels.push(`Geef de letter van een antwoord, van A tot en met ${LEREN_LETTERS[options.length - 1]}.`);
      return fb;
    }
    const chosen = options[index];
    fb.punten = chosen.goed ? 1 : 0;
    fb.regels.push((chosen.goed ? "Goed. " : "Niet juist. ") + chosen.uitleg);
    if (!chosen.goed) fb.regels.push("Lees de vraag nog eens en probeer een ander antwoord.");
    return fb;
  }
  if (kind === "indelen") {
    const statements = data.uitspraken;
    const categories = data.categorieen;
    fb.maximum = statements.length;
    if (!Array.isArray(answer) || answer.length !== statements.length) {
      fb.regels.push(`Geef een lijst met ${statements.length} antwoorden: voor elke uitspraak een categorie.`);
      return fb;
    }
    statements.forEach((s, i) => {
      const n = i + 1;
      const category = lerenCategory(answer[i], categories);
      if (category === null) fb.regels.push(`Uitspraak ${n}: kies een van de categorieën: ${categories.join(", ")}.`);
      else if (category === s.antwoord) {
        fb.punten += 1;
        fb.regels.push(`Uitspraak ${n}: goed. ${s.uitleg}`);
      } else fb.regels.push(`Uitspraak ${n}: niet juist. ${s.uitleg}`);
    });
    return fb;
  }
  if (kind === "volgorde") {
    const steps = data.stappen;
    const numbers = lerenNumbers(answer, steps.length);
    if (numbers === null) {
      fb.regels.push(`Geef de nummers 1 tot en met ${steps.length} elk een keer, in de volgorde die jij juist vindt.`);
      return fb;
    }
    const wrong = [];
    numbers.forEach((given, i) => { if (given !== data.juist[i]) wrong.push(i + 1); });
    if (wrong.length === 0) {
      fb.punten = 1;
      fb.regels.push(`Goed. ${data.uitleg}`);
    } else {
      fb.regels.push(`Nog niet goed: op plaats ${lerenDutchList(wrong)} staat een andere stap. ${data.uitleg}`);
    }
    return fb;
  }
  if (kind === "koppelen") {
    fb.maximum = data.links.length;
    if (answer === null || typeof answer !== "object" || Array.isArray(answer)) {
      fb.regels.push("Geef je antwoord als {1: 'B', 2: 'A'}: bij elk nummer links een letter rechts.");
      return fb;
    }
    data.links.forEach((left, i) => {
      const n = i + 1;
      const index = lerenLetterIndex(answer[n] !== undefined ? answer[n] : answer[String(n)], data.rechts.length);
      if (index === null) {
        fb.regels.push(`${n}. ${left}: kies een letter van A tot en met ${LEREN_LETTERS[data.rechts.length - 1]}.`);
      } else if (LEREN_LETTERS[index] === data.juist[i]) {
        fb.punten += 1;
        fb.regels.push(`${n}. ${left}: goed. ${data.uitleg[i]}`);
      } else fb.regels.push(`${n}. ${left}: niet juist. ${data.uitleg[i]}`);
    });
    return fb;
  }
  fb.maximum = 0;
  const text = typeof answer === "string" ? answer.trim() : "";
  if (text.split(/\s+/).filter(Boolean).length < 5) {
    fb.regels.push("Schrijf een paar zinnen; gebruik de hulpvragen om op gang te komen.");
  } else {
    fb.regels.push("Dank je. Hier is geen goed of fout: bespreek je antwoord met een medestudent of je begeleider.");
  }
  return fb;
}

function lerenReadAnswer(form, data) {
  const kind = data.soort;
  const els = form.elements;
  const value = (name) => (els.namedItem(name) ? els.namedItem(name).value : "");
  const key = form.dataset.key;
  if (kind === "meerkeuze") {
    const checked = form.querySelector("input[type=radio]:checked");
    return checked ? checked.value : null;
  }
  if (kind === "indelen") return data.uitspraken.map((_, i) => value(`${key}-u${i + 1}`) || null);
  if (kind === "volgorde") {
    const places = data.stappen.map((_, i) => Number(value(`${key}-s${i + 1}`)) || 0);
    const order = [];
    for (let place = 1; place <= places.length; place++) {
      const at = places.indexOf(place);
      if (at < 0 || places.indexOf(place, at + 1) >= 0) return null;
      order.push(at + 1);
    }
    return order;
  }
  if (kind === "koppelen") {
    const out = {};
    data.links.forEach((_, i) => { out[i + 1] = value(`${key}-l${i + 1}`) || null; });
    return out;
  }
  return value(`${key}-tekst`);
}

/* --- Progress that stays on this device ------------------------------------------------------------------
 * leren:oefening:<bank-id> holds {"velden": {"<item-id>": {"<input name>": "<value>"}},
 *                                  "uitslagen": {"<item-id>": {"punten": n, "maximum": m, "velden": {...}}}}
 * (the fields of a result are the answer that was checked)
 * leren:werkblad:<worksheet-id> holds {"kop": {...}, "velden": {"<field index>": "<text>"}} (the fillable
 * worksheet's own format). Nothing is ever sent anywhere. */
const LEREN_OEFENING = "leren:oefening:";
const LEREN_WERKBLAD = "leren:werkblad:";
const LEREN_MIN_WORDS = 5; // the same as MIN_REFLECTION_WORDS in oefeningen.py

function lerenStorage() {
  try {
    const store = window.localStorage;
    store.getItem("leren:test");
    return store;
  } catch (error) {
    return null; // storage switched off: the self-check still works, it just forgets
  }
}

function lerenPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function lerenReadJson(store, key) {
  if (!store) return null;
  try {
    const value = JSON.parse(store.getItem(key));
    return lerenPlainObject(value) ? value : null;
  } catch (error) {
    return null;
  }
}

function lerenLoadProgress(store, bankId) {
  const saved = lerenReadJson(store, LEREN_OEFENING + bankId) || {};
  return {
    velden: lerenPlainObject(saved.velden) ? saved.velden : {},
    uitslagen: lerenPlainObject(saved.uitslagen) ? saved.uitslagen : {},
  };
}

function lerenSaveProgress(store, bankId, progress) {
  if (!store) return false;
  try {
    store.setItem(LEREN_OEFENING + bankId, JSON.stringify(progress));
    return true;
  } catch (error) {
    return false; // storage full or blocked
  }
}

function lerenMaximum(item) {
  if (item.soort === "indelen") return item.uitspraken.length;
  if (item.soort === "koppelen") return item.links.length;
  return item.soort === "reflectie" ? 0 : 1;
}

/* Status and score of a bank from its saved progress: "niet begonnen", "bezig" or "klaar". */
function lerenSummary(progress, vragen, maximum) {
  const results = Object.values(progress.uitslagen).filter(lerenPlainObject);
  const punten = results.reduce((sum, r) => sum + (Number.isInteger(r.punten) ? r.punten : 0), 0);
  const begun = results.length > 0 || Object.keys(progress.velden).length > 0;
  const status = vragen > 0 && results.length >= vragen ? "klaar" : begun ? "bezig" : "niet begonnen";
  return { status, punten, maximum, gecontroleerd: results.length, vragen };
}

function lerenSummaryText(sum) {
  if (sum.status === "niet begonnen") return "Je hebt deze oefening nog niet gemaakt.";
  return `Je score: ${sum.punten} van ${sum.maximum} punten. Je hebt ${sum.gecontroleerd} van de ${sum.vragen} vragen gecontroleerd.`;
}

function lerenFormValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === "radio") {
      if (el.checked) out[el.name] = el.value;
    } else if (el.tagName === "SELECT" || el.tagName === "TEXTAREA") {
      if (el.value !== "") out[el.name] = el.value;
    }
  }
  return out;
}

function lerenRestoreForm(form, values) {
  if (!lerenPlainObject(values)) return;
  for (const el of form.elements) {
    if (!el.name || typeof values[el.name] !== "string") continue;
    if (el.type === "radio") el.checked = el.value === values[el.name];
    else if (el.tagName === "SELECT") {
      if ([...el.options].some((o) => o.value === values[el.name])) el.value = values[el.name];
    } else if (el.tagName === "TEXTAREA") el.value = values[el.name];
  }
}

function lerenShowFeedback(out, fb) {
  out.replaceChildren();
  const head = document.createElement("p");
  head.className = "leren-feedback-kop";
  if (fb.maximum === 0) head.textContent = "Reflectie";
  else head.textContent = `${fb.punten === fb.maximum ? "Goed" : "Nog niet goed"}: ${fb.punten} van ${fb.maximum}`;
  out.append(head);
  for (const line of fb.regels) {
    const p = document.createElement("p");
    p.textContent = line;
    out.append(p);
  }
  out.dataset.uitslag = fb.maximum === 0 ? "reflectie" : fb.punten === fb.maximum ? "goed" : "fout";
}

function lerenEmptyWorksheet() {
  return { kop: { groep: "", datum: "", trainer: "", organisatie: "" }, velden: {} };
}

/* Put a reflection answer into field `index` of the student's own worksheet. An answer that is already in
 * the field is not added twice; other text in the field stays, with the new answer below it. */
function lerenAddToWorksheet(store, sheetId, index, text) {
  const saved = lerenReadJson(store, LEREN_WERKBLAD + sheetId);
  const sheet = saved || lerenEmptyWorksheet();
  if (!lerenPlainObject(sheet.kop)) sheet.kop = lerenEmptyWorksheet().kop;
  if (!lerenPlainObject(sheet.velden)) sheet.velden = {};
  const key = String(index);
  const before = typeof sheet.velden[key] === "string" ? sheet.velden[key].trim() : "";
  sheet.velden[key] = !before || before.includes(text) ? (before.includes(text) ? before : text) : `${before}\n\n${text}`;
  try {
    store.setItem(LEREN_WERKBLAD + sheetId, JSON.stringify(sheet));
    return true;
  } catch (error) {
    return false;
  }
}

function lerenSetupSelfCheck(root) {
  const bank = JSON.parse(root.querySelector("script.leren-zelftoets-data").textContent);
  const store = lerenStorage();
  const progress = lerenLoadProgress(store, bank.id);
  const scored = bank.items.filter((item) => item.soort !== "reflectie");
  for (const id of Object.keys(progress.uitslagen)) {  // results of questions that no longer exist
    if (!scored.some((item) => item.id === id)) delete progress.uitslagen[id];
  }
  const maximum = scored.reduce((sum, item) => sum + lerenMaximum(item), 0);
  const scoreLine = root.querySelector(".leren-zelftoets-score");
  const showScore = () => {
    if (!scoreLine) return;
    const text = lerenSummaryText(lerenSummary(progress, scored.length, maximum));
    scoreLine.textContent = store ? text : `${text} Je browser bewaart niets, dus na het herladen is dit weg.`;
  };
  const save = () => lerenSaveProgress(store, bank.id, progress);

  root.querySelectorAll("form.leren-zelftoets-vraag").forEach((form) => {
    const data = bank.items.find((item) => item.id === form.dataset.item);
    const out = form.querySelector(".leren-feedback");
    const check = () => {
      const fb = lerenCheckItem(data, lerenReadAnswer(form, data));
      lerenShowFeedback(out, fb);
      return fb;
    };
    lerenRestoreForm(form, progress.velden[data.id]);
    const last = progress.uitslagen[data.id];
    // Show the feedback again only for the answer that was checked, not for one changed afterwards.
    if (lerenPlainObject(last) && JSON.stringify(last.velden || {}) === JSON.stringify(progress.velden[data.id] || {})) {
      check();
    }
    const remember = () => {
      const values = lerenFormValues(form);
      if (Object.keys(values).length) progress.velden[data.id] = values;
      else delete progress.velden[data.id];
      save();
    };
    form.addEventListener("change", remember);
    form.addEventListener("input", remember);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const fb = check();
      remember();
      if (fb.maximum > 0) {
        progress.uitslagen[data.id] = { punten: fb.punten, maximum: fb.maximum, velden: progress.velden[data.id] || {} };
      }
      save();
      showScore();
    });
    const toSheet = form.querySelector("button.leren-naar-werkblad");
    if (toSheet && bank.werkblad) {
      toSheet.addEventListener("click", () => {
        const text = lerenReadAnswer(form, data).trim();
        out.replaceChildren();
        const p = document.createElement("p");
        out.append(p);
        if (text.split(/\s+/).filter(Boolean).length < LEREN_MIN_WORDS) {
          p.textContent = "Schrijf eerst een paar zinnen; daarna kun je ze in je werkblad zetten.";
          return;
        }
        if (!store || !lerenAddToWorksheet(store, bank.werkblad.id, bank.werkblad.veld, text)) {
          p.textContent = "Dat lukte niet: je browser bewaart geen gegevens. Kopieer je antwoord en plak het in je werkblad.";
          return;
        }
        p.textContent = `Je antwoord staat nu in '${bank.werkblad.titel}', bij de vraag: ${bank.werkblad.label} `;
        if (bank.werkblad.adres) {
          const link = document.createElement("a");
          link.href = bank.werkblad.adres;
          link.textContent = "Open je werkblad om het verder in te vullen en te printen.";
          p.append(link);
        }
      });
    }
  });
  showScore();
}

/* The page "Mijn voortgang": the status of every exercise, and a button that clears it all. */
function lerenSetupProgressPage(script) {
  const entries = JSON.parse(script.textContent);
  const store = lerenStorage();
  const page = script.closest("main, article, body") || document.body;
  const fill = () => {
    for (const entry of entries) {
      const sum = lerenSummary(lerenLoadProgress(store, entry.id), entry.vragen, entry.maximum);
      const status = page.querySelector(`.leren-voortgang-status.oefening-${entry.id}`);
      const score = page.querySelector(`.leren-voortgang-score.oefening-${entry.id}`);
      if (status) status.textContent = { "niet begonnen": "Niet begonnen", bezig: "Bezig", klaar: "Klaar" }[sum.status];
      if (score) {
        score.textContent = sum.status === "niet begonnen" ? "" :
          `${sum.punten} van ${sum.maximum} punten (${sum.gecontroleerd} van ${sum.vragen} vragen gecontroleerd)`;
      }
    }
  };
  fill();
  const button = page.querySelector("button.leren-wis-voortgang");
  const message = page.querySelector(".leren-voortgang-melding");
  if (!button) return;
  if (!store) {
    button.disabled = true;
    if (message) message.textContent = "Je browser bewaart geen gegevens van deze site, dus er is niets te wissen.";
    return;
  }
  button.addEventListener("click", () => {
    const question = "Wil je al je antwoorden en scores van de oefeningen wissen? Dit kun je niet ongedaan maken. "
      + "Je werkbladen blijven bewaard.";
    if (!window.confirm(question)) {
      if (message) message.textContent = "Er is niets gewist.";
      return;
    }
    const keys = [];
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key && key.startsWith(LEREN_OEFENING)) keys.push(key);
    }
    keys.forEach((key) => store.removeItem(key));
    fill();
    if (message) message.textContent = "Je voortgang is gewist.";
  });
}

if (typeof document !== "undefined") {
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".leren-zelftoets").forEach(lerenSetupSelfCheck);
    document.querySelectorAll("script.leren-voortgang-data").forEach(lerenSetupProgressPage);
  });
}
if (typeof module !== "undefined") {
  module.exports = { lerenCheckItem, lerenReadAnswer, lerenSummary, lerenAddToWorksheet, lerenLoadProgress };
}

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

function lerenSetupSelfCheck(root) {
  const bank = JSON.parse(root.querySelector("script.leren-zelftoets-data").textContent);
  root.querySelectorAll("form.leren-zelftoets-vraag").forEach((form) => {
    const data = bank.items.find((item) => item.id === form.dataset.item);
    const out = form.querySelector(".leren-feedback");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const fb = lerenCheckItem(data, lerenReadAnswer(form, data));
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
    });
  });
}

if (typeof document !== "undefined") {
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".leren-zelftoets").forEach(lerenSetupSelfCheck);
  });
}
if (typeof module !== "undefined") module.exports = { lerenCheckItem, lerenReadAnswer };

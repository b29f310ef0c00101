/* Adds "Toevoegen aan planning" to every row of the werkvormen finder: a link to the planner that adds the
   werkvorm to the plan kept in this browser. Separate from the finder's own script. */
"use strict";

(function () {
  function addLinks() {
    for (const row of document.querySelectorAll("table.leren-zoeker-lijst tbody tr.leren-wv")) {
      const cell = row.querySelector("td");
      const page = cell && cell.querySelector("a[href]");
      if (!page || cell.querySelector(".leren-naar-planner")) continue;
      const href = page.getAttribute("href").split("#")[0];
      const match = /([a-z0-9-]+)\.html$/.exec(href);
      if (!match) continue;
      const link = document.createElement("a");
      link.className = "leren-naar-planner";
      link.href = `${href.slice(0, href.length - match[0].length)}planner.html#toevoegen=${match[1]}`;
      link.textContent = "Toevoegen aan planning";
      link.setAttribute("aria-label", `Toevoegen aan planning: ${page.textContent.trim()}`);
      const line = document.createElement("p");
      line.append(link);
      cell.append(line);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", addLinks);
  else addLinks();
})();

/* The visible sidebar buttons (article header) pass their click to the first button of their kind, the one
   the themes listen to (see leren/sphinx/sidebars.py). */
(function () {
  "use strict";

  function forward(selector) {
    const buttons = document.querySelectorAll(selector);
    for (const button of Array.from(buttons).slice(1)) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        buttons[0].click();
      });
    }
  }

  function start() {
    forward(".primary-toggle");
    forward(".secondary-toggle");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

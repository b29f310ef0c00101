// Print every closed <details> block (dropdowns, toggles) open, and close them again afterwards.
// The print stylesheet opens them too where the browser supports ::details-content.
(() => {
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = Array.from(document.querySelectorAll(".bd-article details:not([open])"));
    opened.forEach((block) => { block.open = true; });
  });
  window.addEventListener("afterprint", () => {
    opened.forEach((block) => { block.open = false; });
    opened = [];
  });
})();

/* One DOM builder for the site's own scripts (planner, fillable worksheets): text is always text. */
"use strict";

window.LerenDom = {
  /* el("p", {class: "x", onclick: f}, "text", child, [more]): attributes are set as values, strings become
     text nodes, never markup. */
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === false || value == null) continue;
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child == null || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  },

  /* Print `view` alone: it goes at the end of <body>, and while the body has the class
     "leren-alleen-afdruk" the page prints nothing else (the rules are in leren.css). With `keep`, the view
     stays, so the browser's own print command (Ctrl+P) prints it too; otherwise it is printed now and goes
     away afterwards. */
  printOnly(view, keep) {
    document.querySelectorAll("body > .leren-afdrukweergave").forEach((n) => n.remove());
    view.classList.add("leren-afdrukweergave");
    document.body.append(view);
    document.body.classList.add("leren-alleen-afdruk");
    if (keep) return;
    window.addEventListener("afterprint", () => {
      view.remove();
      document.body.classList.remove("leren-alleen-afdruk");
    }, { once: true });
    window.print();
  },
};

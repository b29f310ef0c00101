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
};

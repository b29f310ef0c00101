/* Summaries under the search results, made from the page texts in zoekteksten.js.
 * Sphinx would fetch every result page for its summary; a browser blocks that when the site is opened
 * straight from a folder (file://). The texts come with the search page instead, so the summaries work
 * the same online, from a local server and from a USB stick. Nothing is requested from anywhere. */
(function () {
  "use strict";
  var CONTEXT = 120;
  var LENGTH = 240;

  function queryWords() {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var stemmer = typeof Stemmer === "function" ? new Stemmer() : null;
    var words = [];
    query.toLowerCase().split(/\s+/).forEach(function (word) {
      word = word.replace(/^[-+]/, "");
      if (!word) return;
      words.push(word);
      if (stemmer) {
        var stem = stemmer.stemWord(word);
        if (stem && stem !== word) words.push(stem);
      }
    });
    return words;
  }

  function docname(link) {
    var href = link.getAttribute("href") || "";
    href = href.split("#")[0].split("?")[0];
    var suffix = (window.DOCUMENTATION_OPTIONS && DOCUMENTATION_OPTIONS.LINK_SUFFIX) || ".html";
    if (suffix && href.slice(-suffix.length) === suffix) href = href.slice(0, -suffix.length);
    return decodeURIComponent(href.replace(/^\.\//, ""));
  }

  function summary(text, words) {
    var lower = text.toLowerCase();
    var at = -1;
    words.forEach(function (word) {
      var found = lower.indexOf(word);
      if (found > -1 && (at === -1 || found < at)) at = found;
    });
    var start = Math.max(at - CONTEXT, 0);
    var p = document.createElement("p");
    p.className = "context";
    p.textContent = (start > 0 ? "..." : "") + text.substr(start, LENGTH).trim() +
      (start + LENGTH < text.length ? "..." : "");
    return p;
  }

  function addSummary(item, words) {
    if (item.dataset.lerenSamenvatting) return;
    var link = item.querySelector("a");
    var texts = window.LEREN_ZOEKTEKSTEN || {};
    if (!link) return;
    item.dataset.lerenSamenvatting = "1";
    var text = texts[docname(link)];
    if (!text) return;
    item.appendChild(summary(text, words));
    if (typeof _highlightText === "function") {
      words.forEach(function (word) { _highlightText(item, word, "highlighted"); });
    }
  }

  function start() {
    var results = document.getElementById("search-results");
    if (!results) return;
    var words = queryWords();
    var update = function () {
      results.querySelectorAll("ul.search > li").forEach(function (item) { addSummary(item, words); });
    };
    new MutationObserver(update).observe(results, { childList: true, subtree: true });
    update();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

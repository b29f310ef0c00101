/* Dutch for the search page. Sphinx's Dutch JavaScript catalogue has empty translations for some
   messages (an empty string blanks out the results summary) and addresses the reader with "u".
   Loaded after Sphinx's translations.js (see leren/sphinx/i18n.py). */
"use strict";
if (typeof Documentation !== "undefined") {
  Documentation.addTranslations({
    locale: "nl",
    plural_expr: "(n != 1)",
    messages: {
      "Search finished, found ${resultCount} page(s) matching the search query.":
        "Klaar met zoeken: ${resultCount} pagina('s) gevonden.",
      "Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.":
        "Je zoekopdracht leverde niets op. Kijk of alle woorden goed gespeld zijn, of probeer een ander woord.",
      "Searching for multiple words only shows matches that contain\n    all words.":
        "Zoek je op meer woorden, dan zie je alleen pagina's met al die woorden.",
      "Table of Contents": "Inhoudsopgave",
    },
  });
}

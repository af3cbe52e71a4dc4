// @ts-check
// Applies the reader's saved choices (text size, line spacing, timestamps, cues) to <html> before
// the first paint, so a page never flashes in the default look. Loaded in <head>, blocking, tiny.
// A classic script, so it cannot import prefs.js: it repeats readPrefs and prefClasses from there
// (same key, same checks, same classes), and tests/browser-helpers.test.ts holds the two together.
(function () {
  try {
    /** @type {unknown} */
    var saved = JSON.parse(localStorage.getItem("verbatim-reader") || "{}");
    if (!saved || typeof saved !== "object") return;
    // An object's fields are unknown until checked, one by one, below.
    var prefs = /** @type {Record<string, unknown>} */ (saved);
    var root = document.documentElement;
    if (prefs.size === 1 || prefs.size === 2 || prefs.size === 3) root.classList.add("reader-size-" + prefs.size);
    if (prefs.spacing === 1 || prefs.spacing === 2) root.classList.add("reader-spacing-" + prefs.spacing);
    if (prefs.times === false) root.classList.add("hide-times");
    if (prefs.cues === false) root.classList.add("hide-cues");
  } catch (error) {
    // No storage (private mode, blocked cookies) or a damaged value: the defaults.
  }
})();

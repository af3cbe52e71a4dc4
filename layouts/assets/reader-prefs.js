// Applies the reader's saved choices (text size, line spacing, timestamps, cues) to <html> before
// the first paint, so a page never flashes in the default look. Loaded in <head>, blocking, tiny.
(function () {
  try {
    var prefs = JSON.parse(localStorage.getItem("verbatim-reader") || "{}");
    var root = document.documentElement;
    if (prefs.size > 0 && prefs.size <= 3) root.classList.add("reader-size-" + prefs.size);
    if (prefs.spacing > 0 && prefs.spacing <= 2) root.classList.add("reader-spacing-" + prefs.spacing);
    if (prefs.times === false) root.classList.add("hide-times");
    if (prefs.cues === false) root.classList.add("hide-cues");
  } catch (error) {
    // No storage (private mode, blocked cookies) or a damaged value: the defaults.
  }
})();

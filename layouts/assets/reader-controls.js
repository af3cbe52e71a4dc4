// @ts-check
// Reading options on story pages: text size, line spacing, timestamps and sound cues. Each choice
// is a class on <html> (reader-prefs.js applies the saved ones before the first paint) and is
// remembered in localStorage. Native radios and checkboxes in a <details>: no custom widgets.
// Reading a saved value and the classes it stands for are in prefs.js.

import { PREFS_KEY, prefClasses, readPrefs } from "./prefs.js";

/** The saved choices; the defaults when storage is refused. */
function load() {
  try {
    return readPrefs(localStorage.getItem(PREFS_KEY));
  } catch {
    return readPrefs(null);
  }
}

/** @param {import("./prefs.js").ReaderPrefs} prefs */
function save(prefs) {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Storage refused: the choice still applies to this page.
  }
}

/** @param {import("./prefs.js").ReaderPrefs} prefs */
function apply(prefs) {
  const root = document.documentElement;
  for (const [name, on] of prefClasses(prefs)) root.classList.toggle(name, on);
}

function init() {
  const details = document.querySelector(".reader-controls");
  if (!(details instanceof HTMLElement)) return;
  // Each choice applies at once, so there is no form to send (and no submit button to need).
  /**
   * A checkbox, or the radio of a group with that value.
   * @param {string} name
   * @param {number} [value]
   */
  const input = (name, value) => {
    const found = details.querySelector(`input[name=${name}]${value === undefined ? "" : `[value="${value}"]`}`);
    return found instanceof HTMLInputElement ? found : null;
  };
  /**
   * The value of the radio checked in a group, "" when none is.
   * @param {string} name
   */
  const radio = (name) => {
    const checked = details.querySelector(`input[name=${name}]:checked`);
    return checked instanceof HTMLInputElement ? checked.value : "";
  };
  const prefs = load();
  const size = input("size", prefs.size);
  const spacing = input("spacing", prefs.spacing);
  const times = input("times");
  const cues = input("cues");
  if (!size || !spacing || !times || !cues) return;
  size.checked = true;
  spacing.checked = true;
  times.checked = prefs.times;
  cues.checked = prefs.cues;
  // A story without timestamps has nothing to show or hide.
  const timesLabel = times.closest("label");
  if (timesLabel && !document.querySelector(".transcript [data-start], .v-play, .v-time, .v-moment")) timesLabel.hidden = true;
  details.addEventListener("change", () => {
    const next = {
      size: Number(radio("size")) || 0,
      spacing: Number(radio("spacing")) || 0,
      times: times.checked,
      cues: cues.checked,
    };
    apply(next);
    save(next);
  });
  details.hidden = false;
}

init();

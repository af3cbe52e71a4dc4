// Reading options on story pages: text size, line spacing, timestamps and sound cues. Each choice
// is a class on <html> (reader-prefs.js applies the saved ones before the first paint) and is
// remembered in localStorage. Native radios and checkboxes in a <details>: no custom widgets.

const KEY = "verbatim-reader";
const SIZES = 3;
const SPACINGS = 2;

function load() {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) || "{}");
    return value && typeof value === "object" ? value : {};
  } catch {
    return {};
  }
}

function save(prefs) {
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage refused: the choice still applies to this page.
  }
}

function apply(prefs) {
  const root = document.documentElement;
  for (let i = 1; i <= SIZES; i++) root.classList.toggle(`reader-size-${i}`, prefs.size === i);
  for (let i = 1; i <= SPACINGS; i++) root.classList.toggle(`reader-spacing-${i}`, prefs.spacing === i);
  root.classList.toggle("hide-times", prefs.times === false);
  root.classList.toggle("hide-cues", prefs.cues === false);
}

function init() {
  const details = document.querySelector(".reader-controls");
  if (!details) return;
  // Each choice applies at once, so there is no form to send (and no submit button to need).
  const radio = (name) => details.querySelector(`input[name=${name}]:checked`);
  const input = (name, value) => details.querySelector(`input[name=${name}]${value === undefined ? "" : `[value="${value}"]`}`);
  const prefs = load();
  const size = Number.isInteger(prefs.size) && prefs.size >= 0 && prefs.size <= SIZES ? prefs.size : 0;
  const spacing = Number.isInteger(prefs.spacing) && prefs.spacing >= 0 && prefs.spacing <= SPACINGS ? prefs.spacing : 0;
  input("size", size).checked = true;
  input("spacing", spacing).checked = true;
  input("times").checked = prefs.times !== false;
  input("cues").checked = prefs.cues !== false;
  // A story without timestamps has nothing to show or hide.
  if (!document.querySelector(".transcript [data-start], .v-play, .v-time, .v-moment")) input("times").closest("label").hidden = true;
  details.addEventListener("change", () => {
    const next = {
      size: Number(radio("size")?.value) || 0,
      spacing: Number(radio("spacing")?.value) || 0,
      times: input("times").checked,
      cues: input("cues").checked,
    };
    apply(next);
    save(next);
  });
  details.hidden = false;
}

init();

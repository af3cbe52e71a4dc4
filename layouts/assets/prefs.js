// @ts-check
// The reader's reading options (text size, line spacing, timestamps, sound cues): the name they
// are saved under, how a saved value is read back, and the classes on <html> they stand for. Pure:
// reader-controls.js uses it, and tests/browser-helpers.test.ts tests it in Node. reader-prefs.js
// must run before the first paint, as a classic script that cannot import, so it repeats
// readPrefs and prefClasses in a few lines; that test runs it against this file.

/** The localStorage key the choices are saved under, as JSON. */
export const PREFS_KEY = "verbatim-reader";
/** Text sizes beyond the standard one (classes reader-size-1 … reader-size-3). */
export const SIZES = 3;
/** Line spacings beyond the standard one (classes reader-spacing-1, reader-spacing-2). */
export const SPACINGS = 2;

/**
 * @typedef {object} ReaderPrefs
 * @property {number} size 0 (standard) to SIZES
 * @property {number} spacing 0 (standard) to SPACINGS
 * @property {boolean} times timestamps shown
 * @property {boolean} cues sound cues shown
 */

/**
 * The choices in a saved value (localStorage's text, null when there is none). Each is checked:
 * one that is missing, of the wrong type or out of range is the default (standard size and
 * spacing, timestamps and cues shown); so is everything when the text is not JSON.
 * @param {string | null} stored
 * @returns {ReaderPrefs}
 */
export function readPrefs(stored) {
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(stored || "{}");
  } catch {
    value = {};
  }
  // An object's fields are unknown until checked, one by one, below.
  const saved = value && typeof value === "object" ? /** @type {Record<string, unknown>} */ (value) : {};
  return {
    size: level(saved.size, SIZES),
    spacing: level(saved.spacing, SPACINGS),
    times: saved.times !== false,
    cues: saved.cues !== false,
  };
}

/**
 * A whole number from 0 to max, else 0.
 * @param {unknown} value
 * @param {number} max
 */
function level(value, max) {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max ? value : 0;
}

/**
 * Every class on <html> the options control, and whether these choices put it there.
 * @param {ReaderPrefs} prefs
 * @returns {Array<[name: string, on: boolean]>}
 */
export function prefClasses(prefs) {
  /** @type {Array<[name: string, on: boolean]>} */
  const classes = [];
  for (let i = 1; i <= SIZES; i++) classes.push([`reader-size-${i}`, prefs.size === i]);
  for (let i = 1; i <= SPACINGS; i++) classes.push([`reader-spacing-${i}`, prefs.spacing === i]);
  classes.push(["hide-times", !prefs.times], ["hide-cues", !prefs.cues]);
  return classes;
}

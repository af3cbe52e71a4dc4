// @ts-check
// Text matching for the search inside a transcript (transcript-search.js does the DOM): what the
// reader typed as the search looks for it, where it occurs in a piece of text, and the words the
// status region says. Pure: unit-tested in Node (tests/browser-helpers.test.ts).

/**
 * What the search looks for: the reader's words trimmed and lower-cased ("" when there are none).
 * @param {string} term
 */
export function searchNeedle(term) {
  return term.trim().toLocaleLowerCase();
}

/**
 * Where a needle (from searchNeedle) occurs in a text, ignoring case: [start, end) offsets into
 * the text, in order, not overlapping. Lower-casing can change a string's length (İ); then the
 * text is matched as it is.
 * @param {string} text
 * @param {string} needle
 * @returns {Array<[start: number, end: number]>}
 */
export function findMatches(text, needle) {
  /** @type {Array<[start: number, end: number]>} */
  const matches = [];
  if (!needle) return matches;
  const lower = text.toLocaleLowerCase();
  const haystack = lower.length === text.length ? lower : text;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    matches.push([at, at + needle.length]);
  }
  return matches;
}

/**
 * The status line for the match being shown: "3 of 12 matches", "1 of 1 match".
 * @param {number} index the current match, from 0
 * @param {number} count how many there are
 */
export function matchStatus(index, count) {
  return `${index + 1} of ${count} ${count === 1 ? "match" : "matches"}`;
}

/**
 * The status line when nothing matches: No matches for “ferry”.
 * @param {string} term the reader's words, trimmed
 */
export function noMatchStatus(term) {
  return `No matches for “${term}”`;
}

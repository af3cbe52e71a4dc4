// @ts-check
// What the search page's status region says after a search: "2 stories found for “ferry”, with
// show Night Desk." Pure: search.js uses it, and tests/browser-helpers.test.ts tests it in Node.

/** The filters the search page offers (the names of its <select>s), in order. */
export const FILTERS = ["show", "tag", "speaker"];

/** How the status names each filter. */
const LABELS = new Map([["show", "show"], ["tag", "topic"], ["speaker", "speaker"]]);

/**
 * The sentence announcing a search's results.
 * @param {number} count how many stories were found
 * @param {string} term the words searched for ("" for a search by filters alone)
 * @param {Record<string, string>} filters the chosen filters' values, by name
 */
export function describeResults(count, term, filters) {
  const what = count === 0 ? "No stories" : count === 1 ? "1 story" : `${count} stories`;
  const parts = [];
  if (term) parts.push(`for “${term}”`);
  const chosen = Object.entries(filters).map(([key, value]) => `${LABELS.get(key)} ${value}`);
  if (chosen.length) parts.push(`with ${chosen.join(" and ")}`);
  return `${what} found ${parts.join(", ")}`.trim() + ".";
}

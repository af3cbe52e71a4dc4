// Splitting a passage into cues: pieces of text short enough to read on screen.

import { breakAfter, fits } from "./lines.ts";

/** A break is worth taking when the cue before it holds at least this many characters. */
const MIN_USEFUL = 30;

/**
 * Splits `lead + text` into cue texts that fit, cutting at the last sentence end that fits, else
 * the last clause end, else the last word that fits. The lead goes on the first cue only.
 */
export function splitText(lead: string, text: string): Array<{ lead: string; text: string }> {
  const words = text === "" ? [] : text.split(" ");
  if (words.length === 0) return [{ lead, text: "" }];
  const pieces: Array<{ lead: string; text: string }> = [];
  let from = 0;
  let currentLead = lead;
  while (from < words.length) {
    // The furthest word that still fits (at least one word, however long).
    let to = from + 1;
    while (to < words.length && fits(currentLead + words.slice(from, to + 1).join(" "))) to++;
    if (to < words.length) {
      let sentence = -1;
      let clause = -1;
      for (let k = from + 1; k <= to; k++) {
        const strength = breakAfter(words[k - 1] ?? "");
        const length = currentLead.length + words.slice(from, k).join(" ").length;
        if (length < MIN_USEFUL) continue;
        if (strength === 2) sentence = k;
        else if (strength === 1) clause = k;
      }
      if (sentence > 0) to = sentence;
      else if (clause > 0) to = clause;
    }
    pieces.push({ lead: currentLead, text: words.slice(from, to).join(" ") });
    currentLead = "";
    from = to;
  }
  return pieces;
}

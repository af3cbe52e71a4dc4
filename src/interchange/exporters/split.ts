// Splitting a passage into captions: pieces of text short enough to read on screen.

import { breakAfter, MAX_LINE, MAX_LINES } from "./lines.ts";

/** A break is worth taking when the caption before it holds at least this many characters. */
const MIN_USEFUL = 30;

/**
 * Greedy line breaking at spaces (as `wrapGreedy` does), one word at a time: a caption grows word by
 * word, and wrapping its whole text again for each word made long paragraphs quadratic.
 */
class GreedyLines {
  private done = 0;
  private length = 0;

  /** The lines after adding `word`: [finished lines, length of the open line]. */
  private after(word: string): [number, number] {
    if (this.length === 0) return [this.done, word.length];
    if (this.length + 1 + word.length <= MAX_LINE) return [this.done, this.length + 1 + word.length];
    return [this.done + 1, word.length];
  }

  add(word: string): void {
    [this.done, this.length] = this.after(word);
  }

  /** Whether the text, with `word` added, still takes at most MAX_LINES lines. */
  fitsWith(word: string): boolean {
    const [done, length] = this.after(word);
    return done + (length !== 0 || done === 0 ? 1 : 0) <= MAX_LINES;
  }
}

/** Sounds in parentheses that close a passage: "(laughter)", "(soft laughter) (applause)". */
const CLOSING_SOUND = /(?:^|\s)(\([^()]+\)(?:\s+\([^()]+\))*)$/u;

/**
 * The words with a sound that closes the passage glued to the word before it, so that no cut
 * falls between them. An inline sound belongs to the speech it ends ("…anymore. (laughter)"):
 * alone in a caption of its own, a reader (and an importer) would take it for a stand-alone cue.
 */
function withClosingSound(words: string[], text: string): string[] {
  // `text` is the words joined with spaces; a closing sound ends with ")", and most text does not.
  const sound = text.endsWith(")") ? CLOSING_SOUND.exec(text)?.[1] : undefined;
  if (!sound) return words;
  const count = sound.split(" ").length;
  if (count >= words.length) return words;
  const at = words.length - count - 1;
  return [...words.slice(0, at), words.slice(at).join(" ")];
}

/**
 * Splits `lead + text` into caption texts that fit, cutting at the last sentence end that fits, else
 * the last clause end, else the last word that fits. The lead goes on the first caption only; it is
 * empty or ends with a space ("Ana Lopez: ").
 */
export function splitText(lead: string, text: string): Array<{ lead: string; text: string }> {
  const words = text === "" ? [] : withClosingSound(text.split(" "), text);
  if (words.length === 0) return [{ lead, text: "" }];
  const pieces: Array<{ lead: string; text: string }> = [];
  let from = 0;
  let currentLead = lead;
  while (from < words.length) {
    const lines = new GreedyLines();
    for (const word of currentLead === "" ? [] : currentLead.slice(0, -1).split(" ")) lines.add(word);
    lines.add(words[from] ?? "");
    // The furthest word that still fits (at least one word, however long).
    let to = from + 1;
    while (to < words.length && lines.fitsWith(words[to] ?? "")) lines.add(words[to++] ?? "");
    if (to < words.length) {
      let sentence = -1;
      let clause = -1;
      // The length of words[from..k) joined with spaces, as k grows.
      let joined = -1;
      for (let k = from + 1; k <= to; k++) {
        const word = words[k - 1] ?? "";
        joined += 1 + word.length;
        if (currentLead.length + joined < MIN_USEFUL) continue;
        const strength = breakAfter(word);
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

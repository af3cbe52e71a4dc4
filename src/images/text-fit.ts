// Line wrapping with an ellipsis, measured with the fonts that draw the text: a Measure gives a
// text's advance in em (card-fonts.ts sums the advance widths of the glyphs of the font each
// character is drawn from). Pango also kerns and joins letters, which makes lines a little
// narrower than the sum, never wider by much: a line that fits here fits on the card.

/** A text's width in em. */
export type Measure = (text: string) => number;

export function textWidth(text: string, fontSize: number, measure: Measure): number {
  return measure(text) * fontSize;
}

export interface Fitted {
  lines: string[];
  /** The text was longer than the lines allow and ends in an ellipsis. */
  truncated: boolean;
}

const ELLIPSIS = "…";

/** Cuts a line until it fits with an ellipsis after it: at a word when one fits, else at a character. */
function withEllipsis(line: string, maxWidth: number, fontSize: number, measure: Measure): string {
  const fits = (s: string) => textWidth(`${s}${ELLIPSIS}`, fontSize, measure) <= maxWidth;
  if (fits(line)) return `${line}${ELLIPSIS}`;
  const words = line.split(" ");
  while (words.length > 1) {
    words.pop();
    const shorter = words.join(" ").replace(/[\s,;:.–—-]+$/u, "");
    if (fits(shorter)) return `${shorter}${ELLIPSIS}`;
  }
  const chars = [...line];
  while (chars.length > 0 && !fits(chars.join(""))) chars.pop();
  return `${chars.join("")}${ELLIPSIS}`;
}

/**
 * Characters a line must not start with (Chinese and Japanese line breaking): closing punctuation,
 * the prolonged sound mark and small kana. One that falls at a break takes the character before it along.
 */
const NO_LINE_START = /^[、。，．,.!?！？:;：；)）\]］｝」』】〕〉》〙〗’”・ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻]$/u;

/** A word wider than a line (a long URL, or a title in a script written without spaces), in pieces that fit. */
function splitWord(word: string, maxWidth: number, fontSize: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const char of word) {
    if (piece && textWidth(piece + char, fontSize, measure) > maxWidth) {
      const chars = [...piece];
      const carried = NO_LINE_START.test(char) && chars.length > 1 ? (chars.pop() as string) : "";
      pieces.push(chars.join(""));
      piece = carried;
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy wrapping into at most maxLines lines of maxWidth px; the last line ends in "…" when text is left over. */
export function fitLines(text: string, maxWidth: number, fontSize: number, maxLines: number, measure: Measure): Fitted {
  const words = text.split(/\s+/u).filter(Boolean).flatMap((word) => (textWidth(word, fontSize, measure) > maxWidth ? splitWord(word, maxWidth, fontSize, measure) : [word]));
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize, measure) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  const last = kept.length - 1;
  kept[last] = withEllipsis(kept[last] ?? "", maxWidth, fontSize, measure);
  return { lines: kept, truncated: true };
}

/** The largest size whose wrapping fits, trying each [fontSize, maxLines] in order; the last one truncates. */
export function fitText(text: string, maxWidth: number, tiers: ReadonlyArray<readonly [number, number]>, measure: Measure): Fitted & { fontSize: number } {
  let result: (Fitted & { fontSize: number }) | undefined;
  for (const [fontSize, maxLines] of tiers) {
    result = { ...fitLines(text, maxWidth, fontSize, maxLines, measure), fontSize };
    if (!result.truncated) return result;
  }
  if (!result) throw new Error("fitText needs at least one size");
  return result;
}

// Rough text measurement for the social card's font (DejaVu Sans Bold) and line wrapping with an
// ellipsis. Advance widths in em, measured by rendering runs of each character with pango; close
// enough to wrap a title, with a little room to spare.

const CLASSES: ReadonlyArray<[number, string]> = [
  [0.35, " ijl'‘’`|"],
  [0.41, "IJf.,:;/\\"],
  [0.5, "rt!-()[]{}\"“”–"],
  [0.6, "csz?*"],
  [0.68, "aekvxy_"],
  [0.73, "bdghnopqu0123456789EFLPSTYZ$#+=<>~^"],
  [0.81, "ABCKRUVX"],
  [0.87, "DGHNOQ&%"],
  [0.93, "w"],
  [1.05, "mM—…@"],
  [1.1, "W"],
];
const WIDTH = new Map<string, number>(CLASSES.flatMap(([em, chars]) => [...chars].map((c) => [c, em] as [string, number])));
/** Letters with marks are measured as their base letter; other scripts at a generous default. */
const DEFAULT_EM = 0.75;
const WIDE_EM = 1.0;

function charEm(char: string): number {
  const known = WIDTH.get(char);
  if (known !== undefined) return known;
  const base = char.normalize("NFD").charAt(0);
  const fromBase = WIDTH.get(base);
  if (fromBase !== undefined) return fromBase;
  const code = char.codePointAt(0) ?? 0;
  // CJK, Hangul, fullwidth forms and emoji take a full em or more.
  return code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xffdc) || code >= 0x1f000) ? WIDE_EM : DEFAULT_EM;
}

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += charEm(char);
  return em * fontSize;
}

export interface Fitted {
  lines: string[];
  /** The text was longer than the lines allow and ends in an ellipsis. */
  truncated: boolean;
}

const ELLIPSIS = "…";

/** Cuts a line until it fits with an ellipsis after it: at a word when one fits, else at a character. */
function withEllipsis(line: string, maxWidth: number, fontSize: number): string {
  const fits = (s: string) => textWidth(`${s}${ELLIPSIS}`, fontSize) <= maxWidth;
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

/** A word wider than a line, in pieces that fit. */
function splitWord(word: string, maxWidth: number, fontSize: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const char of word) {
    if (piece && textWidth(piece + char, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = "";
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Greedy wrapping into at most maxLines lines of maxWidth px; the last line ends in "…" when text is left over. */
export function fitLines(text: string, maxWidth: number, fontSize: number, maxLines: number): Fitted {
  const words = text.split(/\s+/u).filter(Boolean).flatMap((word) => (textWidth(word, fontSize) > maxWidth ? splitWord(word, maxWidth, fontSize) : [word]));
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
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
  kept[last] = withEllipsis(kept[last] ?? "", maxWidth, fontSize);
  return { lines: kept, truncated: true };
}

/** The largest size whose wrapping fits, trying each [fontSize, maxLines] in order; the last one truncates. */
export function fitText(text: string, maxWidth: number, tiers: ReadonlyArray<readonly [number, number]>): Fitted & { fontSize: number } {
  let result: (Fitted & { fontSize: number }) | undefined;
  for (const [fontSize, maxLines] of tiers) {
    result = { ...fitLines(text, maxWidth, fontSize, maxLines), fontSize };
    if (!result.truncated) return result;
  }
  if (!result) throw new Error("fitText needs at least one size");
  return result;
}

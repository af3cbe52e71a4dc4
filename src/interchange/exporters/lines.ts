// Lines: breaking a caption's text into at most two lines of 65 characters.

export const MAX_LINE = 65;
export const MAX_LINES = 2;

/** Greedy line breaking at spaces; a word longer than the width keeps a line to itself. */
export function wrapGreedy(text: string, width = MAX_LINE): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/** After a word: 2 ends a sentence, 1 ends a clause, 0 neither. */
export function breakAfter(word: string): number {
  if (/[.!?…]["”’'»)\]]*$/u.test(word)) return 2;
  if (/[,;:—–]["”’'»)\]]*$/u.test(word) || word === "--" || word === "—" || word === "–") return 1;
  return 0;
}

/** Words a line should not end on when another break is as good: articles, prepositions, "and". */
const WEAK_ENDS = new Set(["a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or", "but", "his", "her", "its", "their", "our", "my", "your"]);

/** How good a break after this first line is: shorter is better. */
function breakCost(first: string, second: string): number {
  const last = first.slice(first.lastIndexOf(" ") + 1);
  const strength = breakAfter(last);
  const bonus = strength === 2 ? 20 : strength === 1 ? 12 : 0;
  const penalty = WEAK_ENDS.has(last.toLowerCase()) ? 10 : 0;
  return Math.max(first.length, second.length) - bonus + penalty;
}

/**
 * Caption lines for text that fits: one line when it can be, otherwise two lines within the
 * width, broken where the lines come out even, preferably after a sentence or clause and not
 * after "the" or "of". Falls back to greedy lines (an over-long word).
 */
export function captionLines(text: string): string[] {
  if (text.length <= MAX_LINE) return [text];
  let best: { lines: [string, string]; cost: number } | undefined;
  for (let i = text.indexOf(" "); i !== -1; i = text.indexOf(" ", i + 1)) {
    const first = text.slice(0, i);
    const second = text.slice(i + 1);
    if (first.length > MAX_LINE || second.length > MAX_LINE) continue;
    const cost = breakCost(first, second);
    if (!best || cost < best.cost) best = { lines: [first, second], cost };
  }
  return best?.lines ?? wrapGreedy(text);
}

// Rolling captions, as YouTube's automatic captions come: each caption shows the line before again
// above its new words, and a 10 ms caption between them repeats the finished line. Read as they are,
// every line would appear two or three times. When a file rolls, each caption keeps only the lines
// the caption before did not show, so every word comes once, with its own time where the file gives it.

import type { CaptionLine, RawCaption } from "./lines.ts";

/** Share of captions that must repeat the line before for a file to be read as rolling. */
const ROLLING_SHARE = 0.3;
/** A caption shorter than this (seconds) is a flash between two captions, not one that is read. */
const FLASH = 0.05;
/** Fewer repeats than this are coincidence ("No." / "No."), not rolling captions. */
const ROLLING_MIN = 3;

function key(line: CaptionLine): string {
  return line.text.replace(/\s+/gu, " ").trim();
}

function solid(lines: CaptionLine[]): CaptionLine[] {
  return lines.filter((l) => key(l) !== "");
}

/** Whether the caption starts with the line the caption before ended on. */
function repeatsBefore(caption: RawCaption, before: RawCaption | undefined): boolean {
  const first = solid(caption.lines)[0];
  const last = before ? solid(before.lines).at(-1) : undefined;
  return first !== undefined && last !== undefined && key(first) === key(last);
}

/** Whether the file's captions roll: many of them repeat the line the caption before ended on. */
export function isRolling(captions: RawCaption[]): boolean {
  let repeats = 0;
  captions.forEach((caption, i) => {
    if (repeatsBefore(caption, captions[i - 1])) repeats++;
  });
  return repeats >= ROLLING_MIN && repeats >= ROLLING_SHARE * captions.length;
}

/**
 * Each caption without the lines the caption before showed: a caption's leading lines are dropped while they
 * repeat the previous caption's lines in order; a caption left with nothing (the 10 ms repeats) goes.
 */
export function dropRepeatedLines(captions: RawCaption[]): { captions: RawCaption[]; dropped: number } {
  const out: RawCaption[] = [];
  let dropped = 0;
  let shown: string[] = [];
  for (const caption of captions) {
    const lines = solid(caption.lines);
    let skip = 0;
    // The longest run of this caption's first lines that ends the lines shown before.
    for (let n = Math.min(lines.length, shown.length); n > 0; n--) {
      const head = lines.slice(0, n).map(key);
      if (head.every((text, i) => text === shown[shown.length - n + i])) {
        skip = n;
        break;
      }
    }
    // A rolling caption always adds a line: only a flash between captions (YouTube's 10 ms) is all repeat.
    if (caption.end - caption.start >= FLASH) skip = Math.min(skip, lines.length - 1);
    shown = lines.map(key);
    dropped += skip;
    const kept = lines.slice(skip);
    if (kept.length > 0) out.push({ ...caption, lines: kept });
  }
  return { captions: out, dropped };
}

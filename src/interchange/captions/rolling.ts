// Rolling captions, as YouTube's automatic captions come: each cue shows the line before again
// above its new words, and a 10 ms cue between them repeats the finished line. Read as they are,
// every line would appear two or three times. When a file rolls, each cue keeps only the lines
// the cue before did not show, so every word comes once, with its own time where the file gives it.

import type { CaptionLine, RawCaption } from "./lines.ts";

/** Share of cues that must repeat the line before for a file to be read as rolling. */
const ROLLING_SHARE = 0.3;
/** A cue shorter than this (seconds) is a flash between two cues, not one that is read. */
const FLASH = 0.05;
/** Fewer repeats than this are coincidence ("No." / "No."), not rolling captions. */
const ROLLING_MIN = 3;

function key(line: CaptionLine): string {
  return line.text.replace(/\s+/gu, " ").trim();
}

function solid(lines: CaptionLine[]): CaptionLine[] {
  return lines.filter((l) => key(l) !== "");
}

/** Whether the cue starts with the line the cue before ended on. */
function repeatsBefore(cue: RawCaption, before: RawCaption | undefined): boolean {
  const first = solid(cue.lines)[0];
  const last = before ? solid(before.lines).at(-1) : undefined;
  return first !== undefined && last !== undefined && key(first) === key(last);
}

/** Whether the file's cues roll: many of them repeat the line the cue before ended on. */
export function isRolling(cues: RawCaption[]): boolean {
  let repeats = 0;
  cues.forEach((cue, i) => {
    if (repeatsBefore(cue, cues[i - 1])) repeats++;
  });
  return repeats >= ROLLING_MIN && repeats >= ROLLING_SHARE * cues.length;
}

/**
 * Each cue without the lines the cue before showed: a cue's leading lines are dropped while they
 * repeat the previous cue's lines in order; a cue left with nothing (the 10 ms repeats) goes.
 */
export function dropRepeatedLines(cues: RawCaption[]): { cues: RawCaption[]; dropped: number } {
  const out: RawCaption[] = [];
  let dropped = 0;
  let shown: string[] = [];
  for (const cue of cues) {
    const lines = solid(cue.lines);
    let skip = 0;
    // The longest run of this cue's first lines that ends the lines shown before.
    for (let n = Math.min(lines.length, shown.length); n > 0; n--) {
      const head = lines.slice(0, n).map(key);
      if (head.every((text, i) => text === shown[shown.length - n + i])) {
        skip = n;
        break;
      }
    }
    // A rolling cue always adds a line: only a flash between cues (YouTube's 10 ms) is all repeat.
    if (cue.end - cue.start >= FLASH) skip = Math.min(skip, lines.length - 1);
    shown = lines.map(key);
    dropped += skip;
    const kept = lines.slice(skip);
    if (kept.length > 0) out.push({ ...cue, lines: kept });
  }
  return { cues: out, dropped };
}

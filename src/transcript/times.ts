// Times in the notation: a paragraph, cue or heading may open with the moment it starts in the
// audio, in square brackets: "[4:16]", "[1:02:03]", "[0:07.250]". Seconds are kept as numbers.
// The parser itself is shared with the reader's player, so it lives with the browser code.

import { parseTimestamp } from "../../layouts/assets/time.js";

export { parseTimestamp, roundMs } from "../../layouts/assets/time.js";

/** A timestamp at the very start of a paragraph, with the spaces after it. */
const LEADING = /^\[((?:\d{1,2}:)?\d{1,3}:\d{2}(?:\.\d{1,3})?)\](?:[ \t]+|$)/u;

/** The timestamp that opens a paragraph's text, and the characters it takes. */
export function matchLeadingTime(content: string): { seconds: number; length: number } | undefined {
  const m = LEADING.exec(content);
  const seconds = m?.[1] === undefined ? undefined : parseTimestamp(m[1]);
  return m && seconds !== undefined ? { seconds, length: m[0].length } : undefined;
}

/** 256 → "4:16"; 3723.5 → "1:02:03.5". The form the notation and readers use. */
export function formatTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const secs = Math.floor((ms % 60_000) / 1000);
  const fraction = ms % 1000 ? `.${String(ms % 1000).padStart(3, "0").replace(/0+$/u, "")}` : "";
  const mm = hours ? String(minutes).padStart(2, "0") : String(minutes);
  return `${hours ? `${hours}:` : ""}${mm}:${String(secs).padStart(2, "0")}${fraction}`;
}

/** 3723.5 → "01:02:03.500" (WebVTT) or "01:02:03,500" (SRT). */
export function formatClock(seconds: number, separator: "." | ","): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const secs = Math.floor((ms % 60_000) / 1000);
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}${separator}${pad(ms % 1000, 3)}`;
}

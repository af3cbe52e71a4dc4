// A moment in the audio as an editor seeks to it: "0:42.3", "1:02:03.5". Tenths, rounded down,
// so that playing from the time shown never starts after the word.

import { formatTimestamp } from "../../../transcript/times.ts";

/** 42.37 → "0:42.3"; 3723 → "1:02:03". */
export function clockText(seconds: number): string {
  return formatTimestamp(Math.floor(Math.max(0, seconds) * 10 + 1e-6) / 10);
}

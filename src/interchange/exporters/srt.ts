// SubRip captions: captions numbered from 1, "HH:MM:SS,mmm" times, CRLF line endings, plain text.
// SRT has no voice markup, so the speaker goes in the text as "Name: " on the first caption of each
// turn only: the convention podcast hosts and caption tools follow, where a name on every caption
// would crowd the lines. Text is written as it reads; SRT has no escaping, so what would end a
// caption early or start a caption of its own is taken out of the text instead (see srtLine).

import { formatClock } from "../../transcript/times.ts";
import { captionsOf } from "./captions.ts";
import type { ExportableStory } from "./index.ts";

/**
 * A caption line as SRT can hold it: a line break (a name from the front matter may have one)
 * or a blank line would end the caption, and a line with "-->" reads as a timing to lenient players,
 * starting a caption the transcript never had. Breaks become spaces and "-->" becomes "->".
 */
export function srtLine(text: string): string {
  return text.replace(/\s+/gu, " ").replace(/-->/gu, "->").trim();
}

export function writeSrt(story: ExportableStory): string {
  const blocks = captionsOf(story, { names: true }).map((caption, i) =>
    [String(i + 1), `${formatClock(caption.start, ",")} --> ${formatClock(caption.end, ",")}`, ...caption.lines.map(srtLine).filter((line) => line !== "")].join("\r\n"),
  );
  return blocks.length ? `${blocks.join("\r\n\r\n")}\r\n` : "";
}

// SubRip captions: cues numbered from 1, "HH:MM:SS,mmm" times, CRLF line endings, plain text.
// SRT has no voice markup, so the speaker goes in the text as "Name: " on the first cue of each
// turn only: the convention podcast hosts and caption tools follow, where a name on every cue
// would crowd the lines. Text is written as it reads; SRT has no escaping.

import { formatClock } from "../../transcript/times.ts";
import { captionCues } from "./cues.ts";
import type { ExportableStory } from "./index.ts";

export function writeSrt(story: ExportableStory): string {
  const blocks = captionCues(story, { names: true }).map((cue, i) =>
    [String(i + 1), `${formatClock(cue.start, ",")} --> ${formatClock(cue.end, ",")}`, ...cue.lines].join("\r\n"),
  );
  return blocks.length ? `${blocks.join("\r\n\r\n")}\r\n` : "";
}

// Plain text: the transcript as a reader reads it. Title first; each paragraph on one line with a
// blank line between; a turn opens with its speaker's label (in full, with the role, on the
// speaker's first turn, as the page shows it) and, in a timed story, the time it starts at;
// sound cues in parentheses and headings on lines of their own; the copyright last. LF endings.

import { formatTimestamp } from "../../transcript/times.ts";
import { speakerLabel } from "../../transcript/speakers.ts";
import { collapseSpaces } from "../../transcript/text.ts";
import { captionsOf, passagesOf, type Passage } from "./captions.ts";
import type { ExportableStory } from "./index.ts";

type Turn = NonNullable<Passage["turn"]>;

export function writeText(story: ExportableStory): string {
  // When each turn starts: its own time, or where the caption timeline puts it.
  const starts = new Map<Turn, number>();
  if (story.timed) {
    for (const caption of captionsOf(story)) {
      if (caption.turnFirst && caption.passage.turn) starts.set(caption.passage.turn, caption.start);
    }
  }
  const spoken = new Set<string>();
  const lines = [collapseSpaces(story.title)];
  for (const passage of passagesOf(story)) {
    if (!passage.turnFirst || !passage.speaker || !passage.turn) {
      lines.push(passage.text);
      continue;
    }
    const first = !spoken.has(passage.speaker.id);
    spoken.add(passage.speaker.id);
    const start = starts.get(passage.turn);
    const time = start === undefined ? "" : `[${formatTimestamp(Math.floor(start))}] `;
    const manner = passage.manner ? ` (${passage.manner.text})` : "";
    // A name from the front matter may hold line breaks; a paragraph is one line.
    const label = collapseSpaces(speakerLabel(passage.speaker, first));
    lines.push(`${time}${label}:${manner}${passage.text ? ` ${passage.text}` : ""}`);
  }
  if (story.copyright) lines.push(collapseSpaces(story.copyright));
  return `${lines.filter((line) => line !== "").join("\n\n")}\n`;
}

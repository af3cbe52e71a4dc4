// Podcasting 2.0 JSON transcript: {"version":"1.0.0","segments":[...]} with speaker, startTime,
// endTime (seconds) and body, plus fields the format lacks and its maintainers accept: what a
// segment is (type), the sound cue's kind, the speaker's role, the language, the manner of
// delivery and whether it is taped audio. One segment per caption, and a zero-length one per
// heading. The spec gives every segment a startTime, so only stories with times are exported as
// JSON (exportsFor); for one without, the times would be the captions' estimates. The shape
// is defined once, as a zod schema, in podcasting20-schema.ts.

import type { Podcasting20Segment, Podcasting20Transcript } from "../podcasting20-schema.ts";
import { captionsOf, type Passage } from "./captions.ts";
import type { ExportableStory } from "./index.ts";

/** The shapes the importer validates with (podcasting20-schema.ts): what we write, it reads. */
export type JsonSegment = Podcasting20Segment;
export type JsonTranscript = Podcasting20Transcript;

function segment(passage: Passage, body: string, times: { start: number; end: number }): JsonSegment {
  const speaker = passage.speaker;
  const manner = passage.turn?.manner;
  // Fields set one by one, in the order they are written, the optional ones only when present.
  const out: Partial<JsonSegment> = {};
  if (speaker) out.speaker = speaker.name;
  out.startTime = times.start;
  out.endTime = times.end;
  out.body = body;
  out.type = passage.type;
  if (passage.cue) out.cue = passage.cue.type;
  if (speaker?.role) out.role = speaker.role;
  if (speaker) out.roleKind = speaker.roleKind;
  if (passage.lang) out.language = passage.lang;
  if (manner) out.manner = manner.text;
  if (passage.tape) out.tape = true;
  return out as JsonSegment;
}

export function jsonTranscript(story: ExportableStory): JsonTranscript {
  const segments = captionsOf(story, { headings: true }).map((caption) => segment(caption.passage, caption.text, caption));
  return { version: "1.0.0", language: story.lang, segments };
}

export function writeJson(story: ExportableStory): string {
  return `${JSON.stringify(jsonTranscript(story), null, 2)}\n`;
}

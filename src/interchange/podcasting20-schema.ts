// The Podcasting 2.0 JSON transcript shape, defined once: the importer validates files with it and
// the exporter's output is its inferred type. The spec's fields: version, segments with speaker,
// startTime, endTime (seconds) and body. The rest are fields our exporter adds and reads back:
// what a segment is (type), the sound cue's kind (cue), the speaker's role and roleKind, the
// language, the manner of delivery and whether the segment is taped audio. Other generators write
// null for a field they leave empty, so every optional field accepts null on the way in and is
// absent on the way out (z.output: a missing body reads as ""). The exporter writes z.output,
// which z.input contains: whatever we write, the importer reads.

import { z } from "zod";
import type { RoleKind } from "../transcript/model.ts";

/** What a segment is: a paragraph's words, a sound cue, a segment heading or an editor's note. */
export const SEGMENT_TYPES = ["speech", "cue", "heading", "note"] as const;
export type SegmentType = (typeof SEGMENT_TYPES)[number];

const ROLE_KINDS = ["host", "byline", "other"] as const satisfies readonly RoleKind[];
// Fails to compile when RoleKind gains a value this list lacks.
const everyRoleKind: readonly (typeof ROLE_KINDS)[number][] = [] as RoleKind[];
void everyRoleKind;

/** Optional, and null in a file reads as absent. */
function absentOrNull<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();
}

export const podcasting20Segment = z.object({
  speaker: absentOrNull(z.string()),
  startTime: z.number().min(0),
  endTime: z.number().min(0),
  body: z.string().nullish().transform((body) => body ?? ""),
  type: absentOrNull(z.enum(SEGMENT_TYPES)),
  /** For sound cues: "laughter", "soundbite", "song", "music", ... */
  cue: absentOrNull(z.string()),
  role: absentOrNull(z.string()),
  roleKind: absentOrNull(z.enum(ROLE_KINDS)),
  /** A language other than the transcript's (BCP 47). */
  language: absentOrNull(z.string()),
  /** As written, without parentheses: "Speaking Spanish". */
  manner: absentOrNull(z.string()),
  /** Present (true) only inside taped audio. */
  tape: absentOrNull(z.boolean()),
});

export const podcasting20Transcript = z.object({
  /** "1.0.0" in the spec; our exporter writes it, readers do not require it. */
  version: z.string().optional(),
  /** The transcript's own language (an extra field); segments name only other languages. */
  language: absentOrNull(z.string()),
  segments: z.array(podcasting20Segment),
});

/** A segment as the importer reads it and the exporter writes it. */
export type Podcasting20Segment = z.output<typeof podcasting20Segment>;
/** A transcript as the importer reads it and the exporter writes it. */
export type Podcasting20Transcript = z.output<typeof podcasting20Transcript>;

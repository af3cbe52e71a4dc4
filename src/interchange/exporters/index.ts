// Exports: each story's transcript as files next to its page, for players (WebVTT, SRT),
// Podcasting 2.0 feeds (JSON) and anyone who wants the words (plain text). The timed formats
// (WebVTT, SRT, JSON) exist only for stories with times.

import type { Story } from "../../story/story.ts";
import { writeJson } from "./json.ts";
import type { WithPassages } from "./passages.ts";
import { writeSrt } from "./srt.ts";
import { writeText } from "./text.ts";
import { writeWebVtt } from "./webvtt.ts";

export type ExportFormatId = "vtt" | "srt" | "json" | "txt";

/** What an exporter reads; `passages`, when given, are the story's passages read once (see passages.ts). */
export type ExportableStory = Pick<Story, "title" | "lang" | "blocks" | "timed" | "duration" | "speakers" | "copyright"> & WithPassages;

export interface ExportFormat {
  id: ExportFormatId;
  /** Link text on the page: "WebVTT", "SRT", "JSON", "text". */
  label: string;
  /** File name next to the story page: "transcript.vtt", "transcript.srt", "transcript.json", "transcript.txt". */
  file: string;
  /** MIME type for <podcast:transcript> and links: "text/vtt", "application/x-subrip" (not text/srt), "application/json", "text/plain". */
  mime: string;
  /** Timed formats exist only for stories whose transcript has times. */
  timed: boolean;
  write(story: ExportableStory): string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = Object.freeze([
  { id: "vtt", label: "WebVTT", file: "transcript.vtt", mime: "text/vtt", timed: true, write: writeWebVtt },
  { id: "srt", label: "SRT", file: "transcript.srt", mime: "application/x-subrip", timed: true, write: writeSrt },
  // Podcasting 2.0 JSON gives every segment a startTime (the spec's HTML and text formats are the
  // ones for a transcript without times): a story without times has no JSON.
  { id: "json", label: "JSON", file: "transcript.json", mime: "application/json", timed: true, write: writeJson },
  { id: "txt", label: "text", file: "transcript.txt", mime: "text/plain", timed: false, write: writeText },
] satisfies ExportFormat[]);

/** The formats a story can be downloaded in: all for timed stories, text alone otherwise. */
export function exportsFor(story: Pick<Story, "timed">): ExportFormat[] {
  return EXPORT_FORMATS.filter((format) => story.timed || !format.timed);
}

export { captionsOf, passages, type Caption, type CaptionOptions, type Passage, type SegmentType } from "./captions.ts";
export { jsonTranscript, type JsonSegment, type JsonTranscript } from "./json.ts";

// The notation core: broadcast transcripts in Markdown → HTML and a summary of who speaks.
// Pure: no Eleventy, no file system, no process.

import markdownIt, { type MarkdownIt } from "markdown-it";
import type { TranscriptSummary } from "./model.ts";
import markupPlugin from "./markup.ts";
import cuesPlugin from "./plugins/cues.ts";
import inlineMarksPlugin from "./plugins/inline-marks.ts";
import labelLikePlugin from "./plugins/label-like.ts";
import segmentsPlugin from "./plugins/segments.ts";
import tapePlugin from "./plugins/tape.ts";
import timesPlugin from "./plugins/times.ts";
import { isTimed, outline } from "./outline.ts";
import turnsPlugin from "./plugins/turns.ts";
import { createState, type NotationEnv, type TranscriptOptions } from "./state.ts";

export type * from "./model.ts";
export { NotationError } from "./errors.ts";
export type { SpeakerDeclaration } from "./speakers.ts";
export { labelKey, nameAliases } from "./speakers.ts";
export { labelLikeRuns, type KnowsLabel, type LabelEvidence, type LabelLikeRun } from "./label-like.ts";
export type { TranscriptOptions } from "./state.ts";
export { cuesPlugin, inlineMarksPlugin, labelLikePlugin, markupPlugin, segmentsPlugin, tapePlugin, timesPlugin, turnsPlugin };
export { formatClock, formatTimestamp, parseTimestamp } from "./times.ts";

/**
 * All notation plugins, in the order they must be installed. Times goes after cues and
 * segments: each inserts itself right after markdown-it's block rule, so the last one installed
 * runs first, and timestamps must leave the text before anything reads it.
 */
export function notationPlugin(md: MarkdownIt): void {
  md.use(cuesPlugin).use(turnsPlugin).use(labelLikePlugin).use(tapePlugin).use(segmentsPlugin).use(timesPlugin).use(inlineMarksPlugin).use(markupPlugin);
}

/**
 * A markdown-it instance for transcripts: raw HTML off, no indented code, no images (a transcript
 * is text, and an image would be a request to another host), notation on.
 */
export function createNotation(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.disable(["code", "image"]);
  return md.use(notationPlugin);
}

export interface RenderedTranscript {
  html: string;
  summary: TranscriptSummary;
}

let shared: MarkdownIt | undefined;

/** Renders one story's transcript body. Throws NotationError for notation mistakes. */
export function renderTranscript(body: string, options: TranscriptOptions = {}, md?: MarkdownIt): RenderedTranscript {
  const parser = md ?? (shared ??= createNotation());
  const state = createState(options);
  const env: NotationEnv = { verbatim: state };
  const tokens = parser.parse(body, env);
  const html = parser.renderer.render(tokens, parser.options, env);
  const words = tokens
    .filter((t) => t.type === "inline")
    .reduce((sum, t) => sum + (t.content.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0), 0);
  const blocks = outline(tokens);
  return {
    html,
    summary: {
      blocks,
      timed: isTimed(blocks),
      speakers: state.registry.appearing,
      segments: state.segments,
      warnings: state.warnings,
      turns: state.turns,
      words,
    },
  };
}

// The notation core: broadcast transcripts in Markdown → HTML and a summary of who speaks.
// Pure: no Eleventy, no file system, no process.

import markdownIt, { type MarkdownIt } from "markdown-it";
import type { TranscriptSummary } from "./model.ts";
import { isTimed, outline } from "./outline.ts";
import { notationPlugin } from "./pipeline.ts";
import { createState, type NotationEnv, type TranscriptOptions } from "./state.ts";

export type * from "./model.ts";
export { NotationError } from "./errors.ts";
export type { SpeakerDeclaration } from "./speakers.ts";
export { labelKey, nameAliases } from "./speakers.ts";
export { labelLikeRuns, type KnowsLabel, type LabelEvidence, type LabelLikeRun } from "./label-like.ts";
export type { TranscriptOptions } from "./state.ts";
export { NOTATION_RULES, notationPlugin, type NotationRule } from "./pipeline.ts";
export { formatClock, formatTimestamp, parseTimestamp } from "./times.ts";

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

// Per-render state the notation plugins share through markdown-it's `env`.

import type { Env, StateCore, Token } from "markdown-it";
import type { NotationWarning, Segment } from "./model.ts";
import { SpeakerRegistry, type SpeakerDeclaration } from "./speakers.ts";

export interface TranscriptOptions {
  /** `speakers:` from the story's front matter. */
  speakers?: Record<string, SpeakerDeclaration>;
  /** Warn about unknown short labels instead of failing. */
  lenient?: boolean;
  /** Lines in the story file before the transcript body (front matter), for error lines. */
  lineOffset?: number;
  /** Prefix of every generated id. */
  idPrefix?: string;
  /** The page's audio (a site path or URL). Timed turns then get "Play from" and permalink controls. */
  audioUrl?: string;
  /**
   * The page lists timed headings itself, as chapters (src/story/chapters.ts): when a heading
   * carries a time, no contents list is written here.
   */
  chapters?: boolean;
}

export interface TranscriptState {
  registry: SpeakerRegistry;
  lineOffset: number;
  idPrefix: string;
  audioUrl?: string;
  chapters: boolean;
  warnings: NotationWarning[];
  segments: Segment[];
  turns: number;
}

export interface NotationEnv extends Env {
  verbatim?: TranscriptState;
}

export function createState(options: TranscriptOptions = {}): TranscriptState {
  const warnings: NotationWarning[] = [];
  return {
    registry: new SpeakerRegistry(options.speakers ?? {}, {
      lenient: options.lenient ?? false,
      warn: (line, message) => warnings.push({ line, message }),
    }),
    lineOffset: options.lineOffset ?? 0,
    idPrefix: options.idPrefix ?? "v-",
    ...(options.audioUrl ? { audioUrl: options.audioUrl } : {}),
    chapters: options.chapters ?? false,
    warnings,
    segments: [],
    turns: 0,
  };
}

/** The state of this render, created with defaults when the caller passed none. */
export function transcriptState(state: StateCore): TranscriptState {
  const env = state.env as NotationEnv;
  env.verbatim ??= createState();
  return env.verbatim;
}

/** 1-based line in the story file where a block token starts. */
export function fileLine(token: Token, ts: TranscriptState): number {
  return (token.map?.[0] ?? 0) + 1 + ts.lineOffset;
}

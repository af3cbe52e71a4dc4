// Token data: what the notation's rules attach to markdown-it tokens, as one typed interface.
// It lives in `token.meta` (markdown-it's place for plugin data); rules write it with setData and
// everything else (later rules, markup.ts, outline.ts) reads it with dataOf, so no call site names a
// key as a string or casts. Which rule writes which field: the table in pipeline.ts.
// tests/notation-pipeline.test.ts checks that every field here is both written and read.

import type { Token } from "markdown-it";
import type { Cue, Manner, Segment, Speaker } from "./model.ts";

/** A speaker's turn, as the turns rule resolved it. */
export interface TurnData {
  speaker: Speaker;
  /** Whether this is the speaker's first turn in the story (the label shows the role). */
  first: boolean;
  manner?: Manner;
  /** Language of the speech, when not the story's. */
  lang?: string;
  id: string;
  /** 1-based line in the story file where the turn's label is. */
  line: number;
  /** When the turn starts in the audio, in seconds, if the story is timed. */
  start?: number;
}

/** A mark inside speech, carried by a `verbatim_mark` token. */
export type Mark =
  | { kind: "ph" }
  | { kind: "sound"; cue: Cue }
  | { kind: "editorial"; text: string }
  | { kind: "correction"; label: string; text: string };

/** Everything a notation rule may attach to a token. Each field says on which tokens it appears. */
export interface TokenData {
  /** When the block starts in the audio, in seconds: paragraph_open, heading_open, verbatim_cue. */
  start?: number;
  /** The parsed cue: verbatim_cue, and verbatim_tape_open (the cue that starts the tape). */
  cue?: Cue;
  /** The accessible name of a tape group ("Archived broadcast", "Song: Pagan poetry, by Björk"): verbatim_tape_open. */
  label?: string;
  /** The turn: verbatim_turn_open, and the verbatim_speaker and verbatim_manner it starts with. */
  turn?: TurnData;
  /** On the paragraph_open that opens a turn: it gets the speaker's name in front. */
  turnStart?: TurnData;
  /** On the paragraph_open of an editorial note standing alone ("[Editor's note: …]"). */
  note?: true;
  /** What a verbatim_mark token stands for. */
  mark?: Mark;
  /** The segments listed by a verbatim_contents token. */
  segments?: Segment[];
}

const NONE: Readonly<TokenData> = Object.freeze({});

/** The data a token carries (empty for a token no rule touched, or no token). */
export function dataOf(token: Token | undefined): Readonly<TokenData> {
  return (token?.meta ?? NONE) as TokenData;
}

/** Adds fields to a token's data, keeping the ones it has. */
export function setData(token: Token, data: TokenData): void {
  token.meta = { ...token.meta, ...data };
}

// Captions with times. A caption is a piece of a passage short enough to read on screen
// (at most two lines of 65 characters), with a start and an end in the audio.
//
// Times: a passage with its own time starts there, and passages without one continue from the
// one before. Everything from one known time to the next (a "run") shares that span in
// proportion to its characters, each caption getting half a second at least when the span allows.
// The last run ends at the story's duration, or after an estimated reading time.

import type { ExportableStory } from "./index.ts";
import { captionLines } from "./lines.ts";
import { passagesOf, type Passage, type WithPassages } from "./passages.ts";
import { splitText } from "./split.ts";

/** A piece of a passage as shown on screen. */
export interface Caption {
  passage: Passage;
  /** What opens the caption before the words: "(Speaking Spanish) ", or "Ana Ruiz: " for SRT. */
  lead: string;
  /** The passage's words this caption shows. */
  text: string;
  /**
   * `lead + text` broken into lines at spaces: joined with "\n", it is `lead + text` with some
   * single spaces turned into line breaks, so offsets into one are offsets into the other.
   */
  lines: string[];
  /** Whether this is the first caption of its turn. */
  turnFirst: boolean;
  /** Seconds, whole milliseconds. Headings are points: start equals end. */
  start: number;
  end: number;
}

export interface CaptionOptions {
  /** Put "Name: " before the first caption of each turn (SRT's convention). */
  names?: boolean;
  /** Keep headings, as zero-length captions (JSON does; WebVTT and SRT do not). */
  headings?: boolean;
}

/** Shortest time a caption stays on screen when the span allows, in milliseconds. */
export const MIN_CAPTION_MS = 500;
/** The least a caption is given when its passage is too short for MIN_CAPTION_MS a caption. */
const MIN_SQUEEZED_MS = 20;
/** Reading speed for estimates: characters per second. */
const CHARS_PER_SECOND = 15;
/** A sound cue is short to read but takes time in the audio: weigh it like this many characters. */
const CUE_WEIGHT = 20;

/** One caption's worth of a passage, before times: the same in every format that puts the same lead first. */
interface Piece {
  lead: string;
  text: string;
  lines: string[];
  weight: number;
}

interface Planned {
  passage: Passage;
  piece: Piece;
  turnFirst: boolean;
  /** Milliseconds from a passage's own time, on the passage's first caption. */
  anchor?: number;
  weight: number;
  start: number;
  end: number;
}

/**
 * What a story's formats share, made once: each passage's pieces without a name (the name changes
 * only a turn's first passage, so SRT shares the rest) and the captions with and without names,
 * headings included. Kept only for a story that carries its passages (`withPassages`): that object
 * is a snapshot made for writing one story's files, so what is kept here goes when it does.
 */
interface Shared {
  pieces: Array<Piece[] | undefined>;
  plain?: Caption[];
  named?: Caption[];
}

const shared = new WeakMap<WithPassages, Shared>();

function sharedFor(story: WithPassages): Shared {
  if (!story.passages) return { pieces: [] };
  let found = shared.get(story);
  if (!found) {
    found = { pieces: [] };
    shared.set(story, found);
  }
  return found;
}

/**
 * The story's captions in order, with times. For a story without any times, the times are an
 * estimate from the start (spread over the duration when it is known). The captions of a story
 * carrying its passages are made once and shared by every caller (not to be changed).
 */
export function captionsOf(story: Pick<ExportableStory, "blocks" | "duration"> & WithPassages, options: CaptionOptions = {}): Caption[] {
  const memo = sharedFor(story);
  const key = options.names ? "named" : "plain";
  let all = memo[key];
  if (!all) {
    const planned = plan(passagesOf(story), memo, options);
    const runs = runsOf(planned);
    mergeTimelessRuns(runs);
    timeRuns(runs, story.duration ? Math.round(story.duration.seconds * 1000) : undefined);
    all = placed(planned);
    memo[key] = all;
  }
  return options.headings ? all.slice() : all.filter((caption) => caption.passage.type !== "heading");
}

/** A passage split into captions, weighed by its characters; `name` ("Ana Ruiz: ") goes first. */
function piecesOf(passage: Passage, name: string): Piece[] {
  if (passage.type === "heading") return [{ lead: "", text: passage.text, lines: [passage.text], weight: 0 }];
  const manner = passage.manner ? `(${passage.manner.text})${passage.text ? " " : ""}` : "";
  return splitText(name + manner, passage.text).map((piece) => {
    const full = piece.lead + piece.text;
    const weight = passage.type === "cue" ? Math.max(CUE_WEIGHT, full.length) : full.length;
    return { lead: piece.lead, text: piece.text, lines: captionLines(full), weight };
  });
}

/** Each passage split into captions, the first anchored at the passage's time. */
function plan(all: readonly Passage[], memo: Shared, options: CaptionOptions): Planned[] {
  const planned: Planned[] = [];
  all.forEach((passage, p) => {
    const name = options.names && passage.turnFirst && passage.speaker ? `${passage.speaker.name}: ` : "";
    const pieces = name ? piecesOf(passage, name) : (memo.pieces[p] ??= piecesOf(passage, ""));
    pieces.forEach((piece, i) => {
      planned.push({
        passage,
        piece,
        turnFirst: passage.turnFirst && i === 0,
        ...(i === 0 && passage.start !== undefined ? { anchor: Math.round(passage.start * 1000) } : {}),
        weight: piece.weight,
        start: 0,
        end: 0,
      });
    });
  });
  return planned;
}

/** Runs: from one anchored caption to the next; captions before the first anchor start at zero. */
function runsOf(planned: Planned[]): Planned[][] {
  const runs: Planned[][] = [];
  for (const item of planned) {
    const last = runs[runs.length - 1];
    if (!last || item.anchor !== undefined) runs.push([item]);
    else last.push(item);
  }
  return runs;
}

/** The least time a run can be squeezed into. */
function minimum(run: Planned[]): number {
  return run.filter((item) => item.weight > 0).length * MIN_SQUEEZED_MS;
}

/**
 * Known times are the truth; a caption's minimum length is only comfort. So a run short of time
 * squeezes its captions, and only a run with no real time at all (two things at one moment, or times
 * out of order) takes in the run after it, whose time gives way.
 */
function mergeTimelessRuns(runs: Planned[][]): void {
  for (let r = 0; r < runs.length - 1; r++) {
    const run = runs[r] ?? [];
    const next = runs[r + 1] ?? [];
    const from = run[0]?.anchor ?? 0;
    if ((next[0]?.anchor ?? 0) - from < minimum(run)) {
      for (const item of next) delete item.anchor;
      run.push(...next);
      runs.splice(r + 1, 1);
      r--;
    }
  }
}

/** Each run's span, to the next anchor, the duration or an estimate, shared among its captions. */
function timeRuns(runs: Planned[][], durationMs: number | undefined): void {
  runs.forEach((run, r) => {
    const from = run[0]?.anchor ?? 0;
    const nextAnchor = runs[r + 1]?.[0]?.anchor;
    let to: number;
    if (nextAnchor !== undefined) to = nextAnchor;
    else if (durationMs !== undefined && durationMs - from >= minimum(run)) to = durationMs;
    else to = from + estimate(run);
    const weighted = run.filter((item) => item.weight > 0);
    const parts = shares(weighted.map((item) => item.weight), to - from);
    let elapsed = 0;
    let w = 0;
    for (const item of run) {
      item.start = from + Math.round(elapsed);
      if (item.weight > 0) elapsed += parts[w++] ?? 0;
      item.end = from + Math.round(elapsed);
    }
  });
}

/**
 * The captions in order, none starting before the one before it ends. Headings are planned like the
 * rest (their times bound the captions around them) and kept; captionsOf leaves them out unless
 * asked for, so every format gives the same caption the same times.
 */
function placed(planned: Planned[]): Caption[] {
  let previousEnd = 0;
  const out: Caption[] = [];
  for (const item of planned) {
    const start = Math.max(item.start, previousEnd);
    const end = item.weight === 0 ? start : Math.max(item.end, start + Math.max(1, Math.min(MIN_CAPTION_MS, item.end - item.start)));
    previousEnd = end;
    const { lead, text, lines } = item.piece;
    out.push({ passage: item.passage, lead, text, lines, turnFirst: item.turnFirst, start: start / 1000, end: end / 1000 });
  }
  return out;
}

/** Milliseconds each weighted item gets of a span: in proportion, with a floor when there is room. */
function shares(weights: number[], span: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (span < n * MIN_CAPTION_MS) return weights.map(() => Math.max(0, span) / n);
  const result = new Array<number>(n).fill(0);
  const fixed = new Set<number>();
  // Proportional shares; anything under the floor is fixed at the floor and the rest re-shared.
  for (;;) {
    const free = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const room = span - fixed.size * MIN_CAPTION_MS;
    const total = free.reduce((sum, i) => sum + (weights[i] ?? 0), 0);
    let changed = false;
    for (const i of free) {
      const share = total > 0 ? (room * (weights[i] ?? 0)) / total : room / free.length;
      if (share < MIN_CAPTION_MS) {
        fixed.add(i);
        changed = true;
      }
      result[i] = share;
    }
    if (!changed) break;
  }
  for (const i of fixed) result[i] = MIN_CAPTION_MS;
  return result;
}

function estimate(items: Planned[]): number {
  return items.reduce((sum, item) => sum + (item.weight > 0 ? Math.max(1000, (item.weight / CHARS_PER_SECOND) * 1000) : 0), 0);
}

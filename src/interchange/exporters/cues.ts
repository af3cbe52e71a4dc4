// From the transcript outline to caption cues: what every exporter reads. A passage is one
// paragraph, sound cue, heading or note as the page shows it; a caption cue is a piece of a
// passage short enough to read on screen (at most two lines of 65 characters), with a start and
// an end in the audio.
//
// Times: a passage with its own time starts there, and passages without one continue from the
// one before. Everything from one known time to the next (a "run") shares that span in
// proportion to its characters, each cue getting half a second at least when the span allows.
// The last run ends at the story's duration, or after an estimated reading time.

import type { Cue, Manner, Speaker, TranscriptBlock } from "../../transcript/model.ts";
import type { ExportableStory } from "./index.ts";

export type SegmentType = "speech" | "cue" | "heading" | "note";

type TurnBlock = Extract<TranscriptBlock, { kind: "turn" }>;

/** One paragraph, sound cue, heading or note, with what it needs to be written anywhere. */
export interface Passage {
  type: SegmentType;
  /** Words as written, spaces collapsed; a sound cue in parentheses: "(Soundbite of music)". */
  text: string;
  /** The time the passage carries in the notation, in seconds. */
  start?: number;
  /** The turn it belongs to; none for the introduction, cues, headings and notes. */
  turn?: TurnBlock;
  speaker?: Speaker;
  /** The turn's manner, on the turn's first paragraph only. */
  manner?: Manner;
  lang?: string;
  /** Inside taped audio: a taped turn, or the cue that starts the tape. */
  tape: boolean;
  cue?: Cue;
  /** Whether this is the first passage of its turn (where a label goes). */
  turnFirst: boolean;
}

/** A piece of a passage as shown on screen. */
export interface CaptionCue {
  passage: Passage;
  /** What opens the cue before the words: "(Speaking Spanish) ", or "Ana Ruiz: " for SRT. */
  lead: string;
  /** The passage's words this cue shows. */
  text: string;
  /**
   * `lead + text` broken into lines at spaces: joined with "\n", it is `lead + text` with some
   * single spaces turned into line breaks, so offsets into one are offsets into the other.
   */
  lines: string[];
  /** Whether this is the first cue of its turn. */
  turnFirst: boolean;
  /** Seconds, whole milliseconds. Headings are points: start equals end. */
  start: number;
  end: number;
}

export interface CaptionOptions {
  /** Put "Name: " before the first cue of each turn (SRT's convention). */
  names?: boolean;
  /** Keep headings, as zero-length cues (JSON does; captions do not). */
  headings?: boolean;
}

export const MAX_LINE = 65;
export const MAX_LINES = 2;
/** Shortest time a cue stays on screen when the span allows, in milliseconds. */
export const MIN_CUE_MS = 500;
/** The least a cue is given when its passage is too short for MIN_CUE_MS a cue. */
const MIN_SQUEEZED_MS = 20;
/** Reading speed for estimates: characters per second. */
const CHARS_PER_SECOND = 15;
/** A sound cue is short to read but takes time in the audio: weigh it like this many characters. */
const CUE_WEIGHT = 20;

const squash = (text: string) => text.replace(/\s+/gu, " ").trim();

function cueText(cue: Cue): string {
  return `(${cue.text})`;
}

/** The story's passages in reading order. Empty paragraphs are left out. */
export function passages(blocks: readonly TranscriptBlock[]): Passage[] {
  const out: Passage[] = [];
  blocks.forEach((block, index) => {
    switch (block.kind) {
      case "intro":
        for (const paragraph of block.paragraphs) {
          const text = squash(paragraph.text);
          if (text) out.push({ type: "speech", text, ...at(paragraph.start), tape: false, turnFirst: false });
        }
        break;
      case "turn":
        block.paragraphs.forEach((paragraph, i) => {
          const text = squash(paragraph.text);
          const manner = i === 0 ? block.manner : undefined;
          if (!text && !manner) return;
          out.push({
            type: "speech",
            text,
            ...at(paragraph.start ?? (i === 0 ? block.start : undefined)),
            turn: block,
            speaker: block.speaker,
            ...(manner ? { manner } : {}),
            ...(block.lang ? { lang: block.lang } : {}),
            tape: block.tape,
            turnFirst: i === 0,
          });
        });
        break;
      case "cue": {
        const next = blocks[index + 1];
        const tape = block.cue.startsTape && next?.kind === "turn" && next.tape;
        out.push({ type: "cue", text: cueText(block.cue), ...at(block.start), cue: block.cue, tape, turnFirst: false });
        break;
      }
      case "heading":
        out.push({ type: "heading", text: squash(block.title), ...at(block.start), tape: false, turnFirst: false });
        break;
      case "note": {
        const text = squash(block.text);
        if (text) out.push({ type: "note", text, ...at(block.start), tape: false, turnFirst: false });
        break;
      }
    }
  });
  return out;
}

function at(start: number | undefined): { start?: number } {
  return start === undefined ? {} : { start };
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Greedy line breaking at spaces; a word longer than the width keeps a line to itself. */
export function wrapGreedy(text: string, width = MAX_LINE): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/** Whether text fits on a caption: at most two lines (greedy breaking needs the fewest lines). */
function fits(text: string): boolean {
  return wrapGreedy(text).length <= MAX_LINES;
}

/** Words a line should not end on when another break is as good: articles, prepositions, "and". */
const WEAK_ENDS = new Set(["a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or", "but", "his", "her", "its", "their", "our", "my", "your"]);

/** How good a break after this first line is: shorter is better. */
function breakCost(first: string, second: string): number {
  const last = first.slice(first.lastIndexOf(" ") + 1);
  const strength = breakAfter(last);
  const bonus = strength === 2 ? 20 : strength === 1 ? 12 : 0;
  const penalty = WEAK_ENDS.has(last.toLowerCase()) ? 10 : 0;
  return Math.max(first.length, second.length) - bonus + penalty;
}

/**
 * Caption lines for text that fits: one line when it can be, otherwise two lines within the
 * width, broken where the lines come out even, preferably after a sentence or clause and not
 * after "the" or "of". Falls back to greedy lines (an over-long word).
 */
export function captionLines(text: string): string[] {
  if (text.length <= MAX_LINE) return [text];
  let best: { lines: [string, string]; cost: number } | undefined;
  for (let i = text.indexOf(" "); i !== -1; i = text.indexOf(" ", i + 1)) {
    const first = text.slice(0, i);
    const second = text.slice(i + 1);
    if (first.length > MAX_LINE || second.length > MAX_LINE) continue;
    const cost = breakCost(first, second);
    if (!best || cost < best.cost) best = { lines: [first, second], cost };
  }
  return best?.lines ?? wrapGreedy(text);
}

// ---------------------------------------------------------------------------------------------
// Splitting a passage into cues

/** After a word: 2 ends a sentence, 1 ends a clause, 0 neither. */
function breakAfter(word: string): number {
  if (/[.!?…]["”’'»)\]]*$/u.test(word)) return 2;
  if (/[,;:—–]["”’'»)\]]*$/u.test(word) || word === "--" || word === "—" || word === "–") return 1;
  return 0;
}

/** A break is worth taking when the cue before it holds at least this many characters. */
const MIN_USEFUL = 30;

/**
 * Splits `lead + text` into cue texts that fit, cutting at the last sentence end that fits, else
 * the last clause end, else the last word that fits. The lead goes on the first cue only.
 */
export function splitText(lead: string, text: string): Array<{ lead: string; text: string }> {
  const words = text === "" ? [] : text.split(" ");
  if (words.length === 0) return [{ lead, text: "" }];
  const pieces: Array<{ lead: string; text: string }> = [];
  let from = 0;
  let currentLead = lead;
  while (from < words.length) {
    // The furthest word that still fits (at least one word, however long).
    let to = from + 1;
    while (to < words.length && fits(currentLead + words.slice(from, to + 1).join(" "))) to++;
    if (to < words.length) {
      let sentence = -1;
      let clause = -1;
      for (let k = from + 1; k <= to; k++) {
        const strength = breakAfter(words[k - 1] ?? "");
        const length = currentLead.length + words.slice(from, k).join(" ").length;
        if (length < MIN_USEFUL) continue;
        if (strength === 2) sentence = k;
        else if (strength === 1) clause = k;
      }
      if (sentence > 0) to = sentence;
      else if (clause > 0) to = clause;
    }
    pieces.push({ lead: currentLead, text: words.slice(from, to).join(" ") });
    currentLead = "";
    from = to;
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Times

interface Planned {
  cue: Omit<CaptionCue, "start" | "end">;
  /** Milliseconds from a passage's own time, on the passage's first cue. */
  anchor?: number;
  weight: number;
  start: number;
  end: number;
}

/** Milliseconds each weighted item gets of a span: in proportion, with a floor when there is room. */
function shares(weights: number[], span: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (span < n * MIN_CUE_MS) return weights.map(() => Math.max(0, span) / n);
  const result = new Array<number>(n).fill(0);
  const fixed = new Set<number>();
  // Proportional shares; anything under the floor is fixed at the floor and the rest re-shared.
  for (;;) {
    const free = weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const room = span - fixed.size * MIN_CUE_MS;
    const total = free.reduce((sum, i) => sum + (weights[i] ?? 0), 0);
    let changed = false;
    for (const i of free) {
      const share = total > 0 ? (room * (weights[i] ?? 0)) / total : room / free.length;
      if (share < MIN_CUE_MS) {
        fixed.add(i);
        changed = true;
      }
      result[i] = share;
    }
    if (!changed) break;
  }
  for (const i of fixed) result[i] = MIN_CUE_MS;
  return result;
}

function estimate(items: Planned[]): number {
  return items.reduce((sum, item) => sum + (item.weight > 0 ? Math.max(1000, (item.weight / CHARS_PER_SECOND) * 1000) : 0), 0);
}

/**
 * The story's caption cues in order, with times. For a story without any times, the times are an
 * estimate from the start (spread over the duration when it is known).
 */
export function captionCues(story: Pick<ExportableStory, "blocks" | "duration">, options: CaptionOptions = {}): CaptionCue[] {
  const planned: Planned[] = [];
  for (const passage of passages(story.blocks)) {
    const name = options.names && passage.turnFirst && passage.speaker ? `${passage.speaker.name}: ` : "";
    const manner = passage.manner ? `(${passage.manner.text})${passage.text ? " " : ""}` : "";
    const pieces = passage.type === "heading" ? [{ lead: "", text: passage.text }] : splitText(name + manner, passage.text);
    pieces.forEach((piece, i) => {
      const full = piece.lead + piece.text;
      const weight = passage.type === "heading" ? 0 : passage.type === "cue" ? Math.max(CUE_WEIGHT, full.length) : full.length;
      planned.push({
        cue: {
          passage,
          lead: piece.lead,
          text: piece.text,
          lines: passage.type === "heading" ? [full] : captionLines(full),
          turnFirst: passage.turnFirst && i === 0,
        },
        ...(i === 0 && passage.start !== undefined ? { anchor: Math.round(passage.start * 1000) } : {}),
        weight,
        start: 0,
        end: 0,
      });
    });
  }

  // Runs: from one anchored cue to the next; cues before the first anchor start at zero.
  const runs: Planned[][] = [];
  for (const item of planned) {
    const last = runs[runs.length - 1];
    if (!last || item.anchor !== undefined) runs.push([item]);
    else last.push(item);
  }
  const durationMs = story.duration ? Math.round(story.duration.seconds * 1000) : undefined;
  // Known times are the truth; a cue's minimum length is only comfort. So a run short of time
  // squeezes its cues, and only a run with no real time at all (two things at one moment, or times
  // out of order) takes in the run after it, whose time gives way.
  const minimum = (run: Planned[]) => run.filter((item) => item.weight > 0).length * MIN_SQUEEZED_MS;
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

  // Headings are planned like the rest (their times bound the cues around them) and left out
  // here unless asked for, so every format gives the same cue the same times.
  let previousEnd = 0;
  const out: CaptionCue[] = [];
  for (const item of planned) {
    const start = Math.max(item.start, previousEnd);
    const end = item.weight === 0 ? start : Math.max(item.end, start + Math.max(1, Math.min(MIN_CUE_MS, item.end - item.start)));
    previousEnd = end;
    if (item.cue.passage.type !== "heading" || options.headings) out.push({ ...item.cue, start: start / 1000, end: end / 1000 });
  }
  return out;
}

// Passages: the transcript outline in reading order. A passage is one paragraph, sound cue,
// heading or note as the page shows it, with what it needs to be written anywhere.

import type { Cue, Manner, Speaker, TranscriptBlock } from "../../transcript/model.ts";

import type { SegmentType } from "../podcasting20-schema.ts";
import { collapseSpaces } from "../../transcript/text.ts";

export type { SegmentType };

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

const squash = collapseSpaces;

function cueText(cue: Cue): string {
  return `(${cue.text})`;
}


/**
 * A story whose downloads are written one after another may carry its passages, read once
 * (`withPassages`); each exporter asks `passagesOf`. Only the story being written carries them,
 * so an archive's passages are never all held at once.
 */
export interface WithPassages {
  blocks: readonly TranscriptBlock[];
  passages?: readonly Passage[];
}

export function passagesOf(story: WithPassages): readonly Passage[] {
  return story.passages ?? passages(story.blocks);
}

export function withPassages<T extends WithPassages>(story: T): T & { passages: readonly Passage[] } {
  return { ...story, passages: passagesOf(story) };
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

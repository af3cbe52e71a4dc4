// Caption cues → paragraphs and turns. Captions cut speech every few seconds, often mid-sentence;
// a transcript reads in paragraphs. Cues by the same voice join into one turn; a turn breaks into
// paragraphs at a sentence end after a long pause or once the paragraph is long. A cue with no
// voice continues the voice before it (files often name the speaker on a turn's first cue only).
// A cue that is only a sound ("[Laughter]") becomes a stand-alone cue between turns. Word times,
// where a cue has them, stay with the paragraph the words end up in.

import type { ImportedBlock, ImportedParagraph, ImportedSpeaker, ImportedWord, TimedCue } from "./model.ts";
import { roundMs } from "../transcript/times.ts";
import { soundOnly, squash } from "./text.ts";

export interface MergeOptions {
  /** Pause (seconds) after a sentence end that starts a new paragraph. */
  pause?: number;
  /** Paragraph length (characters) after which the next sentence end starts a new paragraph. */
  paragraphLength?: number;
  /** Speakers by the name cues use, when the source gives more than a name (roles, languages). */
  speakers?: Map<string, ImportedSpeaker>;
}

const SENTENCE_END = /[.!?…]["”’')\]]*$/u;

/** A timed cue, perhaps with its words' times, or known to be a sound whatever its words. */
export interface MergeCue extends TimedCue {
  words?: ImportedWord[];
  /** The sound's description, when the reader already knows the cue is one ("door slams"). */
  sound?: string;
  /** Said plainly: ends a turn said in a manner ("Singing") even with the same voice. */
  plain?: boolean;
}

export function mergeCues(cues: MergeCue[], options: MergeOptions = {}): ImportedBlock[] {
  const pause = options.pause ?? 2;
  const paragraphLength = options.paragraphLength ?? 700;
  const speakers = options.speakers ?? new Map<string, ImportedSpeaker>();
  const blocks: ImportedBlock[] = [];
  let turn: Extract<ImportedBlock, { type: "turn" }> | undefined;
  let paragraph: ImportedParagraph | undefined;
  let voice: string | undefined;
  const untimed = new WeakSet<ImportedParagraph>();

  const speakerFor = (name: string): ImportedSpeaker => {
    let speaker = speakers.get(name);
    if (!speaker) speakers.set(name, (speaker = { name }));
    return speaker;
  };

  for (const cue of cues) {
    const text = squash(cue.text);
    if (text === "" && !cue.manner) continue;
    const sound = cue.sound ?? soundOnly(text);
    if (sound) {
      blocks.push({ type: "cue", text: sound, start: roundMs(cue.start), end: roundMs(cue.end), line: cue.line });
      turn = undefined;
      paragraph = undefined;
      continue;
    }
    const name = cue.speaker?.trim() || voice;
    if (!turn || name !== voice || (cue.manner !== turn.manner && (cue.manner !== undefined || cue.plain))) {
      turn = { type: "turn", ...(name ? { speaker: speakerFor(name) } : {}), ...(cue.manner ? { manner: cue.manner } : {}), paragraphs: [] };
      blocks.push(turn);
      paragraph = undefined;
      voice = name;
    }
    if (text === "") continue; // a manner alone: the turn has no words to show
    const breakHere =
      paragraph !== undefined &&
      SENTENCE_END.test(paragraph.text) &&
      (cue.start - (paragraph.end ?? cue.start) >= pause || paragraph.text.length >= paragraphLength);
    if (!paragraph || breakHere) {
      paragraph = { text, start: roundMs(cue.start), end: roundMs(cue.end), line: cue.line };
      turn.paragraphs.push(paragraph);
    } else {
      paragraph.text = joinCueText(paragraph.text, text);
      paragraph.end = roundMs(Math.max(paragraph.end ?? cue.end, cue.end));
    }
    addWords(paragraph, cue, untimed);
  }
  return blocks;
}

/**
 * The cue's timed words added to the paragraph's. A paragraph keeps word times only while every
 * cue in it has them: a list missing some of its words would mislead whoever reads the times.
 */
function addWords(paragraph: ImportedParagraph, cue: MergeCue, untimed: WeakSet<ImportedParagraph>): void {
  if (untimed.has(paragraph)) return;
  if (!cue.words?.length) {
    delete paragraph.words;
    untimed.add(paragraph);
    return;
  }
  paragraph.words = [...(paragraph.words ?? []), ...cue.words];
}

/** Joins two cues' words into one run of text. */
function joinCueText(before: string, after: string): string {
  return `${before} ${after}`;
}

// Captions → paragraphs and turns. Captions cut speech every few seconds, often mid-sentence;
// a transcript reads in paragraphs. Captions by the same voice join into one turn; a turn breaks into
// paragraphs at a sentence end after a long pause or once the paragraph is long. A caption with no
// voice continues the voice before it (files often name the speaker on a turn's first caption only).
// A caption that is only a sound ("[Laughter]") becomes a stand-alone cue between turns. Word times,
// where a caption has them, stay with the paragraph the words end up in.

import type { ImportedBlock, ImportedParagraph, ImportedSpeaker, ImportedWord, TimedCaption } from "./model.ts";
import { roundMs } from "../transcript/times.ts";
import { soundOnly, squash } from "./text.ts";

export interface MergeOptions {
  /** Pause (seconds) after a sentence end that starts a new paragraph. */
  pause?: number;
  /** Paragraph length (characters) after which the next sentence end starts a new paragraph. */
  paragraphLength?: number;
  /** Speakers by the name captions use, when the source gives more than a name (roles, languages). */
  speakers?: Map<string, ImportedSpeaker>;
}

const SENTENCE_END = /[.!?…]["”’')\]]*$/u;

/** A timed caption, perhaps with its words' times, or known to be a sound whatever its words. */
export interface MergeCaption extends TimedCaption {
  words?: ImportedWord[];
  /** The sound's description, when the reader already knows the caption is one ("door slams"). */
  sound?: string;
  /** Said plainly: ends a turn said in a manner ("Singing") even with the same voice. */
  plain?: boolean;
}

export function mergeCaptions(captions: MergeCaption[], options: MergeOptions = {}): ImportedBlock[] {
  const pause = options.pause ?? 2;
  const paragraphLength = options.paragraphLength ?? 700;
  const speakers = options.speakers ?? new Map<string, ImportedSpeaker>();
  const blocks: ImportedBlock[] = [];
  let turn: Extract<ImportedBlock, { kind: "turn" }> | undefined;
  let paragraph: ImportedParagraph | undefined;
  let voice: string | undefined;
  const untimed = new WeakSet<ImportedParagraph>();

  const speakerFor = (name: string): ImportedSpeaker => {
    let speaker = speakers.get(name);
    if (!speaker) speakers.set(name, (speaker = { name }));
    return speaker;
  };

  for (const caption of captions) {
    const text = squash(caption.text);
    if (text === "" && !caption.manner) continue;
    const sound = caption.sound ?? soundOnly(text);
    if (sound) {
      blocks.push({ kind: "cue", text: sound, start: roundMs(caption.start), end: roundMs(caption.end), line: caption.line });
      turn = undefined;
      paragraph = undefined;
      continue;
    }
    const name = caption.speaker?.trim() || voice;
    if (!turn || name !== voice || (caption.manner !== turn.manner && (caption.manner !== undefined || caption.plain))) {
      turn = { kind: "turn", ...(name ? { speaker: speakerFor(name) } : {}), ...(caption.manner ? { manner: caption.manner } : {}), paragraphs: [] };
      blocks.push(turn);
      paragraph = undefined;
      voice = name;
    }
    if (text === "") continue; // a manner alone: the turn has no words to show
    const breakHere =
      paragraph !== undefined &&
      SENTENCE_END.test(paragraph.text) &&
      (caption.start - (paragraph.end ?? caption.start) >= pause || paragraph.text.length >= paragraphLength);
    if (!paragraph || breakHere) {
      paragraph = { text, start: roundMs(caption.start), end: roundMs(caption.end), line: caption.line };
      turn.paragraphs.push(paragraph);
    } else {
      paragraph.text = joinCaptionText(paragraph.text, text);
      paragraph.end = roundMs(Math.max(paragraph.end ?? caption.end, caption.end));
    }
    addWords(paragraph, caption, untimed);
  }
  return blocks;
}

/**
 * The caption's timed words added to the paragraph's. A paragraph keeps word times only while every
 * caption in it has them: a list missing some of its words would mislead whoever reads the times.
 */
function addWords(paragraph: ImportedParagraph, caption: MergeCaption, untimed: WeakSet<ImportedParagraph>): void {
  if (untimed.has(paragraph)) return;
  if (!caption.words?.length) {
    delete paragraph.words;
    untimed.add(paragraph);
    return;
  }
  paragraph.words = [...(paragraph.words ?? []), ...caption.words];
}

/** Joins two captions' words into one run of text. */
function joinCaptionText(before: string, after: string): string {
  return `${before} ${after}`;
}

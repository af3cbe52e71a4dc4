// The core every speech-recognition importer shares: timed words, each with the raw speaker
// label the service gave it and its confidence, become turns and paragraphs.
//
// - A new turn where the speaker label changes. Speakers keep the service's label as their name
//   and as `diarisation` ("SPEAKER_00", "A", "0", "spk_1"); naming them is a later step.
// - A new paragraph inside a turn where the service marks one (Deepgram's paragraphs, a new
//   utterance or monologue), or after a sentence end followed by a pause of PAUSE seconds or
//   more (2 s: a breath between sentences is well under a second, a 2 s silence is a change of
//   thought; the caption importers use the same figure), or after a sentence end once the
//   paragraph is PARAGRAPH_LENGTH characters long. Output without punctuation breaks at a
//   pause of UNPUNCTUATED_PAUSE seconds, or of a second once the paragraph is
//   UNPUNCTUATED_LENGTH characters long, so that it does not become one wall of text.
// - Punctuation the service gives as separate items (Rev.ai's punct elements, Amazon's
//   punctuation items) attaches to the word before it (opening marks to the word after), so
//   each kept word reads "Ortiz," with the word's own times.
// - A sound standing alone ("[Music]", "♪") at a sentence boundary becomes a stand-alone cue;
//   inside a sentence it stays inline.
// - Words without a speaker label in a diarised file are not given to a neighbour: they form a
//   turn with no speaker (the writer calls it "Unidentified speaker" once anyone has been
//   named), and a review warning names their time and line.
// - A file with no labels at all (plain Whisper) is one unnamed voice, not one invented
//   speaker (Whisper cannot tell two voices apart, so "Speaker 1" would put every word in one
//   mouth): its turns have no speaker, which the writer prints as unlabelled paragraphs, and
//   one review warning says that nobody told the voices apart.

import type { ImportedBlock, ImportedParagraph, ImportedSpeaker, ImportedWord, ImportWarning } from "../../model.ts";
import { roundMs } from "../../../transcript/times.ts";
import { bracketedSounds, cleanText, soundOnly, squash } from "../../text.ts";
import { clockText } from "./clock.ts";

/** Seconds of silence after a sentence end that start a new paragraph. */
export const PAUSE = 2;
/** Characters after which the next sentence end starts a new paragraph. */
export const PARAGRAPH_LENGTH = 700;
/** Seconds of silence that start a new paragraph even where no sentence has ended. */
export const UNPUNCTUATED_PAUSE = 5;
/** Characters after which, with no sentence end in sight, a pause of a second starts a new paragraph. */
export const UNPUNCTUATED_LENGTH = 2000;

/** One item of a recogniser's output, in the order the service gives them. */
export interface AsrToken {
  text: string;
  /** "word": something heard; "punct": punctuation the service added, with no times of its own. */
  kind: "word" | "punct";
  start?: number;
  end?: number;
  /** 0–1. */
  confidence?: number;
  /** The service's raw speaker label; undefined when it gave none for this word. */
  speaker?: string;
  /** 1-based source line. */
  line?: number;
  /** Written straight after the token before, without a space, as a word of its own (a script without spaces). */
  glue?: boolean;
  /** The rest of the word before, which the service cut in pieces ("Inish" + "more"): one word with both pieces' times, and the lower confidence. */
  continues?: boolean;
  /** A sound inside speech ("(inaudible)" for audio the service could not make out): never a stand-alone cue. */
  inline?: boolean;
  /** The service starts a paragraph here (a Deepgram paragraph, an AssemblyAI utterance, a Rev.ai monologue). */
  paragraphStart?: boolean;
  /** Several words with one time span (Whisper without word times): kept as text, not as a word. */
  chunk?: boolean;
}

export interface AsrOptions {
  /** Real names for raw labels, where the format has them (Rev.ai's speaker names). */
  speakerNames?: Map<string, string>;
  /** What to tell the editor when the file has no speaker labels at all. */
  undiarisedHint?: string;
}

export interface AsrResult {
  blocks: ImportedBlock[];
  warnings: ImportWarning[];
  /** Whether any word carried a speaker label. */
  diarised: boolean;
}

/** A word with its punctuation folded in: what paragraphs are built from. */
interface Unit extends AsrToken {
  glue: boolean;
}

const CLOSING = /^[.,;:!?…%)\]}»”’"'。、，！？）」』]+$/u;
const OPENING = /^[(\[{¿¡„“«‘「『（]+$/u;
const SENTENCE_END = /[.!?…。！？]["”’')\]]*$/u;

/** Timed words → turns and paragraphs, with warnings for whatever the editor must check. */
export function tokensToBlocks(tokens: readonly AsrToken[], options: AsrOptions = {}): AsrResult {
  const units = foldPunctuation(tokens);
  const diarised = units.some((u) => u.speaker !== undefined);
  const builder = new BlockBuilder(options.speakerNames ?? new Map());
  for (const unit of units) builder.add(unit);
  const warnings = diarised ? unlabelledWarnings(builder.unlabelled) : [];
  if (!diarised && units.length > 0) {
    const line = units[0]?.line;
    warnings.push({
      ...(line ? { line } : {}),
      message: `The file has no speaker labels, so the transcript is written as one unnamed voice, without labels.${options.undiarisedHint ? ` ${options.undiarisedHint}` : ""} Add a label (NAME:) where each voice starts.`,
      review: true,
    });
  }
  return { blocks: builder.blocks, warnings, diarised };
}

/** Punctuation items join the word before them (opening marks the word after); empty items go. */
function foldPunctuation(tokens: readonly AsrToken[]): Unit[] {
  const units: Unit[] = [];
  let opening = "";
  for (const token of tokens) {
    // Sounds a recogniser writes in square brackets ("[laughs]") take the notation's parentheses.
    const text = squash(bracketedSounds(cleanText(token.text)));
    if (text === "") continue;
    const last = units.at(-1);
    if (token.kind === "punct") {
      if (OPENING.test(text) || !last) opening += text;
      else last.text += CLOSING.test(text) ? text : ` ${text}`;
      continue;
    }
    if (token.continues && last && opening === "" && last.speaker === token.speaker) {
      continueWord(last, text, token);
      continue;
    }
    units.push({ ...token, text: `${opening}${text}`, glue: token.glue === true && opening === "" });
    opening = "";
  }
  const last = units.at(-1);
  if (opening && last) last.text += opening;
  return units;
}

/** Adds a piece to the word it belongs to. */
function continueWord(word: Unit, text: string, piece: AsrToken): void {
  word.text += text;
  if (piece.end !== undefined) word.end = Math.max(word.end ?? piece.end, piece.end);
  word.start ??= piece.start;
  if (piece.confidence !== undefined) word.confidence = Math.min(word.confidence ?? piece.confidence, piece.confidence);
}

type Turn = Extract<ImportedBlock, { kind: "turn" }>;

/** A run of words in a diarised file that no speaker label covers. */
interface UnlabelledRun {
  start?: number;
  end?: number;
  line?: number;
  text: string;
}

/** Adds units one at a time, opening turns and paragraphs where the rules say. */
class BlockBuilder {
  readonly blocks: ImportedBlock[] = [];
  readonly unlabelled: UnlabelledRun[] = [];
  private readonly speakers = new Map<string, ImportedSpeaker>();
  private turn: Turn | undefined;
  private label: string | undefined;
  private paragraph: ImportedParagraph | undefined;

  constructor(private readonly names: Map<string, string>) {}

  add(unit: Unit): void {
    const sound = unit.inline ? undefined : soundOnly(unit.text);
    if (sound && (!this.paragraph || SENTENCE_END.test(this.paragraph.text))) {
      this.addCue(sound, unit);
      return;
    }
    if (!this.turn || unit.speaker !== this.label) this.openTurn(unit);
    if (!this.paragraph || this.breaksBefore(unit)) this.openParagraph(unit);
    this.append(unit);
  }

  /** A stand-alone sound; the same sound again straight after ("♪", "♪") lengthens it. */
  private addCue(sound: string, unit: Unit): void {
    const last = this.blocks.at(-1);
    if (last?.kind === "cue" && last.text === sound && this.turn === undefined) {
      if (unit.end !== undefined) last.end = roundMs(Math.max(last.end ?? unit.end, unit.end));
      return;
    }
    this.blocks.push({ kind: "cue", text: sound, ...times(unit.start, unit.end), ...(unit.line ? { line: unit.line } : {}) });
    this.turn = undefined;
    this.paragraph = undefined;
  }

  private openTurn(unit: Unit): void {
    const label = unit.speaker;
    this.turn = { kind: "turn", ...(label !== undefined ? { speaker: this.speakerFor(label) } : {}), paragraphs: [] };
    this.blocks.push(this.turn);
    this.label = label;
    this.paragraph = undefined;
    if (label === undefined) this.unlabelled.push({ start: unit.start, end: unit.end, line: unit.line, text: "" });
  }

  private speakerFor(label: string): ImportedSpeaker {
    let speaker = this.speakers.get(label);
    if (!speaker) {
      const name = this.names.get(label);
      speaker = name ? { name } : { name: label, diarisation: label };
      this.speakers.set(label, speaker);
    }
    return speaker;
  }

  private breaksBefore(unit: Unit): boolean {
    const p = this.paragraph;
    if (!p) return true;
    if (unit.paragraphStart) return true;
    const gap = unit.start !== undefined && p.end !== undefined ? unit.start - p.end : 0;
    if (SENTENCE_END.test(p.text)) return gap >= PAUSE || p.text.length >= PARAGRAPH_LENGTH;
    return gap >= UNPUNCTUATED_PAUSE || (p.text.length >= UNPUNCTUATED_LENGTH && gap >= 1);
  }

  private openParagraph(unit: Unit): void {
    this.paragraph = { text: "", ...(unit.line ? { line: unit.line } : {}) };
    this.turn?.paragraphs.push(this.paragraph);
  }

  private append(unit: Unit): void {
    const p = this.paragraph;
    if (!p) return;
    p.text = p.text === "" ? unit.text : unit.glue ? `${p.text}${unit.text}` : `${p.text} ${unit.text}`;
    if (unit.start !== undefined && p.start === undefined) p.start = roundMs(unit.start);
    const end = unit.end ?? unit.start;
    if (end !== undefined) p.end = roundMs(Math.max(p.end ?? end, end));
    if (!unit.chunk) (p.words ??= []).push(wordOf(unit));
    const run = this.label === undefined ? this.unlabelled.at(-1) : undefined;
    if (run) {
      run.text = run.text ? `${run.text} ${unit.text}` : unit.text;
      run.start ??= unit.start;
      if (end !== undefined) run.end = end;
    }
  }
}

function times(start: number | undefined, end: number | undefined): { start?: number; end?: number } {
  return { ...(start !== undefined ? { start: roundMs(start) } : {}), ...(end !== undefined ? { end: roundMs(end) } : {}) };
}

function wordOf(unit: Unit): ImportedWord {
  return {
    text: unit.text,
    ...times(unit.start, unit.end),
    ...(unit.confidence !== undefined ? { confidence: unit.confidence } : {}),
    ...(unit.line ? { line: unit.line } : {}),
  };
}

/** One review warning per unlabelled run: where it is and its first words. */
function unlabelledWarnings(runs: UnlabelledRun[]): ImportWarning[] {
  return runs.map((run) => {
    const words = run.text.split(" ");
    const quoted = words.length > 8 ? `${words.slice(0, 8).join(" ")}…` : run.text;
    const when = run.start !== undefined ? `At ${clockText(run.start)}${run.end !== undefined && run.end > run.start ? `–${clockText(run.end)}` : ""}, w` : "W";
    return {
      ...(run.line ? { line: run.line } : {}),
      message: `${when}ords have no speaker label ("${quoted}"): they are not given to anyone. Listen and name the voice.`,
      review: true,
    };
  });
}

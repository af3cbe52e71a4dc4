// Captions (WebVTT or SRT, already parsed) → timed captions by voice, ready for mergeCaptions. Written
// once for both formats: rolling repeats dropped, each caption cut into voice parts at dashes and ">>",
// each part's speaker read from "[Alba]", "(ALBA)", "ALBA:", ">> ALBA:" or "[SPEAKER_00]: ",
// unnamed voices numbered, descriptions made sounds, and every guess listed with its line.

import { captionLabel } from "../labels.ts";
import type { MergeCaption } from "../merge.ts";
import type { ImportedSpeaker, ImportWarning } from "../model.ts";
import { soundOnly, unescapeMarkdown } from "../text.ts";
import { readBody } from "./inline.ts";
import { joinLines, plainWords, slice, trim, type Piece, type RawCaption } from "./lines.ts";
import { isDiarisationLabel, readOpening, splitVoices, type VoicePart } from "./parts.ts";
import { dropRepeatedLines, isRolling } from "./rolling.ts";
import { VoiceTracker } from "./voices.ts";

export type { CaptionLine, RawCaption } from "./lines.ts";

export interface CaptionOptions {
  /** "WebVTT", "SRT": for messages. */
  formatName: string;
  /** Voices the file's markup names (WebVTT <v>): a "Name:" label elsewhere is then a guess to review. */
  voices?: ReadonlySet<string>;
}

export interface CaptionResult {
  captions: MergeCaption[];
  speakers: Map<string, ImportedSpeaker>;
  warnings: ImportWarning[];
}

/** A part read: who (if the part says), how, and what. */
interface ReadPart {
  line: number;
  start: number;
  end: number;
  marker?: VoicePart["marker"];
  name?: string;
  diarisation?: string;
  manner?: string;
  kind: "speech" | "sound" | "lyrics";
  text: string;
  piece: Piece;
}

/** Reads a file's captions into timed captions by voice. */
export function readCaptions(raw: RawCaption[], options: CaptionOptions): CaptionResult {
  const warnings: ImportWarning[] = [];
  const cleaned = withoutRepeats(raw.map(unescaped), options, warnings);
  const reader = new PartReader(cleaned, options, warnings);
  const parts = cleaned.flatMap((caption) => reader.read(caption));
  const tracker = new VoiceTracker();
  const captions = assignVoices(parts, tracker, warnings).map((caption) => (caption.speaker ? { ...caption, speaker: tracker.spelling(caption.speaker) } : caption));
  return { captions, speakers: tracker.speakers, warnings: [...warnings, ...tracker.warnings] };
}

/** An escaped dialogue dash ("\- Where?") is still a dash: escapes go before anything is read. */
function unescaped(caption: RawCaption): RawCaption {
  return { ...caption, lines: caption.lines.map((l) => ({ ...l, text: unescapeMarkdown(l.text) })) };
}

/** The captions without the lines rolling captions repeat, when the file rolls; said once, without a line. */
function withoutRepeats(raw: RawCaption[], options: CaptionOptions, warnings: ImportWarning[]): RawCaption[] {
  if (!isRolling(raw)) return raw;
  const rolling = dropRepeatedLines(raw);
  warnings.push({ message: `${options.formatName}: rolling captions (each cue repeats the line before); ${rolling.dropped} repeated lines were left out so that every word appears once.` });
  return rolling.captions;
}

/** Reads each caption's parts, keeping the names heard so far as evidence for the next. */
class PartReader {
  /** Speaker names heard so far, as written and in upper case. */
  private readonly known = new Set<string>();
  /** Words the file uses in lower case: "remember" there makes "Remember:" prose, not a name. */
  private readonly common: Set<string>;
  private previous: ReadPart | undefined;

  constructor(
    captions: RawCaption[],
    private readonly options: CaptionOptions,
    private readonly warnings: ImportWarning[],
  ) {
    for (const voice of options.voices ?? []) this.learn(voice);
    this.common = lowerCaseWords(captions);
  }

  read(caption: RawCaption): ReadPart[] {
    const base = { line: caption.line, start: caption.start, end: caption.end };
    if (caption.voice) {
      const { manner, piece } = mannerOpening(trim(joinLines(caption.lines)));
      const body = readBody(piece.text);
      const diarisation = isDiarisationLabel(caption.voice) ? { diarisation: caption.voice } : {};
      return [this.remember({ ...base, name: caption.voice, ...diarisation, ...(manner ? { manner } : {}), ...body, piece })];
    }
    return splitVoices(joinLines(caption.lines)).map((part) => this.remember(this.readPart(part, base)));
  }

  private remember(part: ReadPart): ReadPart {
    if (part.name) this.learn(part.name);
    if (part.kind === "speech" || part.kind === "lyrics") this.previous = part;
    return part;
  }

  private learn(name: string): void {
    this.known.add(name);
    this.known.add(name.toUpperCase());
  }

  private readPart(part: VoicePart, base: { line: number; start: number; end: number }): ReadPart {
    const marker = part.marker && part.marker !== "line" ? { marker: part.marker } : {};
    let rest: Piece = part;
    let name: string | undefined;
    let diarisation: string | undefined;
    let manner: string | undefined;
    const opening = readOpening(part, { known: this.known });
    if (opening.kind === "name") {
      name = opening.name;
      diarisation = opening.diarisation;
      rest = opening.rest;
      if (!opening.sure) {
        this.warnings.push({
          line: base.line,
          message: `${this.options.formatName}: read "${part.text.slice(0, part.text.length - opening.rest.text.length).trim()}" as the name of the speaker ${name} (${opening.evidence}); if it describes a sound, it is not a speaker: make it a sound cue and check who says these words.`,
          review: true,
        });
      }
    } else if (opening.kind === "manner") {
      manner = opening.manner;
      rest = opening.rest;
    }
    if (name === undefined) {
      const label = this.label(rest, part, base);
      if (label) {
        name = label.speaker;
        rest = label.rest;
      }
    }
    if (manner === undefined && name !== undefined) {
      const after = readOpening(rest, { known: new Set() });
      if (after.kind === "manner") {
        manner = after.manner;
        rest = after.rest;
      }
    }
    const body = readBody(rest.text);
    return {
      ...base,
      ...marker,
      ...(name ? { name } : {}),
      ...(diarisation ? { diarisation } : {}),
      ...(manner ? { manner } : {}),
      ...body,
      piece: rest,
    };
  }

  /** A "Name:" label opening the part, weighed against the caption before and the file's own words. */
  private label(rest: Piece, part: VoicePart, base: { line: number; start: number }): { speaker: string; rest: Piece } | undefined {
    const before = this.previous;
    const newVoice = part.marker === "dash" || part.marker === "chevron";
    // Within a caption, the words before are in the same caption: no pause between them.
    const gap = before && before.start === base.start ? 0 : base.start - (before?.end ?? base.start);
    const label = captionLabel(rest.text, {
      ...(before && !newVoice ? { previousText: before.text, gap } : {}),
      known: this.known,
      ...(newVoice ? { afterMarker: true } : {}),
    });
    if (!label) {
      this.warnIfLabelLeft(rest, base.line);
      return undefined;
    }
    const known = this.known.has(label.speaker) || this.known.has(label.speaker.toUpperCase());
    const word = label.speaker.toLowerCase();
    if (!known && !newVoice && !label.speaker.includes(" ") && this.common.has(word)) {
      this.warnings.push({
        line: base.line,
        message: `${this.options.formatName}: left "${label.speaker}:" as words, not a speaker: the file uses "${word}" as an ordinary word. If ${label.speaker} is a speaker, add the label in the story.`,
        review: true,
      });
      return undefined;
    }
    if (this.options.voices?.size && !known) {
      this.warnings.push({
        line: base.line,
        message: `Read "${label.speaker}:" at the start of the cue as a speaker change; the rest of the file names speakers with <v>.`,
        review: true,
      });
    }
    return { speaker: label.speaker, rest: trim(slice(rest, rest.text.length - label.text.length)) };
  }

  /**
   * A name and a colon left at the start of the words because a turn could not start there (the
   * sentence before runs on): said as a guess to check, for the words may be that speaker's.
   */
  private warnIfLabelLeft(rest: Piece, line: number): void {
    const anywhere = captionLabel(rest.text, { known: this.known, afterMarker: true });
    if (!anywhere) return;
    this.warnings.push({
      line,
      message: `${this.options.formatName}: left "${anywhere.speaker}:" inside the words of the speaker before, as the sentence before it runs on; if ${anywhere.speaker} speaks here, start a turn with that label.`,
      review: true,
    });
  }
}

/**
 * A manner opening a voice's words ("<v Ana>(Reading) The letter…", "(As Captain Moreau)",
 * "(Speaking Spanish)"): how the voice speaks, as the notation writes it after a label, not words.
 * Only a manner the notation knows; any other bracket stays in the words.
 */
function mannerOpening(piece: Piece): { manner?: string; piece: Piece } {
  const opening = readOpening(piece, { known: new Set() });
  return opening.kind === "manner" ? { manner: opening.manner, piece: opening.rest } : { piece };
}

/** Every word the file writes starting in lower case, lower-cased. */
function lowerCaseWords(captions: RawCaption[]): Set<string> {
  const words = new Set<string>();
  for (const caption of captions) for (const line of caption.lines) for (const m of line.text.matchAll(/(?<![\p{L}'’])\p{Ll}[\p{L}'’-]*/gu)) words.add(m[0]);
  return words;
}

/**
 * Gives each part its voice: a name names it; a dash or ">>" without a name starts a new unnamed
 * voice; otherwise the voice before goes on. Sung words with no singer named get a new voice of
 * their own, and speech after the song goes back to the voice before it, as a guess to check.
 * A sound changes no voice.
 */
function assignVoices(parts: ReadPart[], tracker: VoiceTracker, warnings: ImportWarning[]): MergeCaption[] {
  const out: MergeCaption[] = [];
  let song: { before: string | undefined; singer: string } | undefined;
  /** Names given since anyone last said something: the last may speak next, the others said nothing. */
  let silent: ReadPart[] = [];
  const saidNothing = (parts: ReadPart[]) => {
    for (const p of parts) warnings.push({ line: p.line, message: `${p.name ?? "A voice"} is named here but says nothing before the next speaker.` });
  };
  for (const part of parts) {
    const base = { start: part.start, end: part.end, line: part.line };
    // Words that come down to a sound alone ("(LAUGHTER) ♪") are that sound.
    const alone = part.kind === "sound" ? part.text : soundOnly(part.text);
    if (alone) {
      // "[Alba] [sighs]": the sound keeps who made it, "Alba: sighs"; the voice goes on as Alba.
      const sound = part.name ? `${tracker.named(part.name, part.diarisation)}: ${alone}` : alone;
      out.push({ ...base, text: `(${sound})`, sound });
      continue;
    }
    let voice: string | undefined;
    if (part.name) voice = tracker.named(part.name, part.diarisation);
    else if (part.marker) voice = tracker.fresh(part.line, markerName(part.marker));
    else if (part.kind === "lyrics") {
      if (!song) {
        const before = tracker.current;
        song = { before, singer: tracker.fresh(part.line, "Sung words (♪) with no singer named") };
      }
      voice = tracker.named(song.singer);
    } else if (song) {
      if (song.before === undefined) voice = tracker.fresh(part.line, "Speech after a song");
      else {
        voice = tracker.named(song.before);
        warnings.push({ line: part.line, message: `Speech after the song is given to ${voice}, who spoke before it; the captions do not say who speaks here.`, review: true });
      }
    } else voice = tracker.current;
    if (!(part.kind === "lyrics" && !part.name && !part.marker)) song = undefined;
    if (part.text === "" && part.name) silent.push(part);
    else if (part.text !== "") {
      saidNothing(silent.slice(0, -1));
      silent = [];
    }
    const manner = part.kind === "lyrics" ? (part.manner ?? "Singing") : part.manner;
    const words = plainWords(part.piece);
    out.push({
      ...base,
      text: part.text,
      ...(voice ? { speaker: voice } : {}),
      ...(manner ? { manner } : { plain: true }),
      ...(words?.length ? { words } : {}),
    });
  }
  saidNothing(silent);
  return out;
}

function markerName(marker: NonNullable<VoicePart["marker"]>): string {
  return marker === "dash" ? 'A dialogue dash ("- ")' : 'A ">>" (change of speaker)';
}

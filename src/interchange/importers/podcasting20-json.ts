// Podcasting 2.0 JSON transcripts: {"version": "1.0.0", "segments": [{speaker, startTime, endTime, body}]}.
// Generators often write one word per segment (the spec's own example does), so segments are
// joined into sentences here before mergeCaptions turns sentences into paragraphs and turns: mergeCaptions
// always puts a space between captions, which would give "Hello , world ." for word-level input.
// Our exporter may add `type` ("cue", with `cue` naming the sound; "heading"), `role` and
// `language`; they are read back when present. The shape is podcasting20-schema.ts, shared
// with the exporter.

import { ImportError } from "../model.ts";
import type { ImportedBlock, ImportedSpeaker, ImportedTranscript, ImportWarning, Importer, TimedCaption } from "../model.ts";
import { mergeCaptions } from "../merge.ts";
import { bracketedSounds, cleanText, soundOnly, squash } from "../text.ts";
import { roundMs } from "../../transcript/times.ts";
import { isRecord, parseJsonSource, tryParse, validate } from "../json-source.ts";
import { podcasting20Transcript, type Podcasting20Segment } from "../podcasting20-schema.ts";

type Segment = Podcasting20Segment;

/** A sentence (or a sound, or a named cue, or a heading) gathered from one or more segments. */
type Piece = { kind: "speech"; caption: TimedCaption } | { kind: "block"; block: Extract<ImportedBlock, { kind: "cue" | "heading" }> };

const FIXES: Record<string, string> = {
  startTime: "give startTime as a number of seconds from the start of the audio, e.g. 12.5.",
  endTime: "give endTime as a number of seconds from the start of the audio, e.g. 14.25.",
  body: "give body as a string (the words of the segment), or leave it out.",
  speaker: "give speaker as a string naming the voice, or leave it out.",
  segments: 'give "segments" as a list of {"speaker", "startTime", "endTime", "body"} objects.',
  version: 'give version as a string, "1.0.0".',
  type: 'give type as "speech", "cue", "heading" or "note", or leave it out.',
  cue: 'give cue as a string naming the sound ("laughter"), or leave it out.',
  role: 'give role as a string ("host", "guest"), or leave it out.',
  roleKind: 'give roleKind as "host", "byline" or "other", or leave it out.',
  language: 'give language as a language tag ("es"), or leave it out.',
  manner: 'give manner as a string ("Speaking Spanish"), or leave it out.',
  tape: "give tape as true inside taped audio, or leave it out.",
};
const ROOT_FIX = 'a Podcasting 2.0 transcript is an object: {"version": "1.0.0", "segments": [...]}.';

export const podcasting20JsonImporter: Importer = {
  format: "podcasting20-json",
  name: "Podcasting 2.0 JSON",
  detect(source) {
    const data = tryParse(source.text);
    // Speech-recognition JSON (Whisper, WhisperX) has "segments" too, with "start" and "text":
    // a Podcasting 2.0 segment has "startTime" or "body".
    if (data !== undefined) return isRecord(data) && Array.isArray(data.segments) && !looksLikeRecogniserOutput(data, data.segments);
    // Broken JSON that still looks like this format: detected, so that read() can say where it breaks.
    const head = source.text.slice(0, 6000);
    if (!/^\s*\{[\s\S]*"segments"\s*:\s*\[/u.test(source.text)) return false;
    return /"(?:startTime|endTime|body)"\s*:/u.test(head) || (OPENS_WITH_SEGMENTS.test(head) && !WHISPER_LIKE.test(head));
  },
  read(source) {
    const { data, lines } = parseJsonSource(source);
    const file = validate(source, data, lines, podcasting20Transcript, (key) => FIXES[key] ?? ROOT_FIX);
    const warnings: ImportWarning[] = [];
    const speakers = speakerTable(file.segments, file.language ?? undefined);
    const pieces = gatherPieces(file.segments, (i) => lines.get(`segments[${i}]`) ?? 1, warnings);
    const blocks = piecesToBlocks(pieces, speakers.byName);
    if (blocks.length === 0) {
      throw new ImportError(source.file, lines.get("segments"), "The transcript has no segment with words in it.", "check that each segment's words are in its body field.");
    }
    const transcript: ImportedTranscript = { format: "podcasting20-json", meta: {}, blocks, warnings };
    if (speakers.lang) transcript.meta.lang = speakers.lang;
    return transcript;
  },
};

/** The file opens with the segments list (after version or language, as this format's writers put them). */
const OPENS_WITH_SEGMENTS = /^\s*\{\s*(?:"(?:version|language)"\s*:\s*"[^"]*"\s*,\s*)*"segments"\s*:\s*\[/u;
/** What only speech-recognition JSON with segments has near its start (Whisper's decoder fields, WhisperX's). */
const WHISPER_LIKE = /"(?:seek|avg_logprob|no_speech_prob|compression_ratio|score|word_segments)"\s*:|"segments"\s*:\s*\[\s*\{\s*"(?:start|id)"/u;

/**
 * Whisper-style JSON: its first segment has "start" or "text" and none of this format's fields
 * (startTime, endTime, body), or the file has WhisperX's word_segments or Whisper's top-level text.
 */
function looksLikeRecogniserOutput(data: Record<string, unknown>, segments: unknown[]): boolean {
  if ("word_segments" in data) return true;
  const first: unknown = segments[0];
  if (first === undefined) return typeof data.text === "string" && "language" in data;
  if (!isRecord(first)) return false;
  return ("start" in first || "text" in first) && !("startTime" in first || "endTime" in first || "body" in first);
}

/**
 * Segments → sentences. A segment joins the sentence before it unless the voice changes, the
 * sentence has ended, or the segment is a sound or a named cue. Segments without words carry no
 * text but may still name the voice that speaks next.
 */
function gatherPieces(segments: Segment[], lineOf: (index: number) => number, warnings: ImportWarning[]): Piece[] {
  const pieces: Piece[] = [];
  let sentence: TimedCaption | undefined;
  let voice: string | undefined;
  const flush = () => {
    if (sentence) pieces.push({ kind: "speech", caption: sentence });
    sentence = undefined;
  };
  segments.forEach((segment, index) => {
    const line = lineOf(index);
    const end = endOf(segment, line, warnings);
    const named = segment.speaker?.trim();
    if (named && named !== voice) {
      flush();
      voice = named;
    }
    const manner = segment.manner?.trim() || undefined;
    if (sentence && manner !== sentence.manner) flush();
    if (segment.type === "cue") {
      flush();
      const piece = cuePiece(segment, end, line, warnings);
      if (piece) pieces.push(piece);
      return;
    }
    if (segment.type === "heading") {
      flush();
      const piece = headingPiece(segment, line, warnings);
      if (piece) pieces.push(piece);
      return;
    }
    const words = squash(bracketedSounds(cleanText(segment.body ?? "")));
    if (words === "") {
      // A manner with no words is a whole turn: speech the transcript leaves untranslated.
      if (manner) pieces.push({ kind: "speech", caption: { start: segment.startTime, end, text: "", line, manner, ...(voice ? { speaker: voice } : {}) } });
      return;
    }
    if (soundOnly(words)) {
      flush();
      pieces.push({ kind: "speech", caption: { start: segment.startTime, end, text: words, line, ...(voice ? { speaker: voice } : {}) } });
      return;
    }
    if (!sentence) sentence = { start: segment.startTime, end, text: words, line, ...(voice ? { speaker: voice } : {}), ...(manner ? { manner } : {}) };
    else {
      sentence.text = joinWords(sentence.text, words);
      sentence.end = Math.max(sentence.end, end);
    }
    if (SENTENCE_END.test(sentence.text)) flush();
  });
  flush();
  return pieces;
}

const SENTENCE_END = /[.!?…]["”’')\]]*$/u;

/** The segment's end time; an end before the start is a generator's slip, read as the start. */
function endOf(segment: Segment, line: number, warnings: ImportWarning[]): number {
  if (segment.endTime >= segment.startTime) return segment.endTime;
  warnings.push({ line, message: `endTime ${segment.endTime} is before startTime ${segment.startTime}; the start was used.` });
  return segment.startTime;
}

/** A segment our exporter marked as a cue: a stand-alone cue block, whatever its words. */
function cuePiece(segment: Segment, end: number, line: number, warnings: ImportWarning[]): Piece | undefined {
  const text = cueText(segment);
  if (text) return { kind: "block", block: { kind: "cue", text, start: roundMs(segment.startTime), end: roundMs(end), line } };
  warnings.push({ line, message: "A cue segment names no sound; it was left out.", review: true });
  return undefined;
}

/** A segment our exporter marked as a heading ("Act One"): a heading between turns, not words. */
function headingPiece(segment: Segment, line: number, warnings: ImportWarning[]): Piece | undefined {
  const text = squash(cleanText(segment.body ?? ""));
  if (text) return { kind: "block", block: { kind: "heading", title: text, start: roundMs(segment.startTime), line } };
  warnings.push({ line, message: "A heading segment has no words; it was left out." });
  return undefined;
}

/** A named cue's words without the brackets a writer may have kept: "(SOUNDBITE OF MUSIC)" → "SOUNDBITE OF MUSIC". */
function cueText(segment: Segment): string {
  const text = squash(cleanText(segment.body || segment.cue || ""));
  return /^[\[(].*[\])]$/u.test(text) ? squash(text.slice(1, -1)) : text;
}

/** Punctuation that attaches to the word before it: ",", ".", "?!", ")", "’", "%". */
const CLOSING = /^[.,;:!?…%)\]}»”’。、，！？]+$/u;
/** Punctuation that attaches to the word after it. */
const OPENING = /^[(\[{¿¡„“«]+$/u;

/** Joins a word-level segment onto the text before it, with a space only where one belongs. */
export function joinWords(before: string, word: string): string {
  if (before === "") return word;
  const lastWord = before.slice(before.lastIndexOf(" ") + 1);
  return CLOSING.test(word) || OPENING.test(lastWord) ? `${before}${word}` : `${before} ${word}`;
}

/** Runs of sentences go through mergeCaptions; named cues and headings sit between them as they are. */
function piecesToBlocks(pieces: Piece[], speakers: Map<string, ImportedSpeaker>): ImportedBlock[] {
  const blocks: ImportedBlock[] = [];
  let run: TimedCaption[] = [];
  const mergeRun = () => {
    blocks.push(...mergeCaptions(run, { speakers }));
    run = [];
  };
  for (const piece of pieces) {
    if (piece.kind === "speech") run.push(piece.caption);
    else {
      mergeRun();
      blocks.push(piece.block);
    }
  }
  mergeRun();
  return blocks;
}

/**
 * Speakers with the role and language our exporter writes. The language most segments carry is
 * the transcript's own; a speaker gets a language only when theirs differs from it.
 */
function speakerTable(segments: Segment[], declared: string | undefined): { byName: Map<string, ImportedSpeaker>; lang?: string } {
  // The transcript's language is the one the file declares (our exporter's extra field), else
  // the most common one among segments whose language does not come from a manner
  // ("Speaking Spanish" is that turn's language, not the transcript's).
  const counts = new Map<string, number>();
  for (const s of segments) if (s.language && !s.manner) counts.set(s.language, (counts.get(s.language) ?? 0) + 1);
  const lang = declared || [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const byName = new Map<string, ImportedSpeaker>();
  for (const s of segments) {
    const name = s.speaker?.trim();
    if (!name) continue;
    const speaker = byName.get(name) ?? { name };
    if (s.role && !speaker.role) speaker.role = s.role;
    // A language from a manner ("Speaking Spanish") belongs to that turn, not to the speaker.
    if (s.language && !s.manner && s.language !== lang && !speaker.lang) speaker.lang = s.language;
    byName.set(name, speaker);
  }
  return lang ? { byName, lang } : { byName };
}

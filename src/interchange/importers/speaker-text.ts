// Text exports of transcription services (Otter, Descript): a speaker line, with or without the
// time the speaker starts, then the speech in one or more paragraphs. Shared by otter-text.ts and
// descript-text.ts: each says how it recognises a speaker line; the rest is read the same way here.

import { BlockBuilder } from "../block-builder.ts";
import { looksLikeName } from "../labels.ts";
import { ImportError, type ImportFormat, type ImportedParagraph, type ImportedTranscript, type ImportSource, type ImportWarning } from "../model.ts";
import { bracketedSounds, cleanText, squash } from "../text.ts";
import { isPlaceholderName } from "../../story/placeholder-speakers.ts";
import { parseTimestamp } from "../../transcript/times.ts";

/** What a speaker line says: who speaks (if it names someone), from when, and any words after it. */
export interface SpeakerLine {
  speaker?: string;
  start?: number;
  /** Speech on the same line, after the label. */
  rest: string;
}

/** Recognises a speaker line; `lines` and `index` let it look at its neighbours. */
export type LineReader = (text: string, lines: readonly string[], index: number) => SpeakerLine | undefined;

/** A clock as these exports write it: "0:03", "12:07", "1:02:03", "00:00:03.250", "00:00:03,250". */
export const CLOCK = String.raw`\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?`;
/** One word of a name: letters and the marks names carry ("O’Brien", "Jean-Luc", "J."), or a number ("Speaker 2"). */
const NAME_WORD = String.raw`(?:[\p{L}\p{M}][\p{L}\p{M}\d'’.\-]*|\d{1,3})`;
/** A name of one to six words, each separated by one space. */
export const NAME = String.raw`[\p{L}\p{M}][\p{L}\p{M}\d'’.\-]*(?: ${NAME_WORD}){0,5}`;

/** Lower-case particles inside names: "Ana de Souza", "Ludwig van Beethoven". */
const PARTICLES = new Set(["de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "y", "e", "ter", "zu"]);

/** "0:03" → 3, "1:02:03" → 3723, "00:00:03,5" → 3.5. */
export function clockSeconds(text: string): number | undefined {
  return parseTimestamp(text.replace(",", "."));
}

/** The file's lines, cleaned (entities, mojibake, odd spaces) and trimmed; CR LF and lone CR end lines too. */
export function sourceLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u).map((line) => cleanText(line).trim());
}

/**
 * Whether a label reads as a person's name: capitalised words (particles and numbers allowed
 * after the first), not a prose word ("Note", "Question"), or a service's placeholder
 * ("Speaker 2", "Unknown Speaker"). `caseless` also accepts names in scripts without capitals.
 */
export function plausibleName(name: string, caseless = false): boolean {
  if (name.length > 60) return false;
  if (isPlaceholderName(name) && /\p{L}/u.test(name)) return true;
  const words = name.split(" ");
  const first = words[0] ?? "";
  const capitalised = (word: string) => /^\p{Lu}/u.test(word) || (caseless && /^\p{Lo}/u.test(word));
  if (!capitalised(first)) return false;
  if (!words.slice(1).every((w) => capitalised(w) || PARTICLES.has(w) || /^\d{1,3}$/u.test(w))) return false;
  if (/[.]$/u.test(name) && !/(?:^|\s)(?:\p{Lu}|Jr|Sr|Dr|St)\.$/u.test(name)) return false;
  return looksLikeName(name.replace(/\s\d{1,3}$/u, ""));
}

/** Whether the line before is blank or the file starts here. */
export function blankBefore(lines: readonly string[], index: number): boolean {
  return index === 0 || lines[index - 1] === "";
}

/** Whether the next line has words. */
export function textAfter(lines: readonly string[], index: number): boolean {
  return (lines[index + 1] ?? "") !== "";
}

/** A paragraph being gathered from consecutive lines. */
interface Gathering {
  lines: string[];
  line: number;
  start?: number;
}

const LEADING_CLOCK = new RegExp(String.raw`^\[(${CLOCK})\]\s*`, "u");
const INNER_CLOCK = new RegExp(String.raw`\s*\[(${CLOCK})\]\s*`, "gu");

export interface ReadOptions {
  format: ImportFormat;
  /** The format's name, for messages. */
  name: string;
  readLine: LineReader;
  /** Lines the service adds that are not transcript ("Transcribed by https://otter.ai"). */
  footer?: RegExp;
  /** What a speaker line looks like in this format, for the error when none is found. */
  example: string;
}

/** Reads a speaker-text export into an imported transcript. */
export function readSpeakerText(source: ImportSource, options: ReadOptions): ImportedTranscript {
  const lines = sourceLines(source.text);
  const builder = new BlockBuilder();
  const dropped: number[] = [];
  let gathering: Gathering | undefined;
  let pendingStart: number | undefined;
  let speakers = 0;

  const flush = () => {
    if (!gathering) return;
    const text = squash(bracketedSounds(gathering.lines.join(" ").replace(INNER_CLOCK, (whole: string, clock: string) => {
      if (clockSeconds(clock) === undefined) return whole;
      dropped.push(gathering?.line ?? 0);
      return " ";
    })));
    const paragraph: ImportedParagraph = { text, line: gathering.line, ...(gathering.start === undefined ? {} : { start: gathering.start }) };
    builder.paragraph(paragraph);
    gathering = undefined;
  };

  lines.forEach((text, index) => {
    if (text === "") return flush();
    if (options.footer?.test(text)) return flush();
    const speakerLine = options.readLine(text, lines, index);
    if (speakerLine) {
      flush();
      if (speakerLine.speaker !== undefined) {
        builder.speaker(speakerLine.speaker, index + 1);
        speakers++;
      }
      pendingStart = speakerLine.start;
      if (speakerLine.rest !== "") gathering = open(speakerLine.rest, index + 1, pendingStart);
      if (speakerLine.rest !== "") pendingStart = undefined;
      return;
    }
    if (!gathering) {
      gathering = open(text, index + 1, pendingStart);
      pendingStart = undefined;
    } else {
      gathering.lines.push(text);
    }
  });
  flush();
  const { blocks, warnings } = builder.finish();
  if (speakers === 0) {
    throw new ImportError(source.file, undefined, `No speaker line was found, so this does not read as a ${options.name} export.`, `export the transcript again with speaker names on, so that each turn opens with a line like "${options.example}".`);
  }
  // A service's own placeholders are diarisation labels, not names: the import names them once.
  for (const block of blocks) {
    if (block.type === "turn" && block.speaker && block.speaker.diarisation === undefined && isPlaceholderName(block.speaker.name)) {
      block.speaker.diarisation = block.speaker.name;
    }
  }
  return { format: options.format, meta: {}, blocks, warnings: [...warnings, ...droppedClocks(dropped)] };
}

/** A paragraph opening on a line; a time in brackets at its start is when it starts. */
function open(text: string, line: number, start: number | undefined): Gathering {
  const leading = LEADING_CLOCK.exec(text);
  const seconds = leading?.[1] === undefined ? undefined : clockSeconds(leading[1]);
  if (leading && seconds !== undefined) return { lines: [text.slice(leading[0].length)], line, start: seconds };
  return { lines: [text], line, ...(start === undefined ? {} : { start }) };
}

function droppedClocks(lines: number[]): ImportWarning[] {
  if (lines.length === 0) return [];
  const first = [...new Set(lines)].slice(0, 5);
  return [
    {
      ...(first[0] === undefined ? {} : { line: first[0] }),
      message: `${lines.length} timecode${lines.length === 1 ? "" : "s"} inside paragraphs (lines ${first.join(", ")}${lines.length > first.length ? "…" : ""}) ${lines.length === 1 ? "was" : "were"} dropped: only the time a paragraph starts is kept.`,
    },
  ];
}

/**
 * Formats with importers of their own that may hold lines like these: JSON, WebVTT, HTML or
 * XML, caption timings ("00:00:01,000 --> …"), Markdown's bold labels ("**Name:**").
 */
export function isOtherFormat(text: string): boolean {
  const t = text.replace(/^\uFEFF/u, "").trimStart();
  return (
    /^[{[]\s*["{[\]]/u.test(t) ||
    /^WEBVTT(?:[ \t\r\n]|$)/u.test(t) ||
    /^</u.test(t) ||
    /^\s*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/mu.test(t) ||
    /^\*\*[^*\n]{1,80}?(?::\*\*|\*\*[ \t]*:)/mu.test(t)
  );
}

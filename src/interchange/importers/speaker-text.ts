// Text exports of transcription services (Otter, Descript): a speaker line, with or without the
// time the speaker starts, then the speech in one or more paragraphs. Shared by otter-text.ts and
// descript-text.ts: each says how it recognises a speaker line; the rest is read the same way here.

import { BlockBuilder } from "../block-builder.ts";
import { looksLikeName } from "../labels.ts";
import { ImportError, type ImportedBlock, type ImportedMeta, type ImportFormat, type ImportedParagraph, type ImportedTranscript, type ImportSource, type ImportWarning } from "../model.ts";
import { bracketedSounds, cleanText, squash } from "../text.ts";
import { isPlaceholderName } from "../../story/placeholder-speakers.ts";
import { matchManner } from "../../transcript/labels.ts";
import { parseTimestamp } from "../../transcript/times.ts";

/** What a speaker line says: who speaks (if it names someone), from when, and any words after it. */
export interface SpeakerLine {
  speaker?: string;
  /** As a label may give it after the name: "Kira Oduya, host:". */
  role?: string;
  start?: number;
  /** Speech on the same line, after the label. */
  rest: string;
}

/** Recognises a speaker line; `lines` and `index` let it look at its neighbours. */
export type LineReader = (text: string, lines: readonly string[], index: number) => SpeakerLine | undefined;

/** A clock as these exports write it: "0:03", "12:07", "1:02:03", "00:00:03.250", "00:00:03,250". */
export const CLOCK = String.raw`\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?`;
/** One word of a name: letters and the marks names carry ("O’Brien", "Jean-Luc", "J."), or a number ("Speaker 2", "#3"). */
const NAME_WORD = String.raw`(?:[\p{L}\p{M}][\p{L}\p{M}\d'’.\-]*|#?\d{1,3})`;
/** A name of one to six words, each separated by one space. */
export const NAME = String.raw`[\p{L}\p{M}][\p{L}\p{M}\d'’.\-]*(?: ${NAME_WORD}){0,5}`;

/** Lower-case particles inside names: "Ana de Souza", "Ludwig van Beethoven". */
const PARTICLES = new Set(["de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al", "el", "y", "e", "ter", "zu"]);

/** Unnamed voices as the notation and its text export write them: "Unidentified reporter", "Unidentified man #3". */
const GENERIC_VOICE = /^(?:Unidentified|Unknown)(?: [\p{L}\-]+){1,3}(?: #\d{1,3})?$/iu;

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
  if (GENERIC_VOICE.test(name)) return true;
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
  const roles = new Map<string, string>();
  const labelLike: Array<{ line: number; label: string }> = [];

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
        if (speakerLine.role && !roles.has(speakerLine.speaker)) roles.set(speakerLine.speaker, speakerLine.role);
        speakers++;
      }
      // The line's time is when its speech starts: on this line, or in the next paragraph.
      if (speakerLine.rest === "") pendingStart = speakerLine.start;
      else {
        gathering = open(speakerLine.rest, index + 1, speakerLine.start);
        pendingStart = undefined;
      }
      return;
    }
    if (!gathering) {
      const label = LABEL_LIKE.exec(text)?.[1];
      if (label && looksLikeName(label)) labelLike.push({ line: index + 1, label });
      gathering = open(text, index + 1, pendingStart);
      pendingStart = undefined;
    } else {
      gathering.lines.push(text);
    }
  });
  flush();
  const { blocks, warnings } = builder.finish();
  const meta: ImportedMeta = { ...titleLine(blocks, warnings), ...copyrightLine(blocks) };
  manners(blocks);
  if (speakers === 0) {
    throw new ImportError(source.file, undefined, `No speaker line was found, so this does not read as a ${options.name} export.`, `export the transcript again with speaker names on, so that each turn opens with a line like "${options.example}".`);
  }
  // A service's own placeholders are diarisation labels, not names: the import names them once.
  for (const block of blocks) {
    if (block.kind !== "turn" || !block.speaker) continue;
    const role = roles.get(block.speaker.name);
    if (role && block.speaker.role === undefined) block.speaker.role = role;
    if (block.speaker.diarisation === undefined && isPlaceholderName(block.speaker.name)) block.speaker.diarisation = block.speaker.name;
  }
  const kept = labelLike.map(({ line, label }): ImportWarning => ({
    line,
    message: `"${label}:" opens a paragraph like a speaker label, but was not read as one (it is not a name this file uses as a label), so the paragraph stays with the speaker before it. If ${label} speaks here, put the paragraph under a speaker line of its own.`,
    review: true,
  }));
  return { format: options.format, meta, blocks, warnings: [...warnings, ...kept, ...droppedClocks(dropped)] };
}

/** Capitalised words and a colon opening a paragraph: a label that was not read as one. */
const LABEL_LIKE = /^(\p{Lu}[\p{L}\p{M}'’\-]*(?: [\p{L}\p{M}'’\-#\d]+){0,3}):\s/u;

/**
 * A first line before anyone speaks, short and without a sentence's end, followed by a speaker
 * line or (on the file's first line) by an introduction, is the transcript's title (Verbatim's own
 * text export starts so). A guess: noted for review.
 */
function titleLine(blocks: ImportedBlock[], warnings: ImportWarning[]): ImportedMeta {
  const first = blocks[0];
  const next = blocks[1];
  if (first?.kind !== "turn" || first.speaker) return {};
  // Alone before the first speaker, or the file's first line with an introduction after it.
  const alone = first.paragraphs.length === 1 && next?.kind === "turn" && next.speaker !== undefined;
  const paragraph = first.paragraphs[0];
  if (!paragraph || !(alone || paragraph.line === 1) || paragraph.start !== undefined || paragraph.text.length > 120 || /[.!?…:;,"”)\]]$/u.test(paragraph.text)) return {};
  if (alone) blocks.shift();
  else first.paragraphs.shift();
  warnings.push({ ...(paragraph.line === undefined ? {} : { line: paragraph.line }), message: `The first line, "${paragraph.text}", was read as the title, not as speech.`, review: true });
  return { title: paragraph.text };
}

/** "(Speaking Spanish) Hola." opening a turn: how the voice speaks, the turn's manner, as the notation writes it. */
function manners(blocks: ImportedBlock[]): void {
  for (const block of blocks) {
    if (block.kind !== "turn" || block.manner !== undefined) continue;
    const first = block.paragraphs[0];
    const found = first ? matchManner(first.text) : undefined;
    if (!first || !found) continue;
    block.manner = found.manner.text;
    first.text = first.text.slice(found.length).trim();
    if (first.text === "") block.paragraphs.shift();
  }
}

/**
 * A last paragraph that is a copyright line ("Copyright 2026 Night Desk.", "© …") is the
 * transcript's provenance, not the last speaker's words: taken out of the turn into the meta.
 */
function copyrightLine(blocks: ImportedBlock[]): ImportedMeta {
  const last = blocks.at(-1);
  if (last?.kind !== "turn") return {};
  const paragraph = last.paragraphs.at(-1);
  if (!paragraph || !/^(?:Copyright\b|©)/iu.test(paragraph.text) || paragraph.text.length > 500) return {};
  if (last.paragraphs.length === 1 && last.speaker) return {};
  last.paragraphs.pop();
  if (last.paragraphs.length === 0) blocks.pop();
  return { copyright: paragraph.text };
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

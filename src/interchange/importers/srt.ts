// SubRip (SRT) captions → an imported transcript.
//
// SRT has no specification, only habits, and real files break the ones npm parsers rely on:
// caption numbers missing or counting from 0, no blank line between captions, a full stop instead of a
// comma in the times, position coordinates after the times, font and ASS tags in the text.
// So this is a small parser of its own: a timing line starts a caption wherever it appears, the line
// before it is a caption number only if it is all digits, and a block it cannot read is skipped
// with a warning rather than ending the import. The caption conventions (names in brackets,
// dashes, ">>", sounds, rolling lines) are read by captions/, shared with WebVTT.

import { readCaptions, type RawCaption } from "../captions/index.ts";
import { mergeCaptions } from "../merge.ts";
import { ImportError, type ImportedTranscript, type ImportSource, type ImportWarning, type Importer } from "../model.ts";
import { cleanText, soundOnly, squash } from "../text.ts";

const NEWLINE = /\r\n|\r|\n/u;
const CLOCK = String.raw`(\d{1,3}):(\d{1,2}):(\d{1,2})[,.](\d{1,3})`;
/** "00:00:01,000 --> 00:00:04,000", optionally followed by "X1:40 X2:600 Y1:20 Y2:50". */
const TIMING = new RegExp(String.raw`^\s*${CLOCK}\s*-->\s*${CLOCK}(?:\s.*)?$`, "u");
/** Detection is stricter than reading: the comma is what tells SRT from other timed text. */
const SRT_TIMING = /^\s*\d{1,3}:\d{2}:\d{2},\d{1,3}\s*-->\s*\d{1,3}:\d{2}:\d{2},\d{1,3}/u;
const CAPTION_NUMBER = /^\s*\d+\s*$/u;
/** Markup subtitle editors write: HTML-like font tags and ASS override blocks such as {\an8}. */
const TAGS = /<\/?(?:i|b|u|s|em|strong|font|span|c|v|ruby|rt)\b[^>]*>/giu;
const ASS_TAGS = /\{\\[^}]*\}/gu;
const LINE_BREAK_TAG = /<br\s*\/?>/giu;
/** How far into a file detection looks for a timing line. */
const DETECT_LINES = 20;

export const srtImporter: Importer = {
  format: "srt",
  name: "SubRip (SRT)",
  detect: detectSrt,
  read: readSrt,
};

function detectSrt(source: ImportSource): boolean {
  const text = withoutBom(source.text);
  if (/^WEBVTT(?:[ \t\r\n]|$)/u.test(text)) return false;
  const lines = text.split(NEWLINE).filter((line) => line.trim() !== "").slice(0, DETECT_LINES);
  return lines.some((line) => SRT_TIMING.test(line));
}

function readSrt(source: ImportSource): ImportedTranscript {
  const warnings: ImportWarning[] = [];
  const raw = srtCaptions(withoutBom(source.text).split(NEWLINE), warnings);
  const read = readCaptions(raw.map(captionOf).filter((c) => c.lines.length > 0), { formatName: "SRT" });
  const blocks = mergeCaptions(read.captions, { speakers: read.speakers });
  if (blocks.length === 0) throw noCaptions(source.file, warnings);
  return { format: "srt", meta: {}, blocks, warnings: byLine([...warnings, ...read.warnings]) };
}

function withoutBom(text: string): string {
  return text.startsWith("\ufeff") ? text.slice(1) : text;
}

function noCaptions(file: string, warnings: ImportWarning[]): ImportError {
  const first = warnings[0];
  return new ImportError(
    file,
    first?.line,
    first ? `No subtitles could be read. ${first.message}` : "No subtitles could be read: no line has SRT times.",
    'Each subtitle needs a timing line such as "00:00:01,000 --> 00:00:04,000" followed by its text, with a blank line between subtitles.',
  );
}

/** A caption as it stands in the file: its timing and its text lines, markup and all. */
interface SrtCaption {
  start: number;
  end: number;
  /** 1-based line of the timing line. */
  line: number;
  text: string[];
}

/** A run of non-blank lines, with the 1-based line it starts on. */
interface Block {
  line: number;
  lines: string[];
}

function blocks(lines: string[]): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  lines.forEach((line, i) => {
    if (line.trim() === "") {
      current = undefined;
      return;
    }
    if (!current) out.push((current = { line: i + 1, lines: [] }));
    current.lines.push(line);
  });
  return out;
}

function srtCaptions(lines: string[], warnings: ImportWarning[]): SrtCaption[] {
  const captions: SrtCaption[] = [];
  let skipped = false;
  // Words after a skipped subtitle are its words, not the words of the subtitle before it.
  for (const block of blocks(lines)) skipped = readBlock(block, skipped ? undefined : captions.at(-1), captions, warnings);
  return captions.sort((a, b) => a.start - b.start);
}

/**
 * Reads one block into captions. A block normally holds one caption; when blank lines are missing it
 * holds several, each starting at its timing line. Lines before the first timing line are a caption
 * number, or words that a stray blank line cut off from the caption before. Returns whether the
 * block ended inside a skipped subtitle.
 */
function readBlock(block: Block, previous: SrtCaption | undefined, captions: SrtCaption[], warnings: ImportWarning[]): boolean {
  const leading: string[] = [];
  let current: SrtCaption | undefined;
  let skipping = false;
  block.lines.forEach((text, i) => {
    const line = block.line + i;
    if (text.includes("-->")) {
      if (current) dropTrailingNumber(current);
      current = captionAtTiming(text, line, warnings);
      if (current) captions.push(current);
      skipping = current === undefined;
    } else if (current) {
      current.text.push(text);
    } else if (!skipping) {
      leading.push(text);
    }
  });
  if (current) dropTrailingNumber(current);
  attachLeading(leading, block.line, previous, warnings);
  return skipping;
}

function captionAtTiming(text: string, line: number, warnings: ImportWarning[]): SrtCaption | undefined {
  const times = parseTiming(text);
  if (times) return { ...times, line, text: [] };
  warnings.push({
    line,
    message: `SRT: skipped a subtitle whose timing line is not understood: "${text.trim()}". Times look like "00:00:01,000 --> 00:00:04,000".`,
    review: true,
  });
  return undefined;
}

function parseTiming(text: string): { start: number; end: number } | undefined {
  const m = TIMING.exec(text);
  if (!m) return undefined;
  const start = clock(m.slice(1, 5));
  const end = clock(m.slice(5, 9));
  return start === undefined || end === undefined ? undefined : { start, end: Math.max(start, end) };
}

/** ["00", "01", "02", "5"] → 62.5; undefined when minutes or seconds are out of range. */
function clock(parts: Array<string | undefined>): number | undefined {
  const [hours, minutes, seconds] = parts.slice(0, 3).map(Number) as [number, number, number];
  if (minutes > 59 || seconds > 59) return undefined;
  return hours * 3600 + minutes * 60 + seconds + Number(`0.${parts[3] ?? "0"}`);
}

/** With no blank line before the next caption, its number ends up as this caption's last line. */
function dropTrailingNumber(caption: SrtCaption): void {
  const last = caption.text.at(-1);
  if (caption.text.length > 1 && last !== undefined && CAPTION_NUMBER.test(last)) caption.text.pop();
}

/** Words before a block's first timing line belong to the caption before (a stray blank line split it). */
function attachLeading(leading: string[], line: number, previous: SrtCaption | undefined, warnings: ImportWarning[]): void {
  const words = leading.filter((text, i) => !(i === leading.length - 1 && CAPTION_NUMBER.test(text)));
  if (words.length === 0) return;
  if (previous) {
    previous.text.push(...words);
    warnings.push({ line, message: "SRT: text with no timing line of its own; joined to the subtitle before.", review: true });
  } else {
    warnings.push({ line, message: `SRT: skipped text with no timing line: "${squash(words.join(" "))}".`, review: true });
  }
}

/** A subtitle's lines as caption lines: markup gone, entities decoded, an italic sound as "(Laughter)". */
function captionOf(caption: SrtCaption): RawCaption {
  const joined = caption.text.join("\n").replace(ASS_TAGS, "").replace(LINE_BREAK_TAG, "\n");
  const sound = italicSound(joined);
  const lines = sound ? [sound] : cleanText(joined.replace(TAGS, "")).split("\n");
  return { start: caption.start, end: caption.end, line: caption.line, lines: lines.filter((l) => l.trim() !== "").map((text) => ({ text })) };
}

/** A part that is only an italic sound, "<i>Laughter</i>", as "(Laughter)". */
function italicSound(text: string): string | undefined {
  const m = /^\s*<i>([^<>]{1,60})<\/i>\s*$/iu.exec(text);
  const inner = m?.[1] ? squash(cleanText(m[1])) : undefined;
  return inner && soundOnly(`(${inner})`) ? `(${inner})` : undefined;
}

/** Warnings in file order, as an editor works through them (sorting is stable for equal lines). */
function byLine(warnings: ImportWarning[]): ImportWarning[] {
  return [...warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

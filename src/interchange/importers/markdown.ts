// Markdown transcripts in the style of Changelog's: each turn opens with a bold label
// "**Full Name:** words…"; paragraphs without a label belong to the speaker before them;
// "**Break**: \[17:52\]" marks an ad break; timestamps are written in (usually escaped) brackets.
//
// Timestamps: a timestamp is read as the moment in the audio at the place it stands in the text.
// At the start of a paragraph (after any label) it is when the paragraph starts; at the end, when
// the paragraph ends. It is never carried over as the next paragraph's start: that would be a
// guess, and a paragraph's start is only ever set by a timestamp that opens it. A paragraph that
// is nothing but a timestamp gives the start of the paragraph after it. One inside a paragraph
// is dropped with a warning, since a paragraph has only a start and an end.

import { ImportError } from "../model.ts";
import type { ImportedMeta, ImportedParagraph, ImportWarning, Importer } from "../model.ts";
import { bracketedSounds, cleanText, squash } from "../text.ts";
import { parseTimestamp } from "../../transcript/times.ts";
import { BlockBuilder } from "../block-builder.ts";

/** "**Name:** rest" or "**Name**: rest". */
const LABEL = /^\*\*([^*\n]{1,80}?)(?::\*\*|\*\*[ \t]*:)[ \t]*(.*)$/u;
const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;
const RULE = /^[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/u;
const TIME = String.raw`\[((?:\d{1,2}:)?\d{1,2}:\d{2}(?:\.\d{1,3})?)\]`;
const LEADING_TIME = new RegExp(`^${TIME}\\s*`, "u");
const TRAILING_TIME = new RegExp(`\\s*${TIME}$`, "u");
const ANY_TIME = new RegExp(TIME, "gu");

/** A run of source lines read as one unit: a heading, or a paragraph (with its label, if any). */
interface Chunk {
  lines: string[];
  /** 1-based line of the first line. */
  line: number;
}

export const markdownImporter: Importer = {
  format: "markdown",
  name: "Markdown",
  detect(source) {
    let labels = 0;
    for (const line of source.text.split(/\r?\n/u)) {
      const name = LABEL.exec(line)?.[1];
      if (name !== undefined && !isBreak(name) && ++labels >= 2) return true;
    }
    return false;
  },
  read(source) {
    const lines = source.text.split(/\r?\n/u);
    const meta: ImportedMeta = {};
    const builder = new BlockBuilder();
    let pendingStart: number | undefined;
    for (const chunk of chunks(lines, frontMatter(lines, meta))) {
      const first = chunk.lines[0] ?? "";
      const heading = HEADING.exec(first);
      if (heading) {
        readHeading(heading[1]?.length ?? 1, heading[2] ?? "", chunk.line, meta, builder);
        continue;
      }
      if (RULE.test(first)) continue;
      const label = LABEL.exec(first);
      if (label && isBreak(label[1] ?? "")) {
        const { start } = speechText(label[2] ?? "", chunk.line, builder.warnings);
        builder.heading("Break", chunk.line, start);
        continue;
      }
      if (label) builder.speaker(plainText(label[1] ?? ""), chunk.line);
      const body = [label ? label[2] ?? "" : first, ...chunk.lines.slice(1)].join(" ");
      const { text, start, end } = speechText(body, chunk.line, builder.warnings);
      if (text === "") {
        // A timestamp on its own: the moment the next paragraph starts.
        if (start !== undefined) pendingStart = start;
        continue;
      }
      const paragraph: ImportedParagraph = { text, line: chunk.line };
      const opening = start ?? pendingStart;
      if (opening !== undefined) paragraph.start = opening;
      if (end !== undefined) paragraph.end = end;
      builder.paragraph(paragraph);
      pendingStart = undefined;
    }
    const { blocks, warnings } = builder.finish();
    if (blocks.length === 0) {
      throw new ImportError(source.file, undefined, "The Markdown file has no transcript text.", 'write each turn as a paragraph opening with its speaker, "**Full Name:** words".');
    }
    return { format: "markdown", meta, blocks, warnings };
  },
};

function isBreak(name: string): boolean {
  return /^break$/iu.test(name.trim());
}

/** A "# Title" before anyone speaks is the transcript's title; other headings are segment headings. */
function readHeading(level: number, markdown: string, line: number, meta: ImportedMeta, builder: BlockBuilder): void {
  const { text, start } = speechText(markdown, line, builder.warnings);
  if (level === 1 && meta.title === undefined && !builder.hasSpeech()) meta.title = text;
  else builder.heading(text, line, start);
}

/** YAML front matter is not transcript text; its title, if any, is kept. Returns the first line after it. */
function frontMatter(lines: string[], meta: ImportedMeta): number {
  if (lines[0]?.trim() !== "---") return 0;
  const close = lines.findIndex((l, i) => i > 0 && /^(?:---|\.\.\.)\s*$/u.test(l));
  if (close < 0) return 0;
  for (const line of lines.slice(1, close)) {
    const title = /^title:\s*["']?(.*?)["']?\s*$/u.exec(line)?.[1];
    if (title) meta.title = title;
  }
  return close + 1;
}

/** Lines → chunks. Blank lines separate paragraphs; a label or heading starts a new one even without. */
function chunks(lines: string[], from: number): Chunk[] {
  const out: Chunk[] = [];
  let current: Chunk | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/^ {0,3}>[ \t]?/u, "");
    if (line.trim() === "") {
      current = undefined;
      continue;
    }
    const starts = LABEL.test(line) || HEADING.test(line) || RULE.test(line);
    if (!current || starts) {
      current = { lines: [], line: i + 1 };
      out.push(current);
    }
    // A backslash ending a line is a hard line break; in a transcript paragraph, a space.
    current.lines.push(line.trim().replace(/(?<!\\)\\$/u, ""));
    if (HEADING.test(line) || RULE.test(line)) current = undefined;
  }
  return out;
}

/**
 * A paragraph's Markdown → its words in notation form, with the timestamps that open and close it.
 * "\[laughs\]" → "(laughs)", "\[unintelligible 00:12:50.02\]" → "(unintelligible)".
 */
function speechText(markdown: string, line: number, warnings: ImportWarning[]): { text: string; start?: number; end?: number } {
  let text = plainText(markdown);
  const result: { text: string; start?: number; end?: number } = { text };
  const leading = LEADING_TIME.exec(text);
  const start = leading?.[1] === undefined ? undefined : parseTimestamp(leading[1]);
  if (leading && start !== undefined) {
    result.start = start;
    text = text.slice(leading[0].length);
  }
  const trailing = TRAILING_TIME.exec(text);
  const end = trailing?.[1] === undefined ? undefined : parseTimestamp(trailing[1]);
  if (trailing && end !== undefined) {
    result.end = end;
    text = text.slice(0, trailing.index);
  }
  text = text.replace(ANY_TIME, (whole, time: string) => {
    if (parseTimestamp(time) === undefined) return whole;
    warnings.push({ line, message: `The timestamp [${time}] inside a paragraph was dropped: only a paragraph's start and end are kept.` });
    return " ";
  });
  result.text = squash(bracketedSounds(text));
  return result;
}

/** Inline Markdown → plain words: emphasis, links and code reduced to their text, backslash escapes removed. */
function plainText(markdown: string): string {
  return squash(cleanText(unprotect(plainInline(protect(markdown)))));
}

/**
 * Escaped characters ("\[", "\*") are set aside as private-use characters while inline Markdown is
 * reduced, so that "\[laughs\]" is not read as a link and "\*" not as emphasis.
 */
function protect(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/gu, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
}

function unprotect(text: string): string {
  return text.replace(/[\ue000-\ue07f]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000));
}

const URL_PART = String.raw`\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)`;

function plainInline(text: string): string {
  return text
    .replace(new RegExp(String.raw`!\[([^\]]*)\]${URL_PART}`, "gu"), "$1")
    .replace(new RegExp(String.raw`\[([^\]]+)\]${URL_PART}`, "gu"), "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/gu, "$1")
    .replace(/(`+)([^`]+?)\1/gu, "$2")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/gu, "$2")
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, "$1$2")
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, "$1$2")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/gu, "$1");
}

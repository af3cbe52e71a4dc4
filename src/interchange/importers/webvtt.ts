// WebVTT captions → an imported transcript. The W3C's own parser (webvtt-parser) reads the file
// the way the specification says; this module turns its cue trees into caption lines: one cue
// part per voice (a cue may hold two <v> spans), markup dropped, inline timestamps kept as word
// times. The caption conventions (names in brackets, dashes, ">>", sounds, rolling lines) are
// read by captions/, shared with SRT; mergeCaptions makes paragraphs and turns.

import pkg from "webvtt-parser";
import type { Cue as VttCue, Error as VttError, Entity, TreeNode, TreeNodeObjectTagNameWithRt } from "webvtt-parser";
import entityTable from "webvtt-parser/html-entities.json" with { type: "json" };
import { readCaptions, type CaptionLine, type RawCaption } from "../captions/index.ts";
import { mergeCaptions } from "../merge.ts";
import { ImportError, type ImportedTranscript, type ImportedWord, type ImportSource, type ImportWarning, type Importer } from "../model.ts";
import { roundMs } from "../../transcript/times.ts";
import { cleanText, soundOnly, squash } from "../text.ts";

// The package is CommonJS: under Node's ESM its exports arrive as the default export.
const { WebVTTParser } = pkg;

// The parser's built-in table has only bare names ("&amp" without ";") and turns "Q&amp;A" into
// "Q&;A"; the full HTML table shipped with it decodes every named reference properly.
const ENTITIES: Record<Entity, string> = entityTable;

const SIGNATURE = /^WEBVTT(?:[ \t\r\n]|$)/u;
const NEWLINE = /\r\n|\r|\n/u;
/** An SRT-style time with a comma, the commonest reason a WebVTT file yields no cues. */
const COMMA_TIME = /\d{2}:\d{2},\d{3}\s*-->/u;

type Node = TreeNode<TreeNodeObjectTagNameWithRt>;

/** Share of cues with inline timestamps for a file to count as timing its words. */
const TIMED_SHARE = 0.3;

export const webvttImporter: Importer = {
  format: "webvtt",
  name: "WebVTT",
  detect: (source) => SIGNATURE.test(withoutBom(source.text)),
  read: readWebVtt,
};

function readWebVtt(source: ImportSource): ImportedTranscript {
  const text = withoutBom(source.text);
  if (!SIGNATURE.test(text)) {
    throw new ImportError(
      source.file,
      1,
      'The file does not start with "WEBVTT", so it is not a WebVTT file.',
      'Check that this is the WebVTT caption file; an SRT file (times like "00:00:01,000") should be imported as SRT.',
    );
  }
  const lines = prepareLines(text);
  const parsed = new WebVTTParser(ENTITIES).parse(lines.join("\n"), "metadata");
  if (parsed.cues.length === 0) throw noCaptions(source.file, lines, parsed.errors);

  const warnings = parserWarnings(parsed.errors, lines);
  const read = readCaptions(rawCaptions(parsed.cues, lines), { formatName: "WebVTT", voices: voicesIn(parsed.cues) });
  const blocks = mergeCaptions(read.captions, { speakers: read.speakers });
  if (blocks.length === 0) {
    throw new ImportError(source.file, undefined, "The file's cues have no words in them.", "Check that this is the right caption file.");
  }
  const lang = headerLanguage(lines);
  return { format: "webvtt", meta: lang ? { lang } : {}, blocks, warnings: byLine([...warnings, ...read.warnings]) };
}

function withoutBom(text: string): string {
  return text.startsWith("\ufeff") ? text.slice(1) : text;
}

/**
 * The file's lines, made easier for the parser without moving any line: whitespace-only lines
 * become blank (editors leave stray spaces where a blank line was meant), except straight after
 * a timing line, where YouTube's captions put a line of one space as the cue's first line; and
 * REGION blocks, which this parser does not know and would report as broken cues, become comments.
 */
function prepareLines(text: string): string[] {
  const lines = text.split(NEWLINE).map((line, i, all) => (line.trim() === "" && !all[i - 1]?.includes("-->") ? "" : line));
  return lines.map((line, i) => (i > 0 && lines[i - 1] === "" && /^REGION(?:[ \t]|$)/u.test(line) ? `NOTE ${line}` : line));
}

/** "Language: en" among the header lines some tools write under the signature. */
function headerLanguage(lines: string[]): string | undefined {
  for (const line of lines.slice(1)) {
    if (line === "") return undefined;
    const m = /^Language:\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\s*$/iu.exec(line);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/**
 * What the parser says about how a cue is placed on screen (line:0, position:, size:, align:,
 * vertical:): nothing a transcript keeps, so nothing to warn about.
 */
const DISPLAY_SETTING = /setting|alignment|position|size|direction/iu;

/**
 * Problems the parser found but read past. Header metadata ("Kind: captions") is not one, nor
 * is a cue setting the parser dislikes (it only places captions on a screen).
 */
function parserWarnings(errors: VttError[], lines: string[]): ImportWarning[] {
  return errors
    .filter((e) => !(e.message.startsWith("No blank line after the signature") && isHeaderField(lines[e.line - 1])))
    .filter((e) => !(DISPLAY_SETTING.test(e.message) && lines[e.line - 1]?.includes("-->")))
    .map((e) => ({ line: e.line, message: `WebVTT: ${e.message}` }));
}

function isHeaderField(line: string | undefined): boolean {
  return line !== undefined && /^[\w-]+:\s*\S/u.test(line) && !line.includes("-->");
}

function noCaptions(file: string, lines: string[], errors: VttError[]): ImportError {
  const first = errors.find((e) => !e.message.startsWith("No blank line after the signature")) ?? errors[0];
  const commaLine = lines.findIndex((line) => COMMA_TIME.test(line));
  const fix =
    commaLine >= 0
      ? 'WebVTT times use a full stop before the milliseconds ("00:00:01.000"), not a comma as in SRT; fix the times or import the file as SRT.'
      : 'Give each cue a timing line such as "00:00:01.000 --> 00:00:04.000" followed by its text, with a blank line between cues.';
  const line = commaLine >= 0 ? commaLine + 1 : first?.line;
  const why = first ? ` The parser says: ${first.message}` : "";
  return new ImportError(file, line, `No cues could be read from this WebVTT file.${why}`, fix);
}

/** Where each cue's timing line is, found by the cue's raw text (the parser does not say). */
interface CaptionSite {
  line: number;
  start: number | undefined;
}

function locateCaptions(lines: string[]): Map<string, CaptionSite[]> {
  const sites = new Map<string, CaptionSite[]>();
  lines.forEach((line, i) => {
    if (!line.includes("-->")) return;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j] !== "" && !lines[j]?.includes("-->"); j++) body.push(lines[j] ?? "");
    const key = body.join("\n");
    const list = sites.get(key) ?? [];
    list.push({ line: i + 1, start: startSeconds(line) });
    sites.set(key, list);
  });
  return sites;
}

function startSeconds(timing: string): number | undefined {
  const m = /^\s*(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})/u.exec(timing);
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

/** Takes the first unused site of a cue with this text, preferring one with the same start. */
function takeSite(sites: Map<string, CaptionSite[]>, cue: VttCue): number {
  const list = sites.get(cue.text) ?? [];
  const index = Math.max(0, list.findIndex((s) => s.start !== undefined && Math.abs(s.start - cue.startTime) < 0.0005));
  const [site] = list.splice(index, 1);
  return site?.line ?? 0;
}

/** One part of a cue: the words of one <v> span, or words outside any. */
interface Segment {
  voice?: string;
  nodes: Node[];
}

function segments(cue: VttCue): Segment[] {
  const out: Segment[] = [];
  for (const node of cue.tree.children) {
    if (node.type === "object" && node.name === "v") {
      const voice = node.value.trim();
      out.push({ ...(voice ? { voice } : {}), nodes: node.children });
      continue;
    }
    const last = out.at(-1);
    if (last && last.voice === undefined) last.nodes.push(node);
    else out.push({ nodes: [node] });
  }
  return out;
}

/** Every <v> name in the file: a "Name:" label that repeats one of them is surely a speaker. */
function voicesIn(cues: VttCue[]): Set<string> {
  const names = new Set<string>();
  for (const cue of cues) for (const s of segments(cue)) if (s.voice) names.add(s.voice);
  return names;
}

/** Each cue's parts by voice, as caption lines, with the line of its timing line. */
function rawCaptions(parsed: VttCue[], lines: string[]): RawCaption[] {
  const sites = locateCaptions(lines);
  const out: RawCaption[] = [];
  // A file that times words inside its cues (YouTube's) gets word times on every line, a line's
  // first word timed from its cue's start; a file with a stray timestamp or two gets none.
  const timedFile = parsed.filter((cue) => /<\d{1,2}:\d{2}[:.]/u.test(cue.text)).length >= TIMED_SHARE * parsed.length;
  for (const cue of parsed) {
    const line = takeSite(sites, cue);
    for (const segment of segments(cue)) {
      const captionLines = segmentLines(segment, cue, timedFile);
      if (captionLines.every((l) => l.text.trim() === "")) continue;
      out.push({ start: cue.startTime, end: cue.endTime, line, ...(segment.voice ? { voice: segment.voice } : {}), lines: captionLines });
    }
  }
  return out;
}

/** A segment's lines: markup gone, entities decoded once, inline timestamps as word times. */
function segmentLines(segment: Segment, cue: VttCue, timedFile: boolean): CaptionLine[] {
  const sound = segment.voice === undefined ? italicSound(segment.nodes) : undefined;
  if (sound) return [{ text: sound }];
  const runs: Run[] = [];
  collectRuns(segment.nodes, runs, { time: cue.startTime, timed: timedFile });
  return toLines(runs, cue.endTime);
}

/** Text spoken from a time on: the words after an inline timestamp, up to the next. */
interface Run {
  text: string;
  time: number;
  /** Whether the run's words get times: the file times words (the first run's time is the cue's start). */
  timed: boolean;
}

function collectRuns(nodes: readonly Node[], runs: Run[], clock: { time: number; timed: boolean }): void {
  for (const node of nodes) {
    if (node.type === "text") runs.push({ text: node.value, time: clock.time, timed: clock.timed });
    else if (node.type === "timestamp") {
      clock.time = node.value;
      clock.timed = true;
    } else if (node.name !== "rt") collectRuns(node.children, runs, clock);
  }
}

/** Runs → lines of clean text; when the cue has inline timestamps, each line's words with times. */
function toLines(runs: Run[], captionEnd: number): CaptionLine[] {
  const timed = runs.some((r) => r.timed);
  const lines: Array<{ text: string; words: ImportedWord[] }> = [{ text: "", words: [] }];
  for (const run of runs) {
    run.text.split("\n").forEach((piece, i) => {
      if (i > 0) lines.push({ text: "", words: [] });
      const line = lines.at(-1);
      if (!line) return;
      // The parser has already decoded entities; escape "&" so cleanText does not decode twice.
      const clean = cleanText(piece.replace(/&/gu, "&amp;"));
      const glued = line.text !== "" && !/\s$/u.test(line.text) && !/^\s/u.test(clean);
      line.text += clean;
      clean.split(/\s+/u).filter((t) => t !== "").forEach((token, j) => {
        const prev = line.words.at(-1);
        // A word split by a tag ("wo<c>rd</c>") stays one word, timed from its start.
        if (j === 0 && glued && prev) prev.text += token;
        else line.words.push({ text: token, ...(j === 0 ? { start: roundMs(run.time) } : {}) });
      });
    });
  }
  if (!timed) return lines.map((l) => ({ text: l.text }));
  const all = lines.flatMap((l) => l.words);
  all.forEach((word, i) => {
    if (word.start === undefined) return;
    const next = all.slice(i + 1).find((w) => w.start !== undefined);
    word.end = roundMs(next?.start ?? captionEnd);
  });
  return lines.map((l) => (l.words.length ? { text: l.text, words: l.words } : { text: l.text }));
}

/** A voiceless cue that is only an italic sound, "<i>Laughter</i>", as the notation's "(Laughter)". */
function italicSound(nodes: Node[]): string | undefined {
  const solid = nodes.filter((n) => n.type === "object" || (n.type === "text" && n.value.trim() !== ""));
  const only = solid.length === 1 ? solid[0] : undefined;
  if (only?.type !== "object" || only.name !== "i") return undefined;
  const inner = squash(cleanText(flatten(only.children).replace(/&/gu, "&amp;")));
  return soundOnly(`(${inner})`) ? `(${inner})` : undefined;
}

/** The words of a cue tree: spans keep their words, inline timestamps and ruby readings go. */
function flatten(nodes: readonly Node[]): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return node.value;
      if (node.type === "timestamp" || node.name === "rt") return "";
      return flatten(node.children);
    })
    .join("");
}

/** Warnings in file order, as an editor works through them (sorting is stable for equal lines). */
function byLine(warnings: ImportWarning[]): ImportWarning[] {
  return [...warnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

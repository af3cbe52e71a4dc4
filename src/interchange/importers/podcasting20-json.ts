// Podcasting 2.0 JSON transcripts: {"version": "1.0.0", "segments": [{speaker, startTime, endTime, body}]}.
// Generators often write one word per segment (the spec's own example does), so segments are
// joined into sentences here before mergeCues turns sentences into paragraphs and turns: mergeCues
// always puts a space between cues, which would give "Hello , world ." for word-level input.
// Our exporter may add `type` ("cue", with `cue` naming the sound), `role` and `language`; they are
// read back when present. The JSON helpers at the end are shared with the Podlove importer.

import { z } from "zod";
import { ImportError } from "../model.ts";
import type { ImportedBlock, ImportedSpeaker, ImportedTranscript, ImportSource, ImportWarning, Importer, TimedCue } from "../model.ts";
import { mergeCues } from "../merge.ts";
import { bracketedSounds, cleanText, soundOnly, squash } from "../text.ts";
import { roundMs } from "../../transcript/times.ts";

const segmentSchema = z.object({
  speaker: z.string().nullish(),
  startTime: z.number().min(0),
  endTime: z.number().min(0),
  body: z.string().nullish(),
  type: z.string().nullish(),
  cue: z.string().nullish(),
  role: z.string().nullish(),
  language: z.string().nullish(),
  manner: z.string().nullish(),
});

const fileSchema = z.object({
  version: z.string().optional(),
  /** Our exporter's extra field: the transcript's own language. */
  language: z.string().nullish(),
  segments: z.array(segmentSchema),
});

type Segment = z.infer<typeof segmentSchema>;

/** A sentence (or a sound, or a named cue) gathered from one or more segments. */
type Piece = { kind: "speech"; cue: TimedCue } | { kind: "cue"; block: Extract<ImportedBlock, { type: "cue" }> };

const FIXES: Record<string, string> = {
  startTime: "give startTime as a number of seconds from the start of the audio, e.g. 12.5.",
  endTime: "give endTime as a number of seconds from the start of the audio, e.g. 14.25.",
  body: "give body as a string (the words of the segment), or leave it out.",
  speaker: "give speaker as a string naming the voice, or leave it out.",
  segments: 'give "segments" as a list of {"speaker", "startTime", "endTime", "body"} objects.',
  version: 'give version as a string, "1.0.0".',
};
const ROOT_FIX = 'a Podcasting 2.0 transcript is an object: {"version": "1.0.0", "segments": [...]}.';

export const podcasting20JsonImporter: Importer = {
  format: "podcasting20-json",
  name: "Podcasting 2.0 JSON",
  detect(source) {
    const data = tryParse(source.text);
    if (data !== undefined) return isRecord(data) && Array.isArray(data.segments);
    // Broken JSON that still looks like this format: detected, so that read() can say where it breaks.
    return /^\s*\{[\s\S]*"segments"\s*:\s*\[/u.test(source.text);
  },
  read(source) {
    const { data, lines } = parseJsonSource(source);
    const file = validate(source, data, lines, fileSchema, (key) => FIXES[key] ?? ROOT_FIX);
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

/**
 * Segments → sentences. A segment joins the sentence before it unless the voice changes, the
 * sentence has ended, or the segment is a sound or a named cue. Segments without words carry no
 * text but may still name the voice that speaks next.
 */
function gatherPieces(segments: Segment[], lineOf: (index: number) => number, warnings: ImportWarning[]): Piece[] {
  const pieces: Piece[] = [];
  let sentence: TimedCue | undefined;
  let voice: string | undefined;
  const flush = () => {
    if (sentence) pieces.push({ kind: "speech", cue: sentence });
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
    const words = squash(bracketedSounds(cleanText(segment.body ?? "")));
    if (words === "") {
      // A manner with no words is a whole turn: speech the transcript leaves untranslated.
      if (manner) pieces.push({ kind: "speech", cue: { start: segment.startTime, end, text: "", line, manner, ...(voice ? { speaker: voice } : {}) } });
      return;
    }
    if (soundOnly(words)) {
      flush();
      pieces.push({ kind: "speech", cue: { start: segment.startTime, end, text: words, line, ...(voice ? { speaker: voice } : {}) } });
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
  if (text) return { kind: "cue", block: { type: "cue", text, start: roundMs(segment.startTime), end: roundMs(end), line } };
  warnings.push({ line, message: "A cue segment names no sound; it was left out.", review: true });
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

/** Runs of sentences go through mergeCues; named cues sit between them as they are. */
function piecesToBlocks(pieces: Piece[], speakers: Map<string, ImportedSpeaker>): ImportedBlock[] {
  const blocks: ImportedBlock[] = [];
  let run: TimedCue[] = [];
  const mergeRun = () => {
    blocks.push(...mergeCues(run, { speakers }));
    run = [];
  };
  for (const piece of pieces) {
    if (piece.kind === "speech") run.push(piece.cue);
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

// ---------------------------------------------------------------------------------------------
// JSON helpers shared by the JSON importers: parse with a line for every value, and turn schema
// problems into ImportErrors that name the path ("segments[12].startTime"), its line and a fix.

export interface JsonSource {
  data: unknown;
  /** 1-based line of each value, by path: "", "segments", "segments[3]", "segments[3].body". */
  lines: Map<string, number>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Parses the JSON; a syntax error becomes an ImportError at the line and column where it breaks. */
export function parseJsonSource(source: ImportSource): JsonSource {
  let data: unknown;
  try {
    data = JSON.parse(source.text) as unknown;
  } catch (error) {
    // V8's messages do not always give a position ("Unexpected token ']', ..."), so the scanner,
    // which follows the same grammar, finds the place and says what it expected there.
    let fault: JsonFault | undefined;
    try {
      jsonLines(source.text);
    } catch (caught) {
      if (!(caught instanceof JsonFault)) throw caught;
      fault = caught;
    }
    const said = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    const offset = fault?.offset ?? source.text.length;
    const { line, column } = lineAndColumn(source.text, offset);
    throw new ImportError(
      source.file,
      line,
      `The file is not valid JSON at line ${line}, column ${column}: ${fault?.problem ?? said}.`,
      "correct the JSON there: look for a missing or extra comma, quote or bracket.",
    );
  }
  return { data, lines: jsonLines(source.text) };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: offset - lineStart + 1 };
}

/** Where JSON text breaks its grammar, and how. */
class JsonFault extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** A character as a message shows it: "']'", "the end of the file". */
function shown(c: string | undefined): string {
  return c === undefined ? "the end of the file" : JSON.stringify(c);
}

const LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/u;

/**
 * The 1-based line of every value in JSON text, by path. Throws a JsonFault where the text is not
 * JSON. Positions are all it keeps: the values themselves come from JSON.parse.
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let pos = 0;
  let line = 1;
  const fail = (problem: string, at = pos): never => {
    throw new JsonFault(at, problem);
  };
  const skipSpace = () => {
    for (; pos < text.length; pos++) {
      const c = text[pos];
      if (c === "\n") line++;
      else if (c !== " " && c !== "\t" && c !== "\r") break;
    }
  };
  const expect = (wanted: string, what: string) => {
    skipSpace();
    if (text[pos] !== wanted) fail(`expected ${what} but found ${shown(text[pos])}`);
    pos++;
  };
  const readString = (): string => {
    const from = pos++;
    for (; text[pos] !== '"'; pos++) {
      const c = text[pos];
      if (c === undefined || c === "\n") fail("a string is not closed on its line", from);
      if (c === "\\") pos++;
    }
    pos++;
    try {
      return JSON.parse(text.slice(from, pos)) as string;
    } catch {
      return fail("a string holds a character that must be escaped, or a bad escape", from);
    }
  };
  const readMembers = (path: string, isObject: boolean): void => {
    const close = isObject ? "}" : "]";
    skipSpace();
    if (text[pos] === close) {
      pos++;
      return;
    }
    for (let index = 0; ; index++) {
      skipSpace();
      if (isObject) {
        if (text[pos] !== '"') fail(`expected a property name in double quotes but found ${shown(text[pos])}`);
        const key = readString();
        expect(":", "':' after the property name");
        readValue(path ? `${path}.${key}` : key);
      } else readValue(`${path}[${index}]`);
      skipSpace();
      const c = text[pos++];
      if (c === close) return;
      if (c !== ",") fail(`expected ',' or '${close}' but found ${shown(c)}`, pos - 1);
      skipSpace();
      if (text[pos] === close) fail(`a comma before '${close}' with nothing after it`);
    }
  };
  const readValue = (path: string): void => {
    skipSpace();
    lines.set(path, line);
    const c = text[pos];
    if (c === "{" || c === "[") {
      pos++;
      readMembers(path, c === "{");
    } else if (c === '"') readString();
    else {
      const from = pos;
      while (pos < text.length && !/[\s,:\]}[{"]/u.test(text[pos] ?? "")) pos++;
      const token = text.slice(from, pos);
      if (!LITERAL.test(token)) fail(token ? `${JSON.stringify(token)} is not a JSON value` : `expected a value but found ${shown(c)}`, from);
    }
  };
  readValue("");
  skipSpace();
  if (pos < text.length) fail(`more text after the end of the JSON: ${shown(text[pos])}`);
  return lines;
}

/** ["segments", 12, "startTime"] → "segments[12].startTime". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

/** The line of a path, or of its nearest ancestor when the value itself is missing. */
function lineOfPath(lines: Map<string, number>, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const line = lines.get(formatPath(path.slice(0, n)));
    if (line !== undefined) return line;
  }
  return undefined;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** What a value is, for a message: 'the text "0:01"', "a list", "null". */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `the ${typeof value} ${String(value)}`;
  return typeof value === "object" ? "an object" : typeof value;
}

const EXPECTED: Record<string, string> = { number: "a number", string: "a string", array: "a list", object: "an object" };

/**
 * Validates parsed JSON against a schema. The first problem becomes an ImportError naming the path,
 * its line and, from fixFor (given the field name at the end of the path), what to write instead.
 */
export function validate<T>(
  source: ImportSource,
  data: unknown,
  lines: Map<string, number>,
  schema: z.ZodType<T>,
  fixFor: (field: string) => string,
): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const issue = issues[0];
  const path = issue?.path ?? [];
  const where = path.length > 0 ? formatPath(path) : "The top level";
  const actual = valueAt(data, path);
  let problem: string;
  if (issue?.code === "invalid_type" && actual === undefined) problem = `${where} is missing.`;
  else if (issue?.code === "invalid_type") problem = `${where} should be ${EXPECTED[issue.expected] ?? issue.expected} but is ${describe(actual)}.`;
  else if (issue?.code === "custom") problem = `${where}${actual === undefined ? "" : ` (${describe(actual)})`} ${issue.message}.`;
  else problem = `${where} is not valid: ${issue?.message ?? "unexpected content"}.`;
  if (issues.length > 1) problem += ` (${issues.length - 1} more problem${issues.length > 2 ? "s" : ""} after it.)`;
  const field = [...path].reverse().find((key): key is string => typeof key === "string") ?? "";
  throw new ImportError(source.file, lineOfPath(lines, path), problem, fixFor(field));
}

// JSON helpers shared by the JSON importers: parse with a line for every value, and turn schema
// problems into ImportErrors that name the path ("segments[12].startTime"), its line and a fix.

import type { z } from "zod";
import { ImportError, type ImportSource } from "./model.ts";

export interface JsonSource {
  data: unknown;
  /** 1-based line of each value, by path: "", "segments", "segments[3]", "segments[3].body". */
  lines: Map<string, number>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
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

/** Where JSON text breaks its grammar, and how. Internal: parseJsonSource turns it into an ImportError (a ContentError). */
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

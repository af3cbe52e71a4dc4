// What the speech-recognition importers share around JSON: one parse of the text for all the
// detectors, a look at broken JSON's opening, reading with schema errors that name the path and
// line, and the numbers some services write as strings.

import { z } from "zod";
import type { ImportSource } from "../../model.ts";
import { isRecord, parseJsonSource, tryParse, validate } from "../../json-source.ts";

let lastText: string | undefined;
let lastData: unknown;

/** The parsed JSON object, or undefined when the text is not JSON or not an object. Seven detectors ask; it is parsed once. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  if (text !== lastText) {
    lastText = text;
    lastData = /^\s*\{/u.test(text) ? tryParse(text) : undefined;
  }
  return isRecord(lastData) ? lastData : undefined;
}

/** Whether text that is not valid JSON opens like an object with all these patterns in its first few thousand characters. */
export function brokenJsonLike(text: string, ...patterns: RegExp[]): boolean {
  if (!/^\s*\{/u.test(text) || jsonObject(text) !== undefined) return false;
  const head = text.slice(0, 6000);
  return patterns.every((p) => p.test(head));
}

/** The first element of a list, when the value is a non-empty list of objects. */
export function firstRecord(value: unknown): Record<string, unknown> | undefined {
  return Array.isArray(value) && isRecord(value[0]) ? value[0] : undefined;
}

/** Parses and validates; syntax and schema problems become ImportErrors with the path and line. */
export function readJson<T>(source: ImportSource, schema: z.ZodType<T>, fixes: Record<string, string>, rootFix: string): { file: T; lines: Map<string, number> } {
  const { data, lines } = parseJsonSource(source);
  const file = validate(source, data, lines, schema, (field) => fixes[field] ?? rootFix);
  return { file, lines };
}

/** A number, or a string holding one ("1.35", as Amazon Transcribe writes times and confidences). */
export const numeric = z.custom<number | string>(
  (v) => (typeof v === "number" ? Number.isFinite(v) : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))),
  { message: 'is not a number (or a string holding one, like "1.35")' },
);

/** The value of a `numeric` field as a number. */
export function numberOf(value: number | string | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "number" ? value : Number(value);
}

/** A 0–1 confidence. */
export const confidence = z.number().min(0).max(1);

/** A time in seconds or milliseconds, never negative. */
export const time = z.number().min(0);

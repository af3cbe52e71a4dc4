// Splits a story file into its YAML front matter and its transcript body.

import yaml from "js-yaml";
import { InputError } from "./errors.ts";

export interface SplitStory {
  data: Record<string, unknown>;
  /** The YAML lines, to find the line of a field. */
  yamlLines: string[];
  body: string;
  /** Lines before the body, so body line n is file line n + bodyOffset. */
  bodyOffset: number;
}

const FENCE = /^---[ \t]*$/;

export function splitFrontMatter(file: string, raw: string): SplitStory {
  const text = raw.replace(/^\uFEFF/u, "").replace(/\r\n?/gu, "\n");
  const lines = text.split("\n");
  if (!FENCE.test(lines[0] ?? "")) {
    throw new InputError(file, 1, "The story has no front matter.", 'start the file with a line "---", then at least "title:", "show:" and "date:", then another "---" line before the transcript.');
  }
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end < 0) {
    throw new InputError(file, 1, "The front matter is never closed.", 'add a line "---" after the last front matter field, before the transcript.');
  }
  const yamlLines = lines.slice(1, end);
  let data: unknown;
  try {
    // CORE_SCHEMA: dates stay text, so a wrong date cannot silently roll over to another day.
    data = yaml.load(yamlLines.join("\n"), { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (error) {
    const e = error as { reason?: string; mark?: { line?: number } };
    throw new InputError(file, 2 + (e.mark?.line ?? 0), `The front matter is not valid YAML: ${e.reason ?? String(error)}.`, "check the indentation and quoting on that line; quote values that contain a colon.");
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new InputError(file, 2, "The front matter must be a list of fields such as title: and date:.", 'write one "name: value" per line between the two "---" lines.');
  }
  return { data: data as Record<string, unknown>, yamlLines, body: lines.slice(end + 1).join("\n"), bodyOffset: end + 1 };
}

/** 1-based file line of a top-level front matter field, if present. */
export function fieldLine(split: Pick<SplitStory, "yamlLines">, field: string): number | undefined {
  const i = split.yamlLines.findIndex((line) => line.startsWith(`${field}:`) || line.startsWith(`${field} :`));
  return i < 0 ? undefined : i + 2;
}

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
    const reason = e.reason ?? (error instanceof Error ? error.message : String(error));
    const quote = /within a (double|single) quoted scalar/u.exec(reason)?.[1];
    const opened = quote ? unclosedQuoteLine(yamlLines, quote === "double" ? '"' : "'") : undefined;
    if (quote && opened !== undefined) {
      const mark = quote === "double" ? '"' : "'";
      throw new InputError(file, opened, `The front matter is not valid YAML: the ${mark} opened on this line is never closed.`, `end the value with a matching ${mark} on the same line (write ${mark === '"' ? '\\"' : "''"} for a ${mark} inside it).`);
    }
    throw new InputError(file, 2 + (e.mark?.line ?? 0), `The front matter is not valid YAML: ${reason}.`, "check the indentation and quoting on that line; quote values that contain a colon.");
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    const first = yamlLines.findIndex((line) => line.trim() !== "" && !line.trimStart().startsWith("#"));
    throw new InputError(file, 2 + Math.max(first, 0), "The front matter must be a list of fields such as title: and date:.", 'write one "name: value" per line between the two "---" lines.');
  }
  return { data: data as Record<string, unknown>, yamlLines, body: lines.slice(end + 1).join("\n"), bodyOffset: end + 1 };
}

/** The file line where a quoted value opens and is not closed on the same line. */
function unclosedQuoteLine(yamlLines: string[], mark: '"' | "'"): number | undefined {
  const opening = new RegExp(`(?:^|:\\s+|^\\s*-\\s+|[\\[{,]\\s*)${mark}`, "u");
  for (const [i, line] of yamlLines.entries()) {
    if (line.trimStart().startsWith("#")) continue;
    const start = line.search(opening);
    if (start < 0) continue;
    const rest = line.slice(line.indexOf(mark, start) + 1);
    const closed = mark === '"' ? /(?:^|[^\\])(?:\\\\)*"/u.test(rest) : /'(?!')/u.test(rest.replace(/''/gu, ""));
    if (!closed) return i + 2;
  }
  return undefined;
}

/** 1-based file line of a top-level front matter field, if present. */
export function fieldLine(split: Pick<SplitStory, "yamlLines">, field: string): number | undefined {
  const i = split.yamlLines.findIndex((line) => {
    const key = /^(?:"([^"]*)"|'([^']*)'|([^\s:#][^:]*?))\s*:(?:\s|$)/u.exec(line);
    return key !== null && (key[1] ?? key[2] ?? key[3]) === field;
  });
  return i < 0 ? undefined : i + 2;
}

/** 1-based file line of the closing "---" of the front matter: where a missing field goes. */
export function closingFenceLine(split: Pick<SplitStory, "bodyOffset">): number {
  return split.bodyOffset;
}

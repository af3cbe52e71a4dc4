// The story front matter vocabulary, validated with a schema. Every problem becomes an
// InputError naming the file, the line and the field, with an example of what is expected.

import { z } from "zod";
import { InputError } from "./errors.ts";
import { fieldLine, type SplitStory } from "./front-matter.ts";
import { IMAGE_FIX, imageRefSchema } from "./image-ref.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u;
const DURATION = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/u;
const LANG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/u;

function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const speakerDeclaration = z.union([
  z.string().trim().min(1).transform((name) => ({ name })),
  z.strictObject({
    name: z.string().trim().min(1),
    role: z.string().trim().min(1).optional(),
    lang: z.string().regex(LANG).optional(),
  }),
]);

export const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  show: z.string().trim().min(1),
  date: z.union([z.string(), z.number()]).transform(String).refine(isRealDate),
  summary: z.string().trim().optional(),
  tags: z.array(z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1))).default([]),
  speakers: z.record(z.string(), speakerDeclaration).default({}),
  audio: z.string().trim().min(1).optional(),
  cover: imageRefSchema.optional(),
  duration: z.string().trim().regex(DURATION).optional(),
  copyright: z.string().trim().min(1).optional(),
  lang: z.string().regex(LANG).optional(),
  draft: z.boolean().default(false),
  lenient: z.boolean().default(false),
});

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** What each field must be, and an example, for error messages. */
const FIELDS: Record<string, { expected: string; example: string }> = {
  title: { expected: "the story's title as text", example: 'title: "The Night Ferry Returns"' },
  show: { expected: "the name of the show", example: "show: Night Desk" },
  date: { expected: "a real date written YYYY-MM-DD", example: "date: 2026-03-14" },
  summary: { expected: "one or two sentences of text", example: "summary: The city's night ferry is back." },
  tags: { expected: "a list of tags", example: "tags: [ferries, city council]" },
  speakers: { expected: "a map from a label to a name, role and language", example: 'speakers: { MANN: { name: "Brian Mann", role: reporter } }' },
  audio: { expected: "a URL or a file path next to the story", example: "audio: episode.mp3" },
  cover: { expected: "an image next to the story with its alt text", example: 'cover: { file: cover.jpg, alt: "The ferry at the night dock" }' },
  duration: { expected: "a length written H:MM:SS or M:SS", example: 'duration: "42:10"' },
  copyright: { expected: "a provenance line as text", example: 'copyright: "Copyright 2026 Night Desk."' },
  lang: { expected: "a BCP 47 language tag", example: "lang: es" },
  draft: { expected: "true or false", example: "draft: true" },
  lenient: { expected: "true or false (true turns unknown speaker labels into warnings)", example: "lenient: true" },
};

function closest(word: string, candidates: string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j] ?? 0;
        row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length] ?? Infinity;
  };
  const best = candidates.map((c) => ({ c, d: distance(word.toLowerCase(), c) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= 2 ? best.c : undefined;
}

/** Validates front matter; throws an InputError for the first problem found. */
export function validateFrontMatter(file: string, split: SplitStory): FrontMatter {
  const result = frontMatterSchema.safeParse(split.data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new InputError(file, 1, "The front matter is not valid.", "compare it with a story created by npm run new.");
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const suggestion = closest(key, Object.keys(FIELDS));
    throw new InputError(
      file,
      fieldLine(split, key),
      `Unknown front matter field "${key}".`,
      suggestion ? `did you mean "${suggestion}"? (${FIELDS[suggestion]?.example})` : `remove it, or use one of: ${Object.keys(FIELDS).join(", ")}.`,
    );
  }
  const field = String(issue.path[0] ?? "");
  const spec = FIELDS[field];
  const value = split.data[field];
  const line = fieldLine(split, field);
  if (issue.code === "custom" && field === "cover") {
    // An image's own rule (alt text): say which image, and how to describe it.
    const image = (value as { file?: unknown } | undefined)?.file;
    throw new InputError(file, line, `The ${field} image${typeof image === "string" ? ` ${image}` : ""} ${issue.message}.`, IMAGE_FIX);
  }
  const where = issue.path.length > 1 ? ` (at ${issue.path.join(".")})` : "";
  if (value === undefined) {
    throw new InputError(file, line, `The required field "${field}" is missing.`, `add a line such as ${spec?.example}.`);
  }
  const shown = typeof value === "object" ? "" : ` ${JSON.stringify(value)}`;
  throw new InputError(file, line, `The field "${field}"${where}${shown} is not ${spec?.expected ?? "valid"}.`, `write it like ${spec?.example}.`);
}

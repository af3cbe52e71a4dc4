// The story front matter vocabulary, validated with a schema. Every problem becomes an
// InputError naming the file, the line and the field, with an example of what is expected.

import { z } from "zod";
import { InputError } from "./errors.ts";
import { closingFenceLine, fieldLine, type SplitStory } from "./front-matter.ts";
import { EPISODE_FIELD_HELP, episodeFields } from "./episode.ts";
import { IMAGE_FIX, imageRefSchema } from "./image-ref.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](?:0\d|1[0-4]):?[0-5]\d)?)?$/u;
const DURATION = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/u;
const LANG = /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/u;

function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return false;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const speakerDeclaration = z.union([
  z.string().trim().min(1).transform((name) => ({ name })),
  z.strictObject({
    name: z.string().trim().min(1),
    role: z.string().trim().min(1).optional(),
    lang: z.string().regex(LANG).optional(),
  }),
]);

/** A web address a podcast app may open: http(s) only, parsed. */
const webAddress = z
  .string()
  .trim()
  .refine((text) => {
    if (!/^https?:\/\//iu.test(text)) return false;
    try {
      new URL(text);
      return true;
    } catch {
      return false;
    }
  })
  // As a URL parser writes it: spaces and quotes percent-encoded, the host in lower case.
  .transform((text) => (URL.canParse(text) ? new URL(text).href : text));

/** What a chapter adds to its heading (src/story/chapters.ts): a web page and an image with its alt text. */
const chapterExtras = z.strictObject({
  url: webAddress.optional(),
  image: imageRefSchema.optional(),
});

export const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  show: z.string().trim().min(1),
  date: z.union([z.string(), z.number()]).transform(String).refine(isRealDate),
  summary: z.string().trim().optional(),
  tags: z.array(z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1))).default([]),
  speakers: z.record(z.string(), speakerDeclaration).default({}),
  audio: z.union([
    z.string().trim().min(1),
    // A file on another host: its size in bytes for the feed's enclosure (the build makes no requests).
    z.strictObject({ url: z.string().trim().min(1), bytes: z.number().int().positive().optional(), type: z.string().trim().regex(/^[a-z]+\/[a-z0-9.+-]+$/u).optional() }),
  ]).optional(),
  cover: imageRefSchema.optional(),
  chapters: z.record(z.string(), chapterExtras).default({}),
  duration: z.string().trim().regex(DURATION).optional(),
  copyright: z.string().trim().min(1).optional(),
  lang: z.string().regex(LANG).optional(),
  draft: z.boolean().default(false),
  lenient: z.boolean().default(false),
  ...episodeFields,
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
  audio: {
    expected: "a file next to the story, or a web address with its size in bytes",
    example: "audio: episode.mp3 (or, for a file on another host, audio: { url: https://cdn.example.org/episode.mp3, bytes: 48213344 })",
  },
  cover: { expected: "an image next to the story with its alt text", example: 'cover: { file: cover.jpg, alt: "The ferry at the night dock" }' },
  chapters: {
    expected: "a map from a timed heading's title to its url (https://…) and image (file and alt)",
    example: 'chapters: { "The Pear Tree": { url: https://example.org/pears, image: { file: pear.png, alt: "A pear tree" } } }',
  },
  duration: { expected: "a length written H:MM:SS or M:SS", example: 'duration: "42:10"' },
  copyright: { expected: "a provenance line as text", example: 'copyright: "Copyright 2026 Night Desk."' },
  lang: { expected: "a BCP 47 language tag", example: "lang: es" },
  draft: { expected: "true or false", example: "draft: true" },
  lenient: { expected: "true or false (true turns unknown speaker labels into warnings)", example: "lenient: true" },
  ...EPISODE_FIELD_HELP,
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

/** The line of a nested key ("speakers.MANN.name"), as deep as block-style YAML shows it. */
export function pathLine(split: SplitStory, path: readonly PropertyKey[]): number | undefined {
  let line = fieldLine(split, String(path[0] ?? ""));
  if (line === undefined) return undefined;
  for (const key of path.slice(1)) {
    if (typeof key !== "string") break;
    const quoted = key.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
    const pattern = new RegExp(`^\\s+["']?${quoted}["']?\\s*:`, "u");
    const from = line - 1; // yamlLines index of the line after the current one
    let found: number | undefined;
    for (let i = from; i < split.yamlLines.length; i++) {
      const text = split.yamlLines[i] ?? "";
      if (/^\S/u.test(text)) break; // the next top-level field
      if (pattern.test(text)) {
        found = i + 2;
        break;
      }
    }
    if (found === undefined) break;
    line = found;
  }
  return line;
}

/** Validates front matter; throws an InputError for the first problem found. */
export function validateFrontMatter(file: string, split: SplitStory): FrontMatter {
  const result = frontMatterSchema.safeParse(split.data);
  if (result.success) return result.data;
  // An unknown field first: "titel:" is the reason "title" is missing, and the better message.
  const issue = result.error.issues.find((i) => i.code === "unrecognized_keys") ?? result.error.issues[0];
  if (!issue) throw new InputError(file, 1, "The front matter is not valid.", "compare it with a story created by npm run new.");
  if (issue.code === "unrecognized_keys" && issue.path.length > 0) {
    // A key inside a field (soundbites: [{ titel: … }]): name the field it is in, not a top-level one.
    const key = issue.keys[0] ?? "";
    const field = String(issue.path[0]);
    throw new InputError(file, pathLine(split, issue.path) ?? fieldLine(split, field) ?? 2, `Unknown key "${key}" in the field "${field}" (at ${issue.path.join(".")}).`, `write it like ${FIELDS[field]?.example ?? "the examples in docs/editing.md"}.`);
  }
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const suggestion = closest(key, Object.keys(FIELDS));
    throw new InputError(
      file,
      fieldLine(split, key) ?? 2,
      `Unknown front matter field "${key}".`,
      suggestion ? `did you mean "${suggestion}"? (${FIELDS[suggestion]?.example})` : `remove it, or use one of: ${Object.keys(FIELDS).join(", ")}.`,
    );
  }
  const field = String(issue.path[0] ?? "");
  const spec = FIELDS[field] ?? { expected: "valid", example: "the examples in the README" };
  const value = split.data[field];
  const line = pathLine(split, issue.path) ?? closingFenceLine(split);
  if (issue.code === "custom" && field === "cover") {
    // An image's own rule (alt text): say which image, and how to describe it.
    const image = (value as { file?: unknown } | undefined)?.file;
    throw new InputError(file, line, `The ${field} image${typeof image === "string" ? ` ${image}` : ""} ${issue.message}.`, IMAGE_FIX);
  }
  if (issue.code === "custom" && field === "chapters" && issue.path[2] === "image") {
    const heading = String(issue.path[1]);
    const image = (split.data.chapters as Record<string, { image?: { file?: unknown } }> | undefined)?.[heading]?.image?.file;
    throw new InputError(file, line, `The image${typeof image === "string" ? ` ${image}` : ""} of the chapter "${heading}" ${issue.message}.`, IMAGE_FIX.replace("cover: { file: cover.jpg", `image: { file: ${typeof image === "string" ? image : "chapter.jpg"}`));
  }
  if (field === "chapters" && issue.path[2] === "url") {
    const url = (split.data.chapters as Record<string, { url?: unknown }> | undefined)?.[String(issue.path[1])]?.url;
    throw new InputError(file, line, `The url of the chapter "${String(issue.path[1])}"${url === undefined ? "" : ` ${JSON.stringify(url)}`} is not a web address starting with https:// or http://.`, "write the page's full address, e.g. url: https://example.org/the-pear-tree (quote it if it holds a colon followed by a space or a #).");
  }
  const where = issue.path.length > 1 ? ` (at ${issue.path.join(".")})` : "";
  if (value === undefined) {
    throw new InputError(file, line, `The required field "${field}" is missing.`, `add a line such as ${spec.example} to the front matter, before the closing "---" on line ${line}.`);
  }
  if (value === null && issue.path.length === 1) {
    throw new InputError(file, line, `The field "${field}" is empty.`, `give it a value, like ${spec.example}, or remove the line.`);
  }
  const shown = typeof value === "object" ? "" : ` ${JSON.stringify(value)}`;
  if ((typeof value === "number" || typeof value === "boolean") && issue.code === "invalid_type" && issue.expected === "string") {
    // YAML reads 1984 as a number and yes/true as a boolean; quotes make them text.
    throw new InputError(file, line, `The field "${field}"${shown} is not ${spec.expected}: YAML reads it as a ${typeof value}.`, `put it in quotes, so it is read as text: ${field}: "${String(value)}".`);
  }
  throw new InputError(file, line, `The field "${field}"${where}${shown} is not ${spec.expected ?? "valid"}.`, `write it like ${spec.example}.`);
}

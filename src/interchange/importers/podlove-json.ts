// Podlove Web Player transcripts: a bare array (or {"transcripts": [...]}) of
// {start, start_ms, end, end_ms, speaker, voice, text}. `speaker` is an id ("3" or 3) and `voice`
// the name shown. Items are sentence-sized already, so they go to mergeCaptions as they are, sorted by
// start: overlapping speech appears in the file roughly in order, and a stable sort keeps the
// file's order for items that start together.

import { z } from "zod";
import { ImportError } from "../model.ts";
import type { ImportWarning, Importer, TimedCaption } from "../model.ts";
import { mergeCaptions } from "../merge.ts";
import { bracketedSounds, cleanText } from "../text.ts";
import { parseTimestamp } from "../../transcript/times.ts";
import { parseJsonSource, tryParse, validate } from "../json-source.ts";

/** "00:00:01.234" → 1.234; plain seconds "1.5" are accepted too. */
function clockSeconds(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/u.test(trimmed)) return Number(trimmed);
  // parseTimestamp keeps milliseconds; Podlove writes three decimals, some tools more.
  return parseTimestamp(trimmed.replace(/(\.\d{3})\d+$/u, "$1"));
}

const clock = z.string().refine((s) => clockSeconds(s) !== undefined, { message: 'is not a time like "00:01:02.345"' });

const itemSchema = z
  .object({
    start: clock.optional(),
    start_ms: z.number().min(0).optional(),
    end: clock.optional(),
    end_ms: z.number().min(0).optional(),
    speaker: z.union([z.string(), z.number()]).nullish(),
    voice: z.string().nullish(),
    text: z.string(),
  })
  .refine((item) => item.start_ms !== undefined || item.start !== undefined, {
    message: "is missing, and so is start_ms",
    path: ["start"],
  });

type Item = z.infer<typeof itemSchema>;

const FIXES: Record<string, string> = {
  start: 'give start_ms in milliseconds (e.g. 1234) or start as "00:00:01.234".',
  start_ms: "give start_ms as a number of milliseconds from the start of the audio, e.g. 1234.",
  end: 'give end as "00:00:02.500", or end_ms in milliseconds.',
  end_ms: "give end_ms as a number of milliseconds from the start of the audio, e.g. 2500.",
  text: "give text as a string with the words spoken.",
  speaker: "give speaker as the speaker's id, a string or a number.",
  voice: "give voice as the speaker's name, or leave it out.",
  transcripts: 'give "transcripts" as a list of {start, end, speaker, voice, text} objects.',
};
const ROOT_FIX = "a Podlove transcript is a list of {start, start_ms, end, end_ms, speaker, voice, text} objects.";
const fixFor = (field: string) => FIXES[field] ?? ROOT_FIX;

export const podloveJsonImporter: Importer = {
  format: "podlove-json",
  name: "Podlove JSON",
  detect(source) {
    const data = tryParse(source.text);
    if (data === undefined) return /^\s*\[\s*\{[\s\S]*?"(?:start|start_ms)"\s*:[\s\S]*?"text"\s*:/u.test(source.text.slice(0, 2000));
    const items = itemsOf(data);
    const first: unknown = items?.[0];
    return typeof first === "object" && first !== null && ("start" in first || "start_ms" in first) && "text" in first;
  },
  read(source) {
    const { data, lines } = parseJsonSource(source);
    const wrapped = !Array.isArray(data) && itemsOf(data) !== undefined;
    const items = wrapped
      ? validate(source, data, lines, z.object({ transcripts: z.array(itemSchema) }), fixFor).transcripts
      : validate(source, data, lines, z.array(itemSchema), fixFor);
    const prefix = wrapped ? "transcripts" : "";
    const unnamed = new Map<string, number>();
    const captions = items.map((item, i) => toCaption(item, lines.get(`${prefix}[${i}]`) ?? 1, unnamed));
    const warnings: ImportWarning[] = [...unnamed].map(([id, line]) => ({
      line,
      message: `Speaker ${id} has no voice name; called "Speaker ${id}".`,
      review: true,
    }));
    // Array.prototype.sort is stable: items that start together keep the file's order.
    captions.sort((a, b) => a.start - b.start);
    const blocks = mergeCaptions(captions);
    if (blocks.length === 0) {
      throw new ImportError(source.file, 1, "The transcript has no item with words in it.", "check that each item's words are in its text field.");
    }
    return { format: "podlove-json", meta: {}, blocks, warnings };
  },
};

/** The list of items: the array itself, or the "transcripts" list of the player's configuration. */
function itemsOf(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (typeof data === "object" && data !== null && "transcripts" in data && Array.isArray(data.transcripts)) return data.transcripts;
  return undefined;
}

function toCaption(item: Item, line: number, unnamed: Map<string, number>): TimedCaption {
  const start = seconds(item.start_ms, item.start) ?? 0;
  const end = Math.max(start, seconds(item.end_ms, item.end) ?? start);
  const speaker = speakerName(item, line, unnamed);
  // cleanText leaves letters alone: German text keeps its umlauts and ß exactly.
  return { start, end, text: bracketedSounds(cleanText(item.text)), line, ...(speaker ? { speaker } : {}) };
}

/** Milliseconds win over the clock text: they are exact, the text is derived from them. */
function seconds(ms: number | undefined, clockText: string | undefined): number | undefined {
  if (ms !== undefined) return ms / 1000;
  return clockText === undefined ? undefined : clockSeconds(clockText);
}

/** The voice's name; an id without a name becomes "Speaker 3" (its first line kept for a warning). */
function speakerName(item: Item, line: number, unnamed: Map<string, number>): string | undefined {
  const voice = item.voice?.trim();
  if (voice) return voice;
  const id = item.speaker === null || item.speaker === undefined ? "" : String(item.speaker).trim();
  if (id === "") return undefined;
  if (!unnamed.has(id)) unnamed.set(id, line);
  return `Speaker ${id}`;
}

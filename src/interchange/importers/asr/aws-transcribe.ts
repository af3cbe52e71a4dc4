// Amazon Transcribe batch output: {"jobName", "accountId", "status", "results": {"language_code"?,
// "transcripts": [{"transcript"}], "items": [{"type": "pronunciation" | "punctuation",
// "start_time": "1.15", "end_time": "1.35", "alternatives": [{"content", "confidence": "0.98"}],
// "speaker_label"?: "spk_0"}], "speaker_labels"?: {"segments": [{"start_time", "end_time",
// "speaker_label", "items": [{"start_time", "end_time", "speaker_label"}]}]}, "channel_labels"?:
// {"channels": [{"channel_label": "ch_0", "items": [...]}]}}}. Times and confidences are strings
// holding numbers (plain numbers are read too). A word's speaker is its own speaker_label (newer
// output), else the speaker_labels item with the same start time, else the speaker segment
// around it, else the channel it was heard on (channel_labels, or the item's own
// channel_label). Punctuation items (their confidence is always 0) join the word before them
// and carry no confidence.

import { z } from "zod";
import { ImportError, type Importer } from "../../model.ts";
import { isRecord } from "../../json-source.ts";
import { brokenJsonLike, jsonObject, numberOf, numeric, readJson } from "./json.ts";
import { asrTranscript } from "./transcript.ts";
import type { AsrToken } from "./words.ts";

const itemSchema = z.object({
  type: z.enum(["pronunciation", "punctuation"]),
  start_time: numeric.nullish(),
  end_time: numeric.nullish(),
  alternatives: z.array(z.object({ content: z.string(), confidence: numeric.nullish() })).min(1),
  speaker_label: z.string().nullish(),
  channel_label: z.string().nullish(),
});

const labelledSpanSchema = z.object({ start_time: numeric, end_time: numeric.nullish(), speaker_label: z.string().nullish() });

const fileSchema = z.object({
  status: z.string().nullish(),
  results: z.object({
    language_code: z.string().nullish(),
    language_identification: z.array(z.object({ code: z.string(), score: numeric.nullish() })).nullish(),
    items: z.array(itemSchema),
    speaker_labels: z
      .object({ segments: z.array(labelledSpanSchema.extend({ items: z.array(labelledSpanSchema).nullish() })) })
      .nullish(),
    channel_labels: z
      .object({ channels: z.array(z.object({ channel_label: z.string(), items: z.array(z.object({ start_time: numeric.nullish() })) })) })
      .nullish(),
  }),
  language_code: z.string().nullish(),
});

type File = z.infer<typeof fileSchema>;

const FIXES: Record<string, string> = {
  results: 'give "results" as {"transcripts": [...], "items": [...]}.',
  items: 'give "items" as a list of {"type", "start_time", "end_time", "alternatives"} objects.',
  type: 'give type as "pronunciation" or "punctuation".',
  start_time: 'give start_time as seconds from the start of the audio, as Amazon writes it: "1.15".',
  end_time: 'give end_time as seconds from the start of the audio, as Amazon writes it: "1.35".',
  alternatives: 'give "alternatives" as a list with at least one {"content", "confidence"} object.',
  content: "give content as a string: the word, or the punctuation mark.",
  confidence: 'give confidence as a number from 0 to 1, as Amazon writes it: "0.98".',
  speaker_label: 'give speaker_label as a string such as "spk_0".',
  segments: 'give "segments" as a list of {"start_time", "end_time", "speaker_label", "items"} objects.',
  language_code: 'give language_code as a string such as "en-US".',
  status: 'give status as a string, "COMPLETED".',
};
const ROOT_FIX = 'an Amazon Transcribe result is an object: {"jobName", "results": {"transcripts": [...], "items": [...]}}.';

export const awsTranscribeJsonImporter: Importer = {
  format: "aws-transcribe-json",
  name: "Amazon Transcribe JSON",
  detect(source) {
    const data = jsonObject(source.text);
    if (!data) {
      return brokenJsonLike(source.text, /"results"\s*:\s*\{/u, /"(?:transcripts|items|speaker_labels|jobName)"\s*:/u) && !/"results"\s*:\s*\{\s*"channels"/u.test(source.text);
    }
    const results = data.results;
    return isRecord(results) && !("channels" in results) && (Array.isArray(results.items) || Array.isArray(results.transcripts));
  },
  read(source) {
    const { file, lines } = readJson(source, fileSchema, FIXES, ROOT_FIX);
    if (file.status && !/^completed$/iu.test(file.status)) {
      throw new ImportError(source.file, lines.get("status"), `The transcription job is not finished: its status is "${file.status}".`, "download the output again once the job is COMPLETED.");
    }
    const speakerAt = speakerFinder(file);
    const tokens: AsrToken[] = file.results.items.map((item, i) => {
      const alternative = item.alternatives[0];
      const line = lines.get(`results.items[${i}]`);
      const text = alternative?.content ?? "";
      if (item.type === "punctuation") return { kind: "punct", text, ...(line ? { line } : {}) };
      const start = numberOf(item.start_time);
      const end = numberOf(item.end_time);
      const confidence = numberOf(alternative?.confidence);
      const speaker = item.speaker_label ?? speakerAt(item.start_time, start) ?? item.channel_label ?? undefined;
      return {
        kind: "word",
        text,
        ...(start !== undefined ? { start } : {}),
        ...(end !== undefined ? { end } : {}),
        ...(confidence !== undefined ? { confidence } : {}),
        ...(speaker ? { speaker } : {}),
        ...(line ? { line } : {}),
      };
    });
    const identified = file.results.language_identification?.slice().sort((a, b) => (numberOf(b.score) ?? 0) - (numberOf(a.score) ?? 0))[0]?.code;
    const language = file.results.language_code ?? file.language_code ?? identified;
    return asrTranscript(
      "aws-transcribe-json",
      source,
      tokens,
      {
        language,
        languagePath: file.results.language_code ? "results.language_code" : "language_code",
        emptyLine: lines.get("results.items"),
        emptyFix: "check that results.items holds the words (pronunciation items).",
        undiarisedHint: "Amazon Transcribe labels voices only with speaker partitioning (ShowSpeakerLabels) or channel identification.",
      },
      lines,
    );
  },
};

/**
 * Finds a word's speaker from the speaker_labels segments (their items by start time, else the
 * segment whose span holds the word) or from the channel whose items include its start time.
 */
function speakerFinder(file: File): (startText: string | number | null | undefined, start: number | undefined) => string | undefined {
  const byStart = new Map<string, string>();
  const spans: Array<{ from: number; to: number; label: string }> = [];
  for (const segment of file.results.speaker_labels?.segments ?? []) {
    const label = segment.speaker_label ?? undefined;
    if (!label) continue;
    const from = numberOf(segment.start_time) ?? 0;
    spans.push({ from, to: numberOf(segment.end_time) ?? from, label });
    for (const item of segment.items ?? []) byStart.set(timeKey(item.start_time), item.speaker_label ?? label);
  }
  for (const channel of file.results.channel_labels?.channels ?? []) {
    for (const item of channel.items) if (item.start_time != null && !byStart.has(timeKey(item.start_time))) byStart.set(timeKey(item.start_time), channel.channel_label);
  }
  return (startText, start) => {
    if (startText === null || startText === undefined || start === undefined) return undefined;
    return byStart.get(timeKey(startText)) ?? spans.find((s) => start >= s.from && start < s.to)?.label;
  };
}

/** The same moment as the same key, whether written "1.5", "1.50" or 1.5. */
function timeKey(value: string | number | null | undefined): string {
  const n = numberOf(value);
  return n === undefined ? "" : String(Math.round(n * 1000));
}

// OpenAI Whisper JSON, and faster-whisper or whisper-ctranslate2 writing the same shape:
// {"text", "segments": [{id, seek, start, end, text, tokens, temperature, avg_logprob,
// compression_ratio, no_speech_prob, words?: [{word, start, end, probability}]}], "language"}.
// whisper-timestamped writes the same shape with words as {text, start, end, confidence}.
// Times in seconds. A word carries its leading space (" Hello"); a word without one joins the
// word before (Chinese, Japanese, a word cut in two). Whisper tells no voices apart: diarising
// wrappers add `speaker` to segments (and sometimes words), which is read when present.
// Without word times, each segment is one chunk of text with the segment's times.

import { z } from "zod";
import type { Importer } from "../../model.ts";
import { brokenJsonLike, confidence, firstRecord, jsonObject, readJson, time } from "./json.ts";
import { normaliseLanguage, writtenWithoutSpaces } from "../../language-tags.ts";
import { asrTranscript } from "./transcript.ts";
import { WHISPER_SEGMENT_FIELDS } from "./whisperx.ts";
import type { AsrToken } from "./words.ts";

const label = z.union([z.string(), z.number()]);

/** A word: Whisper's {word, probability}, or whisper-timestamped's {text, confidence}. */
const wordSchema = z
  .object({
    word: z.string().nullish(),
    text: z.string().nullish(),
    start: time,
    end: time,
    probability: confidence.nullish(),
    confidence: confidence.nullish(),
    speaker: label.nullish(),
  })
  .refine((w) => typeof w.word === "string" || typeof w.text === "string", { message: "is missing (a word needs word, or text)", path: ["word"] });

const segmentSchema = z.object({
  id: z.number().nullish(),
  seek: z.number().nullish(),
  start: time,
  end: time,
  text: z.string(),
  tokens: z.array(z.number()).nullish(),
  avg_logprob: z.number().nullish(),
  no_speech_prob: z.number().nullish(),
  speaker: label.nullish(),
  words: z.array(wordSchema).nullish(),
});

const fileSchema = z.object({
  text: z.string().nullish(),
  segments: z.array(segmentSchema),
  language: z.string().nullish(),
});

const FIXES: Record<string, string> = {
  segments: 'give "segments" as a list of {"id", "start", "end", "text"} objects.',
  start: "give start as a number of seconds from the start of the audio, e.g. 12.5.",
  end: "give end as a number of seconds from the start of the audio, e.g. 14.25.",
  text: "give text as a string with the words heard.",
  word: 'give word as a string, the word heard with its leading space (" Ortiz,").',
  probability: "give probability as a number from 0 to 1, or leave it out.",
  words: 'give "words" as a list of {"word", "start", "end", "probability"} objects.',
  tokens: "give tokens as a list of numbers, or leave it out.",
  language: 'give language as a string such as "en" or "english".',
  speaker: 'give speaker as a string such as "SPEAKER_00", or leave it out.',
};
const ROOT_FIX = 'a Whisper transcript is an object: {"text": "...", "segments": [{"id", "start", "end", "text"}], "language": "en"}.';

export const whisperJsonImporter: Importer = {
  format: "whisper-json",
  name: "Whisper JSON",
  detect(source) {
    const data = jsonObject(source.text);
    if (!data) return brokenJsonLike(source.text, /"segments"\s*:\s*\[/u, /"(?:seek|avg_logprob|no_speech_prob|compression_ratio)"\s*:/u);
    if (!Array.isArray(data.segments) || Array.isArray(data.word_segments)) return false;
    const segment = firstRecord(data.segments);
    if (segment === undefined) return typeof data.text === "string" && data.segments.length === 0 && "language" in data;
    return WHISPER_SEGMENT_FIELDS.some((f) => f in segment) || "probability" in (firstRecord(segment.words) ?? {});
  },
  read(source) {
    const { file, lines } = readJson(source, fileSchema, FIXES, ROOT_FIX);
    // Whisper marks a new word with a leading space; tools that strip the spaces leave none at
    // all, and then only a language written without spaces joins its words.
    const spaced = file.segments.some((s) => s.words?.some((w) => /^\s/u.test(wordText(w))));
    const unspaced = writtenWithoutSpaces(normaliseLanguage(file.language));
    const tokens: AsrToken[] = [];
    file.segments.forEach((segment, i) => {
      const segmentSpeaker = labelOf(segment.speaker);
      if (!segment.words?.length) {
        tokens.push({ kind: "word", chunk: true, text: segment.text, start: segment.start, end: segment.end, ...(segmentSpeaker ? { speaker: segmentSpeaker } : {}), line: lines.get(`segments[${i}]`) });
        return;
      }
      segment.words.forEach((word, j) => {
        const speaker = labelOf(word.speaker) ?? segmentSpeaker;
        const text = wordText(word);
        const probability = word.probability ?? word.confidence;
        tokens.push({
          kind: "word",
          text,
          start: word.start,
          end: word.end,
          ...(probability != null ? { confidence: probability } : {}),
          ...(speaker ? { speaker } : {}),
          ...(tokens.length > 0 && spaced && !/^\s/u.test(text) ? { continues: true } : {}),
          ...(tokens.length > 0 && !spaced && unspaced ? { glue: true } : {}),
          line: lines.get(`segments[${i}].words[${j}]`),
        });
      });
    });
    return asrTranscript(
      "whisper-json",
      source,
      tokens,
      {
        language: file.language,
        languagePath: "language",
        emptyLine: lines.get("segments"),
        emptyFix: "check that the segments have text; Whisper writes each segment's words in its text field.",
        undiarisedHint: "Whisper does not tell voices apart; WhisperX with --diarize does.",
      },
      lines,
    );
  },
};

function wordText(word: z.infer<typeof wordSchema>): string {
  return word.word ?? word.text ?? "";
}

/** A speaker label as text; numbers become "0", "1". */
function labelOf(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === "" ? undefined : text;
}

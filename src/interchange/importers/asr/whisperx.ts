// WhisperX JSON: {"segments": [{start, end, text, speaker, words: [{word, start, end, score,
// speaker}]}], "word_segments": [...], "language"}. Times in seconds; `score` is the alignment
// model's 0–1 confidence; `speaker` ("SPEAKER_00") is there after diarisation. Words the aligner
// could not place (often numbers) have no start, end or score. Words come from each segment's
// `words`, speaker from the word or else its segment; a segment without words is read as one
// chunk of text, unless the file keeps its words only in `word_segments`. In languages written without spaces WhisperX aligns characters: they are
// joined without spaces.

import { z } from "zod";
import type { Importer } from "../../model.ts";
import { brokenJsonLike, confidence, firstRecord, jsonObject, readJson, time } from "./json.ts";
import { normaliseLanguage, writtenWithoutSpaces } from "../../language-tags.ts";
import { asrTranscript } from "./transcript.ts";
import type { AsrToken } from "./words.ts";

const wordSchema = z.object({
  word: z.string(),
  start: time.nullish(),
  end: time.nullish(),
  score: confidence.nullish(),
  speaker: z.string().nullish(),
});

const segmentSchema = z.object({
  start: time,
  end: time,
  text: z.string(),
  speaker: z.string().nullish(),
  words: z.array(wordSchema).nullish(),
});

const fileSchema = z.object({
  segments: z.array(segmentSchema),
  word_segments: z.array(wordSchema).nullish(),
  language: z.string().nullish(),
});

const FIXES: Record<string, string> = {
  segments: 'give "segments" as a list of {"start", "end", "text", "words"} objects.',
  start: "give start as a number of seconds from the start of the audio, e.g. 12.5.",
  end: "give end as a number of seconds from the start of the audio, e.g. 14.25.",
  text: "give text as a string with the segment's words.",
  word: 'give word as a string, the word heard ("Ortiz,").',
  score: "give score as a number from 0 to 1, or leave it out.",
  speaker: 'give speaker as a string such as "SPEAKER_00", or leave it out.',
  words: 'give "words" as a list of {"word", "start", "end", "score"} objects.',
  language: 'give language as a string such as "en".',
};
const ROOT_FIX = 'a WhisperX transcript is an object: {"segments": [{"start", "end", "text", "words": [...]}], "language": "en"}.';

/** Fields only OpenAI Whisper's decoder writes on a segment: their presence makes a file Whisper JSON. */
export const WHISPER_SEGMENT_FIELDS = ["seek", "tokens", "avg_logprob", "no_speech_prob", "compression_ratio", "temperature"];

export const whisperxJsonImporter: Importer = {
  format: "whisperx-json",
  name: "WhisperX JSON",
  detect(source) {
    const data = jsonObject(source.text);
    if (!data) {
      return (
        brokenJsonLike(source.text, /"segments"\s*:\s*\[/u, /"word_segments"|"score"\s*:|"segments"\s*:\s*\[\s*\{\s*"start"/u) &&
        !/"(?:seek|avg_logprob|no_speech_prob|startTime|body)"\s*:/u.test(source.text.slice(0, 6000))
      );
    }
    if (!Array.isArray(data.segments)) return false;
    if (Array.isArray(data.word_segments)) return true;
    const segment = firstRecord(data.segments);
    return segment !== undefined && "start" in segment && "text" in segment && !WHISPER_SEGMENT_FIELDS.some((f) => f in segment) && !("probability" in (firstRecord(segment.words) ?? {}));
  },
  read(source) {
    const { file, lines } = readJson(source, fileSchema, FIXES, ROOT_FIX);
    const glue = writtenWithoutSpaces(normaliseLanguage(file.language));
    // Some writers keep the words only in word_segments: then they are read from there.
    const wordsOnlyApart = !file.segments.some((s) => s.words?.length) && (file.word_segments?.length ?? 0) > 0;
    const tokens = wordsOnlyApart ? tokensFromWordSegments(file, lines, glue) : tokensFromSegments(file, lines, glue);
    return asrTranscript(
      "whisperx-json",
      source,
      tokens,
      {
        language: file.language,
        languagePath: "language",
        emptyLine: lines.get("segments"),
        emptyFix: "check that the segments have text; WhisperX writes each segment's words in its text and words fields.",
        undiarisedHint: "WhisperX labels voices only when run with --diarize.",
      },
      lines,
    );
  },
};

type File = z.infer<typeof fileSchema>;

/** Each segment's words, with the segment's speaker where a word has none; a segment without words as one chunk. */
function tokensFromSegments(file: File, lines: Map<string, number>, glue: boolean): AsrToken[] {
  const tokens: AsrToken[] = [];
  file.segments.forEach((segment, i) => {
    const speaker = segment.speaker ?? undefined;
    if (!segment.words?.length) {
      tokens.push({ kind: "word", chunk: true, text: segment.text, start: segment.start, end: segment.end, ...(speaker ? { speaker } : {}), line: lines.get(`segments[${i}]`) });
      return;
    }
    segment.words.forEach((word, j) => {
      tokens.push(tokenOf(word, word.speaker ?? speaker, glue && tokens.length > 0, lines.get(`segments[${i}].words[${j}]`)));
    });
  });
  return tokens;
}

/** The words of word_segments, each with the speaker of the segment its start falls in when it has none. */
function tokensFromWordSegments(file: File, lines: Map<string, number>, glue: boolean): AsrToken[] {
  return (file.word_segments ?? []).map((word, j) => {
    const at = word.start;
    const around = at != null ? file.segments.find((s) => at >= s.start && at <= s.end) : undefined;
    return tokenOf(word, word.speaker ?? around?.speaker ?? undefined, glue && j > 0, lines.get(`word_segments[${j}]`));
  });
}

function tokenOf(word: z.infer<typeof wordSchema>, speaker: string | undefined, glue: boolean, line: number | undefined): AsrToken {
  return {
    kind: "word",
    text: word.word,
    ...(word.start != null ? { start: word.start } : {}),
    ...(word.end != null ? { end: word.end } : {}),
    ...(word.score != null ? { confidence: word.score } : {}),
    ...(speaker ? { speaker } : {}),
    ...(glue ? { glue } : {}),
    ...(line ? { line } : {}),
  };
}

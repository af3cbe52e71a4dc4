// AssemblyAI transcript JSON: {"id", "status", "text", "words": [{text, start, end, confidence,
// speaker}], "utterances": [{speaker, start, end, text, confidence, words}], "language_code",
// "audio_duration"}. Times in milliseconds (audio_duration in seconds). With speaker labels on,
// `utterances` holds the speech by voice ("A", "B"…) and is read; without, `utterances` is
// null and the top-level words are read. Each utterance starts a paragraph.

import { z } from "zod";
import { ImportError, type Importer } from "../../model.ts";
import { brokenJsonLike, confidence, firstRecord, jsonObject, readJson, time } from "./json.ts";
import { asrTranscript } from "./transcript.ts";
import type { AsrToken } from "./words.ts";

const wordSchema = z.object({
  text: z.string(),
  start: time,
  end: time,
  confidence: confidence.nullish(),
  speaker: z.string().nullish(),
});

const utteranceSchema = z.object({
  speaker: z.string().nullish(),
  start: time,
  end: time,
  text: z.string(),
  words: z.array(wordSchema).nullish(),
});

const fileSchema = z.object({
  status: z.string().nullish(),
  text: z.string().nullish(),
  words: z.array(wordSchema).nullish(),
  utterances: z.array(utteranceSchema).nullish(),
  language_code: z.string().nullish(),
  audio_duration: z.number().nullish(),
});

const FIXES: Record<string, string> = {
  utterances: 'give "utterances" as a list of {"speaker", "start", "end", "text", "words"} objects.',
  words: 'give "words" as a list of {"text", "start", "end", "confidence", "speaker"} objects.',
  start: "give start as a number of milliseconds from the start of the audio, e.g. 1230.",
  end: "give end as a number of milliseconds from the start of the audio, e.g. 2460.",
  text: "give text as a string with the words heard.",
  confidence: "give confidence as a number from 0 to 1, or leave it out.",
  speaker: 'give speaker as a string such as "A", or leave it out.',
  language_code: 'give language_code as a string such as "en_us".',
  audio_duration: "give audio_duration as a number of seconds.",
  status: 'give status as a string, "completed".',
};
const ROOT_FIX = 'an AssemblyAI transcript is an object: {"status": "completed", "utterances": [...], "words": [...], "language_code": "en_us"}.';

export const assemblyaiJsonImporter: Importer = {
  format: "assemblyai-json",
  name: "AssemblyAI JSON",
  detect(source) {
    const data = jsonObject(source.text);
    if (!data) return brokenJsonLike(source.text, /"(?:utterances|audio_url|acoustic_model|language_code|audio_duration)"\s*:/u, /"words"\s*:\s*\[|"utterances"\s*:/u) && !/"(?:results|monologues|segments|transcription)"\s*:/u.test(source.text.slice(0, 6000));
    if ("segments" in data || "results" in data || "monologues" in data || "transcription" in data) return false;
    if (Array.isArray(data.utterances)) {
      const utterance = firstRecord(data.utterances);
      // AssemblyAI's speakers are letters ("A"); other services' utterances number them.
      return utterance === undefined || ("text" in utterance && (typeof utterance.speaker === "string" || utterance.speaker === null));
    }
    const word = firstRecord(data.words);
    if (word) return "text" in word && "start" in word && "confidence" in word;
    return "utterances" in data && ("audio_url" in data || "language_code" in data);
  },
  read(source) {
    const { file, lines } = readJson(source, fileSchema, FIXES, ROOT_FIX);
    if (file.status && file.status !== "completed") {
      throw new ImportError(source.file, lines.get("status"), `The transcript is not finished: its status is "${file.status}".`, "fetch the transcript again once AssemblyAI reports it completed.");
    }
    const tokens: AsrToken[] = [];
    if (file.utterances?.length) {
      file.utterances.forEach((utterance, i) => {
        const speaker = utterance.speaker?.trim() || undefined;
        const first = tokens.length;
        if (!utterance.words?.length) {
          tokens.push({ kind: "word", chunk: true, text: utterance.text, start: utterance.start / 1000, end: utterance.end / 1000, ...(speaker ? { speaker } : {}), line: lines.get(`utterances[${i}]`) });
        } else {
          utterance.words.forEach((word, j) => tokens.push(tokenOf(word, word.speaker?.trim() || speaker, lines.get(`utterances[${i}].words[${j}]`))));
        }
        const opening = tokens[first];
        if (opening) opening.paragraphStart = true;
      });
    } else {
      (file.words ?? []).forEach((word, j) => tokens.push(tokenOf(word, word.speaker?.trim() || undefined, lines.get(`words[${j}]`))));
    }
    return asrTranscript(
      "assemblyai-json",
      source,
      tokens,
      {
        language: file.language_code,
        languagePath: "language_code",
        duration: file.audio_duration,
        emptyLine: lines.get(file.utterances?.length ? "utterances" : "words") ?? 1,
        emptyFix: "fetch the transcript with its words (the words list or utterances).",
        undiarisedHint: "AssemblyAI labels voices only when the transcript is requested with speaker_labels.",
      },
      lines,
    );
  },
};

function tokenOf(word: z.infer<typeof wordSchema>, speaker: string | undefined, line: number | undefined): AsrToken {
  return {
    kind: "word",
    text: word.text,
    start: word.start / 1000,
    end: word.end / 1000,
    ...(word.confidence != null ? { confidence: word.confidence } : {}),
    ...(speaker ? { speaker } : {}),
    ...(line ? { line } : {}),
  };
}

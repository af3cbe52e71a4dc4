// Deepgram pre-recorded response JSON: {"metadata": {"duration"}, "results": {"channels":
// [{"detected_language"?, "alternatives": [{"transcript", "words": [{word, punctuated_word,
// start, end, confidence, speaker, speaker_confidence}], "paragraphs"?: {"paragraphs":
// [{speaker, start, end, sentences}]}}]}], "utterances"?: [...]}}. Times in seconds; `speaker`
// (an integer) is there with diarize=true. Words are read from the first alternative,
// punctuated_word before word; a paragraph Deepgram found starts a paragraph here too. With
// multichannel audio each channel is a voice ("0", "1"; "0.1" for speaker 1 on channel 0 when
// also diarised), and the channels' words are merged in time order.

import { z } from "zod";
import type { Importer } from "../../model.ts";
import { brokenJsonLike, confidence, jsonObject, readJson, time } from "./json.ts";
import { asrTranscript } from "./transcript.ts";
import type { AsrToken } from "./words.ts";
import { isRecord } from "../../json-source.ts";

const wordSchema = z.object({
  word: z.string(),
  punctuated_word: z.string().nullish(),
  start: time,
  end: time,
  confidence: confidence.nullish(),
  speaker: z.number().int().min(0).nullish(),
});

const alternativeSchema = z.object({
  transcript: z.string().nullish(),
  words: z.array(wordSchema),
  paragraphs: z.object({ paragraphs: z.array(z.object({ start: time, end: time.nullish() })) }).nullish(),
  languages: z.array(z.string()).nullish(),
});

const channelSchema = z.object({
  alternatives: z.array(alternativeSchema).min(1),
  detected_language: z.string().nullish(),
});

const utteranceSchema = z.object({
  channel: z.number().int().min(0).nullish(),
  speaker: z.number().int().min(0).nullish(),
  words: z.array(wordSchema),
});

const fileSchema = z.object({
  metadata: z.object({ duration: z.number().nullish() }).nullish(),
  results: z.object({
    channels: z.array(channelSchema).min(1),
    utterances: z.array(utteranceSchema).nullish(),
  }),
});

type Word = z.infer<typeof wordSchema>;

const FIXES: Record<string, string> = {
  results: 'give "results" as {"channels": [{"alternatives": [{"words": [...]}]}]}.',
  channels: 'give "channels" as a list of {"alternatives": [...]} objects.',
  alternatives: 'give "alternatives" as a list with at least one {"transcript", "words"} object.',
  words: 'give "words" as a list of {"word", "punctuated_word", "start", "end", "confidence", "speaker"} objects.',
  word: "give word as a string, the word heard.",
  punctuated_word: "give punctuated_word as a string, or leave it out.",
  start: "give start as a number of seconds from the start of the audio, e.g. 12.5.",
  end: "give end as a number of seconds from the start of the audio, e.g. 12.9.",
  confidence: "give confidence as a number from 0 to 1, or leave it out.",
  speaker: "give speaker as a whole number such as 0, or leave it out.",
  paragraphs: 'give "paragraphs" as {"paragraphs": [{"start", "end", "sentences"}]}, or leave it out.',
  detected_language: 'give detected_language as a string such as "en".',
  duration: "give duration as a number of seconds.",
};
const ROOT_FIX = 'a Deepgram response is an object: {"metadata": {...}, "results": {"channels": [{"alternatives": [{"words": [...]}]}]}}.';

export const deepgramJsonImporter: Importer = {
  format: "deepgram-json",
  name: "Deepgram JSON",
  detect(source) {
    const data = jsonObject(source.text);
    if (!data) return brokenJsonLike(source.text, /"results"\s*:\s*\{\s*"channels"|"channels"\s*:\s*\[\s*\{\s*"(?:alternatives|detected_language)"/u);
    return isRecord(data.results) && Array.isArray(data.results.channels);
  },
  read(source) {
    const { file, lines } = readJson(source, fileSchema, FIXES, ROOT_FIX);
    const multichannel = file.results.channels.length > 1;
    let tokens: AsrToken[] = [];
    file.results.channels.forEach((channel, c) => {
      const alternative = channel.alternatives[0];
      if (!alternative) return;
      const starts = new Set((alternative.paragraphs?.paragraphs ?? []).map((p) => Math.round(p.start * 1000)));
      alternative.words.forEach((word, j) => {
        const token = tokenOf(word, labelOf(multichannel ? c : undefined, word.speaker), lines.get(`results.channels[${c}].alternatives[0].words[${j}]`));
        if (j > 0 && starts.has(Math.round(word.start * 1000))) token.paragraphStart = true;
        tokens.push(token);
      });
    });
    // Responses that keep words only in the utterances (rare) are read from there.
    if (tokens.length === 0) {
      (file.results.utterances ?? []).forEach((utterance, u) => {
        utterance.words.forEach((word, j) => {
          const token = tokenOf(word, labelOf(multichannel ? (utterance.channel ?? 0) : undefined, word.speaker ?? utterance.speaker), lines.get(`results.utterances[${u}].words[${j}]`));
          if (j === 0) token.paragraphStart = true;
          tokens.push(token);
        });
      });
    }
    // Array.prototype.sort is stable: words that start together keep their channel order.
    if (multichannel) tokens = tokens.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    const channel = file.results.channels[0];
    const language = channel?.detected_language ?? channel?.alternatives[0]?.languages?.[0];
    return asrTranscript(
      "deepgram-json",
      source,
      tokens,
      {
        language,
        languagePath: channel?.detected_language ? "results.channels[0].detected_language" : "results.channels[0].alternatives[0].languages[0]",
        duration: file.metadata?.duration,
        emptyLine: lines.get("results.channels[0].alternatives[0].words") ?? lines.get("results"),
        emptyFix: "check that the response has words: Deepgram writes them in results.channels[0].alternatives[0].words.",
        undiarisedHint: "Deepgram labels voices only when called with diarize=true.",
      },
      lines,
    );
  },
};

/** The voice's label: the diarised speaker, the channel, or both ("0.1"). */
function labelOf(channel: number | undefined, speaker: number | null | undefined): string | undefined {
  const who = speaker === null || speaker === undefined ? undefined : String(speaker);
  if (channel === undefined) return who;
  return who === undefined ? String(channel) : `${channel}.${who}`;
}

function tokenOf(word: Word, speaker: string | undefined, line: number | undefined): AsrToken {
  return {
    kind: "word",
    text: word.punctuated_word ?? word.word,
    start: word.start,
    end: word.end,
    ...(word.confidence != null ? { confidence: word.confidence } : {}),
    ...(speaker !== undefined ? { speaker } : {}),
    ...(line ? { line } : {}),
  };
}

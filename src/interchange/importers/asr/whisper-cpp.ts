// whisper.cpp JSON (`-oj`, and `-ojf` / --output-json-full with tokens):
// {"systeminfo", "model", "params": {"language"}, "result": {"language"}, "transcription":
// [{"timestamps": {"from": "00:00:01,230", "to"}, "offsets": {"from": 1230, "to"}, "text",
// "tokens"?: [{"text", "timestamps", "offsets", "id", "p", "t_dtw"}], "speaker"?,
// "speaker_turn_next"?}]}. Offsets are milliseconds. Tokens are word pieces: one that starts
// with a space starts a word, one that does not continues it; special tokens ("[_BEG_]",
// "[_TT_150]", "<|endoftext|>") are not speech. A word's confidence is the mean of its pieces'
// `p`, as Whisper computes word probability. Where the pieces do not spell the segment's text
// (whisper.cpp can cut a multi-byte character between tokens), the segment is read as one chunk.
// `speaker` ("0", "1", "?" when unsure) comes from --diarize on stereo audio; tinydiarize's
// speaker_turn_next says only that the voice changes, not to whom: it starts a paragraph.

import { z } from "zod";
import type { Importer, ImportWarning } from "../../model.ts";
import { squash } from "../../text.ts";
import { brokenJsonLike, firstRecord, jsonObject, readJson, time } from "./json.ts";
import { asrTranscript } from "./transcript.ts";
import type { AsrToken } from "./words.ts";

const span = z.object({ from: time, to: time });

const tokenSchema = z.object({
  text: z.string(),
  offsets: span.nullish(),
  id: z.number().nullish(),
  p: z.number().min(0).max(1).nullish(),
});

const segmentSchema = z.object({
  offsets: span,
  text: z.string(),
  tokens: z.array(tokenSchema).nullish(),
  speaker: z.string().nullish(),
  speaker_turn_next: z.boolean().nullish(),
});

const fileSchema = z.object({
  params: z.object({ language: z.string().nullish(), translate: z.boolean().nullish() }).nullish(),
  result: z.object({ language: z.string().nullish() }).nullish(),
  transcription: z.array(segmentSchema),
});

const FIXES: Record<string, string> = {
  transcription: 'give "transcription" as a list of {"offsets": {"from", "to"}, "text"} objects.',
  offsets: 'give offsets as {"from": 1230, "to": 2460}, in milliseconds.',
  from: "give from as a number of milliseconds from the start of the audio, e.g. 1230.",
  to: "give to as a number of milliseconds from the start of the audio, e.g. 2460.",
  text: "give text as a string with the words heard.",
  p: "give p as a number from 0 to 1, or leave it out.",
  tokens: 'give "tokens" as a list of {"text", "offsets", "p"} objects, or leave it out.',
  speaker: 'give speaker as a string such as "0", or leave it out.',
  language: 'give language as a string such as "en".',
};
const ROOT_FIX = 'a whisper.cpp transcript is an object: {"result": {"language": "en"}, "transcription": [{"offsets": {"from", "to"}, "text"}]}.';

/** whisper.cpp's control tokens: "[_BEG_]", "[_TT_150]", "[_SOT_]", "<|endoftext|>". */
const SPECIAL = /^\s*(?:\[_[A-Z]+(?:_\d+)?_?\]|<\|[^|]*\|>)\s*$/u;

type Segment = z.infer<typeof segmentSchema>;

export const whisperCppJsonImporter: Importer = {
  format: "whisper-cpp-json",
  name: "whisper.cpp JSON",
  detect(source) {
    const data = jsonObject(source.text);
    if (!data) return brokenJsonLike(source.text, /"transcription"\s*:\s*\[/u);
    if (!Array.isArray(data.transcription)) return false;
    const first = firstRecord(data.transcription);
    return first ? "offsets" in first || "timestamps" in first : "result" in data || "systeminfo" in data;
  },
  read(source) {
    const { file, lines } = readJson(source, fileSchema, FIXES, ROOT_FIX);
    const warnings: ImportWarning[] = [];
    const tokens: AsrToken[] = [];
    let turnNext = false;
    file.transcription.forEach((segment, i) => {
      const line = lines.get(`transcription[${i}]`);
      const speaker = segment.speaker && segment.speaker.trim() !== "?" ? segment.speaker.trim() : undefined;
      const words = segmentWords(segment, (j) => lines.get(`transcription[${i}].tokens[${j}]`));
      if (segment.tokens?.length && !words) {
        warnings.push({ ...(line ? { line } : {}), message: "The tokens of this segment do not spell its text (a character cut between tokens); its words were kept without word times." });
      }
      const first = tokens.length;
      if (words) for (const w of words) tokens.push({ ...w, ...(speaker ? { speaker } : {}) });
      else tokens.push({ kind: "word", chunk: true, text: segment.text, start: segment.offsets.from / 1000, end: segment.offsets.to / 1000, ...(speaker ? { speaker } : {}), line });
      const opening = tokens[first];
      if (turnNext && opening) opening.paragraphStart = true;
      turnNext = segment.speaker_turn_next === true;
    });
    // With --translate the text is English, whatever language result.language says was spoken.
    const translated = file.params?.translate === true;
    if (translated) {
      const line = lines.get("params.translate");
      warnings.push({ ...(line ? { line } : {}), message: `whisper.cpp translated this audio${file.result?.language ? ` (spoken in "${file.result.language}")` : ""} into English: the story is in English and is not what was said word for word.`, review: true });
    }
    const language = translated ? "en" : (file.result?.language ?? file.params?.language);
    return asrTranscript(
      "whisper-cpp-json",
      source,
      tokens,
      {
        language,
        languagePath: file.result?.language ? "result.language" : "params.language",
        warnings,
        emptyLine: lines.get("transcription"),
        emptyFix: "check that the transcription has segments with text.",
        undiarisedHint: "whisper.cpp labels voices only with --diarize on stereo audio.",
      },
      lines,
    );
  },
};

/**
 * The segment's words from its tokens, or undefined when it has none with times, or when the
 * pieces do not spell the segment's text.
 */
function segmentWords(segment: Segment, lineOf: (index: number) => number | undefined): AsrToken[] | undefined {
  const pieces = (segment.tokens ?? []).map((t, j) => ({ ...t, line: lineOf(j) })).filter((t) => !SPECIAL.test(t.text) && t.text !== "");
  if (pieces.length === 0 || pieces.some((t) => !t.offsets)) return undefined;
  const words: Array<{ text: string; start: number; end: number; ps: number[]; line: number | undefined }> = [];
  for (const piece of pieces) {
    const last = words.at(-1);
    const from = (piece.offsets?.from ?? 0) / 1000;
    const to = (piece.offsets?.to ?? 0) / 1000;
    if (!last || /^\s/u.test(piece.text)) words.push({ text: piece.text, start: from, end: to, ps: piece.p != null ? [piece.p] : [], line: piece.line });
    else {
      last.text += piece.text;
      last.end = Math.max(last.end, to);
      if (piece.p != null) last.ps.push(piece.p);
    }
  }
  const spelled = squash(words.map((w) => w.text).join(""));
  if (spelled !== squash(segment.text) || spelled.includes("\ufffd")) return undefined;
  return words.map((w) => ({
    kind: "word",
    text: w.text,
    start: w.start,
    end: w.end,
    ...(w.ps.length ? { confidence: w.ps.reduce((a, b) => a + b, 0) / w.ps.length } : {}),
    ...(w.line ? { line: w.line } : {}),
  }));
}

// The speech-recognition importers: each service's JSON (fixtures written from its public format
// documentation, see fixtures/import/asr/SOURCES.md) comes in as turns by diarisation label,
// paragraphs timed by their words, words kept with their confidence, and the file's language.
// Broken files name the JSON path and line. Property tests check the shared core: every word
// kept, in order, in the mouth the service gave it.

import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importTranscript } from "../src/interchange/import.ts";
import { detectImporter } from "../src/interchange/importers/index.ts";
import { tokensToBlocks, type AsrToken } from "../src/interchange/importers/asr/words.ts";
import { normaliseLanguage } from "../src/interchange/language-tags.ts";
import { ImportError } from "../src/interchange/model.ts";
import type { ImportedBlock, ImportedTranscript, ImportSource } from "../src/interchange/model.ts";

const dir = path.join(import.meta.dirname, "fixtures", "import", "asr");

function fixture(name: string): ImportSource {
  return { file: name, text: fs.readFileSync(path.join(dir, name), "utf8") };
}

function read(name: string): ImportedTranscript {
  const source = fixture(name);
  const importer = detectImporter(source);
  if (!importer) throw new Error(`${name} was not recognised`);
  return importer.read(source);
}

type Turn = Extract<ImportedBlock, { kind: "turn" }>;

function turns(t: ImportedTranscript): Turn[] {
  return t.blocks.filter((b): b is Turn => b.kind === "turn");
}

/** Each block as "label: paragraph | paragraph" ("-" for no speaker), or "(cue)". */
function outline(t: ImportedTranscript): string[] {
  return t.blocks.map((b) => (b.kind === "turn" ? `${b.speaker?.name ?? "-"}: ${b.paragraphs.map((p) => p.text).join(" | ")}` : `(${b.kind === "heading" ? b.title : b.text})`));
}

/** The ImportError a read throws (the test fails if it throws something else or nothing). */
function importError(source: ImportSource): ImportError {
  try {
    detectImporter(source)?.read(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error(`${source.file} was read without an error`);
}

describe("WhisperX JSON", () => {
  const t = read("whisperx-mercado.json");

  it("makes a turn per speaker label, a paragraph after a long pause, and keeps unlabelled words apart", () => {
    expect(outline(t)).toEqual([
      "SPEAKER_00: Bienvenidos a Voces del Mercado, soy Maya Ortiz. Hoy hablamos con Omar Haddad, que vende pan desde 1998.",
      "SPEAKER_01: Gracias, Maya. Es un placer estar aquí. | Empecé con un horno pequeño en la calle Alcalá.",
      "SPEAKER_02: ¿Y el nombre?",
      "-: Era de mi abuela.",
    ]);
    expect(t.meta.lang).toBe("es");
  });

  it("names speakers by their raw label and marks them as diarised", () => {
    expect(turns(t)[0]?.speaker).toEqual({ name: "SPEAKER_00", diarisation: "SPEAKER_00" });
    // One speaker object per label, shared by all its turns.
    expect(turns(t)[1]?.speaker).toBe(turns(t)[1]?.speaker);
  });

  it("times paragraphs by their words and keeps each word with its score and line", () => {
    const [first, second] = turns(t)[1]?.paragraphs ?? [];
    expect([first?.start, first?.end, second?.start, second?.end]).toEqual([9.4, 12.96, 16.2, 19.5]);
    expect(turns(t)[0]?.paragraphs[0]?.words?.find((w) => w.text === "Ortiz.")).toEqual({ text: "Ortiz.", start: 3.35, end: 4.31, confidence: 0.312, line: 15 });
    // A word the aligner could not place (a number) is kept, without times.
    expect(turns(t)[0]?.paragraphs[0]?.words?.at(-1)).toEqual({ text: "1998.", line: 33 });
  });

  it("says where words have no speaker label, with the time and line", () => {
    expect(t.warnings).toContainEqual({
      line: 85,
      message: 'At 0:21.5–0:22.4, words have no speaker label ("Era de mi abuela."): they are not given to anyone. Listen and name the voice.',
      review: true,
    });
  });

  it("reads segments without words (no alignment) as text with the segment's times", () => {
    const text = JSON.stringify({ segments: [{ start: 0.5, end: 2, text: " Hello there.", speaker: "SPEAKER_01" }, { start: 2.2, end: 3, text: " Hi.", speaker: "SPEAKER_00" }], language: "en" });
    const r = read2({ file: "x.json", text });
    expect(outline(r)).toEqual(["SPEAKER_01: Hello there.", "SPEAKER_00: Hi."]);
    expect(turns(r)[0]?.paragraphs[0]).toEqual({ text: "Hello there.", start: 0.5, end: 2, line: 1 });
  });

  it("reads the words from word_segments when the segments have none, with the segments' speakers", () => {
    const text = JSON.stringify({
      segments: [{ start: 0, end: 1, text: " Hi.", speaker: "SPEAKER_01" }, { start: 1.2, end: 2, text: " Hello.", speaker: "SPEAKER_00" }],
      word_segments: [{ word: "Hi.", start: 0.1, end: 0.5, score: 0.2 }, { word: "Hello.", start: 1.3, end: 1.9, score: 0.9 }],
    });
    const r = read2({ file: "x.json", text });
    expect(outline(r)).toEqual(["SPEAKER_01: Hi.", "SPEAKER_00: Hello."]);
    expect(turns(r)[0]?.paragraphs[0]?.words).toEqual([{ text: "Hi.", start: 0.1, end: 0.5, confidence: 0.2, line: 1 }]);
  });

  it("joins characters of a language written without spaces", () => {
    const words = ["你", "好", "。"].map((word, i) => ({ word, start: i * 0.3, end: i * 0.3 + 0.25, score: 0.9 }));
    const r = read2({ file: "x.json", text: JSON.stringify({ segments: [{ start: 0, end: 1, text: "你好。", words }], language: "zh" }) });
    expect(outline(r)).toEqual(["-: 你好。"]);
  });
});

/** Reads a source with whichever importer claims it. */
function read2(source: ImportSource): ImportedTranscript {
  const importer = detectImporter(source);
  if (!importer) throw new Error("not recognised");
  return importer.read(source);
}

describe("Whisper JSON", () => {
  it("reads one unnamed voice: no speaker on any turn, and one review warning saying so", () => {
    const t = read("whisper-harbour.json");
    expect(outline(t)).toEqual([
      "-: Good morning from the harbour. The ferry to Inishmore leaves at nine.",
      "(MUSIC)",
      "-: We spoke to the skipper, Niamh Ó Briain, before she cast off.",
    ]);
    expect(t.warnings.filter((w) => w.review).map((w) => w.message)).toEqual([expect.stringMatching(/^The file has no speaker labels, so the transcript is written as one unnamed voice/u)]);
    expect(t.meta.lang).toBe("en");
  });

  it("joins a word Whisper cut in two (no leading space) into one word with both times", () => {
    const words = read("whisper-harbour.json").blocks.flatMap((b) => (b.kind === "turn" ? b.paragraphs.flatMap((p) => p.words ?? []) : []));
    expect(words.find((w) => w.text.startsWith("Inish"))).toEqual({ text: "Inishmore", start: 3.34, end: 4.12, confidence: 0.38, line: 38 });
  });

  it("makes repeated music notes one cue spanning them", () => {
    expect(read("whisper-harbour.json").blocks[1]).toEqual({ kind: "cue", text: "MUSIC", start: 6.5, end: 11, line: 57 });
  });

  it("reads segment-level output and a language written as a name", () => {
    const t = read("whisper-segments-only.json");
    expect(outline(t)).toEqual(["-: Welcome back to Night Buses. Tonight, the last route out of the city. | It leaves at two in the morning."]);
    expect(turns(t)[0]?.paragraphs[0]?.words).toBeUndefined();
    expect(t.meta.lang).toBe("en");
  });

  it("gives sounds in square brackets the notation's parentheses, inline or standing alone", () => {
    const segment = (id: number, start: number, text: string) => ({ id, seek: 0, start, end: start + 1, text, tokens: [1], avg_logprob: -0.2 });
    const text = JSON.stringify({ text: "", segments: [segment(0, 0, " Well [laughs] yes."), segment(1, 1, " [Music]")], language: "en" });
    expect(outline(read2({ file: "x.json", text }))).toEqual(["-: Well (laughs) yes.", "(Music)"]);
  });

  it("reads whisper-timestamped's words ({text, confidence}, no leading spaces)", () => {
    const words = [{ text: "Hello", start: 0, end: 0.4, confidence: 0.31 }, { text: "there.", start: 0.5, end: 0.9, confidence: 0.9 }];
    const text = JSON.stringify({ text: "Hello there.", segments: [{ id: 0, seek: 0, start: 0, end: 1, text: " Hello there.", tokens: [1, 2], avg_logprob: -0.3, confidence: 0.6, words }], language: "en" });
    const r = read2({ file: "x.json", text });
    expect(r.format).toBe("whisper-json");
    expect(turns(r)[0]?.paragraphs[0]?.words).toEqual([{ text: "Hello", start: 0, end: 0.4, confidence: 0.31, line: 1 }, { text: "there.", start: 0.5, end: 0.9, confidence: 0.9, line: 1 }]);
    expect(outline(r)).toEqual(["-: Hello there."]);
  });

  it("reads the speaker a diarising wrapper adds to segments", () => {
    const segment = (id: number, start: number, text: string, speaker: string) => ({ id, seek: 0, start, end: start + 1, text, tokens: [1], avg_logprob: -0.2, speaker });
    const text = JSON.stringify({ text: "", segments: [segment(0, 0, " Hi.", "SPEAKER_00"), segment(1, 1, " Hello.", "SPEAKER_01")], language: "en" });
    expect(outline(read2({ file: "x.json", text }))).toEqual(["SPEAKER_00: Hi.", "SPEAKER_01: Hello."]);
  });
});

describe("whisper.cpp JSON", () => {
  const t = read("whisper-cpp-studio.json");

  it("builds words from token pieces, leaving out control tokens, with the mean piece probability", () => {
    expect(outline(t)).toEqual([
      "0: Willkommen zur Sendung. Ich bin Jana Kowalczyk.",
      "1: Danke, dass ich hier sein darf.",
      "-: Genau.",
      "0: Fangen wir an.",
    ]);
    const kowalczyk = turns(t)[0]?.paragraphs[0]?.words?.find((w) => w.text.startsWith("Kowal"));
    expect(kowalczyk).toMatchObject({ text: "Kowalczyk.", start: 2.2, end: 2.95 });
    expect(kowalczyk?.confidence).toBeCloseTo((0.21 + 0.18 + 0.98) / 3, 6);
    expect(t.meta.lang).toBe("de");
  });

  it("treats the speaker '?' as unknown and says so", () => {
    expect(t.warnings.some((w) => w.review && w.line === 392 && /no speaker label \("Genau\."\)/u.test(w.message))).toBe(true);
  });

  it("reads a translation as English, and says that it is one", () => {
    const text = JSON.stringify({ params: { language: "auto", translate: true }, result: { language: "de" }, transcription: [{ offsets: { from: 0, to: 1000 }, text: " Good morning." }] });
    const r = read2({ file: "x.json", text });
    expect(r.meta.lang).toBe("en");
    expect(r.warnings.some((w) => w.review && /translated this audio \(spoken in "de"\) into English/u.test(w.message))).toBe(true);
  });

  it("falls back to the segment's text where the pieces do not spell it", () => {
    const text = JSON.stringify({
      result: { language: "ja" },
      transcription: [{ offsets: { from: 0, to: 1200 }, text: "こんにちは", tokens: [{ text: "こん", offsets: { from: 0, to: 500 }, p: 0.9 }, { text: "\ufffd", offsets: { from: 500, to: 900 }, p: 0.8 }] }],
    });
    const r = read2({ file: "x.json", text });
    expect(outline(r)).toEqual(["-: こんにちは"]);
    expect(r.warnings.some((w) => /do not spell its text/u.test(w.message))).toBe(true);
  });
});

describe("AssemblyAI JSON", () => {
  const t = read("assemblyai-marsh.json");

  it("reads utterances by speaker letter, with a paragraph after the long pause", () => {
    expect(outline(t)).toEqual([
      "A: Welcome to Field Notes. I'm Priya Raman, and today we're out on the salt marsh with a bird counter.",
      "B: Thanks, Priya. We count godwits here every October. | The tide was late this year, so the flocks came in after dark.",
      "A: How do you count them in the dark?",
      "B: Mostly by ear. Each call is a bird, more or less.",
    ]);
    expect(turns(t)[1]?.speaker).toEqual({ name: "B", diarisation: "B" });
  });

  it("turns milliseconds into seconds, and en_us into en-US", () => {
    expect(turns(t)[1]?.paragraphs[0]).toMatchObject({ start: 8, end: 11.42 });
    expect(t.meta).toEqual({ lang: "en-US", duration: 28 });
  });

  it("reads the top-level words when there are no utterances (no speaker labels)", () => {
    const text = JSON.stringify({ status: "completed", language_code: "en", utterances: null, words: [{ text: "Hello.", start: 100, end: 600, confidence: 0.99, speaker: null }] });
    expect(outline(read2({ file: "x.json", text }))).toEqual(["-: Hello."]);
  });

  it("does not claim another service's utterances (Gladia numbers its speakers)", () => {
    const text = JSON.stringify({ utterances: [{ start: 0, end: 1, confidence: 0.9, channel: 0, words: [{ word: "Hi", start: 0, end: 1, confidence: 0.9 }], text: "Hi", language: "en", speaker: 1 }] });
    expect(detectImporter({ file: "x.json", text })?.format).not.toBe("assemblyai-json");
  });

  it("refuses a transcript that is not finished", () => {
    const error = importError({ file: "x.json", text: '{\n"status": "processing",\n"utterances": null, "words": null, "language_code": "en_us", "audio_url": "https://example.org/a.mp3"}' });
    expect([error.line, error.problem]).toEqual([2, 'The transcript is not finished: its status is "processing".']);
  });
});

describe("Deepgram JSON", () => {
  const t = read("deepgram-port.json");

  it("reads diarised words with their punctuation, starting paragraphs where Deepgram did", () => {
    expect(outline(t)).toEqual([
      "0: Bonjour et bienvenue dans Ondes Courtes. Je suis Claire Dubois.",
      // The pause before "Le matin" is 1.9 s: Deepgram's paragraph, not the pause, breaks it.
      "1: Merci Claire. Je travaille au port de Saint-Malo depuis vingt ans. | Le matin, on entend surtout les goélands.",
      "0: Et la nuit?",
      "1: La nuit, c'est le silence. Presque.",
    ]);
    expect(turns(t)[1]?.speaker).toEqual({ name: "1", diarisation: "1" });
    expect(t.meta).toEqual({ lang: "fr", duration: 19.5 });
  });

  it("reads words from the utterances when the alternative has none", () => {
    const word = (w: string, start: number) => ({ word: w.toLowerCase(), punctuated_word: w, start, end: start + 0.4, confidence: 0.9 });
    const text = JSON.stringify({
      results: { channels: [{ alternatives: [{ transcript: "", words: [] }] }], utterances: [{ speaker: 0, channel: 0, words: [word("Hi.", 0)] }, { speaker: 1, channel: 0, words: [word("Hello.", 1)] }] },
    });
    expect(outline(read2({ file: "x.json", text }))).toEqual(["0: Hi.", "1: Hello."]);
  });

  it("labels the voices of multichannel audio by channel, in time order", () => {
    const word = (w: string, start: number) => ({ word: w.toLowerCase(), punctuated_word: w, start, end: start + 0.4, confidence: 0.9 });
    const text = JSON.stringify({
      results: {
        channels: [
          { alternatives: [{ transcript: "", words: [word("Hi.", 0), word("Fine.", 2)] }] },
          { alternatives: [{ transcript: "", words: [word("Hello,", 1), word("how", 1.4), word("are", 1.5), word("you?", 1.6)] }] },
        ],
      },
    });
    expect(outline(read2({ file: "x.json", text }))).toEqual(["0: Hi.", "1: Hello, how are you?", "0: Fine."]);
  });
});

describe("Rev.ai JSON", () => {
  const t = read("revai-reservoir.json");

  it("joins punct elements onto words and keeps audio it could not make out inline", () => {
    expect(outline(t)).toEqual([
      "0: This is Common Ground. I'm Dev Okafor, with the county water board.",
      "1: And I'm Rosa Lind. We've had three dry summers in a row. | The reservoir at Kettle Creek is down to forty percent.",
      "2: Can I ask something? (inaudible) Is the water safe?",
      "0: It is safe, yes.",
    ]);
    expect(turns(t)[0]?.paragraphs[0]?.words?.find((w) => w.text.startsWith("Okafor"))).toMatchObject({ text: "Okafor,", confidence: 0.96 });
    expect(t.meta.lang).toBeUndefined();
  });

  it("names a speaker Rev.ai has a display name for", () => {
    const text = JSON.stringify({ monologues: [{ speaker: 1, speaker_info: { id: "s1", display_name: "Rosa Lind" }, elements: [{ type: "text", value: "Hi", ts: 0, end_ts: 0.3, confidence: 0.9 }, { type: "punct", value: "." }] }] });
    expect(turns(read2({ file: "x.json", text }))[0]?.speaker).toEqual({ name: "Rosa Lind" });
  });
});

describe("Amazon Transcribe JSON", () => {
  const t = read("aws-huerto.json");

  it("reads string times, attaches punctuation items (opening marks to the next word) and finds speakers from speaker_labels", () => {
    expect(outline(t)).toEqual([
      "spk_0: Buenas tardes, esto es Radio Vecinal. Hoy nos acompaña Lucía Ferrer.",
      "spk_1: Hola, gracias por invitarme.",
      "spk_0: ¿Cómo empezó el huerto comunitario?",
      "spk_1: Empezó con seis vecinos y un solar vacío en Lavapiés. | Ahora somos más de ochenta.",
    ]);
    expect(turns(t)[2]?.paragraphs[0]?.words?.[0]).toMatchObject({ text: "¿Cómo", start: 8.2 });
    // Punctuation items carry confidence "0.0": it must not count against the word.
    expect(turns(t)[1]?.paragraphs[0]?.words?.[0]).toMatchObject({ text: "Hola,", confidence: 0.97 });
    expect(t.meta.lang).toBe("es-ES");
  });

  it("reads a speaker_label on each item (newer output) and channel labels", () => {
    const item = (content: string, start: number, label?: string) => ({ type: "pronunciation", start_time: String(start), end_time: String(start + 0.3), alternatives: [{ content, confidence: "0.9" }], ...(label ? { speaker_label: label } : {}) });
    const dot = { type: "punctuation", alternatives: [{ content: ".", confidence: "0.0" }] };
    const labelled = JSON.stringify({ results: { transcripts: [], items: [item("Hi", 0, "spk_1"), dot, item("Hello", 1, "spk_0"), dot] } });
    expect(outline(read2({ file: "x.json", text: labelled }))).toEqual(["spk_1: Hi.", "spk_0: Hello."]);
    const channels = JSON.stringify({
      results: { transcripts: [], items: [item("Hi", 0), dot, item("Hello", 1), dot], channel_labels: { channels: [{ channel_label: "ch_0", items: [{ start_time: "0" }] }, { channel_label: "ch_1", items: [{ start_time: "1.0" }] }] } },
    });
    expect(outline(read2({ file: "x.json", text: channels }))).toEqual(["ch_0: Hi.", "ch_1: Hello."]);
  });
});

describe("output without punctuation", () => {
  it("breaks paragraphs at long silences, and at a short one once a paragraph is very long", () => {
    // 600 words 0.1 s apart; a 6 s silence before word 100, a 1.2 s one before word 500 (by when
    // the paragraph holds 400 six-character words, 2,400 characters).
    const startOf = (i: number) => i * 0.4 + (i >= 100 ? 6 : 0) + (i >= 500 ? 1.2 : 0);
    const words = Array.from({ length: 600 }, (_, i) => ({ word: "words", start: startOf(i), end: startOf(i) + 0.3, score: 0.9 }));
    const text = JSON.stringify({ segments: [{ start: 0, end: 300, text: "", words }], language: "en" });
    const lengths = turns(read2({ file: "x.json", text }))[0]?.paragraphs.map((p) => p.words?.length);
    expect(lengths).toEqual([100, 400, 100]);
  });
});

describe("broken files", () => {
  const cases: Array<[string, number, RegExp]> = [
    ["whisperx-truncated.json", 28, /^The file is not valid JSON at line 28, column 4: expected a value but found the end of the file\.$/u],
    ["assemblyai-truncated.json", 103, /^The file is not valid JSON at line 103/u],
    ["whisper-missing-start.json", 5, /^segments\[1\]\.start is missing\.$/u],
    ["deepgram-string-times.json", 13, /^results\.channels\[0\]\.alternatives\[0\]\.words\[2\]\.start should be a number but is the text "0\.94"\./u],
    ["aws-bad-time.json", 10, /^results\.items\[2\]\.start_time \(the text "1,02"\) is not a number/u],
    ["revai-missing-value.json", 8, /^monologues\[0\]\.elements\[2\]\.value is missing\.$/u],
    ["whisper-cpp-bad-offsets.json", 5, /^transcription\[1\]\.offsets\.from should be a number but is the text "00:00:01,500"\.$/u],
  ];
  for (const [file, line, problem] of cases) {
    it(`${file}: names the path and line`, () => {
      const error = importError(fixture(file));
      expect(error.line).toBe(line);
      expect(error.problem).toMatch(problem);
      expect(error.fix.length).toBeGreaterThan(10);
    });
  }

  it("a file with no words at all is an error, not an empty story", () => {
    const error = importError({ file: "x.json", text: '{\n  "monologues": []\n}' });
    expect([error.line, error.problem]).toEqual([2, "The transcript has no words in it."]);
  });
});

describe("the same files flattened or re-encoded", () => {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && !/truncated|missing|string-times|bad/u.test(f));
  for (const file of files) {
    it(`${file} reads the same minified and with CRLF line ends`, () => {
      const original = read(file);
      const minified = JSON.stringify(JSON.parse(fixture(file).text));
      const crlf = fixture(file).text.replace(/\n/gu, "\r\n");
      for (const text of [minified, crlf]) {
        const again = read2({ file, text });
        expect(again.format).toBe(original.format);
        expect(outline(again)).toEqual(outline(original));
        expect(again.meta).toEqual(original.meta);
      }
    });
  }
});

describe("language", () => {
  it("normalises what recognisers write to BCP 47", () => {
    expect(["english", "en", "en_us", "pt-br", "Spanish", "jw", "auto", "", "klingon"].map((l) => normaliseLanguage(l))).toEqual(["en", "en", "en-US", "pt-BR", "es", "jv", undefined, undefined, undefined]);
  });

  it("warns when the file's language cannot be read", () => {
    const text = JSON.stringify({ segments: [{ start: 0, end: 1, text: " Hi." }], language: "klingon" });
    expect(read2({ file: "x.json", text }).warnings.some((w) => /"klingon" is not a language Verbatim recognises/u.test(w.message))).toBe(true);
  });
});

describe("import to a story", () => {
  it("writes every fixture as a story the notation reads, with its language and the review list", () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && !/truncated|missing|string-times|bad/u.test(f));
    for (const file of files) {
      const story = importTranscript(fs.readFileSync(path.join(dir, file)), file, { show: "Test", today: "2026-12-01" });
      const lang = story.transcript.meta.lang;
      if (lang) expect(story.story.text).toMatch(new RegExp(`^lang: ${lang}$`, "mu"));
      expect(story.story.timed).toBe(true);
    }
  });

  it("writes undiarised output as unlabelled paragraphs, not as one invented speaker", () => {
    const story = importTranscript(fs.readFileSync(path.join(dir, "whisper-harbour.json")), "harbour.json", { show: "Test", today: "2026-12-01" });
    expect(story.story.speakers).toEqual([]);
    expect(story.story.text).toContain("\n[0:00] Good morning from the harbour.");
    expect(story.story.text).toContain("# Check before publishing:");
  });
});

describe("the shared core (property tests)", () => {
  const token = fc.record({
    text: fc.stringMatching(/^[a-zà-ÿ]{1,8}[.,?]?$/u),
    speaker: fc.constantFrom("A", "B", "C"),
    gap: fc.double({ min: 0, max: 6, noNaN: true }),
    length: fc.double({ min: 0.05, max: 1, noNaN: true }),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    paragraphStart: fc.boolean(),
  });

  function tokensOf(specs: Array<{ text: string; speaker: string; gap: number; length: number; confidence: number; paragraphStart: boolean }>): AsrToken[] {
    let t = 0;
    return specs.map((s, i) => {
      const start = t + s.gap;
      t = start + s.length;
      return { kind: "word", text: s.text, start, end: t, confidence: s.confidence, speaker: s.speaker, line: i + 1, ...(s.paragraphStart ? { paragraphStart: true } : {}) };
    });
  }

  it("keeps every word, in order, in the mouth the service gave it, and times paragraphs by their words", () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 80 }), (specs) => {
        const tokens = tokensOf(specs);
        const { blocks } = tokensToBlocks(tokens);
        const heard: Array<[string | undefined, string, number | undefined]> = [];
        for (const block of blocks) {
          expect(block.kind).toBe("turn");
          if (block.kind !== "turn") continue;
          for (const p of block.paragraphs) {
            const words = p.words ?? [];
            expect(p.text).toBe(words.map((w) => w.text).join(" "));
            expect(p.start).toBe(words[0]?.start);
            expect(p.end).toBe(Math.max(...words.map((w) => w.end ?? 0)));
            for (const w of words) heard.push([block.speaker?.diarisation, w.text, w.line]);
          }
        }
        expect(heard).toEqual(tokens.map((t) => [t.speaker, t.text, t.line]));
        // Consecutive turns never share a speaker: a change of voice is the only thing that opens one.
        const labels = blocks.map((b) => (b.kind === "turn" ? b.speaker?.diarisation : undefined));
        expect(labels.every((l, i) => i === 0 || l !== labels[i - 1])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("breaks a paragraph only where the service marked one, after a sentence end, or at a long silence", () => {
    fc.assert(
      fc.property(fc.array(token, { minLength: 2, maxLength: 60 }), (specs) => {
        const tokens = tokensOf(specs);
        const { blocks } = tokensToBlocks(tokens);
        let index = 0;
        for (const block of blocks) {
          if (block.kind !== "turn") continue;
          block.paragraphs.forEach((p, k) => {
            if (k > 0) {
              const before = tokens[index - 1];
              const here = tokens[index];
              const gap = (here?.start ?? 0) - (before?.end ?? 0);
              const sentenceEnd = /[.?]$/u.test(before?.text ?? "");
              const length = block.paragraphs[k - 1]?.text.length ?? 0;
              expect(here?.paragraphStart || (sentenceEnd && (gap >= 2 || length >= 700)) || gap >= 5 || (length >= 2000 && gap >= 1)).toBe(true);
            }
            index += p.words?.length ?? 0;
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

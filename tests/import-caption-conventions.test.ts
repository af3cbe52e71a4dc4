// Caption conventions (issue 12, item 4), in English, Spanish, German and French: speakers named
// by "[Alba]", "(ALBA)", "ALBA:", ">> ALBA:" and WhisperX's "[SPEAKER_00]: "; "- " dashes and ">>"
// starting numbered unnamed voices, never merged into the speaker before; bracketed descriptions
// as sound cues; colons in prose left alone; rolling auto-captions de-duplicated with word times;
// Markdown escapes removed; repeated warnings summarised. Fixtures: tests/fixtures/import/captions.

import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../src/interchange/decode.ts";
import { importTranscript } from "../src/interchange/import.ts";
import { detectImporter } from "../src/interchange/importers/index.ts";
import { srtImporter } from "../src/interchange/importers/srt.ts";
import { webvttImporter } from "../src/interchange/importers/webvtt.ts";
import type { ImportedBlock, ImportedTranscript, ImportWarning } from "../src/interchange/model.ts";
import { summariseWarnings } from "../src/interchange/warnings.ts";
import { readOpening, splitVoices } from "../src/interchange/captions/parts.ts";
import { parseStory } from "../src/story/story.ts";

const dir = path.join(import.meta.dirname, "fixtures", "import", "captions");
type Turn = Extract<ImportedBlock, { kind: "turn" }>;

function text(name: string): string {
  return decodeBytes(fs.readFileSync(path.join(dir, name))).text;
}

function read(name: string, source = text(name)): ImportedTranscript {
  const importer = detectImporter({ file: name, text: source });
  if (!importer) throw new Error(`${name} is not detected`);
  return importer.read({ file: name, text: source });
}

function turns(t: ImportedTranscript): Turn[] {
  return t.blocks.filter((b): b is Turn => b.kind === "turn");
}

/** The file as (voice, words) and [sound] lines: what a reader hears, in order. */
function script(t: ImportedTranscript): string[] {
  return t.blocks.flatMap((b) => {
    if (b.kind === "cue") return [`[${b.text}]`];
    if (b.kind === "heading") return [`# ${b.title}`];
    return b.paragraphs.map((p) => `${b.speaker?.name ?? "-"}${b.manner ? ` (${b.manner})` : ""}: ${p.text}`);
  });
}

function lineOf(name: string, line: string): number {
  const index = text(name).split(/\r\n|\r|\n/u).indexOf(line);
  if (index < 0) throw new Error(`${name} has no line "${line}"`);
  return index + 1;
}

function review(t: ImportedTranscript): ImportWarning[] {
  return t.warnings.filter((w) => w.review);
}

describe("SDH subtitles in English: [Alba], (BRUNO), dashes, sounds, lyrics, escapes", () => {
  const name = "sdh-en-brackets.srt";
  const t = read(name);

  it("gives every line to the right voice, unnamed dash voices numbered", () => {
    expect(script(t)).toEqual([
      "Alba: Did you hear that?",
      "[door slams]",
      "Bruno: It's only the wind. The rule is simple: you wait.",
      "Unidentified speaker 1: Wait for what?",
      "Unidentified speaker 2: For the storm to pass.",
      "[LAUGHTER]",
      "Alba: Remember: we said we'd leave at six.",
      "Bruno: And we will - after the *last* [checks watch] bus.",
      "Unidentified speaker 3 (Singing): Over the hills and far away",
      "Alba: (sighs) Fine.",
      "Mary Ellen: Is anyone coming?",
      "Unidentified speaker 4: Only us.",
      "Unidentified speaker 5: And the wind.",
    ]);
  });

  it("lists each guess with its line: a one-word name in brackets, each unnamed voice", () => {
    const lines = review(t).map((w) => w.line);
    expect(lines).toEqual([
      lineOf(name, "00:00:01,000 --> 00:00:03,500"),
      lineOf(name, "00:00:05,200 --> 00:00:08,000"),
      lineOf(name, "00:00:08,200 --> 00:00:10,500"),
      lineOf(name, "00:00:08,200 --> 00:00:10,500"),
      lineOf(name, "00:00:18,500 --> 00:00:21,000"),
      lineOf(name, "00:00:26,200 --> 00:00:28,000"),
      lineOf(name, "00:00:26,200 --> 00:00:28,000"),
    ]);
    expect(review(t)[1]?.message).toContain('"(BRUNO)"');
    // "[Mary Ellen]" (two capitalised words) and names heard before are not guesses.
    expect(review(t).some((w) => w.message.includes("Mary Ellen"))).toBe(false);
  });

  it("never lets a Markdown escape reach the text", () => {
    expect(JSON.stringify(t.blocks)).not.toMatch(/\\\\[-*[\]]/u);
  });
});

describe("Spanish SRT (CRLF): [música], (risas), [aplausos], dashes, a colon in prose", () => {
  const t = read("sdh-es-musica-risas.srt");

  it("reads sounds as cues and speakers from brackets and labels", () => {
    expect(script(t)).toEqual([
      "[música]",
      "Alba: Buenos días a todos. Mira: hoy hablamos de pan.",
      "[risas]",
      "Unidentified speaker 1: ¿Y el horno?",
      "Unidentified speaker 2: Ya está caliente.",
      "Tomás: La regla es sencilla: esperar (risas) y amasar.",
      "[aplausos]",
      "Alba: Gracias, Tomás.",
      "Unidentified speaker 3 (Singing): Cielito lindo",
    ]);
  });
});

describe("German SRT: [Alba], (LACHEN), JONAS:, [Tür knallt], 'Also:' and 'Wichtig:' in prose", () => {
  it("reads the voices and leaves prose colons as words", () => {
    expect(script(read("sdh-de-klammern.srt"))).toEqual([
      "Alba: Guten Abend. Wichtig: Wir fangen pünktlich an.",
      "[LACHEN]",
      "Unidentified speaker 1: Wer ist da?",
      "Unidentified speaker 2: Ich bin's.",
      "Jonas: Die Regel ist einfach: warten.",
      "[Tür knallt]",
      "Jonas: Also: morgen um acht.",
    ]);
  });
});

describe("French WebVTT: (ALBA), 'ALBA :' with French spacing, [rires], dashes", () => {
  const t = read("sdh-fr-tirets.vtt");

  it("reads the voices, sounds inline and alone, and the header language", () => {
    expect(t.meta.lang).toBe("fr");
    expect(script(t)).toEqual([
      "Alba: Bonjour à tous.",
      "[rires]",
      "Unidentified speaker 1: Tu viens ce soir ?",
      "Unidentified speaker 2: Bien sûr !",
      "Alba: Attention : la règle est simple.",
      "Bruno: Et le pain *frais* ?",
      "[applaudissements]",
      "Alba: Merci (rires) et à demain.",
    ]);
  });
});

describe("Broadcast captions: >> ALBA:, >>BRUNO:, lone >>, cue settings", () => {
  const name = "broadcast-en-chevrons.vtt";
  const t = read(name);

  it("starts a new voice at every >>; a lone >> is never a speaker heard before", () => {
    expect(script(t)).toEqual([
      "Alba: GOOD EVENING. THE RULE IS SIMPLE: WE START ON TIME.",
      "Bruno: THANKS, ALBA.",
      "Unidentified speaker 1: AND WE ARE LIVE FROM THE HARBOUR TONIGHT.",
      "[APPLAUSE]",
      "Alba: WHO ARE YOU?",
      "Unidentified speaker 2: I'M THE MAYOR.",
      "Unidentified speaker 3: AND I'M HER DEPUTY. IT HAS BEEN A LONG YEAR.",
      "Unidentified speaker 4: REMEMBER: THE VOTE IS TOMORROW.",
      "Bruno: AND NOW THE WEATHER.",
    ]);
  });

  it("says nothing about cue positions, sizes or alignment", () => {
    expect(t.warnings.filter((w) => !w.review)).toEqual([]);
    expect(review(t).map((w) => w.line)).toEqual([
      lineOf(name, "00:00:06.000 --> 00:00:09.000 line:-1 position:200% size:120%"),
      lineOf(name, "00:00:11.000 --> 00:00:13.000 position:10%"),
      lineOf(name, "00:00:11.000 --> 00:00:13.000 position:10%"),
      lineOf(name, "00:00:15.000 --> 00:00:17.000 position:-5%"),
    ]);
  });
});

describe("WhisperX captions: [SPEAKER_00]: ", () => {
  for (const name of ["whisperx-speakers.srt", "whisperx-speakers.vtt"]) {
    it(`${name}: diarised voices, numbered in order, the label kept`, () => {
      const t = read(name);
      expect(turns(t).map((turn) => turn.speaker)).toEqual([
        { name: "Speaker 1", diarisation: "SPEAKER_00" },
        { name: "Speaker 2", diarisation: "SPEAKER_01" },
        { name: "Speaker 1", diarisation: "SPEAKER_00" },
      ]);
      expect(turns(t)[2]?.paragraphs[0]?.text).toBe("Let's begin: first question. Where did you grow up?");
      expect(t.warnings).toEqual([]);
    });
  }
});

describe("diarisation labels in other shapes", () => {
  it("<v SPEAKER_00> and a bare 'SPEAKER_01:' are diarised voices too", () => {
    const vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v SPEAKER_00>Hello.\n\n00:00:02.000 --> 00:00:03.000\nSPEAKER_01: Hi there.\n";
    expect(turns(webvttImporter.read({ file: "x.vtt", text: vtt })).map((turn) => turn.speaker)).toEqual([
      { name: "Speaker 1", diarisation: "SPEAKER_00" },
      { name: "Speaker 2", diarisation: "SPEAKER_01" },
    ]);
  });
});

describe("Rolling auto-captions", () => {
  it("English: every word once, each with its own time; [Music] a cue", () => {
    const t = read("youtube-rolling-en.vtt");
    expect(script(t)).toEqual([
      "-: welcome back to the show today we talk about bread",
      "[Music]",
      "-: and why it rises the rule is simple: you wait and the dough does the rest",
    ]);
    const words = turns(t)[0]?.paragraphs[0]?.words ?? [];
    expect(words.map((w) => w.text).join(" ")).toBe("welcome back to the show today we talk about bread");
    expect(words.slice(0, 3)).toEqual([
      { text: "welcome", start: 0, end: 0.32 },
      { text: "back", start: 0.32, end: 0.64 },
      { text: "to", start: 0.64, end: 0.88 },
    ]);
    expect(words[5]).toEqual({ text: "today", start: 2.88, end: 3.2 });
    expect(t.meta.lang).toBe("en");
  });

  it("German (CRLF): the same, and 'also:' is not a speaker", () => {
    const t = read("youtube-rolling-de.vtt");
    expect(t.meta.lang).toBe("de");
    expect(script(t)).toEqual([
      "-: willkommen zurück in der Backstube heute geht es um Brot",
      "[Musik]",
      "-: also: Mehl, Wasser und Salz",
    ]);
    const words = t.blocks.flatMap((b) => (b.kind === "turn" ? b.paragraphs.flatMap((p) => p.words ?? []) : []));
    expect(words.every((w, i) => i === 0 || (w.start ?? 0) >= (words[i - 1]?.start ?? 0))).toBe(true);
    expect(words).toHaveLength(15);
  });

  it("property: any rolling file gives back each word once, in order, with increasing times", () => {
    const word = fc.stringMatching(/^[a-zäöüéñ]{1,9}$/u);
    // Two words at least: a line's later words carry the <c> timestamps that make the file timed.
    const line = fc.array(word, { minLength: 2, maxLength: 7 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 3, maxLength: 12 }), (lines) => {
        const vtt = rollingFile(lines);
        const t = webvttImporter.read({ file: "rolling.vtt", text: vtt });
        const said = t.blocks.flatMap((b) => (b.kind === "turn" ? b.paragraphs.map((p) => p.text) : [])).join(" ");
        expect(said).toBe(lines.map((l) => l.join(" ")).join(" "));
        const words = t.blocks.flatMap((b) => (b.kind === "turn" ? b.paragraphs.flatMap((p) => p.words ?? []) : []));
        expect(words.map((w) => w.text)).toEqual(lines.flat());
        for (let i = 1; i < words.length; i++) expect(words[i]?.start ?? 0).toBeGreaterThan(words[i - 1]?.start ?? 0);
      }),
      { numRuns: 60 },
    );
  });

  it("a file that merely repeats a line now and then is not rolling", () => {
    const vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nNo.\n\n00:00:02.000 --> 00:00:03.000\nNo.\n\n00:00:03.000 --> 00:00:04.000\nAbsolutely not.\n";
    expect(script(webvttImporter.read({ file: "x.vtt", text: vtt }))).toEqual(["-: No. No. Absolutely not."]);
  });
});

/** A rolling caption file in the shape of YouTube's, one caption per line of words, 0.25 s a word. */
function rollingFile(lines: string[][]): string {
  const ts = (t: number) => {
    const ms = Math.round(t * 1000);
    const s = Math.floor(ms / 1000);
    return `00:${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}.${String(ms % 1000).padStart(3, "0")}`;
  };
  let time = 0;
  let previous = " ";
  const captions: string[] = [];
  for (const words of lines) {
    const start = time;
    const tagged = words.map((w, i) => (i === 0 ? w : `<${ts(start + i * 0.25)}><c> ${w}</c>`)).join("");
    time += words.length * 0.25 + 0.5;
    captions.push(`${ts(start)} --> ${ts(time - 0.01)} align:start position:0%\n${previous}\n${tagged}`);
    previous = words.join(" ");
    captions.push(`${ts(time - 0.01)} --> ${ts(time)} align:start position:0%\n${previous}\n `);
  }
  return `WEBVTT\nKind: captions\nLanguage: en\n\n${captions.join("\n\n")}\n`;
}

describe("relatives of every new fixture: CRLF, BOM, no final newline, truncated last cue", () => {
  const fixtures = fs.readdirSync(dir).filter((f) => /^(sdh|broadcast|whisperx|youtube)-/u.test(f));

  it("covers the new fixtures", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
  });

  for (const name of fixtures) {
    const original = text(name);
    const expected = script(read(name));
    it(`${name}: CRLF, LF, BOM and no final newline read the same`, () => {
      const lf = original.replace(/\r\n/gu, "\n");
      for (const variant of [lf, lf.replace(/\n/gu, "\r\n"), `\ufeff${lf}`, lf.replace(/\s+$/u, "")]) {
        expect(script(read(name, variant))).toEqual(expected);
      }
    });

    it.skipIf(name.startsWith("youtube-"))(`${name}: each cue flattened onto one line reads the same`, () => {
      expect(script(read(name, flattenCaptions(original)))).toEqual(expected);
    });

    it(`${name}: a truncated last cue keeps everything before it`, () => {
      const lf = original.replace(/\r\n/gu, "\n").replace(/\s+$/u, "");
      const lastTiming = lf.lastIndexOf("-->");
      // Cut inside the last timing line, then inside the last cue's words.
      for (const cut of [lastTiming + 6, lf.length - 3]) {
        const t = read(name, lf.slice(0, cut));
        const got = script(t);
        const before = expected.slice(0, Math.max(0, expected.length - 2));
        expect(got.slice(0, before.length).map(firstWords)).toEqual(before.map(firstWords));
      }
    });
  }
});

/** The caption file with each caption's text lines joined by a space: dashes and names mid-line. */
function flattenCaptions(file: string): string {
  return file
    .replace(/\r\n/gu, "\n")
    .split(/\n{2,}/u)
    .map((block) => {
      const lines = block.split("\n");
      const timing = lines.findIndex((l) => l.includes("-->"));
      return timing < 0 ? block : [...lines.slice(0, timing + 1), lines.slice(timing + 1).join(" ")].join("\n");
    })
    .join("\n\n");
}

/** A script line's voice and first words, to compare a truncated import with the whole one. */
function firstWords(line: string): string {
  return line.split(" ").slice(0, 4).join(" ");
}

describe("brackets: a name or a sound, by evidence", () => {
  const known = new Set(["ALBA", "Alba"]);
  const opening = (t: string, names: ReadonlySet<string> = new Set()) => readOpening({ text: t }, { known: names });

  it("reads sound words in any language as sounds, not names", () => {
    for (const t of ["(LAUGHTER) Okay.", "(door slams) Who's there?", "[música] Hola.", "(risas) Sí.", "[Lachen] Ja.", "(SCREAMS) No!", "[Music playing] So.", "(Thunder) Run!", "[applaudissements] Merci."]) {
      expect(opening(t).kind, t).toBe("none");
    }
  });

  it("reads names, sure with a colon, two words or a name heard before; unsure for one new word", () => {
    expect(opening("(ALBA) Hello.")).toMatchObject({ kind: "name", name: "ALBA", sure: false });
    expect(opening("(ALBA) Hello.", known)).toMatchObject({ kind: "name", sure: true });
    expect(opening("[Alba]: Hello.")).toMatchObject({ kind: "name", name: "Alba", sure: true });
    expect(opening("[Mary Ellen] Hi.")).toMatchObject({ kind: "name", name: "Mary Ellen", sure: true });
    expect(opening("[SPEAKER_03]: Hi.")).toMatchObject({ kind: "name", diarisation: "SPEAKER_03", sure: true });
    expect(opening("(ALBA, WHISPERING) Come.")).toMatchObject({ kind: "name", name: "ALBA", rest: { text: "[WHISPERING] Come." } });
  });

  it("reads a manner as a manner", () => {
    expect(opening("[speaking Spanish] Hola.")).toMatchObject({ kind: "manner", manner: "speaking Spanish" });
  });

  it("a bracket alone is a sound unless it names a voice heard before", () => {
    expect(opening("(ALBA)").kind).toBe("none");
    expect(opening("(ALBA)", known).kind).toBe("name");
  });

  it("a whole-cue description not in any list is still a sound cue, never speech", () => {
    const srt = "1\n00:00:01,000 --> 00:00:02,000\n[Alba] Hi.\n\n2\n00:00:02,000 --> 00:00:03,000\n[porte qui grince]\n\n3\n00:00:03,000 --> 00:00:04,000\n(GLASS SHATTERING)\n";
    expect(script(srtImporter.read({ file: "x.srt", text: srt }))).toEqual(["Alba: Hi.", "[porte qui grince]", "[GLASS SHATTERING]"]);
  });
});

describe("voices", () => {
  it("splits at dashes and >> anywhere, keeping the words", () => {
    expect(splitVoices({ text: "- Hi.\n- Hello.\nHow are you?" })).toEqual([
      { text: "Hi.", marker: "dash" },
      { text: "Hello.\nHow are you?", marker: "dash" },
    ]);
    expect(splitVoices({ text: "GOOD NIGHT. >> BYE. >>>NEXT STORY" })).toEqual([
      { text: "GOOD NIGHT." },
      { text: "BYE.", marker: "chevron" },
      { text: "NEXT STORY", marker: "chevron" },
    ]);
    // Two dialogue lines flattened into one: the second dash after a sentence end is a new voice.
    expect(splitVoices({ text: "- ¿Y el horno? - Ya está caliente." })).toEqual([
      { text: "¿Y el horno?", marker: "dash" },
      { text: "Ya está caliente.", marker: "dash" },
    ]);
    expect(splitVoices({ text: "-Where? -Here. - And now? — Later!" }).map((p) => p.text)).toEqual(["Where?", "Here.", "And now?", "Later!"]);
    // A dash before a lower-case word, or inside a line that does not start with one, is punctuation.
    expect(splitVoices({ text: "-and then we left - twice." })).toEqual([{ text: "-and then we left - twice." }]);
  });

  it("a lone >> after named speakers is a new unnamed voice, whatever came before", () => {
    const vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n>> ALBA: Hi.\n\n00:00:02.000 --> 00:00:03.000\n>> Hello.\n\n00:00:03.000 --> 00:00:04.000\n>> ALBA: Bye.\n\n00:00:04.000 --> 00:00:05.000\n>> Bye now.\n";
    expect(script(webvttImporter.read({ file: "x.vtt", text: vtt }))).toEqual([
      "Alba: Hi.",
      "Unidentified speaker 1: Hello.",
      "Alba: Bye.",
      "Unidentified speaker 2: Bye now.",
    ]);
  });

  it("property: dash lines are never merged into the speaker before, and no word is lost", () => {
    const sentence = fc.array(fc.stringMatching(/^[a-z]{1,8}$/u), { minLength: 1, maxLength: 6 }).map((w) => `${w.join(" ")}.`);
    const caption = fc.array(sentence, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(caption, { minLength: 1, maxLength: 8 }), (captions) => {
        let srt = "";
        captions.forEach((lines, i) => {
          const body = lines.length > 1 ? lines.map((l) => `- ${l}`) : [`Alba: ${lines[0]}`];
          srt += `${i + 1}\n00:00:${String(i * 2).padStart(2, "0")},000 --> 00:00:${String(i * 2 + 1).padStart(2, "0")},500\n${body.join("\n")}\n\n`;
        });
        const t = srtImporter.read({ file: "p.srt", text: srt });
        const dashLines = captions.filter((l) => l.length > 1).flat();
        const unnamed = turns(t).filter((turn) => turn.speaker?.name.startsWith("Unidentified speaker"));
        expect(unnamed.map((turn) => turn.paragraphs.map((p) => p.text).join(" "))).toEqual(dashLines);
        expect(new Set(unnamed.map((turn) => turn.speaker?.name)).size).toBe(dashLines.length);
        const said = turns(t).flatMap((turn) => turn.paragraphs.map((p) => p.text)).join(" ");
        expect(said).toBe(captions.flat().join(" "));
      }),
      { numRuns: 80 },
    );
  });
});

describe("songs and manners", () => {
  const srt = (lines: string[]) => lines.map((l, i) => `${i + 1}\n00:00:0${i},000 --> 00:00:0${i},900\n${l}\n`).join("\n");

  it("named lyrics are that speaker singing; unnamed lyrics a new voice, and speech after the song goes back, as a guess", () => {
    const t = srtImporter.read({ file: "x.srt", text: srt(["[Alba] Listen to this.", "[Alba] ♪ La la la ♪", "Lovely.", "♪ Cielito lindo ♪", "♪ ay, ay, ay ♪", "Who sang that?"]) });
    expect(script(t)).toEqual([
      "Alba: Listen to this.",
      "Alba (Singing): La la la",
      "Alba: Lovely.",
      "Unidentified speaker 1 (Singing): Cielito lindo ay, ay, ay",
      "Alba: Who sang that?",
    ]);
    expect(review(t).map((w) => w.line)).toEqual([2, 14, 22]);
    expect(review(t)[2]?.message).toContain("Speech after the song is given to Alba");
  });

  it("a name with a manner in one bracket, in another language", () => {
    const t = srtImporter.read({ file: "x.srt", text: srt(["[Alba] Ready?", "[Alba, speaking Spanish] ¿Listos?", "(ALBA, WHISPERING) Quiet now."]) });
    expect(script(t)).toEqual(["Alba: Ready?", "Alba (speaking Spanish): ¿Listos?", "Alba (WHISPERING): Quiet now."]);
  });
});

describe("names on a later line of a cue", () => {
  it("a line opening with a name after a finished sentence starts that speaker's turn (spelled as the file spells it in mixed case, else in proper case)", () => {
    const srt = "1\n00:00:01,000 --> 00:00:03,000\nALBA: Are you ready?\nBRUNO: Always.\n\n2\n00:00:03,000 --> 00:00:05,000\nThen let's go.\n[Alba] Wait for me.\n";
    expect(script(srtImporter.read({ file: "x.srt", text: srt }))).toEqual(["Alba: Are you ready?", "Bruno: Always. Then let's go.", "Alba: Wait for me."]);
  });

  it("a name after a sentence that runs on stays in the words, as a guess to check", () => {
    const srt = "1\n00:00:01,000 --> 00:00:03,000\nAlba: The sign on the door said\nMAX POWER: keep out.\n";
    const t = srtImporter.read({ file: "x.srt", text: srt });
    expect(script(t)).toEqual(["Alba: The sign on the door said MAX POWER: keep out."]);
    expect(review(t)).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('"MAX POWER:"') })]);
  });
});

describe("adversarial cues", () => {
  const token = fc.constantFrom(
    "[Alba]", "(ALBA)", "ALBA:", "Alba:", ">>", ">> BRUNO:", ">>BRUNO:", "- ", "[SPEAKER_01]:", "[door slams]", "(risas)", "[música]",
    "(LAUGHTER)", "♪", "Remember:", "rule:", "\\-", "\\*", "\\[", "(", ")", "[", "]", ":", "words", "more", "Tomás", "días", "Straße", "fin.", "yes?", "\n",
  );
  const caption = fc.array(token, { minLength: 1, maxLength: 12 }).map((t) => t.join(" ").replace(/ ?\n ?/gu, "\n").replace(/\n+/gu, "\n").replace(/^\n|\n$/gu, "") || "words");

  it("property: never throws, never leaks an escape, keeps every word it was given", () => {
    fc.assert(
      fc.property(fc.array(caption, { minLength: 1, maxLength: 8 }), fc.boolean(), (captions, vtt) => {
        const body = captions.map((c, i) => `${vtt ? "" : `${i + 1}\n`}00:00:${String(i).padStart(2, "0")}${vtt ? "." : ","}000 --> 00:00:${String(i).padStart(2, "0")}${vtt ? "." : ","}900\n${c}`);
        const file = `${vtt ? "WEBVTT\n\n" : ""}${body.join("\n\n")}\n`;
        let t: ImportedTranscript;
        try {
          t = (vtt ? webvttImporter : srtImporter).read({ file: "fuzz", text: file });
        } catch (error) {
          // A file with no words at all may be refused, with a message for the editor.
          expect((error as Error).name).toBe("ImportError");
          return;
        }
        const out = t.blocks
          .flatMap((b) => (b.kind === "turn" ? [b.speaker?.name ?? "", b.speaker?.diarisation ?? "", b.manner ?? "", ...b.paragraphs.map((p) => p.text)] : [b.kind === "heading" ? b.title : b.text]))
          .join(" ");
        expect(out).not.toMatch(/\\[-*[]/u);
        // A name that says nothing is not lost either: the editor is told about it.
        const told = `${out} ${t.warnings.filter((w) => w.message.includes("says nothing")).map((w) => w.message).join(" ")}`;
        // Diarisation labels are meant to vanish (a voice that says nothing leaves no trace).
        for (const word of captions.join(" ").replace(/\[SPEAKER_\d+\]/gu, "").match(/\p{L}{3,}/gu) ?? []) expect(told.toLowerCase(), word).toContain(word.toLowerCase());
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  });
});

describe("colons in prose", () => {
  const srt = (lines: string[]) => lines.map((l, i) => `${i + 1}\n00:00:0${i},000 --> 00:00:0${i},900\n${l}\n`).join("\n");

  it("never makes a false speaker of a word before a colon", () => {
    const t = srtImporter.read({
      file: "x.srt",
      text: srt(["Alba: We start now.", "The rule is simple: you wait.", "Remember: always wait.", "Honestly: it works.", "Patience: that is all.", "You need patience, really."]),
    });
    expect(turns(t).map((turn) => turn.speaker?.name)).toEqual(["Alba"]);
    // "Patience:" looked like a name, but the file uses "patience" as a word: left as words, with a note to check.
    expect(review(t)).toEqual([expect.objectContaining({ line: 18, message: expect.stringContaining('"Patience:"') })]);
  });
});

describe("summarising warnings", () => {
  it("repeats become one line with a count and the first lines; singles stay as they are", () => {
    const warnings: ImportWarning[] = [
      ...Array.from({ length: 37 }, (_, i) => ({ line: 4 + i * 5, message: `WebVTT: Incorrect end tag "</${i % 2 ? "b" : "i"}>".` })),
      { line: 12, message: "Read \"Priya:\" at the start of the cue as a speaker change.", review: true },
    ];
    expect(summariseWarnings(warnings)).toEqual([
      { line: 4, message: 'WebVTT: Incorrect end tag "</i>". (and 36 more like it: lines 4, 9, 14, 19, 24, …)' },
      warnings[37],
    ]);
  });

  it("identical repeats are counted; three or fewer of a kind are each shown, specifics and all", () => {
    const same = Array.from({ length: 5 }, (_, i) => ({ line: i + 1, message: "WebVTT: a cue setting was ignored." }));
    expect(summariseWarnings(same)).toEqual([{ line: 1, message: "WebVTT: a cue setting was ignored. (5 times: lines 1, 2, 3, 4, 5)" }]);
    const moments = [
      { line: 15, message: '0:03.3 "Ortiz." (confidence 0.31)', review: true },
      { line: 65, message: '0:18.6 "Alcalá." (confidence 0.47)', review: true },
    ];
    expect(summariseWarnings(moments)).toEqual(moments);
  });

  it("never mixes a guess to check with plain notices", () => {
    const out = summariseWarnings([
      { line: 1, message: "Same thing." },
      ...[2, 3, 4, 5].map((line) => ({ line, message: "Same thing.", review: true })),
    ]);
    expect(out).toEqual([{ line: 1, message: "Same thing." }, { line: 2, message: "Same thing. (4 times: lines 2, 3, 4, 5)", review: true }]);
  });

  it("import: the terminal gets one line for many repeats; the story's notes keep every guess", () => {
    const captions = Array.from({ length: 40 }, (_, i) => `${i + 1}\n00:${String(Math.floor(i / 30)).padStart(2, "0")}:${String((i * 2) % 60).padStart(2, "0")},000 --> 00:${String(Math.floor(i / 30)).padStart(2, "0")}:${String((i * 2) % 60).padStart(2, "0")},900\n- Line ${i}.\n- Answer ${i}.\n`);
    const bytes = new TextEncoder().encode(captions.join("\n"));
    const imported = importTranscript(bytes, "many.srt", { show: "S", today: "2026-12-01", lang: "en" });
    expect(imported.transcript.warnings.filter((w) => w.review)).toHaveLength(80);
    expect(imported.warnings).toHaveLength(1);
    expect(imported.warnings[0]?.message).toMatch(/\(and 79 more like it: lines 2, 7, 12, 17, 22, …\)$/u);
    expect(imported.story.text.match(/^# {3}source line \d+: /gmu)).toHaveLength(80);
  });
});

describe("every new fixture becomes a story the build accepts", () => {
  const context = { settings: { title: "T", url: "https://example.org/", language: "en", description: "d", pathPrefix: "/" }, contentDir: "content", storiesDir: "content/stories" };
  for (const name of fs.readdirSync(dir).filter((f) => /^(sdh|broadcast|whisperx|youtube)-/u.test(f))) {
    it(name, () => {
      const imported = importTranscript(fs.readFileSync(path.join(dir, name)), name, { show: "Captions", today: "2026-12-01" });
      const story = parseStory({ file: `content/stories/${imported.slug}.md`, raw: imported.story.text }, context);
      expect(story.words).toBeGreaterThan(0);
      expect(imported.story.text).not.toMatch(/SPEAKER_\d/u);
      const turnsIn = turns(imported.transcript).filter((turn) => turn.speaker).length;
      expect(imported.story.turns).toBe(turnsIn);
    });
  }
});

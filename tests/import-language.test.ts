// The language of an imported story: from --lang, from the file, or detected from the words, and
// never silently wrong. Speakers whose words are in another language get it, for review.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importTranscript } from "../src/interchange/import.ts";
import { languageName, settleLanguage } from "../src/interchange/language.ts";
import { normaliseLanguage } from "../src/interchange/language-tags.ts";
import type { ImportedBlock, ImportedSpeaker, ImportedTranscript } from "../src/interchange/model.ts";

const enc = (text: string) => new TextEncoder().encode(text);
const options = { show: "Test show", today: "2026-12-01" };

function transcript(turns: Array<[ImportedSpeaker | undefined, string]>, lang?: string): ImportedTranscript {
  const blocks: ImportedBlock[] = turns.map(([speaker, text], i) => ({ kind: "turn", ...(speaker ? { speaker } : {}), paragraphs: [{ text, line: i + 1 }] }));
  return { format: "srt", meta: lang ? { lang } : {}, blocks, warnings: [] };
}

const SPANISH = [
  "Bueno, gracias por venir hoy al programa. Vamos a hablar del mercado del puerto.",
  "La verdad es que nadie nos dijo nada hasta que cerraron las puertas en marzo.",
  "Mi abuela vendía pescado aquí cuando yo era niña, y ahora no queda casi nadie.",
];
const ENGLISH = [
  "Thanks for joining us this morning. We're talking about the harbor market today.",
  "Nobody told the vendors anything until the doors closed in March, and that hurt.",
  "My grandmother sold fish here when I was a child, and now almost nobody is left.",
];
const GERMAN = [
  "Also, ich glaube, das war damals eine gute Idee, aber niemand hat zugehört.",
  "Wir haben lange darüber gesprochen, und am Ende ist einfach nichts passiert.",
];

function srt(lines: string[], header = ""): string {
  return `${header}${lines.map((text, i) => `${i + 1}\n00:00:${String(i * 5).padStart(2, "0")},000 --> 00:00:${String(i * 5 + 4).padStart(2, "0")},000\n${text}\n`).join("\n")}`;
}

describe("normaliseLanguage", () => {
  it.each([
    ["en", "en"], ["EN", "en"], ["en_US", "en-US"], ["pt-br", "pt-BR"], ["english", "en"], ["Spanish", "es"],
    ["zh-hant-tw", "zh-Hant-TW"], ["auto", undefined], ["", undefined], [undefined, undefined], ["not a tag", undefined],
  ])("%s → %s", (input, expected) => {
    expect(normaliseLanguage(input)).toBe(expected);
  });
});

describe("settleLanguage", () => {
  it("detects the language of a file that does not say it", () => {
    const t = transcript(SPANISH.map((text) => [{ name: "Alba" }, text]));
    expect(settleLanguage(t)).toEqual({ lang: "es", source: "detected" });
    expect(t.meta.lang).toBe("es");
    expect(t.warnings).toEqual([]);
  });

  it("keeps the file's own language, normalised", () => {
    const t = transcript(ENGLISH.map((text) => [{ name: "Ana" }, text]), "en_us");
    expect(settleLanguage(t)).toEqual({ lang: "en-US", source: "file" });
  });

  it("--lang wins over the file and detection", () => {
    const t = transcript(GERMAN.map((text) => [{ name: "Jonas" }, text]), "de");
    expect(settleLanguage(t, "de-AT")).toEqual({ lang: "de-AT", source: "option" });
    expect(t.warnings).toEqual([]);
  });

  it("questions a file whose declared language the words contradict, and keeps the file's", () => {
    const t = transcript(SPANISH.map((text) => [{ name: "Alba" }, text]), "en");
    expect(settleLanguage(t).lang).toBe("en");
    expect(t.warnings).toHaveLength(1);
    expect(t.warnings[0]).toMatchObject({ review: true });
    expect(t.warnings[0]?.message).toMatch(/the file says the language is English \(en\), but \d+% of the words read as Spanish \(es\)/u);
  });

  it("says so, and sets nothing, when the words are too few to tell", () => {
    const t = transcript([[{ name: "A" }, "Yeah."], [{ name: "B" }, "Sí."], [{ name: "A" }, "OK, bye."]], undefined);
    expect(settleLanguage(t)).toEqual({ source: "unknown" });
    expect(t.meta.lang).toBeUndefined();
    expect(t.warnings[0]?.message).toMatch(/too few words.*site's language.*--lang/u);
    expect(t.warnings[0]?.review).toBe(true);
  });

  it("says so when the story is split between languages, naming the best guess", () => {
    const t = transcript([...ENGLISH.slice(0, 2), ...SPANISH.slice(0, 2)].map((text) => [{ name: "X" }, text]));
    expect(settleLanguage(t)).toEqual({ source: "unknown" });
    expect(t.warnings[0]?.message).toMatch(/more than one language \(the words read most like (English|Spanish), \d+% of them\)/u);
  });

  it("gives a speaker who speaks another language that language, for review", () => {
    const host = { name: "Maya Ortiz" };
    const guest = { name: "Alba Ruiz" };
    const t = transcript([[host, ENGLISH[0]!], [guest, SPANISH[0]!], [host, ENGLISH[1]!], [guest, SPANISH[1]!], [host, ENGLISH[2]!], [guest, SPANISH[2]!], [host, ENGLISH[0]!]]);
    expect(settleLanguage(t).lang).toBe("en");
    expect(guest).toEqual({ name: "Alba Ruiz", lang: "es" });
    expect(host).toEqual({ name: "Maya Ortiz" });
    expect(t.warnings).toEqual([
      { message: expect.stringMatching(/^The words are in more than one language \(English \d+%, Spanish \d+%\); the story is taken to be in English, the language of Maya Ortiz, who speaks first/u), review: true },
      { line: 2, message: expect.stringMatching(/^Alba Ruiz speaks Spanish/u), review: true },
    ]);
  });

  it("a speaker already given a language by the file keeps it", () => {
    const guest = { name: "Alba Ruiz", lang: "ca" };
    const t = transcript([[{ name: "Ana" }, ENGLISH[0]!], [guest, SPANISH[0]!], [{ name: "Ana" }, ENGLISH[1]!], [guest, SPANISH[1]!], [{ name: "Ana" }, ENGLISH[2]!]], "en");
    settleLanguage(t);
    expect(guest.lang).toBe("ca");
  });

  it("never reads sounds and notes as words", () => {
    const t = transcript([[{ name: "A" }, "(risas) (música) [inaudible] (laughter) (applause) [crosstalk] (música de fondo)"]]);
    expect(settleLanguage(t).source).toBe("unknown");
  });

  it("names languages for readers", () => {
    expect(languageName("es")).toBe("Spanish");
    expect(languageName("pt-BR")).toBe("Brazilian Portuguese");
  });
});

describe("importing: the story's lang in front matter", () => {
  it("a Spanish SRT with no language anywhere is published as Spanish", () => {
    const imported = importTranscript(enc(srt(SPANISH)), "mercado.srt", options);
    expect(imported.language).toEqual({ lang: "es", source: "detected" });
    expect(imported.story.text).toMatch(/^lang: es$/mu);
  });

  it("a WebVTT Language header is the file's word", () => {
    const vtt = `WEBVTT\nLanguage: de\n\n00:00.000 --> 00:04.000\n<v Jonas>${GERMAN[0]}\n\n00:05.000 --> 00:09.000\n<v Jonas>${GERMAN[1]}\n`;
    const imported = importTranscript(enc(vtt), "gespraech.vtt", options);
    expect(imported.language).toEqual({ lang: "de", source: "file" });
  });

  it("an unsure story gets no lang and a note to check", () => {
    const imported = importTranscript(enc(srt(["Travis: Yeah.", "Sarah: OK."])), "short.srt", options);
    expect(imported.language.source).toBe("unknown");
    expect(imported.story.text).not.toMatch(/^lang:/mu);
    expect(imported.story.text).toMatch(/# Check before publishing:\n(?:#.*\n)*#   The file does not say its language/u);
  });

  const podlove = path.join(import.meta.dirname, "fixtures", "import", "structured", "podlove-podlovers-ep3-de.json");
  it("the German Podlove transcript (no language field) is detected as German", () => {
    const imported = importTranscript(fs.readFileSync(podlove), podlove, options);
    expect(imported.language).toEqual({ lang: "de", source: "detected" });
  });
});

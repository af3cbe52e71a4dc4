// Text exports of transcription services: Otter.ai ("Maya Ortiz  0:03" then the speech) and
// Descript ("[00:00:03] Maya Ortiz: …", "Maya Ortiz (00:03):", "Maya Ortiz: …", a name alone on
// its line). Every turn lands with its speaker, every word is kept, times become paragraph starts.

import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../src/interchange/decode.ts";
import { EXPORT_FORMATS } from "../src/interchange/exporters/index.ts";
import { importTranscript } from "../src/interchange/import.ts";
import { descriptTextImporter } from "../src/interchange/importers/descript-text.ts";
import { detectImporter, IMPORTERS } from "../src/interchange/importers/index.ts";
import { otterTextImporter } from "../src/interchange/importers/otter-text.ts";
import type { ImportedBlock, ImportedTranscript, Importer } from "../src/interchange/model.ts";
import { parseStory } from "../src/story/story.ts";
import { REPO } from "./helpers/build.ts";

const DIR = path.join(REPO, "tests", "fixtures", "import", "asr-text");
const context = { settings: { title: "T", url: "https://example.org/", language: "en", description: "d", pathPrefix: "/" }, contentDir: "content", storiesDir: "content/stories" };

function fixture(name: string): string {
  return decodeBytes(fs.readFileSync(path.join(DIR, name))).text;
}

function read(importer: Importer, text: string): ImportedTranscript {
  return importer.read({ file: "t.txt", text });
}

/** Each turn as [speaker, start of its first paragraph, its words]. */
function turns(blocks: readonly ImportedBlock[]): Array<[string | null, number | null, string]> {
  return blocks.flatMap((b): Array<[string | null, number | null, string]> =>
    b.kind === "turn" ? [[b.speaker?.name ?? null, b.paragraphs[0]?.start ?? null, b.paragraphs.map((p) => p.text).join(" ¶ ")]] : [],
  );
}

describe("detection", () => {
  it.each([
    ["otter-harbour-pilots.txt", "otter-text"],
    ["otter-orchard-crlf.txt", "otter-text"],
    ["descript-night-market.txt", "descript-text"],
    ["descript-voces-del-puerto-es.txt", "descript-text"],
    ["descript-untimed.txt", "descript-text"],
    ["descript-speaker-lines.txt", "descript-text"],
  ])("%s is claimed by %s alone, NPR-style text included", (name, format) => {
    const text = fixture(name);
    expect(IMPORTERS.filter((i) => i.detect({ file: "t.txt", text })).map((i) => i.format)).toEqual([format]);
  });
});

describe("Otter.ai text export", () => {
  it("reads names, times, an hour past, and drops the Otter line", () => {
    const t = read(otterTextImporter, fixture("otter-harbour-pilots.txt"));
    expect(t.format).toBe("otter-text");
    const got = turns(t.blocks);
    expect(got.map(([name, start]) => [name, start])).toEqual([
      ["Maya Ortiz", 3], ["Omar Haddad", 14], ["Maya Ortiz", 24], ["Omar Haddad", 27], ["Speaker 3", 38], ["Omar Haddad", 41],
      ["Unknown Speaker", 45], ["Maya Ortiz", 62], ["Omar Haddad", 78], ["Unknown Speaker", 91], ["Omar Haddad", 3598], ["Maya Ortiz", 3604],
    ]);
    // Two speaker lines of the same voice in a row: one turn of two paragraphs, each with its time.
    const twice = t.blocks.find((b) => b.kind === "turn" && b.paragraphs[0]?.start === 62);
    expect(twice?.kind === "turn" && twice.paragraphs.map((p) => [p.start, p.text])).toEqual([
      [62, "We're out on the water now. It's dark, it's cold, and the ship we're heading for is the size of a city block."],
      [75, "Omar, how do you get on board?"],
    ]);
    // Speech with a clock and a colon in it stays speech.
    expect(got[0]?.[2]).toContain("starts at 5:30 sharp.");
    expect(got[3]?.[2]).toBe("They wait. Note: waiting costs the shipping lines a lot of money, so the phone doesn't stop ringing.");
    expect(JSON.stringify(t)).not.toContain("otter.ai");
    // Otter's placeholders are diarisation labels, named once by the import.
    const placeholders = t.blocks.flatMap((b) => (b.kind === "turn" && b.speaker?.diarisation ? [b.speaker.diarisation] : []));
    expect(new Set(placeholders)).toEqual(new Set(["Speaker 3", "Unknown Speaker"]));
  });

  it("reads one space or a tab before the time, CRLF line ends and names with diacritics", () => {
    const t = read(otterTextImporter, fixture("otter-orchard-crlf.txt"));
    expect(turns(t.blocks).map(([name, start]) => [name, start])).toEqual([
      ["Zoë Brontë", 2], ["Ngozi Okafor", 9], ["Zoë Brontë", 16], ["Ngozi Okafor", 18], ["Speaker 2", 24], ["Zoë Brontë", 29],
    ]);
    expect(JSON.stringify(t.blocks)).not.toMatch(/\r/u);
  });

  it("writes a story that declares its placeholders and lists Unknown Speaker for review", () => {
    const imported = importTranscript(fs.readFileSync(path.join(DIR, "otter-harbour-pilots.txt")), "otter-harbour-pilots.txt", { show: "Harbour Hours", today: "2026-12-01" });
    const text = imported.story.text;
    expect(text).toContain("speakers:\n  SPEAKER 3:\n    name: Speaker 3\n  UNKNOWN SPEAKER:\n    name: Unknown Speaker\n");
    expect(text).toMatch(/# Check before publishing:\n# {3}source line 20: Unknown Speaker speaks 2 turns \(source lines 20, 32\)/u);
    expect(text).toContain("\n[0:45] UNKNOWN SPEAKER: Mind the step, it's wet.\n");
    expect(text).toContain("\n[1:00:04] ORTIZ: Omar Haddad, harbour pilot, thank you.");
    expect(imported.story.speakers).toEqual(["Maya Ortiz", "Omar Haddad", "Speaker 3", "Unknown Speaker"]);
  });

  it("keeps a speaker-like line whose time goes back as speech, and says so", () => {
    const text = "Maya Ortiz  0:03\nHello.\n\nOmar Haddad  0:09\nI said we'd meet on\nPier Seven  0:05\nand we did.\n\nMaya Ortiz  0:20\nRight.\n";
    const t = read(otterTextImporter, text);
    expect(turns(t.blocks)).toEqual([
      ["Maya Ortiz", 3, "Hello."],
      ["Omar Haddad", 9, "I said we'd meet on Pier Seven 0:05 and we did."],
      ["Maya Ortiz", 20, "Right."],
    ]);
    expect(t.warnings).toContainEqual(expect.objectContaining({ line: 6, review: true, message: expect.stringContaining("kept as speech") }));
  });

  it("reads names typed in lower case in Otter's exact shape", () => {
    const text = "maya  0:03\nHello.\n\nomar haddad\t0:07\nHi.\n\nmaya  0:09\nBye.\n";
    expect(turns(read(otterTextImporter, text).blocks)).toEqual([["maya", 3, "Hello."], ["omar haddad", 7, "Hi."], ["maya", 9, "Bye."]]);
  });

  it("still splits turns when the blank lines between them were lost", () => {
    const text = "Maya Ortiz  0:03\nHello and welcome.\nOmar Haddad  0:09\nThanks for having me.\nMaya Ortiz  0:12\nLet's start.\nTranscribed by https://otter.ai\n";
    expect(detectImporter({ file: "t.txt", text })?.format).toBe("otter-text");
    expect(turns(read(otterTextImporter, text).blocks)).toEqual([
      ["Maya Ortiz", 3, "Hello and welcome."],
      ["Omar Haddad", 9, "Thanks for having me."],
      ["Maya Ortiz", 12, "Let's start."],
    ]);
  });
});

describe("Descript text export", () => {
  it("reads timecodes before labels, a paragraph without a time, and a timecode of its own", () => {
    const t = read(descriptTextImporter, fixture("descript-night-market.txt"));
    expect(t.format).toBe("descript-text");
    expect(turns(t.blocks)).toEqual([
      ["Maya Ortiz", 3, "Welcome to Night Market, the show about the people who feed the city after dark. I'm Maya Ortiz."],
      ["Omar Haddad", 11, "And I'm Omar Haddad. Tonight we're at a noodle stall that has been open every night for thirty-one years."],
      ["Maya Ortiz", 20, "Thirty-one years. Omar, have they ever closed? ¶ Once. For a typhoon. And even then the owner says she kept the broth going at home."],
      ["Omar Haddad", 35, "Honestly: I believe her. (laughs)"],
      ["Speaker 2", 41, "You want the big bowl or the small bowl?"],
      // A timecode opening a paragraph continues the voice before it; one inside is dropped, with a note.
      ["Maya Ortiz", 44, "The big bowl, please. ¶ Later in the night, the queue reached the corner. Most people were coming off a late shift."],
      ["Omar Haddad", 110, "That's Night Market for this week. Thanks for listening."],
    ]);
    const later = t.blocks.at(-2);
    expect(later?.kind === "turn" && later.paragraphs.map((p) => p.start ?? null)).toEqual([44, 90]);
    // The paragraph after "Maya Ortiz:" with no time of its own has none.
    const third = t.blocks[2];
    expect(third?.kind === "turn" && third.paragraphs[1]?.start).toBeUndefined();
    expect(t.warnings).toContainEqual(expect.objectContaining({ line: 15, message: expect.stringContaining("1 timecode inside paragraphs") }));
  });

  it("reads an export whose blank lines were lost and whose end was cut off", () => {
    const text = "[00:00:03] Maya Ortiz: Hello.\n[00:00:05] José Núñez: Hola, Maya.\n[00:00:09] Maya Ortiz: Shall we start in English?\n[00:00:12] José Núñez: Sure, but my Eng";
    expect(detectImporter({ file: "t.txt", text })?.format).toBe("descript-text");
    expect(turns(read(descriptTextImporter, text).blocks)).toEqual([
      ["Maya Ortiz", 3, "Hello."],
      ["José Núñez", 5, "Hola, Maya."],
      ["Maya Ortiz", 9, "Shall we start in English?"],
      ["José Núñez", 12, "Sure, but my Eng"],
    ]);
  });

  it("reads a Spanish export with times after the names, on the label's line or above the speech, and a label without a time", () => {
    const text = fixture("descript-voces-del-puerto-es.txt");
    expect(text).toContain("\r\n");
    const t = read(descriptTextImporter, text);
    expect(turns(t.blocks)).toEqual([
      ["Lucía Fernández", 3, "Buenas noches y bienvenidos a Voces del Puerto. Hoy hablamos con un pescador que lleva cuarenta años saliendo al mar."],
      ["José Núñez", 14, "Gracias, Lucía. Cuarenta y dos, para ser exactos."],
      ["Lucía Fernández", 19, "¿Y cómo ha cambiado el oficio en todo este tiempo?"],
      ["José Núñez", 24, "Antes salíamos diez barcos de este muelle. Ahora salimos tres. ¶ El gasóleo cuesta el doble y el pescado vale lo mismo."],
      ["Lucía Fernández", null, "¿Y sus hijos? ¿Quieren seguir?"],
      ["José Núñez", 62, "Mi hija sí. Nota: ella ya tiene su propio barco."],
    ]);
  });

  it("reads labels without times on evidence: a one-word label counts when the file uses it again", () => {
    const t = read(descriptTextImporter, fixture("descript-untimed.txt"));
    expect(turns(t.blocks).map(([name]) => name)).toEqual(["Maya Ortiz", "Omar", "Maya Ortiz", "Priya Raman", "Omar", "Priya Raman", "Omar", "Priya Raman"]);
    expect(turns(t.blocks)[5]?.[2]).toBe("A wedding dress. Still in its bag. Look: we kept it for a year, and nobody came.");
    expect(t.blocks.every((b) => b.kind !== "turn" || b.paragraphs.every((p) => p.start === undefined))).toBe(true);
  });

  it("leaves a one-off capitalised word and colon as speech, and lists it for review", () => {
    const text = "Maya Ortiz: We're back.\n\nOmar Haddad: So, the vote.\n\nFerreira: nobody expected it.\n\nMaya Ortiz: Nobody.\n";
    const t = read(descriptTextImporter, text);
    expect(turns(t.blocks)).toEqual([
      ["Maya Ortiz", null, "We're back."],
      ["Omar Haddad", null, "So, the vote. ¶ Ferreira: nobody expected it."],
      ["Maya Ortiz", null, "Nobody."],
    ]);
    expect(t.warnings).toContainEqual(expect.objectContaining({ line: 5, review: true, message: expect.stringContaining('"Ferreira:" opens a paragraph like a speaker label') }));
  });

  it("reads a name alone on its line with the speech beneath, lines of one paragraph joined", () => {
    const t = read(descriptTextImporter, fixture("descript-speaker-lines.txt"));
    expect(turns(t.blocks).map(([name, , words]) => [name, words.slice(0, 30)])).toEqual([
      ["Ngozi Okafor", "Welcome back to the Library Ho"],
      ["Tomás Ribeiro", "Thanks, Ngozi. Good to be here"],
      ["Ngozi Okafor", "Tell me about the new reading "],
      ["Tomás Ribeiro", "It did. We turned the old stor"],
      ["Ngozi Okafor", "And people are using it?"],
      ["Tomás Ribeiro", "Every seat, every afternoon. S"],
    ]);
    expect(turns(t.blocks)[2]?.[2]).toBe("Tell me about the new reading room. It opened last month, didn't it?");
  });

  it("reads Verbatim's own text export back: roles, a manner, a generic voice, cues, the title and the copyright", () => {
    const raw = `---\ntitle: Roles\nshow: Night Desk\ndate: 2026-11-30\ncopyright: Copyright 2026 Night Desk.\n---\n[0:01] KIRA ODUYA, HOST: Hello.\n\nSecond paragraph.\n\n[0:03] ANA LUCIA FERREIRA, BAKER: (Speaking Spanish) Hola.\n\n[0:06] (SOUNDBITE OF ARCHIVED BROADCAST)\n\n[0:08] UNIDENTIFIED REPORTER: From the archive.\n\n[0:12] ODUYA: Back to us.\n`;
    const story = parseStory({ file: "content/stories/roles.md", raw }, context);
    const exported = EXPORT_FORMATS.find((f) => f.id === "txt")?.write(story) ?? "";
    const imported = importTranscript(new TextEncoder().encode(exported), "roles.txt", { show: "Night Desk", today: "2026-11-30" });
    expect(imported.format).toBe("descript-text");
    const back = parseStory({ file: "content/stories/back.md", raw: imported.story.text }, context);
    const essentials = (s: typeof story) => s.blocks.map((b) => (b.kind === "turn" ? [b.speaker.name, b.speaker.role ?? null, b.start ?? null, b.paragraphs.map((p) => p.text).join(" ")] : [b.kind]));
    expect(essentials(back)).toEqual(essentials(story));
    expect(back.title).toBe("Roles");
    expect(back.copyright).toBe("Copyright 2026 Night Desk.");
    expect(back.blocks.find((b) => b.kind === "turn" && b.speaker.name === "Ana Lucia Ferreira")).toMatchObject({ lang: "es" });
  });
});

// Generated transcripts: any names, any speech (with clocks, colons and capitals in it), written
// in each shape these exports take, come back with every turn in the right mouth and every word.
const NAMES = ["Maya Ortiz", "Omar Haddad", "Zoë Brontë", "José Núñez", "Ngozi Okafor", "Li Wei", "Speaker 2", "Unknown Speaker", "Anne-Marie O’Neill", "王芳", "Ольга Петрова"];
const WORDS = ["the", "ferry", "left", "at", "5:30", "Note:", "Tuesday", "and", "Omar", "said:", "(laughs)", "well,", "yes.", "1:02:03", "Maya", "Ortiz:", "really?", "café", "número"];
const speech = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((w) => `${w.join(" ").replace(/^./u, (c) => c.toUpperCase())}.`);
const turnList = fc.array(fc.record({ name: fc.constantFrom(...NAMES), text: speech, gap: fc.integer({ min: 1, max: 400 }) }), { minLength: 2, maxLength: 12 });

function clock(seconds: number, long: boolean): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return long || h ? `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** The expected turns: consecutive turns of one voice are one turn. */
function expected(list: Array<{ name: string; text: string; at: number }>): Array<[string, number, string]> {
  const out: Array<[string, number, string]> = [];
  for (const t of list) {
    const last = out.at(-1);
    if (last && last[0] === t.name) last[2] += ` ¶ ${t.text}`;
    else out.push([t.name, t.at, t.text]);
  }
  return out;
}

function timed(list: Array<{ name: string; text: string; gap: number }>) {
  let at = 0;
  return list.map((t) => ({ ...t, at: (at += t.gap) }));
}

describe("generated transcripts keep every turn in the right mouth", () => {
  it("through Otter's shape, with two spaces, one space or a tab, LF or CRLF", () => {
    fc.assert(
      fc.property(turnList, fc.constantFrom("  ", " ", "\t"), fc.constantFrom("\n", "\r\n"), fc.boolean(), (list, separator, newline, footer) => {
        const items = timed(list);
        const text = items.map((t) => `${t.name}${separator}${clock(t.at, false)}${newline}${t.text}${newline}`).join(newline) + (footer ? `${newline}Transcribed by https://otter.ai${newline}` : "");
        expect(detectImporter({ file: "t.txt", text })?.format).toBe("otter-text");
        expect(turns(read(otterTextImporter, text).blocks).map(([n, s, w]) => [n, s, w])).toEqual(expected(items));
      }),
      { numRuns: 150 },
    );
  });

  it("through Descript's shapes, timed and not", () => {
    const shapes = ["[clock] name: text", "name (clock): text", "name (clock):\ntext", "[clock] name\ntext"] as const;
    fc.assert(
      fc.property(turnList, fc.constantFrom(...shapes), fc.constantFrom("\n", "\r\n"), (list, shape, newline) => {
        const items = timed(list);
        const text = items
          .map((t) => shape.replace("clock", clock(t.at, shape.startsWith("["))).replace("name", t.name).replace("text", t.text).replace("\n", newline) + newline)
          .join(newline);
        expect(detectImporter({ file: "t.txt", text })?.format).toBe("descript-text");
        expect(turns(read(descriptTextImporter, text).blocks)).toEqual(expected(items));
      }),
      { numRuns: 150 },
    );
  });

  it("through Descript's untimed shapes, names in scripts with capitals", () => {
    const cased = turnList.map((list) => list.map((t) => ({ ...t, name: /\p{Lu}/u.test(t.name) ? t.name : "Li Wei" })));
    fc.assert(
      fc.property(cased, fc.constantFrom("name: text", "name\ntext"), fc.constantFrom("\n", "\r\n"), (list, shape, newline) => {
        const items = list.map((t) => ({ ...t, at: 0 }));
        // Two voices at least, each more than once: what an untimed transcript looks like.
        fc.pre(new Set(items.map((t) => t.name)).size >= 2 && items.length >= 4);
        const text = items.map((t) => shape.replace("name", t.name).replace("text", t.text).replace("\n", newline) + newline).join(newline);
        const got = turns(read(descriptTextImporter, text).blocks).map(([n, , w]) => [n, w]);
        expect(got).toEqual(expected(items).map(([n, , w]) => [n, w]));
      }),
      { numRuns: 150 },
    );
  });
});

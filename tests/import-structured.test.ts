// The structured importers: Podcasting 2.0 JSON, Podlove JSON, Podcasting 2.0 HTML and Markdown.
// Real files (see fixtures/import/structured/SOURCES.md) check what people publish; the small
// invented fixtures each exercise one quirk.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportError } from "../src/interchange/model.ts";
import type { ImportedBlock, ImportedTranscript, ImportSource, Importer } from "../src/interchange/model.ts";
import { joinWords, podcasting20JsonImporter } from "../src/interchange/importers/podcasting20-json.ts";
import { podloveJsonImporter } from "../src/interchange/importers/podlove-json.ts";
import { podcasting20HtmlImporter } from "../src/interchange/importers/podcasting20-html.ts";
import { markdownImporter } from "../src/interchange/importers/markdown.ts";

const dir = path.join(import.meta.dirname, "fixtures", "import", "structured");
const IMPORTERS: Importer[] = [podcasting20JsonImporter, podloveJsonImporter, podcasting20HtmlImporter, markdownImporter];

function fixture(name: string): ImportSource {
  return { file: name, text: fs.readFileSync(path.join(dir, name), "utf8") };
}

type Turn = Extract<ImportedBlock, { kind: "turn" }>;

function turns(t: ImportedTranscript): Turn[] {
  return t.blocks.filter((b): b is Turn => b.kind === "turn");
}

/** Each turn as "Speaker: paragraph | paragraph", the shape a reader sees. */
function outline(t: ImportedTranscript): string[] {
  return t.blocks.map((b) =>
    b.kind === "turn" ? `${b.speaker?.name ?? "?"}: ${b.paragraphs.map((p) => p.text).join(" | ")}` : `[${b.kind}] ${b.kind === "heading" ? b.title : b.text}`,
  );
}

function speakerNames(t: ImportedTranscript): string[] {
  return [...new Set(turns(t).map((b) => b.speaker?.name ?? "?"))];
}

/** The ImportError a read throws (the test fails if it throws something else or nothing). */
function importError(importer: Importer, source: ImportSource): ImportError {
  try {
    importer.read(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error(`${source.file} was read without an error`);
}

describe("detection", () => {
  const cases: Array<[string, string]> = [
    ["podcastindex-spec-example.json", "podcasting20-json"],
    ["words.json", "podcasting20-json"],
    ["bad-syntax.json", "podcasting20-json"],
    ["podlove-podlovers-ep3-de.json", "podlove-json"],
    ["podlove-wrapped.json", "podlove-json"],
    ["podcastindex-buzzsprout-rookie-mistakes.html", "podcasting20-html"],
    ["fragment.html", "podcasting20-html"],
    ["wai.html", "podcasting20-html"],
    ["changelog-ship-it-13.md", "markdown"],
    ["show.md", "markdown"],
  ];
  for (const [file, format] of cases) {
    it(`${file} is ${format}, and only that`, () => {
      const source = fixture(file);
      expect(IMPORTERS.filter((i) => i.detect(source)).map((i) => i.format)).toEqual([format]);
    });
  }

  it("claims no WebVTT, SRT or plain labelled text", () => {
    const others = [
      "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ana>Hi <i>there</i>.\n\n00:02.000 --> 00:03.000\n<v Ben>Hello.\n",
      "1\n00:00:00,000 --> 00:00:02,000\nAna: Hi there.\n\n2\n00:00:02,000 --> 00:00:03,000\nBen: Hello.\n",
      "ANA SOTO, HOST:\n\nHi there [laughter].\n\nBEN LUZ, BYLINE:\n\nHello.\n",
    ];
    for (const text of others) expect(IMPORTERS.filter((i) => i.detect({ file: "x", text })).map((i) => i.format)).toEqual([]);
  });

  it("plain text with one bold label is not Markdown transcript", () => {
    expect(markdownImporter.detect({ file: "x.md", text: "**Note:** one label only.\n\nJust prose." })).toBe(false);
  });
});

describe("Podcasting 2.0 JSON", () => {
  it("joins the spec example's words into sentences, one turn per voice", () => {
    const t = podcasting20JsonImporter.read(fixture("podcastindex-spec-example.json"));
    expect(outline(t)).toEqual(["Darth Vader: I am your father.", "Luke: Nooooo"]);
    const [vader, luke] = turns(t);
    expect(vader?.paragraphs[0]).toMatchObject({ start: 0.5, end: 2.5, line: 4 });
    expect(luke?.paragraphs[0]?.start).toBe(2.75);
    expect(t.format).toBe("podcasting20-json");
  });

  it("puts no space before punctuation segments and none after an opening bracket", () => {
    expect(joinWords("Welcome back", ",")).toBe("Welcome back,");
    expect(joinWords("Porto (", "mostly")).toBe("Porto (mostly");
    expect(joinWords("Really", "?!")).toBe("Really?!");
    expect(joinWords("rock", "&")).toBe("rock &");
    expect(joinWords("", "First")).toBe("First");
  });

  it("reads word-level segments with cues, bodiless segments and our exporter's fields", () => {
    const t = podcasting20JsonImporter.read(fixture("words.json"));
    expect(outline(t)).toEqual([
      "Marta Quill: Welcome back, everyone. Ready?",
      "[cue] laughter",
      "Tomás Ferreira: Olá! I live in Porto (mostly).",
      "[cue] SOUNDBITE OF MUSIC",
      "[cue] laughs",
      "Marta Quill: That was fun. | See you soon.",
    ]);
    const text = turns(t).flatMap((b) => b.paragraphs.map((p) => p.text)).join(" ");
    expect(text).not.toMatch(/\s[,.?!)]/u);
  });

  it("keeps a speaker change given on a segment without words", () => {
    const t = podcasting20JsonImporter.read(fixture("words.json"));
    const tomas = turns(t)[1];
    expect(tomas?.speaker).toEqual({ name: "Tomás Ferreira", role: "guest", lang: "pt" });
    expect(tomas?.paragraphs).toEqual([{ text: "Olá! I live in Porto (mostly).", start: 3.3, end: 5.1, line: 14 }]);
  });

  it("starts a new paragraph after a pause at a sentence end", () => {
    const marta = turns(podcasting20JsonImporter.read(fixture("words.json")))[2];
    expect(marta?.paragraphs).toEqual([
      { text: "That was fun.", start: 10.1, end: 10.8, line: 26 },
      { text: "See you soon.", start: 14, end: 15, line: 30 },
    ]);
  });

  it("reads roles and takes the most common language as the transcript's", () => {
    const t = podcasting20JsonImporter.read(fixture("words.json"));
    expect(t.meta.lang).toBe("en");
    expect(turns(t)[0]?.speaker).toEqual({ name: "Marta Quill", role: "host" });
    expect(t.blocks[1]).toEqual({ kind: "cue", text: "laughter", start: 2.3, end: 3, line: 12 });
  });

  it("warns, with the line, about an end before its start", () => {
    const t = podcasting20JsonImporter.read(fixture("words.json"));
    expect(t.warnings).toEqual([{ line: 19, message: expect.stringContaining("endTime 4 is before startTime 4.2") }]);
  });

  it("reports broken JSON with the file, line, column and a fix", () => {
    const error = importError(podcasting20JsonImporter, fixture("bad-syntax.json"));
    expect(error.file).toBe("bad-syntax.json");
    expect(error.line).toBe(6);
    expect(error.problem).toBe("The file is not valid JSON at line 6, column 3: a comma before ']' with nothing after it.");
    expect(error.fix).toMatch(/comma/u);
  });

  it("reports a schema problem with the JSON path, its line, what it found and a fix", () => {
    const error = importError(podcasting20JsonImporter, fixture("bad-schema.json"));
    expect(error.message).toBe(
      'bad-schema.json:8: segments[2].startTime should be a number but is the text "0:03". ' +
        "Fix: give startTime as a number of seconds from the start of the audio, e.g. 12.5.",
    );
  });

  it("reports a missing field at its segment's line, and a wrong top level", () => {
    const missing = importError(podcasting20JsonImporter, {
      file: "m.json",
      text: '{"segments": [\n  {"startTime": 0, "endTime": 1, "body": "Hi."},\n  {"startTime": 1, "body": "Bye."}\n]}',
    });
    expect(missing.line).toBe(3);
    expect(missing.problem).toBe("segments[1].endTime is missing.");
    const wrong = importError(podcasting20JsonImporter, { file: "w.json", text: '{"segments": {"0": "Hi"}}' });
    expect(wrong.problem).toBe("segments should be a list but is an object.");
    expect(wrong.fix).toContain('"segments"');
    for (const e of [missing, wrong]) expect(e.message).not.toContain("[object Object]");
  });

  it("refuses a transcript with no words", () => {
    const error = importError(podcasting20JsonImporter, { file: "e.json", text: '{"version": "1.0.0", "segments": []}' });
    expect(error.problem).toMatch(/no segment with words/u);
  });
});

describe("Podlove JSON", () => {
  const podlovers = () => podloveJsonImporter.read(fixture("podlove-podlovers-ep3-de.json"));

  it("reads the Podlovers episode: four named voices, 211 turns", () => {
    const t = podlovers();
    expect(speakerNames(t).sort()).toEqual(["Alex", "Eric", "Michi", "Simon"]);
    expect(turns(t)).toHaveLength(211);
    expect(t.warnings).toEqual([]);
    expect(outline(t).slice(0, 3)).toEqual([
      "Eric: Dann sage ich einfach mal: Hallo und willkommen zu Episode drei des Podlovers Podcasts. Heute das erste Mal mit Gast. Hallo Simon.",
      "Simon: Hallo.",
      "Eric: Außerdem wieder mit Michi.",
    ]);
    expect(turns(t)[0]?.paragraphs[0]).toMatchObject({ start: 0.005, end: 9.458, line: 2 });
  });

  it("keeps every German sentence exactly, umlauts and ß included (runs of spaces become one)", () => {
    const items = JSON.parse(fixture("podlove-podlovers-ep3-de.json").text) as Array<{ text: string }>;
    const all = turns(podlovers()).flatMap((b) => b.paragraphs.map((p) => p.text)).join("\n");
    const missing = items.map((i) => i.text.replace(/\s+/gu, " ").trim()).filter((text) => !all.includes(text));
    expect(missing).toEqual([]);
    expect(all).toContain("Hallöchen Eric.");
  });

  it("sorts overlapping speech by start, keeping file order for equal starts", () => {
    const t = podloveJsonImporter.read(fixture("podlove-wrapped.json"));
    expect(outline(t)).toEqual([
      "Jörg: Grüß Gott und willkommen zur Sendung über Straßenbäume.",
      "Lüdia: Hallo! Schön, dass ich hier sein darf.",
      "Jörg: Ähm, ja.",
      "Speaker 7: Ich auch, übrigens. (Lachen) Wirklich.",
    ]);
    // start_ms wins over the start text when both are given (the fixture makes them disagree).
    expect(turns(t)[1]?.paragraphs[0]).toMatchObject({ start: 3.5, end: 7 });
  });

  it("reads start text when start_ms is absent, and flags a voice without a name", () => {
    const t = podloveJsonImporter.read(fixture("podlove-wrapped.json"));
    expect(turns(t)[3]?.paragraphs[0]).toMatchObject({ start: 8.25, end: 10, line: 7 });
    expect(t.warnings).toEqual([{ line: 7, message: expect.stringContaining("Speaker 7 has no voice name"), review: true }]);
  });

  it("reports a schema problem with the item's path and line", () => {
    const error = importError(podloveJsonImporter, fixture("podlove-bad.json"));
    expect(error.line).toBe(4);
    expect(error.problem).toBe('[1].start_ms should be a number but is the text "1300".');
    expect(error.fix).toMatch(/milliseconds/u);
  });

  it("reports an item with no time at all", () => {
    const error = importError(podloveJsonImporter, { file: "p.json", text: '[\n{"text": "Hallo."}\n]' });
    expect(error.message).toBe(
      'p.json:2: [0].start is missing, and so is start_ms. Fix: give start_ms in milliseconds (e.g. 1234) or start as "00:00:01.234".',
    );
  });
});

describe("Podcasting 2.0 HTML", () => {
  it("reads the Buzzsprout fragment: three speakers, ten turns, times and lines", () => {
    const t = podcasting20HtmlImporter.read(fixture("podcastindex-buzzsprout-rookie-mistakes.html"));
    expect(turns(t).map((b) => b.speaker?.name)).toEqual(
      ["Travis", "Sarah", "Travis", "Gilon", "Travis", "Gilon", "Travis", "Sarah", "Gilon", "Travis"],
    );
    expect(turns(t).map((b) => b.paragraphs[0]?.start)).toEqual([0, 53, 102, 219, 263, 322, 376, 562, 617, 691]);
    expect(turns(t).map((b) => b.paragraphs[0]?.line)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28]);
    const first = turns(t)[0]?.paragraphs[0]?.text ?? "";
    expect(first).toMatch(/^When you first get started in podcasting, it's almost guaranteed that you're going/u);
    expect(outline(t).join("\n")).not.toMatch(/&#39;|<\/?p>|<cite>/u);
  });

  it("decodes entities, joins lines, makes sound paragraphs cues and reads turns without times", () => {
    const t = podcasting20HtmlImporter.read(fixture("fragment.html"));
    expect(outline(t)).toEqual([
      "Rosa Delgado: It's the first show of the season & we're live. Let's begin.",
      "Kwame: Thanks, Rosa. I've waited all summer.",
      "[cue] Applause",
      'Rosa Delgado: No time on this one, "but" it still counts. | Goodbye.',
    ]);
    expect(turns(t)[1]?.paragraphs[0]).toEqual({ text: "Thanks, Rosa. I've waited all summer.", start: 3909, line: 5 });
    // Kwame's 1:07:00 belongs to Kwame, who says nothing: Rosa's "Goodbye." gets no time.
    expect(turns(t)[2]?.paragraphs.map((p) => [p.line, p.start])).toEqual([[10, undefined], [15, undefined]]);
  });

  it("warns about a speaker who says nothing and a time it cannot read", () => {
    const t = podcasting20HtmlImporter.read(fixture("fragment.html"));
    expect(t.warnings).toEqual([
      { line: 11, message: expect.stringContaining('"soon"') },
      { line: 13, message: "Kwame is named here but says nothing before the next speaker." },
    ]);
  });

  it("reads WAI-style paragraphs labelled in bold, with title, language and headings", () => {
    const t = podcasting20HtmlImporter.read(fixture("wai.html"));
    expect(t.meta).toEqual({ title: "Garden Hour: Tomatoes", lang: "en" });
    expect(outline(t)).toEqual([
      "[cue] Music",
      "Imogen Pike: Welcome to the Garden Hour. | Today: tomatoes.",
      "Felix: Mine split every year.",
      "[heading] Questions from listeners",
      // Bold without a colon, or bold inside a sentence, is emphasis: the paragraph stays Imogen's.
      "Imogen Pike: We’ll start with one from Leeds. | It says Help: my plants wilt. | Water early in the morning, is my answer.",
    ]);
  });

  it("refuses HTML without transcript paragraphs", () => {
    const error = importError(podcasting20HtmlImporter, { file: "empty.html", text: "<cite>Ana:</cite>\n<time>0:01</time>\n" });
    expect(error.file).toBe("empty.html");
    expect(error.fix).toContain("<p>");
  });
});

describe("Markdown", () => {
  const changelog = () => markdownImporter.read(fixture("changelog-ship-it-13.md"));

  it("reads Ship It! 13: four speakers by full name, 149 turns", () => {
    const t = changelog();
    expect(speakerNames(t)).toEqual(["Gerhard Lazu", "Alan Cooney", "Saul Cullen", "Wycliffe Maina"]);
    expect(turns(t)).toHaveLength(149);
    expect(t.warnings).toEqual([]);
  });

  it("makes the breaks headings with their times", () => {
    const headings = changelog().blocks.filter((b) => b.kind !== "turn");
    expect(headings).toEqual([
      { kind: "heading", title: "Break", start: 1072, line: 115 },
      { kind: "heading", title: "Break", start: 2449, line: 273 },
    ]);
  });

  it("gives unlabelled paragraphs to the speaker before them", () => {
    const alan = turns(changelog())[5];
    expect(alan?.speaker?.name).toBe("Alan Cooney");
    expect(alan?.paragraphs.map((p) => p.line)).toEqual([11, 13]);
    expect(alan?.paragraphs[1]?.text).toMatch(/^So that's kind of from the guest side/u);
  });

  it("reads an opening timestamp as the paragraph's start and removes it", () => {
    const gerhard = turns(changelog())[4];
    expect(gerhard?.paragraphs).toEqual([{ text: "So Skyhook Adventure - what does it do as a company?", start: 256, line: 9 }]);
  });

  it("turns bracketed sounds into parentheses and leaves no escapes", () => {
    const text = outline(changelog()).join("\n");
    expect(text).toContain("I personally would like it to be a little faster... (laughs)");
    expect(text).toContain("Yeah, (unintelligible) It's always easy");
    expect(text).toContain("Yes! (laughter) I'm a big fan");
    expect(text).not.toMatch(/\\|\[\d|\*\*/u);
  });

  it("reads headings, title, inline Markdown and timestamps at either end", () => {
    const t = markdownImporter.read(fixture("show.md"));
    expect(t.meta.title).toBe("Night Shift, Episode 4");
    expect(outline(t)).toEqual([
      "[heading] Cold open",
      "Priya Raman: Welcome to Night Shift. I'm here with Dmitri as always.",
      "Dmitri Volkov: Thanks, Priya. (laughs) | We were up until 3 a.m. fixing the *real* problem (unintelligible) with the cron job. It wraps onto a second line. | And then the alarm went off. (LAUGHTER) Classic.",
      "[heading] Break",
      "Priya Raman: Back again. Halfway through this one I lost my place. | Same speaker again, labelled twice.",
      "[heading] Break",
      "[heading] Listener mail",
      "Dmitri Volkov: A snake_case_name and a file_name_here stay whole.",
    ]);
  });

  it("keeps a closing timestamp as the end, never as the next start", () => {
    const [priya, dmitri] = turns(markdownImporter.read(fixture("show.md")));
    expect(priya?.paragraphs[0]).toEqual({ text: "Welcome to Night Shift. I'm here with Dmitri as always.", end: 12, line: 5 });
    expect(dmitri?.paragraphs.map((p) => p.start)).toEqual([13, undefined, 41]);
  });

  it("times the Break heading and warns about a timestamp inside a paragraph", () => {
    const t = markdownImporter.read(fixture("show.md"));
    expect(t.blocks[3]).toEqual({ kind: "heading", title: "Break", start: 60, line: 16 });
    expect(t.warnings).toEqual([{ line: 18, message: expect.stringContaining("[01:30]") }]);
  });

  it("refuses a file with no text", () => {
    const error = importError(markdownImporter, { file: "blank.md", text: "\n\n---\n" });
    expect(error.message).toMatch(/^blank\.md: .* Fix: write each turn/u);
  });
});

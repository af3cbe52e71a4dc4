// The caption importers (WebVTT, SRT) and byte decoding, against invented fixtures that carry
// each quirk on purpose and against real published files (tests/fixtures/import/captions/SOURCES.md).

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../src/interchange/decode.ts";
import { srtImporter } from "../src/interchange/importers/srt.ts";
import { webvttImporter } from "../src/interchange/importers/webvtt.ts";
import { captionLabel, looksLikeName } from "../src/interchange/labels.ts";
import { ImportError, type ImportedBlock, type ImportedTranscript, type Importer } from "../src/interchange/model.ts";

const dir = path.join(import.meta.dirname, "fixtures", "import", "captions");

function bytes(name: string): Uint8Array {
  return fs.readFileSync(path.join(dir, name));
}

function load(importer: Importer, name: string): ImportedTranscript {
  return importer.read({ file: name, text: decodeBytes(bytes(name)).text });
}

type Turn = Extract<ImportedBlock, { kind: "turn" }>;

function turns(t: ImportedTranscript): Turn[] {
  return t.blocks.filter((b): b is Turn => b.kind === "turn");
}

function speakers(t: ImportedTranscript): string[] {
  return [...new Set(turns(t).map((turn) => turn.speaker?.name ?? "(none)"))];
}

/** The 1-based line of the first line equal to `text` in a fixture, so tests do not hard-code counts. */
function lineOf(name: string, text: string): number {
  const lines = decodeBytes(bytes(name)).text.split(/\r\n|\r|\n/u);
  const index = lines.indexOf(text);
  if (index < 0) throw new Error(`${name} has no line "${text}"`);
  return index + 1;
}

/** The ImportError a call throws, failing the test when it throws nothing or something else. */
function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError");
}

describe("decodeBytes", () => {
  it("strips a UTF-8 BOM", () => {
    const out = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x57, 0x45, 0x42, 0x56, 0x54, 0x54]));
    expect(out).toEqual({ text: "WEBVTT", encoding: "utf-8", bom: true });
  });

  it("reads UTF-8 without a BOM", () => {
    expect(decodeBytes(new TextEncoder().encode("Tomás ♪"))).toEqual({ text: "Tomás ♪", encoding: "utf-8", bom: false });
  });

  it("reads UTF-16 little-endian and big-endian by their BOM", () => {
    const le = Buffer.from("\ufeffWEBVTT\n\nCafé", "utf16le");
    expect(decodeBytes(le)).toEqual({ text: "WEBVTT\n\nCafé", encoding: "utf-16le", bom: true });
    const be = Buffer.from("\ufeffWEBVTT\n\nCafé", "utf16le").swap16();
    expect(decodeBytes(be)).toEqual({ text: "WEBVTT\n\nCafé", encoding: "utf-16be", bom: true });
  });

  it("recognises UTF-16 without a BOM rather than keeping NUL bytes", () => {
    expect(decodeBytes(Buffer.from("1\n00:00:01,000 --> 00:00:02,000\nHi", "utf16le"))).toMatchObject({
      text: "1\n00:00:01,000 --> 00:00:02,000\nHi",
      encoding: "utf-16le",
    });
  });

  it("falls back to Windows-1252, including the 0x80–0x9F letters", () => {
    const out = decodeBytes(new Uint8Array([0x49, 0x74, 0x92, 0x73, 0x20, 0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x97, 0x20, 0x80]));
    expect(out).toEqual({ text: "It’s “café” — €", encoding: "windows-1252", bom: false });
  });

  it("leaves line endings alone", () => {
    expect(decodeBytes(new TextEncoder().encode("a\r\nb\rc")).text).toBe("a\r\nb\rc");
  });
});

describe("labels", () => {
  it("takes a name on the first cue and after a finished sentence", () => {
    expect(captionLabel("Gilon: So is there", { known: new Set() })).toEqual({ speaker: "Gilon", text: "So is there" });
    expect(captionLabel("Mary Ellen Park: Yes.", { previousText: "Done.", known: new Set() })?.speaker).toBe("Mary Ellen Park");
  });

  it("refuses prose words and labels in mid-sentence", () => {
    expect(captionLabel("Note: the stalls close.", { known: new Set() })).toBeUndefined();
    expect(captionLabel("Fresh Bread: two for five.", { previousText: "the sign says", gap: 0, known: new Set() })).toBeUndefined();
    expect(looksLikeName("Question")).toBe(false);
    expect(looksLikeName("Chapter 2")).toBe(false);
  });

  it("accepts a mid-sentence label for a known speaker or after a pause", () => {
    expect(captionLabel("Travis: Batch", { previousText: "as well,", gap: 0, known: new Set(["Travis"]) })?.speaker).toBe("Travis");
    expect(captionLabel("Sarah: Creating", { previousText: "that much faster", gap: 2.7, known: new Set() })?.speaker).toBe("Sarah");
  });
});

describe("WebVTT: invented interview (BOM, CRLF, NOTE/STYLE/REGION, cue settings)", () => {
  const name = "riverside-market.vtt";
  const t = load(webvttImporter, name);

  it("is detected", () => {
    expect(webvttImporter.detect({ file: name, text: decodeBytes(bytes(name)).text })).toBe(true);
    expect(srtImporter.detect({ file: name, text: decodeBytes(bytes(name)).text })).toBe(false);
  });

  it("finds the speakers from <v>, <v.class> and a plain label, not 'Note'", () => {
    expect(speakers(t)).toEqual(["Dana Whitfield", "Tomás Ortega", "Priya"]);
    expect(turns(t)).toHaveLength(7);
  });

  it("joins a sentence cut across three cues into one paragraph, from the first cue's start and line", () => {
    const first = turns(t)[0];
    expect(first?.paragraphs).toEqual([
      {
        text: "Good morning, this is Riverside Community Radio and I'm here with the organiser of the Saturday market.",
        start: 1,
        end: 11,
        line: lineOf(name, "00:00:01.000 --> 00:00:04.500 align:start position:10%"),
      },
    ]);
  });

  it("drops markup and inline timestamps and decodes entities", () => {
    expect(turns(t)[1]?.paragraphs[0]?.text).toBe("Thanks for having me & the team. We moved to Mill Street in March.");
    expect(turns(t)[4]?.paragraphs[0]?.text).toBe("The market opens at eight. Note: the stalls close at noon.");
    expect(turns(t)[6]?.paragraphs[0]?.text).toBe("Thank you both for coming in.");
  });

  it("makes two turns with the same times from two voices in one cue", () => {
    const [dana, tomas] = [turns(t)[2], turns(t)[3]];
    expect(dana?.speaker?.name).toBe("Dana Whitfield");
    expect(dana?.paragraphs[0]).toMatchObject({ text: "Really?", start: 18.5 });
    expect(tomas?.speaker?.name).toBe("Tomás Ortega");
    expect(tomas?.paragraphs[0]).toMatchObject({ text: "Yes, <honestly>.", start: 18.5 });
  });

  it("makes sound-only cues into cue blocks and bracketed sounds in speech into parentheses", () => {
    const cues = t.blocks.filter((b) => b.kind === "cue").map((b) => b.kind === "cue" && [b.text, b.start]);
    expect(cues).toEqual([["Laughter", 17.2], ["Applause", 27], ["MUSIC", 29.5]]);
    expect(turns(t)[5]?.paragraphs[0]?.text).toBe("I run the bread stall, and (laughs) we sell out by ten.");
  });

  it("reads the header language and reports only the label guess", () => {
    expect(t.meta.lang).toBe("en");
    expect(t.warnings).toEqual([
      expect.objectContaining({ line: lineOf(name, "00:00:24.500 --> 00:00:27.000"), review: true }),
    ]);
    expect(t.warnings[0]?.message).toContain('"Priya:"');
  });
});

describe("WebVTT: real files", () => {
  it("Buzzsprout trailer: <v Name> without </v>, CRLF, &amp;", () => {
    const t = load(webvttImporter, "podcastindex-buzzsprout-trailer.vtt");
    expect(speakers(t)).toEqual(["Sarah", "Gillian"]);
    expect(turns(t)).toHaveLength(2);
    const first = turns(t)[0]?.paragraphs[0];
    expect(first?.start).toBe(0);
    expect(first?.text).toContain("whether or not you should have a podcast trailer. And if so, what should you include in one?");
    expect(first?.text).toContain("Welcome to Podcasting Q&A, where");
  });

  it("Buzzsprout episode: voice on a turn's first cue only, and 'Gilon:' labels", () => {
    const name = "podcastindex-buzzsprout-rookie-mistakes-2024-01.vtt";
    const t = load(webvttImporter, name);
    expect(speakers(t)).toEqual(["Travis", "Sarah", "Gilon"]);
    expect(turns(t).map((turn) => turn.speaker?.name)).toEqual([
      "Travis", "Sarah", "Travis", "Gilon", "Travis", "Gilon", "Travis", "Sarah", "Gilon", "Travis",
    ]);
    expect(turns(t)[0]?.paragraphs[0]?.start).toBe(0.179);
    const gilon = turns(t)[3]?.paragraphs[0];
    expect(gilon).toMatchObject({ start: 219.36, line: lineOf(name, "00:03:39.360 --> 00:03:42.509") });
    expect(gilon?.text.startsWith("So is there an ideal podcast length")).toBe(true);
  });

  it("vtt.js talk: two voices in one cue, then <i>Laughter</i> as a cue block", () => {
    const t = load(webvttImporter, "mozilla-cycle-collector-talk.vtt");
    expect(speakers(t)).toEqual(["Kyle Huey", "Chris Pearce"]);
    expect(turns(t)).toHaveLength(4);
    expect(t.blocks.slice(1, 4)).toEqual([
      { kind: "turn", speaker: { name: "Chris Pearce" }, paragraphs: [{ text: "Okay, we're good now.", start: 4, end: 5, line: 6 }] },
      { kind: "turn", speaker: { name: "Kyle Huey" }, paragraphs: [{ text: "Oh, now we're good?", start: 4, end: 5, line: 6 }] },
      { kind: "cue", text: "Laughter", start: 4, end: 5, line: 6 },
    ]);
    expect(turns(t)[3]?.paragraphs[0]?.text).toContain("So thanks again for coming. I'm going to talk");
  });

  it("wpt cue identifiers: every cue's text, no final newline", () => {
    const t = load(webvttImporter, "edge-wpt-cue-identifiers.vtt");
    expect(t.blocks).toEqual([
      { kind: "turn", paragraphs: [{ text: "text1 text2 text3 text4 text5", start: 0, end: 1, line: 4 }] },
    ]);
    expect(t.warnings).toEqual([]);
  });
});

describe("WebVTT: problems", () => {
  it("keeps the cues around a broken one and warns with its line", () => {
    const text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello there.\n\n00:00:03,000 --> 00:00:04,000\nBroken.\n\n00:00:05.000 --> 00:00:06.000\n<v Ann>Goodbye.\n";
    const t = webvttImporter.read({ file: "broken.vtt", text });
    expect(turns(t)[0]?.paragraphs.map((p) => p.text)).toEqual(["Hello there.", "Goodbye."]);
    expect(t.warnings.map((w) => w.line)).toContain(6);
  });

  it("refuses a file without the signature, naming file and line", () => {
    const error = importError(() => webvttImporter.read({ file: "episode.vtt", text: "00:00:01.000 --> 00:00:02.000\nHi\n" }));
    expect(error.file).toBe("episode.vtt");
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/^episode\.vtt:1: .*WEBVTT/u);
  });

  it("refuses a file with no cues, pointing at an SRT-style time", () => {
    const error = importError(() =>
      webvttImporter.read({ file: "commas.vtt", text: "WEBVTT\n\n1\n00:00:01,000 --> 00:00:02,000\nHi\n" }),
    );
    expect(error.line).toBe(4);
    expect(error.fix).toContain("full stop");
    expect(error.message).not.toContain("[object Object]");
  });

  it("detects the signature only when followed by space, tab or newline", () => {
    expect(webvttImporter.detect({ file: "a", text: "\ufeffWEBVTT\r\n" })).toBe(true);
    expect(webvttImporter.detect({ file: "a", text: "WEBVTT\tKind" })).toBe(true);
    expect(webvttImporter.detect({ file: "a", text: "WEBVTTX\n" })).toBe(false);
    expect(webvttImporter.detect({ file: "a", text: "1\n00:00:01,000 --> 00:00:02,000\n" })).toBe(false);
  });
});

describe("SRT: invented files", () => {
  it("numbered from 0, CRLF, '.' and 1-digit hours, coordinates, a missing blank line, tags", () => {
    const name = "riverside-numbered-from-zero.srt";
    const t = load(srtImporter, name);
    // The two dash lines are two voices the file does not name: numbered, never merged into Tomás.
    expect(turns(t).map((turn) => turn.speaker?.name)).toEqual(["Dana", "Tomás", "Unidentified speaker 1", "Unidentified speaker 2", "Dana"]);
    expect(turns(t)[0]?.paragraphs).toEqual([
      { text: "Welcome back to the Riverside Morning Show, live from the Saturday market with Tomás.", start: 1, end: 6, line: 2 },
    ]);
    // "Update:" is not a speaker; the "3" before a timing line with no blank line is a cue number.
    expect(turns(t)[1]?.paragraphs[0]?.text).toBe("The Saturday crowd is the best crowd. Update: we now open at eight.");
    expect(t.blocks[2]).toEqual({ kind: "cue", text: "LAUGHTER", start: 11.5, end: 13, line: lineOf(name, "00:00:11,500 --> 00:00:13,000") });
    expect(turns(t)[4]?.paragraphs[0]?.text).toBe("Tomás, thank you (laughs).");
  });

  it("keeps both dash lines' words as two unnamed voices and asks for a review of each", () => {
    const name = "riverside-numbered-from-zero.srt";
    const t = load(srtImporter, name);
    expect(turns(t)[2]?.paragraphs[0]?.text).toBe("Did the rain keep people away?");
    expect(turns(t)[3]?.paragraphs[0]?.text).toBe("Not one bit.");
    const line = lineOf(name, "00:00:13,500 --> 00:00:16,000");
    expect(t.warnings.filter((w) => w.line === line && w.review)).toHaveLength(2);
  });

  it("skips a subtitle with a broken timing line, with a warning on that line", () => {
    const name = "riverside-numbered-from-zero.srt";
    const t = load(srtImporter, name);
    const line = lineOf(name, "00:00:16,000 --> 00:00:99,000");
    expect(t.warnings).toContainEqual(expect.objectContaining({ line, review: true }));
    expect(JSON.stringify(t.blocks)).not.toContain("broken timing");
  });

  it("without numbers: labels on first cues, not in mid-sentence", () => {
    const t = load(srtImporter, "riverside-unnumbered.srt");
    expect(turns(t).map((turn) => turn.speaker?.name)).toEqual(["Priya", "Dana", "Priya"]);
    expect(turns(t)[0]?.paragraphs[0]).toMatchObject({
      text: "Every Saturday I bake two hundred loaves. The queue starts before seven, and the sign on my stall says Fresh Bread: two for five.",
      start: 0.5,
      line: 1,
    });
    expect(t.blocks[1]).toMatchObject({ kind: "cue", text: "MUSIC" });
    // The label-like "Fresh Bread:" stays in Priya's words, and the editor is told so (issue 12).
    expect(t.warnings).toEqual([expect.objectContaining({ line: 7, review: true, message: expect.stringContaining('"Fresh Bread:"') })]);
  });

  it("Windows-1252 bytes decode to the right characters", () => {
    const raw = bytes("riverside-windows-1252.srt");
    const decoded = decodeBytes(raw);
    expect(decoded.encoding).toBe("windows-1252");
    const t = srtImporter.read({ file: "riverside-windows-1252.srt", text: decoded.text });
    expect(turns(t).map((turn) => [turn.speaker?.name, turn.paragraphs[0]?.text])).toEqual([
      ["Tomás", "It’s the café’s first winter."],
      ["Dana", "“Brrr” — and 10 °C inside!"],
    ]);
  });

  it("detects SRT by a comma timing line near the top", () => {
    const text = decodeBytes(bytes("riverside-unnumbered.srt")).text;
    expect(srtImporter.detect({ file: "x", text })).toBe(true);
    expect(srtImporter.detect({ file: "x", text: "1\n00:00:01.000 --> 00:00:02.000\nHi\n" })).toBe(false);
    expect(srtImporter.detect({ file: "x", text: "WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHi\n" })).toBe(false);
    expect(srtImporter.detect({ file: "x", text: `${"words\n".repeat(25)}00:00:01,000 --> 00:00:02,000\n` })).toBe(false);
  });

  it("strips ASS and font tags and reads an italic sound", () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font face="Arial">Hello</font> <u>there</u>.\n\n2\n00:00:03,000 --> 00:00:04,000\n<i>Applause</i>\n';
    const t = srtImporter.read({ file: "tags.srt", text });
    expect(t.blocks).toEqual([
      { kind: "turn", paragraphs: [{ text: "Hello there.", start: 1, end: 2, line: 2 }] },
      { kind: "cue", text: "Applause", start: 3, end: 4, line: 6 },
    ]);
  });

  it("refuses a file with no subtitles, naming the file and line", () => {
    const error = importError(() => srtImporter.read({ file: "notes.srt", text: "1\n00:00:01 --> 00:00:02\nHi\n" }));
    expect(error.file).toBe("notes.srt");
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^notes\.srt:2: No subtitles could be read/u);
  });
});

describe("SRT: real file", () => {
  it("Buzzsprout episode: 'Name:' on a turn's first cue only", () => {
    const t = load(srtImporter, "podcastindex-buzzsprout-rookie-mistakes.srt");
    expect(speakers(t)).toEqual(["Travis", "Sarah", "Gilon"]);
    expect(turns(t).map((turn) => turn.speaker?.name)).toEqual([
      "Travis", "Sarah", "Travis", "Gilon", "Travis", "Gilon", "Travis", "Sarah", "Gilon", "Travis",
    ]);
    expect(turns(t)[0]?.paragraphs[0]).toMatchObject({ start: 0.179, line: 2 });
    expect(turns(t)[0]?.paragraphs[0]?.text.startsWith("When you first get started in podcasting, it's almost guaranteed")).toBe(true);
    expect(t.warnings).toEqual([]);
  });
});

// The story writer: imported transcripts become story files in the notation that read back to
// the same speakers, turns, cues and times.

import { describe, expect, it } from "vitest";
import type { ImportedBlock, ImportedTranscript } from "../src/interchange/model.ts";
import { writeStoryFile } from "../src/interchange/writer/story-file.ts";
import { splitFrontMatter } from "../src/story/front-matter.ts";
import { validateFrontMatter } from "../src/story/schema.ts";
import { renderTranscript } from "../src/transcript/index.ts";

const options = { title: "Harbour Lights", show: "Night Desk", date: "2026-11-30", source: "harbour.vtt", formatName: "WebVTT" };

function doc(blocks: ImportedBlock[], extra: Partial<ImportedTranscript> = {}): ImportedTranscript {
  return { format: "webvtt", meta: {}, blocks, warnings: [], ...extra };
}

function readBack(text: string) {
  const split = splitFrontMatter("x.md", text);
  const meta = validateFrontMatter("x.md", split);
  return { meta, ...renderTranscript(split.body, { speakers: meta.speakers, lineOffset: split.bodyOffset }).summary };
}

const turn = (name: string | undefined, ...texts: Array<string | [string, number]>): ImportedBlock => ({
  kind: "turn",
  ...(name ? { speaker: { name } } : {}),
  paragraphs: texts.map((t) => (typeof t === "string" ? { text: t } : { text: t[0], start: t[1] })),
});

describe("writing an imported transcript as a story", () => {
  it("writes full labels first, surnames after, with roles, times, cues, headings and manners", () => {
    const written = writeStoryFile(
      doc([
        turn(undefined, ["Tonight, the harbour lights.", 0]),
        { kind: "turn", speaker: { name: "Kira Oduya", role: "host" }, paragraphs: [{ text: "Welcome.", start: 4.5 }] },
        { kind: "turn", speaker: { name: "Tomas Reyes", role: "reporter" }, paragraphs: [{ text: "Thanks, Kira.", start: 6 }, { text: "It was dark.", start: 65.25 }] },
        { kind: "cue", text: "SOUNDBITE OF MUSIC", start: 70 },
        { kind: "heading", title: "Part two", start: 3600 },
        { kind: "turn", speaker: { name: "Kira Oduya", role: "host" }, manner: "Speaking Spanish", paragraphs: [{ text: "Hola.", start: 3601 }] },
      ]),
      options,
    );
    expect(written.text.split("---\n")[2]).toBe(
      [
        "[0:00] Tonight, the harbour lights.",
        "[0:04.5] KIRA ODUYA, HOST: Welcome.",
        "[0:06] TOMAS REYES, BYLINE: Thanks, Kira.",
        "[1:05.25] It was dark.",
        "[1:10] (SOUNDBITE OF MUSIC)",
        "## [1:00:00] Part two",
        "[1:00:01] ODUYA: (Speaking Spanish) Hola.",
      ].join("\n\n") + "\n",
    );
    expect(written.speakers).toEqual(["Kira Oduya", "Tomas Reyes"]);
    expect(written.turns).toBe(3);
    expect(written.timed).toBe(true);
    const back = readBack(written.text);
    expect(back.meta.duration).toBe("1:00:01");
    expect(back.speakers.map((s) => [s.name, s.role])).toEqual([["Kira Oduya", "host"], ["Tomas Reyes", "reporter"]]);
  });

  it("declares names a label cannot spell, and one-word names", () => {
    const written = writeStoryFile(
      doc([turn("DeShawn McKay", "One."), turn("Gilon", "Two."), turn("K", "Three."), turn("DeShawn McKay", "Four."), turn("Gilon", "Five.")]),
      options,
    );
    const back = readBack(written.text);
    expect(back.speakers.map((s) => s.name)).toEqual(["DeShawn McKay", "Gilon", "K"]);
    expect(back.turns).toBe(5);
    expect(written.text).toContain("SPEAKER 1: Three.");
  });

  it("uses full labels when two speakers share a surname", () => {
    const written = writeStoryFile(doc([turn("Ann Lee", "A."), turn("Bo Lee", "B."), turn("Ann Lee", "C.")]), options);
    expect(written.text).toContain("\n\nANN LEE: C.");
    expect(readBack(written.text).speakers.map((s) => s.name)).toEqual(["Ann Lee", "Bo Lee"]);
  });

  it("escapes words that would read as Markdown, a label, a time, a manner or a cue", () => {
    const tricky = ["TV: you can join us", "# not a heading", "*stars* and _lines_ and `ticks`", "[4:16] was the time", "(LAUGHTER)", "1. not a list", "(Singing) was the word", "a <b> tag &amp; more"];
    const written = writeStoryFile(doc([turn("Kira Oduya", ...tricky)]), options);
    const back = renderTranscript(splitFrontMatter("x.md", written.text).body);
    const paragraphs = back.summary.blocks.flatMap((b) => (b.kind === "turn" ? b.paragraphs.map((p) => p.text) : []));
    // A sound inside speech reads as the notation writes sounds, in sentence case.
    expect(paragraphs).toEqual(tricky.map((t) => (t === "(LAUGHTER)" ? "(Laughter)" : t)));
    expect(back.summary.turns).toBe(1);
    expect(back.summary.blocks.some((b) => b.kind === "cue")).toBe(false);
  });

  it("gives speech with no voice after a named turn to an unidentified speaker", () => {
    const written = writeStoryFile(doc([turn("Kira Oduya", "Hello."), { kind: "cue", text: "Laughter" }, turn(undefined, "Who said that?")]), options);
    expect(readBack(written.text).speakers.map((s) => s.name)).toEqual(["Kira Oduya", "Unidentified speaker"]);
  });

  it("keeps the source's metadata and lists what to check in comments", () => {
    const written = writeStoryFile(
      doc([turn("Kira Oduya", "Hello.")], {
        meta: { summary: "A night on the water.", tags: ["harbours", "night"], copyright: "Copyright 2026 Night Desk." },
        warnings: [{ line: 12, message: "A SOUNDBITE line seems lost here.", review: true }, { line: 3, message: "not for review" }],
      }),
      options,
    );
    expect(written.text).toMatch(/^---\n# Imported by Verbatim from harbour.vtt \(WebVTT\)\.\n# Check before publishing:\n# {3}source line 12: A SOUNDBITE line seems lost here\.\n/u);
    expect(written.text).not.toContain("not for review");
    const back = readBack(written.text);
    expect(back.meta.tags).toEqual(["harbours", "night"]);
    expect(back.meta.copyright).toBe("Copyright 2026 Night Desk.");
  });
});

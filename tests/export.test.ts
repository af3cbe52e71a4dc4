// Exports: a story's transcript as WebVTT, SRT, Podcasting 2.0 JSON and plain text. The WebVTT
// files are also read back by Chromium's own parser, as a player would read them.

import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { captionsOf, MAX_LINE, splitText } from "../src/interchange/exporters/captions.ts";
import { EXPORT_FORMATS, exportsFor } from "../src/interchange/exporters/index.ts";
import { withPassages } from "../src/interchange/exporters/passages.ts";
import type { JsonTranscript } from "../src/interchange/exporters/json.ts";
import { podcasting20Transcript } from "../src/interchange/podcasting20-schema.ts";
import { loadSite } from "../src/site/load.ts";
import { projectPaths } from "../src/site/paths.ts";
import { renderTranscript } from "../src/transcript/index.ts";
import { BULLETIN, LIGHTHOUSE, LONG, TIMED_STORIES, UNTIMED, write } from "./helpers/export-stories.ts";

function clock(text: string): number {
  const m = /^(\d{2}):(\d{2}):(\d{2})[.,](\d{3})$/u.exec(text);
  if (!m) throw new Error(`not a clock time: ${text}`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

interface WrittenCaption {
  start: number;
  end: number;
  lines: string[];
}

function readVtt(vtt: string): { header: string; notes: string[]; captions: WrittenCaption[] } {
  const [header = "", ...blocks] = vtt.replace(/\n$/u, "").split("\n\n");
  const notes: string[] = [];
  const captions: WrittenCaption[] = [];
  for (const block of blocks) {
    if (block.startsWith("NOTE")) {
      notes.push(block);
      continue;
    }
    const [timing = "", ...lines] = block.split("\n");
    const m = /^(\S+) --> (\S+)$/u.exec(timing);
    if (!m) throw new Error(`not a timing line: ${timing}`);
    captions.push({ start: clock(m[1] ?? ""), end: clock(m[2] ?? ""), lines });
  }
  return { header, notes, captions };
}

/** What a viewer sees of a caption line: tags gone, character references read. */
function shown(line: string): string {
  return line.replace(/<[^>]*>/gu, "").replace(/&lt;/gu, "<").replace(/&gt;/gu, ">").replace(/&amp;/gu, "&");
}

function readSrt(srt: string): Array<WrittenCaption & { number: string }> {
  return srt
    .replace(/\r\n$/u, "")
    .split("\r\n\r\n")
    .map((block) => {
      const [number = "", timing = "", ...lines] = block.split("\r\n");
      const m = /^(\d{2}:\d{2}:\d{2},\d{3}) --> (\d{2}:\d{2}:\d{2},\d{3})$/u.exec(timing);
      if (!m) throw new Error(`not an SRT timing line: ${timing}`);
      return { number, start: clock(m[1] ?? ""), end: clock(m[2] ?? ""), lines };
    });
}

function expectIncreasing(captions: Array<{ start: number; end: number }>, label: string): void {
  let previousEnd = -Infinity;
  let previousStart = -Infinity;
  for (const [i, caption] of captions.entries()) {
    expect(caption.end, `${label} caption ${i + 1} ends after it starts`).toBeGreaterThan(caption.start);
    expect(caption.start, `${label} caption ${i + 1} starts after the one before`).toBeGreaterThan(previousStart);
    expect(caption.start, `${label} caption ${i + 1} does not overlap the one before`).toBeGreaterThanOrEqual(previousEnd);
    previousStart = caption.start;
    previousEnd = caption.end;
  }
}

// ---------------------------------------------------------------------------------------------

describe("export formats", () => {
  it("names each format's label, file and MIME type, and which need times", () => {
    expect(EXPORT_FORMATS.map(({ id, label, file, mime, timed }) => ({ id, label, file, mime, timed }))).toEqual([
      { id: "vtt", label: "WebVTT", file: "transcript.vtt", mime: "text/vtt", timed: true },
      { id: "srt", label: "SRT", file: "transcript.srt", mime: "application/x-subrip", timed: true },
      { id: "json", label: "JSON", file: "transcript.json", mime: "application/json", timed: true },
      { id: "txt", label: "text", file: "transcript.txt", mime: "text/plain", timed: false },
    ]);
  });

  it("offers every format for a timed story and only text for an untimed one (Podcasting 2.0 JSON needs a startTime per segment)", () => {
    expect(LIGHTHOUSE.timed).toBe(true);
    expect(UNTIMED.timed).toBe(false);
    expect(exportsFor(LIGHTHOUSE).map((f) => f.id)).toEqual(["vtt", "srt", "json", "txt"]);
    expect(exportsFor(UNTIMED).map((f) => f.id)).toEqual(["txt"]);
    expect(exportsFor({ timed: renderTranscript("[0:01] ANA LIND, HOST: Hi.").summary.timed }).length).toBe(4);
  });

  it("writes the same files from a story carrying its passages, whichever format comes first (they share its captions)", () => {
    for (const [, s] of [...TIMED_STORIES, ["untimed", UNTIMED] as const]) {
      const alone = exportsFor(s).map((format) => write(format.id, s));
      // In the build's order, then backwards: SRT's named captions and the others' must not mix.
      for (const order of [exportsFor(s), [...exportsFor(s)].reverse()]) {
        const carried = withPassages(s);
        const written = new Map(order.map((format) => [format.id, write(format.id, carried)]));
        expect(exportsFor(s).map((format) => written.get(format.id))).toEqual(alone);
        expect(exportsFor(s).map((format) => write(format.id, carried))).toEqual(alone);
      }
    }
  });
});

describe("captions", () => {
  it("splits a long paragraph at sentence and clause ends into captions of at most two 65-character lines", () => {
    const captions = captionsOf(LIGHTHOUSE).filter((c) => c.passage.speaker?.name === "Sena Okafor" && c.passage.text === LONG);
    expect(captions.length).toBeGreaterThanOrEqual(3);
    expect(captions.map((c) => c.text).join(" ")).toBe(LONG);
    for (const caption of captions) {
      expect(caption.lines.length).toBeLessThanOrEqual(2);
      for (const line of caption.lines) expect(line.length).toBeLessThanOrEqual(MAX_LINE);
      expect(caption.text).toMatch(/[.,;:]$/u);
    }
  });

  it("shares a paragraph's time span among its captions in proportion to their characters", () => {
    const captions = captionsOf(LIGHTHOUSE).filter((c) => c.passage.text === LONG);
    expect(captions[0]?.start).toBe(9);
    expect(captions.at(-1)?.end).toBe(31);
    const chars = captions.map((c) => c.lines.join(" ").length);
    const total = chars.reduce((a, b) => a + b, 0);
    for (const [i, caption] of captions.entries()) expect((caption.end - caption.start) / 22).toBeCloseTo((chars[i] ?? 0) / total, 2);
  });

  it("lets an untimed paragraph continue from the one before, and ends the last caption at the duration", () => {
    const captions = captionsOf(LIGHTHOUSE);
    const spanish = captions.filter((c) => c.passage.speaker?.name === "Tomas Lindqvist");
    expect(spanish.map((c) => c.text)).toEqual(["Cada noche subía las escaleras.", "Y cada mañana bajaba."]);
    expect(spanish[0]?.start).toBe(46);
    expect(spanish[1]?.start).toBe(spanish[0]?.end);
    expect(spanish[1]?.end).toBe(62);
    expect(captions.at(-1)?.end).toBe(190);
    expectIncreasing(captions, "lighthouse");
  });

  it("keeps times strictly increasing when two things share a time, and estimates the end without a duration", () => {
    const captions = captionsOf(BULLETIN);
    expect(captions.map((c) => [c.passage.type, c.start])).toEqual([
      ["speech", 0],
      ["speech", 5],
      ["cue", 5.5],
      ["speech", 6],
    ]);
    expect(captions[1]?.end).toBe(5.5);
    expect(captions[0]?.end).toBe(5);
    expect(captions.at(-1)?.end).toBeGreaterThanOrEqual(7);
    expectIncreasing(captions, "bulletin");
    for (const caption of [...captions, ...captionsOf(LIGHTHOUSE)]) expect(caption.end - caption.start).toBeGreaterThanOrEqual(0.5);
  });

  it("breaks a sentence without punctuation at spaces, and leaves an over-long word whole", () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const pieces = splitText("(Singing) ", words);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[0]?.lead).toBe("(Singing) ");
    expect(pieces.slice(1).every((p) => p.lead === "")).toBe(true);
    expect(pieces.map((p) => p.text).join(" ")).toBe(words);
    const url = `https://example.org/${"a".repeat(80)}`;
    const captions = captionsOf({ blocks: renderTranscript(`[0:01] ANA LIND, HOST: See ${url} for more.`).summary.blocks });
    expect(captions.flatMap((c) => c.lines)).toContain(url);
  });

  it("holds for any paragraphs and times: two lines of 65 at most, words kept, times increasing", () => {
    const word = fc.stringMatching(/^[a-zA-Z]{1,14}[.,;]?$/u);
    const paragraph = fc.array(word, { minLength: 1, maxLength: 80 }).map((w) => w.join(" "));
    const time = fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(fc.tuple(time, paragraph), { minLength: 1, maxLength: 8 }), fc.option(fc.integer({ min: 0, max: 900 })), (items, duration) => {
        const body = items.map(([t, text], i) => `${t === undefined ? "" : `[${Math.floor(t / 60)}:${String(t % 60).padStart(2, "0")}] `}${i === 0 ? "ANA LIND, HOST: " : ""}${text}`).join("\n\n");
        const blocks = renderTranscript(body).summary.blocks;
        const captions = captionsOf({ blocks, ...(duration === null ? {} : { duration: { seconds: duration, iso: "", text: "" } }) });
        for (const caption of captions) {
          expect(caption.lines.length).toBeLessThanOrEqual(2);
          for (const line of caption.lines) expect(line.length).toBeLessThanOrEqual(MAX_LINE);
          expect(caption.lines.join(" ")).toBe(caption.lead + caption.text);
        }
        expect(captions.map((c) => c.text).join(" ")).toBe(items.map(([, text]) => text).join(" "));
        expectIncreasing(captions, "generated");
      }),
      { numRuns: 150 },
    );
  });
});

describe("WebVTT", () => {
  const vtt = write("vtt", LIGHTHOUSE);
  const { header, notes, captions } = readVtt(vtt);

  it("has a header with the title, LF endings, and the copyright in a NOTE", () => {
    expect(header).toBe("WEBVTT - Night Shift at the Lighthouse");
    expect(vtt).not.toContain("\r");
    expect(vtt.endsWith("\n")).toBe(true);
    expect(notes).toEqual(["NOTE © 2026 Harbor Hours Radio"]);
  });

  it("gives every caption of speech its speaker's voice, and none to sounds and notes", () => {
    expect(captions.length).toBe(captionsOf(LIGHTHOUSE).length);
    for (const [i, caption] of captionsOf(LIGHTHOUSE).entries()) {
      const payload = captions[i]?.lines.join("\n") ?? "";
      const name = caption.passage.type === "speech" ? caption.passage.speaker?.name : undefined;
      if (name) expect(payload.startsWith(`<v ${name}>`), payload).toBe(true);
      else expect(payload).not.toMatch(/<v[ .>]/u);
    }
    const speech = captions.filter((c) => c.lines[0]?.startsWith("<v "));
    expect(speech.length).toBe(captions.length - 2);
    expect(captions.map((c) => c.lines.join("\n"))).toContain("(Soundbite of archived radio broadcast)");
    expect(captions.map((c) => c.lines.join(" "))).toContain("[Post-broadcast correction: An earlier version of this story gave the wrong number of steps.]");
    expect(vtt).not.toContain("The last keeper");
  });

  it("escapes & and < in speech, and puts Spanish in a lang span after the manner", () => {
    expect(vtt).toContain("<v Selma Arnaut>Good evening. Tonight: light, salt &amp; the people who keep watch.");
    expect(vtt).toContain("Keepers &lt; machines, the memo said.");
    expect(vtt).toContain("<v Tomas Lindqvist>(Speaking Spanish) <lang es>Cada noche subía las escaleras.</lang>\n");
    expect(vtt).toContain("<v Tomas Lindqvist><lang es>Y cada mañana bajaba.</lang>\n");
    for (const caption of captions) {
      for (const line of caption.lines) expect(line.replace(/<\/?(v|lang)\b[^>]*>/gu, "")).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/u);
    }
  });

  it("writes an unvoiced introduction, and times that increase, on every timed story", () => {
    for (const [name, s] of TIMED_STORIES) {
      const read = readVtt(write("vtt", s));
      expectIncreasing(read.captions, name);
      for (const caption of read.captions) {
        expect(caption.lines.length).toBeLessThanOrEqual(2);
        for (const line of caption.lines) expect(shown(line).length, line).toBeLessThanOrEqual(MAX_LINE);
      }
    }
    const bulletin = readVtt(write("vtt", BULLETIN));
    expect(bulletin.captions[0]?.lines).toEqual(["From the harbor, this is the morning bulletin."]);
    expect(bulletin.captions[1]?.lines).toEqual(["<v Pietro Vale>Ferries run late today."]);
    expect(bulletin.captions[2]?.lines).toEqual(["(Laughter)"]);
    expect(bulletin.notes).toEqual([]);
  });
});

describe("SRT", () => {
  const srt = write("srt", LIGHTHOUSE);
  const captions = readSrt(srt);

  it("numbers captions from 1, with comma times and CRLF line endings", () => {
    expect(captions.map((c) => c.number)).toEqual(captions.map((_, i) => String(i + 1)));
    expect(srt.replace(/\r\n/gu, "")).not.toMatch(/[\r\n]/u);
    expect(srt.endsWith("\r\n")).toBe(true);
    expectIncreasing(captions, "srt");
    expect(captions.at(-1)?.end).toBe(190);
  });

  it("names the speaker on the first caption of each turn only, and writes no tags", () => {
    const starts = (name: string) => captions.filter((c) => c.lines.join(" ").startsWith(`${name}: `)).length;
    expect(starts("Selma Arnaut")).toBe(2);
    expect(starts("Sena Okafor")).toBe(2);
    expect(starts("Tomas Lindqvist")).toBe(1);
    expect(starts("Unidentified announcer")).toBe(1);
    const okafor = captions.findIndex((c) => c.lines.join(" ").startsWith("Sena Okafor: The lamp room"));
    expect(okafor).toBeGreaterThan(0);
    expect(captions[okafor + 1]?.lines.join(" ")).not.toContain(":");
    expect(captions[okafor + 1]?.lines.join(" ")).toMatch(/^[a-z]/u);
    const texts = captions.map((c) => c.lines.join(" "));
    expect(texts).toContain("Tomas Lindqvist: (Speaking Spanish) Cada noche subía las escaleras.");
    expect(texts).toContain("Sena Okafor: That was 1987. Keepers < machines, the memo said.");
    expect(texts).toContain("Selma Arnaut: Good evening. Tonight: light, salt & the people who keep watch.");
    expect(srt).not.toMatch(/<v |<lang|&amp;|&lt;/u);
    for (const caption of captions) for (const line of caption.lines) expect(line.length).toBeLessThanOrEqual(MAX_LINE);
  });
});

describe("Podcasting 2.0 JSON", () => {
  it("writes a segment per caption with times, type, role, language, manner and tape", () => {
    const json = JSON.parse(write("json", LIGHTHOUSE)) as JsonTranscript;
    expect(json.version).toBe("1.0.0");
    const speech = json.segments.filter((s) => s.type === "speech");
    expect(speech.length).toBe(captionsOf(LIGHTHOUSE).filter((c) => c.passage.type === "speech").length);
    expect(json.segments[0]).toEqual({
      speaker: "Selma Arnaut", startTime: 2, endTime: 9, body: "Good evening. Tonight: light, salt & the people who keep watch.",
      type: "speech", role: "host", roleKind: "host",
    });
    expect(json.segments.find((s) => s.type === "cue")).toEqual({
      startTime: 31, endTime: 33, body: "(Soundbite of archived radio broadcast)", type: "cue", cue: "soundbite", tape: true,
    });
    expect(json.segments.find((s) => s.speaker === "Unidentified announcer")).toMatchObject({ tape: true, roleKind: "other" });
    expect(json.segments.find((s) => s.speaker === "Sena Okafor" && s.body.startsWith("That was"))).not.toHaveProperty("tape");
    expect(json.segments.find((s) => s.speaker === "Sena Okafor")).toMatchObject({ role: "reporter", roleKind: "byline" });
    expect(json.segments.find((s) => s.type === "heading")).toEqual({ startTime: 45, endTime: 45, body: "The last keeper", type: "heading" });
    expect(json.segments.filter((s) => s.language === "es")).toEqual([
      expect.objectContaining({ speaker: "Tomas Lindqvist", role: "keeper", manner: "Speaking Spanish", body: "Cada noche subía las escaleras.", startTime: 46 }),
      expect.objectContaining({ speaker: "Tomas Lindqvist", manner: "Speaking Spanish", body: "Y cada mañana bajaba.", endTime: 62 }),
    ]);
    expect(json.segments.find((s) => s.type === "note")?.body).toMatch(/^\[Post-broadcast correction:/u);
    let previous = 0;
    for (const s of json.segments) {
      expect(s.startTime).toBeGreaterThanOrEqual(previous);
      expect(s.endTime).toBeGreaterThanOrEqual(s.startTime ?? Infinity);
      expect(Math.round((s.startTime ?? 0) * 1000) / 1000).toBe(s.startTime);
      previous = s.endTime ?? Infinity;
    }
  });

  it("writes, for every sample story with times, JSON the importer's schema accepts whole (no field it would drop)", () => {
    const stories = loadSite(projectPaths(path.resolve(import.meta.dirname, ".."))).stories.filter((s) => s.timed);
    expect(stories.length).toBeGreaterThan(0);
    for (const sample of stories) {
      const json: unknown = JSON.parse(write("json", sample));
      const parsed = podcasting20Transcript.safeParse(json);
      expect(parsed.error?.issues, sample.file).toBeUndefined();
      expect(parsed.data, sample.file).toEqual(json);
    }
  });

  it("gives every segment a startTime and an endTime, as the spec asks (only timed stories are exported as JSON)", () => {
    const json = JSON.parse(write("json", LIGHTHOUSE)) as JsonTranscript;
    for (const s of json.segments) {
      expect(typeof s.startTime, s.body).toBe("number");
      expect(typeof s.endTime, s.body).toBe("number");
    }
  });
});

describe("plain text", () => {
  it("reads as a transcript: title, labelled turns, cues and headings on their own lines, copyright", () => {
    expect(write("txt", UNTIMED)).toBe(
      [
        "Letters Home",
        "Letters from the harbor, read aloud.",
        "Hanna Berg, host: This week, a letter from 1952.",
        "(Soundbite of music)",
        "Jonas Strand: (Reading) Dear Hanna, the boats are in & the nets are full.",
        "The winter was long.",
        "Replies",
        "Jonas Strand: We wrote back.",
        "© 2026 Harbor Hours Radio",
      ].join("\n\n") + "\n",
    );
  });

  it("puts the time before each turn of a timed story, with the full label on a speaker's first turn", () => {
    const text = write("txt", LIGHTHOUSE);
    const lines = text.split("\n").filter(Boolean);
    expect(text).not.toContain("\r");
    expect(lines[0]).toBe("Night Shift at the Lighthouse");
    expect(lines[1]).toBe("[0:02] Selma Arnaut, host: Good evening. Tonight: light, salt & the people who keep watch.");
    expect(lines[2]).toBe(`[0:09] Sena Okafor, reporter: ${LONG}`);
    expect(lines).toContain("[0:38] Sena Okafor: That was 1987. Keepers < machines, the memo said.");
    expect(lines).toContain("[0:46] Tomas Lindqvist, keeper: (Speaking Spanish) Cada noche subía las escaleras.");
    expect(lines).toContain("Y cada mañana bajaba.");
    expect(lines).toContain("The last keeper");
    expect(lines).toContain("[1:02] Selma Arnaut: And the light still turns. (Laughter)");
    expect(lines.at(-1)).toBe("© 2026 Harbor Hours Radio");
    expect(write("txt", BULLETIN).split("\n").filter(Boolean)).toEqual([
      "Morning Bulletin",
      "From the harbor, this is the morning bulletin.",
      "[0:05] Pietro Vale, host: Ferries run late today.",
      "(Laughter)",
      "[0:06] Pietro Vale: Only a little late. <Honestly.>",
    ]);
  });
});

// Words a recogniser was unsure of are listed for the editor with the time to listen at: a run
// of doubtful words is one line, the threshold is configurable, and a noisy file lists the least
// certain passages and says how many more there are, so the list never buries the rest.

import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MIN_CONFIDENCE, lowConfidenceWarnings, MAX_LISTED } from "../src/interchange/confidence.ts";
import { importTranscript } from "../src/interchange/import.ts";
import { detectImporter } from "../src/interchange/importers/index.ts";
import type { ImportedTranscript, ImportedWord } from "../src/interchange/model.ts";
import { REPO } from "./helpers/build.ts";
import { runImport } from "./helpers/commands.ts";

const dir = path.join(import.meta.dirname, "fixtures", "import", "asr");

function read(name: string): ImportedTranscript {
  const source = { file: name, text: fs.readFileSync(path.join(dir, name), "utf8") };
  const importer = detectImporter(source);
  if (!importer) throw new Error(`${name} was not recognised`);
  return importer.read(source);
}

/** A transcript of one paragraph holding these words. */
function transcriptOf(words: ImportedWord[]): ImportedTranscript {
  return { format: "whisperx-json", meta: {}, warnings: [], blocks: [{ kind: "turn", paragraphs: [{ text: words.map((w) => w.text).join(" "), start: words[0]?.start, line: 1, words }] }] };
}

describe("low-confidence words", () => {
  it("lists each run of doubtful words once, with its time, its line and its confidence", () => {
    expect(lowConfidenceWarnings(read("whisperx-mercado.json"))).toEqual([
      { message: "The recogniser was unsure of 3 passages (word confidence below 0.5): listen at these times and correct the words.", review: true },
      { line: 15, message: '0:03.3 "Ortiz." (confidence 0.31)', review: true },
      { line: 27, message: '0:05.7 "Omar Haddad," (confidence 0.28–0.41)', review: true },
      { line: 65, message: '0:18.6 "Alcalá." (confidence 0.47)', review: true },
    ]);
  });

  it("defaults to 0.5, where the recogniser rates a word more likely wrong than right", () => {
    expect(DEFAULT_MIN_CONFIDENCE).toBe(0.5);
  });

  it("takes the threshold from the options: lower lists fewer, 0 lists none", () => {
    const t = read("whisperx-mercado.json");
    expect(lowConfidenceWarnings(t, 0.3).slice(1).map((w) => w.message)).toEqual(['0:06.1 "Haddad," (confidence 0.28)']);
    expect(lowConfidenceWarnings(t, 0)).toEqual([]);
    expect(lowConfidenceWarnings(t, 0.95).length).toBeGreaterThan(4);
  });

  it("lists nothing for a format without word confidence", () => {
    expect(lowConfidenceWarnings(read("whisper-segments-only.json"))).toEqual([]);
  });

  it("finds doubtful words in every service's confidence field", () => {
    const listed = (file: string) => lowConfidenceWarnings(read(file)).slice(1).map((w) => w.message);
    expect(listed("whisper-harbour.json")).toEqual(['0:03.3 "Inishmore" (confidence 0.38)', '0:15.6 "Niamh Ó Briain," (confidence 0.19–0.33)']);
    // whisper.cpp: the mean of the pieces "Kowal", "czyk", "." (0.21, 0.18, 0.98).
    expect(listed("whisper-cpp-studio.json")).toEqual(['0:02.2 "Kowalczyk." (confidence 0.45)']);
    expect(listed("assemblyai-marsh.json")).toEqual(['0:10.2 "here every" (confidence 0.38–0.42)', '0:26.4 "more" (confidence 0.29)']);
    expect(listed("deepgram-port.json")).toEqual(['0:08 "Saint-Malo" (confidence 0.36)', '0:14.2 "goélands." (confidence 0.44)', '0:18.3 "Presque." (confidence 0.21)']);
    expect(listed("revai-reservoir.json")).toEqual(['0:06.8 "had" (confidence 0.33)', '0:14.1 "Creek is" (confidence 0.28–0.31)']);
    expect(listed("aws-huerto.json")).toEqual(['0:13.7 "vacío" (confidence 0.41)', '0:14.4 "Lavapiés." (confidence 0.18)']);
  });

  it("gives the paragraph's time to a word without one", () => {
    const t = transcriptOf([{ text: "Hola", start: 4, end: 4.3, confidence: 0.9 }, { text: "1998.", confidence: 0.2 }]);
    expect(lowConfidenceWarnings(t)[1]?.message).toBe('0:04 "1998." (confidence 0.20)');
  });

  it("lists at most MAX_LISTED runs, the least certain, in time order, and counts the rest", () => {
    const words: ImportedWord[] = [];
    for (let i = 0; i < 50; i++) {
      words.push({ text: `doubt${i}`, start: i * 2, end: i * 2 + 0.5, confidence: (i % 10) / 20, line: i + 1 });
      words.push({ text: "sure", start: i * 2 + 1, end: i * 2 + 1.5, confidence: 0.99 });
    }
    const warnings = lowConfidenceWarnings(transcriptOf(words));
    expect(warnings).toHaveLength(MAX_LISTED + 2);
    expect(warnings[0]?.message).toMatch(/^The recogniser was unsure of 50 passages/u);
    const listed = warnings.slice(1, -1);
    // Confidences run 0, 0.05 … 0.45, five words each: the 20 least certain are those at 0–0.15.
    expect(listed.every((w) => /\(confidence 0\.(?:00|05|10|15)\)$/u.test(w.message))).toBe(true);
    const lines = listed.map((w) => w.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(warnings.at(-1)).toEqual({ message: "…and 30 more passages below 0.5, not listed (the 20 least certain are). Pass a lower --min-confidence to list only the least certain words.", review: true });
  });

  it("lists every doubtful word exactly once while the runs fit (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 120 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (scores, threshold) => {
        const words = scores.map((confidence, i) => ({ text: `w${i}`, start: i, end: i + 0.5, confidence }));
        const warnings = lowConfidenceWarnings(transcriptOf(words), threshold);
        // The runs of consecutive doubtful words, as the list should quote them.
        const groups: string[][] = [];
        words.forEach((w, i) => {
          if (w.confidence >= threshold) return;
          if (i > 0 && (words[i - 1]?.confidence ?? 1) < threshold) groups.at(-1)?.push(w.text);
          else groups.push([w.text]);
        });
        if (groups.length === 0) {
          expect(warnings).toEqual([]);
          return;
        }
        const quoted = warnings.slice(1).filter((w) => !w.message.startsWith("…")).map((w) => /"([^"]*)"/u.exec(w.message)?.[1]);
        expect(quoted).toHaveLength(Math.min(groups.length, MAX_LISTED));
        if (groups.length <= MAX_LISTED) expect(quoted).toEqual(groups.map((g) => (g.length > 8 ? `${g.slice(0, 8).join(" ")}…` : g.join(" "))));
        else expect(warnings.at(-1)?.message).toMatch(new RegExp(`^…and ${groups.length - MAX_LISTED} more passage`, "u"));
      }),
      { numRuns: 300 },
    );
  });

  it("shortens a long run of doubtful words", () => {
    const words = Array.from({ length: 12 }, (_, i) => ({ text: `w${i}`, start: i, end: i + 0.5, confidence: 0.1 }));
    expect(lowConfidenceWarnings(transcriptOf(words))[1]?.message).toBe('0:00 "w0 w1 w2 w3 w4 w5 w6 w7…" (confidence 0.10)');
  });
});

describe("the confidence step in an import", () => {
  const bytes = () => fs.readFileSync(path.join(dir, "whisperx-mercado.json"));

  it("writes the doubtful words into the story's Check before publishing notes", () => {
    const story = importTranscript(bytes(), "mercado.json", { show: "Test", today: "2026-12-01" });
    expect(story.story.text).toContain('#   source line 27: 0:05.7 "Omar Haddad," (confidence 0.28–0.41)\n');
  });

  it("follows minConfidence", () => {
    const story = importTranscript(bytes(), "mercado.json", { show: "Test", today: "2026-12-01", minConfidence: 0 });
    expect(story.story.text).not.toContain("confidence");
  });

  it("refuses a --min-confidence that is not a number from 0 to 1", async () => {
    for (const value of ["2", "high", ""]) {
      const run = await runImport([path.join(dir, "whisperx-mercado.json"), "--show", "T", "--dry-run", "--min-confidence", value], REPO);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^--min-confidence ".*" is not a number from 0 to 1/u);
    }
  });
});

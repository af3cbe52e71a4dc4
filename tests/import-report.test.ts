// The import command's summary per file never hides a loss: format, language and its source,
// speakers, turns, cues, and the speaker labels left inside speech, each a warning at its line.

import { describe, expect, it } from "vitest";
import { importTranscript } from "../src/interchange/import.ts";
import { describeResult } from "../src/interchange/import-report.ts";
import { ImportError } from "../src/interchange/model.ts";

const enc = (text: string) => new TextEncoder().encode(text);
const options = { show: "Test show", today: "2026-12-01" };

// A Podcasting 2.0 HTML fragment whose paragraph holds a second speaker's label: the HTML importer
// reads paragraphs as they are, so the label stays inside speech in the written story.
const HTML = `<cite>Dana Price:</cite><time>0:00</time><p>Good morning and welcome to the harbor show, where we talk about boats. OMAR HADDAD, BYLINE: Thanks, Dana, it is good to be here with you today.</p>
<cite>Omar Haddad:</cite><time>0:12</time><p>The ferry council met last night and voted to keep the night boats running all winter.</p>`;

function report(text: string, file: string): string {
  const imported = importTranscript(enc(text), file, options);
  return describeResult({ ok: true, input: file, output: `content/stories/${imported.slug}.md`, imported, replaced: false }, 0, 1);
}

describe("the import summary", () => {
  it("counts the labels left inside speech and gives each as a warning at its line in the story", () => {
    const imported = importTranscript(enc(HTML), "harbor.html", options);
    expect(imported.story.labelLike).toHaveLength(1);
    const out = report(HTML, "harbor.html");
    const [head] = out.split("\n");
    expect(head).toBe("harbor.html → content/stories/harbor.md  Podcasting 2.0 HTML · English (en, detected) · 2 speakers · 2 turns · 0 cues · timed · 1 label-like string left in speech");
    const line = imported.story.labelLike[0]!.line;
    expect(imported.story.text.split("\n")[line - 1]).toContain("OMAR HADDAD, BYLINE:");
    expect(out).toContain(`content/stories/harbor.md:${line}: warning: "OMAR HADDAD, BYLINE:" inside a paragraph looks like a speaker label`);
  });

  it("says 0 when nothing is left inside speech, and names a language it could not tell", () => {
    const out = report("1\n00:00:01,000 --> 00:00:02,000\nTravis: Yeah.\n", "short.srt");
    expect(out.split("\n")[0]).toMatch(/SubRip \(SRT\) · language unknown · 1 speaker · 1 turn · 0 cues · timed · 0 label-like strings left in speech$/u);
    expect(out).toMatch(/short\.srt: check: The file does not say its language/u);
  });

  it("a failed file is its error and fix", () => {
    const error = new ImportError("bad.json", 3, "The file is not valid JSON at line 3, column 1: x.", "correct the JSON there.");
    expect(describeResult({ ok: false, input: "bad.json", error }, 1, 4)).toBe("[2/4] bad.json:3: error: The file is not valid JSON at line 3, column 1: x.\n  fix: correct the JSON there.");
  });
});

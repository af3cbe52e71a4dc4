// Formats are recognised from the content, not the file name: every fixture is detected as its
// own format when it arrives under a misleading name, and no other importer claims it.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../src/interchange/decode.ts";
import { detectImporter, IMPORTERS } from "../src/interchange/importers/index.ts";
import { REPO } from "./helpers/build.ts";

const DIR = path.join(REPO, "tests", "fixtures", "import");

const CASES: Array<[string, string]> = [
  ["captions/riverside-market.vtt", "webvtt"],
  ["captions/mozilla-cycle-collector-talk.vtt", "webvtt"],
  ["captions/edge-wpt-cue-identifiers.vtt", "webvtt"],
  ["captions/riverside-unnumbered.srt", "srt"],
  ["captions/riverside-numbered-from-zero.srt", "srt"],
  ["captions/riverside-windows-1252.srt", "srt"],
  ["structured/podcastindex-spec-example.json", "podcasting20-json"],
  ["structured/podlove-podlovers-ep3-de.json", "podlove-json"],
  ["structured/podcastindex-buzzsprout-rookie-mistakes.html", "podcasting20-html"],
  ["structured/changelog-ship-it-13.md", "markdown"],
  ["npr/night-buses.txt", "npr-text"],
  ["npr/crlf.txt", "npr-text"],
];

describe("format detection from the content", () => {
  for (const [file, format] of CASES) {
    it(`${file} is ${format}, whatever it is called`, () => {
      const text = decodeBytes(fs.readFileSync(path.join(DIR, file))).text;
      expect(detectImporter({ file: "transcript.txt", text })?.format).toBe(format);
      // The order of importers matters only for ties; a file in a strict format is claimed by one
      // strict importer alone (NPR-style text, the catch-all, may claim more).
      const strict = IMPORTERS.filter((i) => i.format !== "npr-text" && i.detect({ file: "x", text })).map((i) => i.format);
      expect(strict).toEqual(format === "npr-text" ? [] : [format]);
    });
  }

  it("claims nothing for prose without transcript structure", () => {
    expect(detectImporter({ file: "notes.txt", text: "Some notes about the episode, with no labels at all.\n" })).toBeUndefined();
  });
});

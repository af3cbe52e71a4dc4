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
  ["asr-text/otter-harbour-pilots.txt", "otter-text"],
  ["asr-text/otter-orchard-crlf.txt", "otter-text"],
  ["asr-text/descript-night-market.txt", "descript-text"],
  ["asr-text/descript-voces-del-puerto-es.txt", "descript-text"],
  ["asr-text/descript-untimed.txt", "descript-text"],
  ["asr-text/descript-speaker-lines.txt", "descript-text"],
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

  it("does not take NPR-style text, with times or with old mixed-case labels, for a speech-recognition export", () => {
    const timed = "[0:03] DANA PRICE, HOST: Good morning.\n\n[0:09] OMAR HADDAD, BYLINE: Thanks, Dana.\n\n[0:15] PRICE: So.\n\n[0:20] HADDAD: Yes.\n";
    const old = "NEAL CONAN, host:\n\nWelcome.\n\nMr. BILL MOYERS (Author): Thank you.\n\nCONAN: And now.\n";
    for (const text of [timed, old]) {
      expect(IMPORTERS.filter((i) => i.detect({ file: "t.txt", text })).map((i) => i.format).filter((f) => f !== "npr-text")).toEqual([]);
    }
  });

  it("does not take prose with a time or a colon for a speech-recognition export", () => {
    const prose = "Meeting notes\n\nAgenda: budget, the ferry, the bridge.\n\nWe start at 5:30.\n\nAction items: Maya to call the council.\n";
    expect(detectImporter({ file: "notes.txt", text: prose })).toBeUndefined();
  });

  it("claims nothing for prose without transcript structure", () => {
    expect(detectImporter({ file: "notes.txt", text: "Some notes about the episode, with no labels at all.\n" })).toBeUndefined();
  });
});

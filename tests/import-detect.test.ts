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
  ["asr/whisperx-mercado.json", "whisperx-json"],
  ["asr/whisperx-truncated.json", "whisperx-json"],
  ["asr/whisper-harbour.json", "whisper-json"],
  ["asr/whisper-segments-only.json", "whisper-json"],
  ["asr/whisper-missing-start.json", "whisper-json"],
  ["asr/whisper-cpp-studio.json", "whisper-cpp-json"],
  ["asr/whisper-cpp-bad-offsets.json", "whisper-cpp-json"],
  ["asr/assemblyai-marsh.json", "assemblyai-json"],
  ["asr/assemblyai-truncated.json", "assemblyai-json"],
  ["asr/deepgram-port.json", "deepgram-json"],
  ["asr/deepgram-string-times.json", "deepgram-json"],
  ["asr/revai-reservoir.json", "revai-json"],
  ["asr/revai-missing-value.json", "revai-json"],
  ["asr/aws-huerto.json", "aws-transcribe-json"],
  ["asr/aws-bad-time.json", "aws-transcribe-json"],
  ["structured/words.json", "podcasting20-json"],
  ["structured/bad-syntax.json", "podcasting20-json"],
  ["structured/bad-schema.json", "podcasting20-json"],
  ["structured/podlove-wrapped.json", "podlove-json"],
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

  it("recognises every speech-recognition fixture minified, and when cut off at any point after its opening", () => {
    for (const [file, format] of CASES.filter(([f]) => f.startsWith("asr/") && !/truncated|missing|bad|string-times/u.test(f))) {
      const text = decodeBytes(fs.readFileSync(path.join(DIR, file))).text;
      const claims = (t: string) => IMPORTERS.filter((i) => i.format !== "npr-text" && i.detect({ file: "x", text: t })).map((i) => i.format);
      expect(claims(JSON.stringify(JSON.parse(text))), `${file} minified`).toEqual([format]);
      // A download cut off part-way is still recognised, so that the error says where it breaks.
      for (const cut of [0.5, 0.8, 0.95]) expect(claims(text.slice(0, Math.floor(text.length * cut))), `${file} cut at ${cut}`).toEqual([format]);
    }
  });

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

  it("leaves JSON cut off before any field says what it is to Podcasting 2.0 JSON, as before", () => {
    const text = '{\n  "version": "1.0.0",\n  "segments": [\n';
    expect(IMPORTERS.filter((i) => i.detect({ file: "x", text })).map((i) => i.format)).toEqual(["podcasting20-json"]);
  });

  it("claims nothing for prose without transcript structure", () => {
    expect(detectImporter({ file: "notes.txt", text: "Some notes about the episode, with no labels at all.\n" })).toBeUndefined();
  });
});

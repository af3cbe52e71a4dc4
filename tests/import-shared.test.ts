// Every real transcript in ../shared (samples and corpus) imports without a crash, keeps its
// speakers, and becomes a story the build accepts. `.ci/run` runs this through `npm test`.
// The folder sits beside the repository; VERBATIM_SHARED points elsewhere when it does not.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectInputs } from "../src/interchange/import-files.ts";
import { importTranscript } from "../src/interchange/import.ts";
import { parseStory } from "../src/story/story.ts";
import { REPO } from "./helpers/build.ts";

const SHARED = process.env.VERBATIM_SHARED ?? path.resolve(REPO, "..", "shared");
const FOLDERS = ["samples", "corpus"].map((f) => path.join(SHARED, f)).filter((f) => fs.existsSync(f));

/** Speakers each known file must yield, in order of first appearance. New files must yield some. */
const EXPECTED: Record<string, { format: string; speakers: string[] }> = {
  "samples/npr-mexico-cartels.txt": { format: "npr-text", speakers: ["Brian Mann", "Matthew Donahue", "Unidentified reporter", "Falko Ernst", "Cecilia Farfan-Mendez"] },
  "corpus/vtt/podcastindex-buzzsprout-trailer.vtt": { format: "webvtt", speakers: ["Sarah", "Gillian"] },
  "corpus/vtt/podcastindex-buzzsprout-rookie-mistakes-2024-01.vtt": { format: "webvtt", speakers: ["Travis", "Sarah", "Gilon"] },
  "corpus/vtt/mozilla-cycle-collector-talk.vtt": { format: "webvtt", speakers: ["Kyle Huey", "Chris Pearce"] },
  "corpus/vtt/edge-wpt-cue-identifiers.vtt": { format: "webvtt", speakers: [] },
  "corpus/srt/podcastindex-buzzsprout-rookie-mistakes.srt": { format: "srt", speakers: ["Travis", "Sarah", "Gilon"] },
};

const context = { settings: { title: "T", url: "https://example.org/", language: "en", description: "d", pathPrefix: "/" }, contentDir: "content", storiesDir: "content/stories" };

describe.skipIf(FOLDERS.length === 0)(`importing every transcript in ${SHARED}`, () => {
  const files = FOLDERS.length ? collectInputs(FOLDERS) : [];
  it("finds files to import", () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    const name = path.relative(SHARED, file).split(path.sep).join("/");
    it(name, () => {
      const imported = importTranscript(fs.readFileSync(file), file, { show: "Shared corpus", today: "2026-11-30" });
      const expected = EXPECTED[name];
      if (expected) {
        expect(imported.format).toBe(expected.format);
        expect(imported.story.speakers).toEqual(expected.speakers);
      } else {
        expect(imported.story.speakers.length).toBeGreaterThan(0);
      }
      // The written story is one the build accepts, with the words in it.
      const story = parseStory({ file: `content/stories/${imported.slug}.md`, raw: imported.story.text }, context);
      expect(story.speakers.map((s) => s.name)).toEqual(imported.story.speakers);
      expect(story.words).toBeGreaterThan(0);
    });
  }
});

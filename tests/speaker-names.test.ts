// Naming speakers once: diarisation labels become "Speaker 1", "Speaker 2"… in order of first
// speech, --speakers names them at import, the story declares what is left in front matter, and
// the build warns until each has a real name; renaming there needs no change to the body.

import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ImportError, type ImportedBlock, type ImportedTranscript } from "../src/interchange/model.ts";
import { parseSpeakerMapping, SpeakerMappingError } from "../src/interchange/speaker-mapping.ts";
import { nameSpeakers } from "../src/interchange/speaker-names.ts";
import { writeStoryFile } from "../src/interchange/writer/story-file.ts";
import { isPlaceholderName } from "../src/story/placeholder-speakers.ts";
import { parseStory } from "../src/story/story.ts";
import { makeProject, REPO } from "./helpers/build.ts";
import { runImport } from "./helpers/commands.ts";

const context = { settings: { title: "T", url: "https://example.org/", language: "en", description: "d", pathPrefix: "/" }, contentDir: "content", storiesDir: "content/stories" };
const FILE = "content/stories/diarised.md";

/** A diarised transcript as a speech-recognition importer gives it: one speaker object per segment. */
function diarised(labels: readonly string[]): ImportedTranscript {
  return {
    format: "whisperx-json",
    meta: {},
    warnings: [],
    blocks: labels.map((label, i): ImportedBlock => ({
      kind: "turn",
      speaker: { name: label, diarisation: label },
      paragraphs: [{ text: `Words number ${i + 1}.`, start: i * 4, line: i * 10 + 3 }],
    })),
  };
}

function names(t: ImportedTranscript): string[] {
  return t.blocks.flatMap((b) => (b.kind === "turn" && b.speaker ? [b.speaker.name] : []));
}

function write(t: ImportedTranscript): string {
  return writeStoryFile(t, { title: "Diarised", show: "Night Desk", date: "2026-12-01", source: "x.json", formatName: "WhisperX JSON" }).text;
}

describe("--speakers, read", () => {
  it("reads labels, names and roles, separated by semicolons or new lines, quotes trimmed", () => {
    expect(parseSpeakerMapping('SPEAKER_00=Maya Ortiz, host; SPEAKER_01=Omar Haddad\n"Speaker 3" = "Zoë Brontë", guest, by phone;')).toEqual([
      { key: "SPEAKER_00", name: "Maya Ortiz", role: "host" },
      { key: "SPEAKER_01", name: "Omar Haddad" },
      { key: "Speaker 3", name: "Zoë Brontë", role: "guest, by phone" },
    ]);
  });

  it.each([
    ["", "--speakers is empty."],
    ["SPEAKER_00 Maya Ortiz", 'The --speakers entry "SPEAKER_00 Maya Ortiz" has no "=".'],
    ["=Maya Ortiz", 'The --speakers entry "=Maya Ortiz" has no label before "=".'],
    ["SPEAKER_00=", 'The --speakers entry "SPEAKER_00=" gives SPEAKER_00 no name.'],
    ["A=Maya, host, B=Omar", undefined],
    ["A=Maya=Omar", 'The --speakers entry "A=Maya=Omar" has more than one "=".'],
    ["speaker_00=Maya; SPEAKER 00=Omar", '--speakers names SPEAKER 00 twice ("speaker_00=Maya" and "SPEAKER 00=Omar").'],
  ])("%j is refused with what is wrong and how to write it", (text, problem) => {
    if (problem === undefined) {
      // A comma starts the role, so a forgotten ";" shows as an odd role, not a lost entry.
      expect(parseSpeakerMapping(text)).toEqual([{ key: "A", name: "Maya", role: "host, B=Omar" }]);
      return;
    }
    let error: unknown;
    try {
      parseSpeakerMapping(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SpeakerMappingError);
    expect((error as SpeakerMappingError).problem).toBe(problem);
    expect((error as SpeakerMappingError).fix).toMatch(/SPEAKER_00=Maya Ortiz, host; SPEAKER_01=Omar Haddad|one entry for each label/u);
  });
});

describe("diarised voices are numbered once", () => {
  it("in order of first speech, whatever the labels", () => {
    const named = nameSpeakers(diarised(["SPEAKER_01", "SPEAKER_00", "SPEAKER_01", "SPEAKER_02", "SPEAKER_00"]), "x.json");
    expect(names(named)).toEqual(["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 3", "Speaker 2"]);
    const speakers = named.blocks.flatMap((b) => (b.kind === "turn" && b.speaker ? [b.speaker] : []));
    expect(speakers[0]).toEqual({ name: "Speaker 1", diarisation: "SPEAKER_01" });
    expect(names(nameSpeakers(diarised(["B", "A", "0", "spk_1"]), "x.json"))).toEqual(["Speaker 1", "Speaker 2", "Speaker 3", "Speaker 4"]);
  });

  it("never merges two labels nor splits one (generated label sequences)", () => {
    const LABELS = ["SPEAKER_00", "SPEAKER_01", "SPEAKER_02", "A", "B", "0", "1", "spk_0", "spk_1", "Speaker 2", "Speaker 5", "Unknown Speaker"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 30 }), (labels) => {
        const out = names(nameSpeakers(diarised(labels), "x.json"));
        const forward = new Map<string, string>();
        const backward = new Map<string, string>();
        labels.forEach((label, i) => {
          const name = out[i] ?? "";
          expect(forward.get(label) ?? name).toBe(name);
          expect(backward.get(name) ?? label).toBe(label);
          forward.set(label, name);
          backward.set(name, label);
          expect(isPlaceholderName(name)).toBe(true);
        });
        // "Speaker N" labels keep their number; the others take the free numbers in order of first speech.
        for (const [label, name] of forward) if (/^Speaker \d+$/u.test(label)) expect(name).toBe(label);
        const numbered = [...forward].filter(([label]) => !/^(Speaker \d+|Unknown Speaker)$/u.test(label)).map(([, name]) => Number(name.split(" ")[1]));
        expect(numbered).toEqual([...numbered].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps Otter's Speaker N, numbers other labels around it, and keeps Unknown Speaker apart", () => {
    expect(names(nameSpeakers(diarised(["SPEAKER_00", "Speaker 1", "Unknown Speaker", "SPEAKER_07"]), "x.txt"))).toEqual(["Speaker 2", "Speaker 1", "Unknown Speaker", "Speaker 3"]);
  });

  it("leaves named speakers alone", () => {
    const t = diarised(["SPEAKER_00"]);
    t.blocks.unshift({ kind: "turn", speaker: { name: "Maya Ortiz", role: "host" }, paragraphs: [{ text: "Hello." }] });
    expect(nameSpeakers(t, "x.json").blocks[0]).toMatchObject({ speaker: { name: "Maya Ortiz", role: "host" } });
  });
});

describe("--speakers names voices at import", () => {
  it("by raw label or by the placeholder, with a role", () => {
    const mapping = parseSpeakerMapping("SPEAKER_00=Maya Ortiz, host; Speaker 1=Omar Haddad");
    const named = nameSpeakers(diarised(["SPEAKER_01", "SPEAKER_00", "SPEAKER_01"]), "x.json", mapping);
    const speakers = named.blocks.flatMap((b) => (b.kind === "turn" && b.speaker ? [b.speaker] : []));
    expect(speakers.map((s) => [s.name, s.role ?? null])).toEqual([["Omar Haddad", null], ["Maya Ortiz", "host"], ["Omar Haddad", null]]);
    expect(named.warnings).toEqual([]);
  });

  it("refuses a label the file does not have, listing the ones it has", () => {
    let error: unknown;
    try {
      nameSpeakers(diarised(["SPEAKER_00", "SPEAKER_01"]), "talk.json", parseSpeakerMapping("SPEAKER_02=Maya Ortiz"));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problem).toBe('--speakers names "SPEAKER_02", but this file has no voice labelled so.');
    expect((error as ImportError).fix).toBe('use the labels the file has (the file\'s voices are SPEAKER_00 (Speaker 1), SPEAKER_01 (Speaker 2)), or leave "SPEAKER_02" out.');
  });

  it("asks for a check when two voices are given one name", () => {
    const named = nameSpeakers(diarised(["A", "B", "A"]), "x.json", parseSpeakerMapping("A=Maya Ortiz; B=Maya Ortiz"));
    expect(names(named)).toEqual(["Maya Ortiz", "Maya Ortiz", "Maya Ortiz"]);
    expect(named.warnings).toContainEqual(expect.objectContaining({ review: true, message: "A and B are both named Maya Ortiz, so their turns are now one speaker's. Check that they are the same person." }));
  });
});

describe("placeholders in a story", () => {
  const story = (raw: string) => parseStory({ file: FILE, raw }, context);

  it("import → story file → parseStory: declared in front matter, a build warning at each declaration", () => {
    const text = write(nameSpeakers(diarised(["SPEAKER_01", "SPEAKER_00", "SPEAKER_01"]), "x.json"));
    expect(text).toContain("speakers:\n  SPEAKER 1:\n    name: Speaker 1\n  SPEAKER 2:\n    name: Speaker 2\n---\n");
    expect(text).toContain("[0:00] SPEAKER 1: Words number 1.\n\n[0:04] SPEAKER 2: Words number 2.\n\n[0:08] SPEAKER 1: Words number 3.\n");
    const parsed = story(text);
    const line = (needle: string) => text.split("\n").indexOf(needle) + 1;
    expect(parsed.warnings).toEqual([
      { line: line("  SPEAKER 1:"), message: '"Speaker 1" is a placeholder from speech recognition, not a name, and readers would see it. Fix: give Speaker 1 a real name in the speakers: block (SPEAKER 1: { name: "Full Name" }); the transcript\'s labels stay as they are.' },
      { line: line("  SPEAKER 2:"), message: expect.stringContaining("give Speaker 2 a real name in the speakers: block") },
    ]);
    // No speaker page, no podcast:person for "Speaker 1": it is someone else in every story.
    expect(parsed.speakers.map((s) => [s.name, s.generic, s.url ?? null])).toEqual([["Speaker 1", true, null], ["Speaker 2", true, null]]);

    // The editor renames them in front matter only; the body is untouched.
    const renamed = text.replace("    name: Speaker 1\n", "    name: Maya Ortiz\n    role: host\n").replace("    name: Speaker 2\n", "    name: Omar Haddad\n");
    expect(renamed.split("---\n").at(-1)).toBe(text.split("---\n").at(-1));
    const after = story(renamed);
    expect(after.warnings).toEqual([]);
    expect(after.speakers.map((s) => [s.name, s.role ?? null, s.url ?? null])).toEqual([["Maya Ortiz", "host", "/speakers/maya-ortiz/"], ["Omar Haddad", null, "/speakers/omar-haddad/"]]);
    expect(after.blocks.map((b) => (b.kind === "turn" ? b.speaker.name : b.kind))).toEqual(["Maya Ortiz", "Omar Haddad", "Maya Ortiz"]);
  });

  it("warns for a placeholder label written by hand, undeclared, at the line it first speaks", () => {
    const parsed = story("---\ntitle: T\nshow: S\ndate: 2026-12-01\n---\nMAYA ORTIZ, HOST: Hello.\n\nSPEAKER 2: Hi.\n");
    expect(parsed.warnings).toEqual([{ line: 8, message: expect.stringContaining('"Speaker 2" is a placeholder from speech recognition') }]);
    expect(parsed.warnings[0]?.message).toContain('speakers: { "SPEAKER 2": { name: "Full Name" } }');
  });

  it("does not warn for real names that look a little like placeholders, nor for the notation's unnamed voices", () => {
    const parsed = story(
      "---\ntitle: T\nshow: S\ndate: 2026-12-01\nspeakers:\n  AL: { name: Al }\n---\nSPEAKER NANCY PELOSI: Order.\n\nUNIDENTIFIED SPEAKER: Yes.\n\nUNIDENTIFIED MAN #2: No.\n\nAL: Maybe.\n",
    );
    expect(parsed.warnings).toEqual([]);
  });

  it.each(["Speaker 1", "SPEAKER_00", "speaker_12", "spk_0", "spk 1", "Speaker A", "Unknown Speaker", "unknown", "0", "Participant 3"])("%s is a placeholder", (name) => {
    expect(isPlaceholderName(name)).toBe(true);
  });

  it.each(["Maya Ortiz", "Speaker Pelosi", "Speakers", "Al", "K", "Unidentified speaker", "Unidentified man #3", "Ana", "Li", "Crowd"])("%s is a name", (name) => {
    expect(isPlaceholderName(name)).toBe(false);
  });
});

describe("npm run import -- --speakers", () => {
  it("names the voices at import, and refuses a label the file lacks", async () => {
    const project = makeProject({ stories: [] });
    const file = path.join(REPO, "tests", "fixtures", "import", "asr-text", "otter-harbour-pilots.txt");
    const run = (args: string[]) => runImport([file, "--show", "Harbour Hours", ...args], project);

    const ok = await run(["--speakers", "Speaker 3=Ines Park, deckhand; Unknown Speaker=Crew"]);
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("otter-harbour-pilots.txt → content/stories/otter-harbour-pilots.md  Otter.ai text · English (en, detected) · 4 speakers");
    expect(ok.stdout).toContain("speakers: Maya Ortiz, Omar Haddad, Ines Park, Crew");
    const written = fs.readFileSync(path.join(project, "content", "stories", "otter-harbour-pilots.md"), "utf8");
    expect(written).toContain("[0:38] INES PARK, DECKHAND: Boat's ready when you are.");
    expect(written).not.toMatch(/Speaker 3|Unknown Speaker/u);

    const bad = await run(["--speakers", "SPEAKER_00=Maya Ortiz", "--dry-run"]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('error: --speakers names "SPEAKER_00", but this file has no voice labelled so.');
    expect(bad.stdout).toContain("fix: use the labels the file has (the file's voices are Maya Ortiz, Omar Haddad, Speaker 3, Unknown Speaker)");
    expect(bad.stdout).not.toMatch(/\n\s+at /u);
  });
});

// Round trip: import(export(story)) keeps the speakers, the turns, the cue types and the times.
// Property tests over generated timed stories, through each timed export format and JSON.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMATS, type ExportFormatId } from "../src/interchange/exporters/index.ts";
import { importTranscript } from "../src/interchange/import.ts";
import { splitFrontMatter } from "../src/story/front-matter.ts";
import { parseStory } from "../src/story/story.ts";
import { validateFrontMatter } from "../src/story/schema.ts";
import { renderTranscript, type TranscriptBlock } from "../src/transcript/index.ts";
import { formatTimestamp } from "../src/transcript/times.ts";

const PEOPLE = [
  { label: "KIRA ODUYA, HOST", name: "Kira Oduya" },
  { label: "TOMAS REYES, BYLINE", name: "Tomas Reyes" },
  { label: "ANA LUCIA FERREIRA, BAKER", name: "Ana Lucia Ferreira" },
  { label: "UNIDENTIFIED MAN #2", name: "Unidentified man #2" },
  { label: "DEV O'BRIEN", name: "Dev O'Brien" },
];
const CUES = ["LAUGHTER", "APPLAUSE", "SOUNDBITE OF MUSIC", "SOUNDBITE OF ARCHIVED BROADCAST", "CROSSTALK"];
const WORDS = ["harbour", "lights", "ferry", "night", "council", "bread", "oven", "river", "we", "said", "never", "again", "winter", "market", "Okafor's", "5", "percent", "it's"];

type Item = { kind: "turn"; who: number; paragraphs: string[] } | { kind: "cue"; cue: number };

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 16 })
  .chain((words) => fc.constantFrom(".", "?", "!").map((end) => `${words.join(" ").replace(/^./u, (c) => c.toUpperCase())}${end}`));
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(" "));
const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("turn" as const), who: fc.nat(PEOPLE.length - 1), paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cue" as const), cue: fc.nat(CUES.length - 1) }) },
);

/** Items → a timed story body. Consecutive turns by one voice are one turn, so they are joined. */
function storyText(items: Item[], gaps: number[]): string {
  const merged: Item[] = [];
  for (const it of items) {
    const last = merged.at(-1);
    if (it.kind === "turn" && last?.kind === "turn" && last.who === it.who) last.paragraphs.push(...it.paragraphs);
    else merged.push(it.kind === "turn" ? { ...it, paragraphs: [...it.paragraphs] } : it);
  }
  let t = 0;
  let g = 0;
  const next = () => {
    t += 2 + (gaps[g++ % gaps.length] ?? 0);
    return `[${formatTimestamp(t)}] `;
  };
  const seen = new Set<number>();
  const lines: string[] = [];
  for (const it of merged) {
    if (it.kind === "cue") {
      lines.push(`${next()}(${CUES[it.cue]})`);
      continue;
    }
    const person = PEOPLE[it.who]!;
    const label = seen.has(it.who) ? person.label.replace(/, .*$/u, "") : person.label;
    seen.add(it.who);
    it.paragraphs.forEach((p, i) => lines.push(`${next()}${i === 0 ? `${label}: ` : ""}${p}`));
  }
  const front = `---\ntitle: Round trip\nshow: Night Desk\ndate: 2026-11-30\nduration: "${formatTimestamp(t + 30).replace(/\.\d+$/u, "")}"\n---\n`;
  return `${front}${lines.join("\n\n")}\n`;
}

const context = { settings: { title: "T", url: "https://example.org/", language: "en", description: "d", pathPrefix: "/" }, contentDir: "content", storiesDir: "content/stories" };

/** What must survive: who speaks when, the words, and the cues between. */
type Essential = { turn: string; start?: number; words: string } | { cue: string; start?: number };
function essentials(blocks: TranscriptBlock[]): Essential[] {
  return blocks.flatMap((b): Essential[] => {
    if (b.kind === "turn") return [{ turn: b.speaker.name, start: b.start, words: b.paragraphs.map((p) => p.text).join(" ") }];
    if (b.kind === "cue") return [{ cue: b.cue.type, start: b.start }];
    return [];
  });
}

function roundTrip(text: string, format: ExportFormatId) {
  const story = parseStory({ file: "content/stories/round-trip.md", raw: text }, context);
  const exporter = EXPORT_FORMATS.find((f) => f.id === format)!;
  const exported = exporter.write(story);
  const imported = importTranscript(new TextEncoder().encode(exported), `round-trip.${format}`, { show: "Night Desk", today: "2026-11-30" });
  const split = splitFrontMatter("x.md", imported.story.text);
  const meta = validateFrontMatter("x.md", split);
  const back = renderTranscript(split.body, { speakers: meta.speakers, lineOffset: split.bodyOffset }).summary;
  return { before: essentials(story.blocks), after: essentials(back.blocks), story, back, exported };
}

const stories = fc.tuple(fc.array(item, { minLength: 1, maxLength: 14 }), fc.array(fc.integer({ min: 0, max: 40_000 }).map((ms) => ms / 1000), { minLength: 1, maxLength: 8 }));

describe("import(export(story)) keeps speakers, turns, cue types and times", () => {
  for (const format of ["vtt", "srt", "json"] as const) {
    it(`through ${format}`, () => {
      fc.assert(
        fc.property(stories, ([items, gaps]) => {
          const { before, after } = roundTrip(storyText(items, gaps), format);
          expect(after).toEqual(before);
        }),
        { numRuns: 60 },
      );
    });
  }

  it("keeps roles and languages through JSON", () => {
    const text = `---\ntitle: Roles\nshow: Night Desk\ndate: 2026-11-30\n---\n[0:01] KIRA ODUYA, HOST: Hello.\n\n[0:03] ANA LUCIA FERREIRA, BAKER: (Speaking Spanish) Hola.\n\n[0:06] (SOUNDBITE OF ARCHIVED BROADCAST)\n\n[0:08] UNIDENTIFIED REPORTER: From the archive.\n\n[0:12] ODUYA: Back to us.\n`;
    const { back } = roundTrip(text, "json");
    expect(back.speakers.map((s) => [s.name, s.role ?? null])).toEqual([["Kira Oduya", "host"], ["Ana Lucia Ferreira", "baker"], ["Unidentified reporter", null]]);
    const spanish = back.blocks.find((b) => b.kind === "turn" && b.speaker.name === "Ana Lucia Ferreira");
    expect(spanish?.kind === "turn" && spanish.lang).toBe("es");
  });
});

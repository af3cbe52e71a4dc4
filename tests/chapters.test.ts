// Chapters from one source (issue 15): the chapter list a story's timed headings make, its errors
// (file and line), and each format written from it: JSON Chapters 1.2 (against the spec's
// required fields), the WebVTT chapters track, and the feed's podcast:chapters and psc:chapters.

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chapterElements } from "../src/feeds/chapters.ts";
import { renderFeed } from "../src/feeds/rss.ts";
import { CHAPTERS_JSON_MIME, writeChaptersJson } from "../src/interchange/exporters/chapters-json.ts";
import { writeChaptersVtt } from "../src/interchange/exporters/chapters-vtt.ts";
import { OPENING_CHAPTER_TITLE, publishChapters, type PublishedChapter } from "../src/story/chapters.ts";
import { InputError } from "../src/story/errors.ts";
import { parseSettings } from "../src/story/settings.ts";
import { parseStory, type Story, type StoryContext } from "../src/story/story.ts";
import { parseTimestamp } from "../src/transcript/times.ts";

const settings = parseSettings("site.json", { title: "T", url: "https://example.org/radio/", language: "en", description: "D" });
const context: StoryContext = { settings, contentDir: "content", storiesDir: "content/stories" };
const FILE = "content/stories/ferry.md";
const FRONT = "title: The Ferry\nshow: Night Desk\ndate: 2026-03-14\naudio: ferry.mp3";

// Front matter is lines 2–5 (plus extras); the body starts on the line after the closing "---".
function story(body: string, extra = ""): Story {
  return parseStory({ file: FILE, raw: `---\n${FRONT}${extra ? `\n${extra}` : ""}\n---\n${body}\n` }, context);
}

function problem(body: string, extra = ""): InputError {
  try {
    story(body, extra);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError");
}

/** A body whose headings start at the given times ("" for a heading without one); line 7 is the first heading. */
function body(...times: string[]): string {
  return times.map((t, i) => `## ${t ? `[${t}] ` : ""}Part ${i + 1}\n\n${t ? `[${t}] ` : ""}FERRY HOST, HOST: Words ${i + 1}.`).join("\n\n");
}

describe("the chapter list", () => {
  it("adds an opening chapter at 0:00 when the first heading starts later", () => {
    const s = story(body("1:00", "2:30.5"));
    expect(s.chapters.map(({ title, start, id, line }) => ({ title, start, id, line }))).toEqual([
      { title: OPENING_CHAPTER_TITLE, start: 0, id: undefined, line: undefined },
      { title: "Part 1", start: 60, id: "v-seg-part-1", line: 7 },
      { title: "Part 2", start: 150.5, id: "v-seg-part-2", line: 11 },
    ]);
  });

  it("adds none when a heading starts at 0:00", () => {
    expect(story(body("0:00", "1:00")).chapters.map((c) => c.title)).toEqual(["Part 1", "Part 2"]);
  });

  it("is empty without timed headings, and the transcript keeps its own contents list", () => {
    const s = story(body("", ""));
    expect(s.chapters).toEqual([]);
    expect(s.html).toContain('<nav class="v-contents" aria-label="Segments">');
  });

  it("leaves the contents list to the page when headings carry times", () => {
    expect(story(body("0:00", "1:00")).html).not.toContain("v-contents");
  });

  it("stops at a heading out of time order, with its line", () => {
    const e = problem(body("1:00", "2:00", "1:30"));
    expect(e.line).toBe(15);
    expect(e.message).toContain(`${FILE}:15: The heading "Part 3" starts at 1:30, before the heading "Part 2" (line 11, 2:00)`);
    expect(e.fix).toMatch(/correct one of the two times/u);
  });

  it("stops at two headings at the same time", () => {
    const e = problem(body("1:00", "1:00"));
    expect(e.line).toBe(11);
    expect(e.problem).toContain("the same time as");
  });

  it("stops at a heading past the audio's duration, with its line and the duration's", () => {
    const e = problem(body("1:00", "6:10"), 'duration: "5:58"');
    expect(e.line).toBe(12);
    expect(e.problem).toBe('The heading "Part 2" starts at 6:10, after the end of the audio (duration 5:58, line 6).');
    // At the very end is not past it.
    expect(story(body("1:00", "5:58"), 'duration: "5:58"').chapters).toHaveLength(3);
  });

  it("stops at a heading without a time among timed ones", () => {
    const e = problem(body("1:00", ""));
    expect(e.line).toBe(11);
    expect(e.message).toContain('The heading "Part 2" has no time, but other headings do');
    expect(e.fix).toContain("## [4:16] Part 2");
  });
});

describe("front matter chapters", () => {
  const entry = (key: string, fields: string) => `chapters:\n  ${key}:\n${fields}`;

  it("puts a url and an image on the chapter it names, the opening one included", () => {
    const s = story(body("1:00", "2:00"), `${entry("Part 2", '    url: https://example.org/part-2\n    image:\n      file: pear.png\n      alt: "A pear"')}\n  Opening:\n    url: https://example.org/start`);
    expect(s.chapters[0]).toMatchObject({ title: "Opening", url: "https://example.org/start" });
    expect(s.chapters[2]).toMatchObject({ title: "Part 2", url: "https://example.org/part-2", image: { file: "content/stories/pear.png", alt: "A pear" }, entryLine: 7 });
    expect(s.chapters[1]?.url).toBeUndefined();
  });

  it("writes a url as a URL parser does: quotes and spaces percent-encoded", () => {
    const s = story(body("1:00"), entry("Part 1", `    url: 'https://Example.org/a b/"x"'`));
    expect(s.chapters[1]?.url).toBe("https://example.org/a%20b/%22x%22");
  });

  it("stops at an entry that names no chapter, listing the titles", () => {
    const e = problem(body("1:00"), entry("Part Two", "    url: https://example.org/"));
    expect(e.line).toBe(7);
    expect(e.problem).toBe('The chapters entry "Part Two" names no chapter.');
    expect(e.fix).toContain('"Opening", "Part 1"');
  });

  it("stops at an entry when no heading carries a time", () => {
    const e = problem(body(""), entry("Part 1", "    url: https://example.org/"));
    expect(e.line).toBe(7);
    expect(e.problem).toContain("no heading in the transcript carries a time");
  });

  it("stops at a chapter image without alt text, at its line", () => {
    const e = problem(body("1:00"), entry("Part 1", "    image:\n      file: pear.png"));
    expect(e.line).toBe(8);
    expect(e.problem).toBe('The image pear.png of the chapter "Part 1" has no alt text.');
    expect(e.fix).toContain("image: { file: pear.png");
  });

  it("stops at a url that is not a web address, at its line", () => {
    const e = problem(body("1:00"), entry("Part 1", "    url: javascript:alert(1)"));
    expect(e.line).toBe(8);
    expect(e.problem).toBe('The url of the chapter "Part 1" "javascript:alert(1)" is not a web address starting with https:// or http://.');
  });

  it("stops at an unknown key in an entry", () => {
    const e = problem(body("1:00"), entry("Part 1", "    link: https://example.org/"));
    expect(e.problem).toMatch(/^Unknown .*"link"/u);
  });
});

const CHAPTERS: PublishedChapter[] = [
  { title: "Opening", start: 0, end: 41.3 },
  { title: "Hortense & <Auguste>", start: 41.3, end: 180.2, url: "https://example.org/h?a=1&b=2", img: "https://example.org/radio/images/c-1400.jpg" },
  { title: "The end", start: 180.2, end: 358 },
];

describe("publishChapters", () => {
  it("ends each chapter where the next starts, and the last at the audio's end", () => {
    const s = story(body("1:00", "2:00"));
    expect(publishChapters(s.chapters, 150, () => undefined).map((c) => [c.start, c.end])).toEqual([[0, 60], [60, 120], [120, 150]]);
    // An end before the last start (a duration shorter than the timing says) is not written.
    expect(publishChapters(s.chapters, 100, () => undefined).at(-1)?.end).toBe(120);
  });
});

// The spec's required fields (JSON Chapters format 1.2): version and chapters; each chapter's startTime.
const jsonChaptersSpec = z.object({
  version: z.string(),
  chapters: z.array(
    z.object({
      startTime: z.number().nonnegative(),
      endTime: z.number().optional(),
      title: z.string().optional(),
      img: z.string().url().optional(),
      url: z.string().url().optional(),
      toc: z.boolean().optional(),
    }),
  ),
  title: z.string().optional(),
  podcastName: z.string().optional(),
});

describe("JSON Chapters", () => {
  it("has the spec's required fields, chapters in ascending order, and the optional ones it knows", () => {
    const parsed = jsonChaptersSpec.parse(JSON.parse(writeChaptersJson({ title: "The Ferry", podcastName: "Night Desk" }, CHAPTERS)));
    expect(parsed.version).toBe("1.2.0");
    const starts = parsed.chapters.map((c) => c.startTime);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(parsed.chapters[1]).toEqual({ startTime: 41.3, endTime: 180.2, title: "Hortense & <Auguste>", url: "https://example.org/h?a=1&b=2", img: "https://example.org/radio/images/c-1400.jpg" });
    expect(parsed.chapters[0]).toEqual({ startTime: 0, endTime: 41.3, title: "Opening" });
  });

  it("a test of the test: the schema rejects a chapter without startTime", () => {
    expect(jsonChaptersSpec.safeParse({ version: "1.2.0", chapters: [{ title: "x" }] }).success).toBe(false);
  });
});

describe("WebVTT chapters", () => {
  it("has one cue a chapter, from its start to its end, the title escaped", () => {
    const vtt = writeChaptersVtt("The Ferry", CHAPTERS);
    expect(vtt.startsWith("WEBVTT - The Ferry\n\n")).toBe(true);
    expect(vtt.endsWith("The end\n")).toBe(true);
    const cues = vtt.trimEnd().split("\n\n").slice(1).filter(Boolean).map((block) => block.split("\n"));
    expect(cues).toEqual([
      ["chapter-1", "00:00:00.000 --> 00:00:41.300", "Opening"],
      ["chapter-2", "00:00:41.300 --> 00:03:00.200", "Hortense &amp; &lt;Auguste&gt;"],
      ["chapter-3", "00:03:00.200 --> 00:05:58.000", "The end"],
    ]);
  });
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseAttributeValue: false, isArray: (name) => ["item", "psc:chapter"].includes(name) });

describe("chapters in the feed", () => {
  const withChapters = story(body("1:00", "2:00"));
  const without = parseStory({ file: "content/stories/plain.md", raw: `---\n${FRONT}\n---\nFERRY HOST, HOST: Hello.\n` }, context);
  const feedOf = (stories: Story[], chapters?: (s: Story) => { jsonUrl: string; chapters: PublishedChapter[] } | undefined) =>
    renderFeed({ show: withChapters.show, stories, settings, ...(chapters ? { chapters } : {}) });

  it("links the JSON file and lists the chapters as Podlove Simple Chapters", () => {
    const feed = feedOf([withChapters], (s) => (s === withChapters ? { jsonUrl: "https://example.org/radio/stories/ferry/chapters.json", chapters: CHAPTERS } : undefined));
    expect(XMLValidator.validate(feed)).toBe(true);
    const rss = xml.parse(feed).rss;
    expect(rss["@_xmlns:psc"]).toBe("http://podlove.org/simple-chapters");
    const item = rss.channel.item[0];
    expect(item["podcast:chapters"]).toEqual({ "@_url": "https://example.org/radio/stories/ferry/chapters.json", "@_type": CHAPTERS_JSON_MIME });
    expect(item["psc:chapters"]["@_version"]).toBe("1.2");
    const psc = item["psc:chapters"]["psc:chapter"] as Array<Record<string, string>>;
    expect(psc.map((c) => c["@_start"])).toEqual(["00:00:00.000", "00:00:41.300", "00:03:00.200"]);
    expect(psc[1]).toEqual({ "@_start": "00:00:41.300", "@_title": "Hortense & <Auguste>", "@_href": "https://example.org/h?a=1&b=2", "@_image": "https://example.org/radio/images/c-1400.jpg" });
    expect(feed).toContain('title="Hortense &amp; &lt;Auguste&gt;"');
    // Normal play time reads back to the chapter's start.
    expect(psc.map((c) => parseTimestamp(String(c["@_start"])))).toEqual(CHAPTERS.map((c) => c.start));
  });

  it("is unchanged for a show without chapters: no namespace, no elements", () => {
    const plain = feedOf([without]);
    expect(feedOf([without], () => undefined)).toBe(plain);
    expect(plain).not.toContain("psc");
    expect(plain).not.toContain("podcast:chapters");
    expect(chapterElements({ jsonUrl: "x", chapters: [] }, 3)).toEqual([]);
  });
});

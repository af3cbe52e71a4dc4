// Story files: front matter validated with a schema; every problem names the file, line and field.

import { describe, expect, it } from "vitest";
import { ImageError } from "../src/images/errors.ts";
import { ImportError } from "../src/interchange/model.ts";
import { SpeakerMappingError } from "../src/interchange/speaker-mapping.ts";
import { ContentError, ContentErrors, InputError } from "../src/story/errors.ts";
import { NotationError } from "../src/transcript/errors.ts";
import { parseSettings } from "../src/story/settings.ts";
import { parseDuration, parseStory, storySlug, type StoryContext } from "../src/story/story.ts";
import { scaffoldStory } from "../src/story/scaffold.ts";

const settings = parseSettings("site.json", { title: "T", url: "https://example.org/radio", language: "en", description: "D" });
const context: StoryContext = { settings, contentDir: "content", storiesDir: "content/stories" };
const FILE = "content/stories/ferry.md";

function story(front: string, body = "HOST NAME, HOST: Hello.") {
  return parseStory({ file: FILE, raw: `---\n${front}\n---\n${body}\n` }, context);
}

function problem(front: string, body?: string): InputError {
  try {
    story(front, body);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError");
}

const VALID = "title: The Ferry\nshow: Night Desk\ndate: 2026-03-14";

describe("front matter", () => {
  it("reads the whole vocabulary", () => {
    const s = story(
      `${VALID}\nsummary: It is back.\ntags: [ferries, City Council]\nspeakers:\n  MANN: {name: Brian Mann, role: reporter, lang: en}\naudio: ferry.mp3\nduration: "1:02:48"\ncopyright: Copyright 2026\nlang: en-GB\ndraft: true`,
      "MANN: Hello.",
    );
    expect(s).toMatchObject({
      title: "The Ferry",
      show: { name: "Night Desk", slug: "night-desk", url: "/shows/night-desk/" },
      date: "2026-03-14",
      summary: "It is back.",
      tags: [{ name: "ferries", slug: "ferries" }, { name: "City Council", slug: "city-council", url: "/tags/city-council/" }],
      audio: { url: "/stories/ferry.mp3", file: "content/stories/ferry.mp3", type: "audio/mpeg" },
      duration: { seconds: 3768, iso: "PT1H2M48S", text: "1 hour, 2 minutes" },
      copyright: "Copyright 2026",
      lang: "en-GB",
      draft: true,
      url: "/stories/ferry/",
    });
    expect(s.speakers[0]).toMatchObject({ name: "Brian Mann", role: "reporter", roleKind: "byline", url: "/speakers/brian-mann/" });
  });

  it("defaults the language to the site's and drafts to false", () => {
    expect(story(VALID)).toMatchObject({ lang: "en", draft: false, tags: [] });
  });

  it.each([
    ["a missing title", "show: Night Desk\ndate: 2026-03-14", /ferry\.md:4: The required field "title" is missing\.\n {2}Fix: add a line such as title:/],
    ["an empty title", 'title: ""\nshow: Night Desk\ndate: 2026-03-14', /ferry\.md:2: The field "title" "" is not the story's title as text/],
    ["a date that does not exist", "title: T\nshow: S\ndate: 2026-02-30", /ferry\.md:4: The field "date" "2026-02-30" is not a real date written YYYY-MM-DD\.\n {2}Fix: write it like date: 2026-03-14/],
    ["a date in another format", "title: T\nshow: S\ndate: 14/03/2026", /ferry\.md:4: The field "date" "14\/03\/2026" is not a real date/],
    ["a missing date", "title: T\nshow: S", /The required field "date" is missing/],
    ["tags that are not a list", "title: T\nshow: S\ndate: 2026-03-14\ntags: food, memory", /ferry\.md:5: The field "tags" "food, memory" is not a list of tags\.\n {2}Fix: write it like tags: \[/],
    ["a misspelt field", "title: T\nshow: S\ndate: 2026-03-14\nsumary: x", /ferry\.md:5: Unknown front matter field "sumary"\.\n {2}Fix: did you mean "summary"\?/],
    ["a speaker without a name", "title: T\nshow: S\ndate: 2026-03-14\nspeakers:\n  MANN: {role: host}", /The field "speakers" \(at speakers\.MANN\) is not a map from a label/],
    ["a bad duration", 'title: T\nshow: S\ndate: 2026-03-14\nduration: "an hour"', /The field "duration" "an hour" is not a length written H:MM:SS or M:SS/],
    ["draft as text", "title: T\nshow: S\ndate: 2026-03-14\ndraft: maybe", /The field "draft" "maybe" is not true or false/],
  ])("rejects %s, naming file, line and field", (_, front, message) => {
    expect(problem(front).message).toMatch(message);
  });

  it("reports YAML syntax errors at their line", () => {
    const error = problem('title: T\nshow: S\ndate: 2026-03-14\nsummary: "unclosed');
    expect(error.message).toMatch(/^content\/stories\/ferry\.md:\d+: The front matter is not valid YAML/);
  });

  it("requires front matter, and a closing fence", () => {
    expect(() => parseStory({ file: FILE, raw: "MANN: hi" }, context)).toThrow(/ferry\.md:1: The story has no front matter/);
    expect(() => parseStory({ file: FILE, raw: "---\ntitle: x\n" }, context)).toThrow(/never closed/);
  });

  it("reports notation errors at their line in the file, not in the body", () => {
    const error = problem(VALID, "Intro.\n\nMANN: Hello.");
    expect(error.message).toMatch(/^content\/stories\/ferry\.md:8: Unknown speaker label "MANN:"/);
    expect(error.message).toMatch(/Fix: introduce the speaker with a full label/);
  });

  it("warns, at the line in the file and with the fix, about a speaker label glued inside a paragraph", () => {
    const s = story(VALID, "DANA PRICE, HOST: Good morning.\n\nBRIAN MANN, BYLINE: Thanks, Dana.\nWe start at the top.PRICE: Today we go north.");
    // As scripts/build.ts prints every story warning.
    const printed = s.warnings.map((w) => `${s.file}:${w.line}: warning: ${w.message}`);
    expect(printed).toEqual([
      'content/stories/ferry.md:9: warning: "PRICE:" inside a paragraph looks like a speaker label (Dana Price), but the words after it are published as Brian Mann\'s. Fix: start a new paragraph before "PRICE:" (a blank line), or write the colon differently if this is speech (a dash, or the name in ordinary case).',
    ]);
    expect(s.warnings.map((w) => w.code)).toEqual(["label-like"]); // importers count them by this
    expect(story(VALID, "DANA PRICE, HOST: Good morning.\n\nPRICE: We start at the top. NOTE: Today at 5:30.").warnings).toEqual([]);
  });

  it("keeps audio files inside content/", () => {
    expect(problem(`${VALID}\naudio: ../../../etc/passwd`).message).toMatch(/outside content/);
    expect(story(`${VALID}\naudio: https://cdn.example.org/a.m4a`).audio).toEqual({ url: "https://cdn.example.org/a.m4a", type: "audio/mp4" });
  });

  it("accepts CRLF line endings and a byte-order mark", () => {
    const s = parseStory({ file: FILE, raw: `\uFEFF---\r\n${VALID.replace(/\n/g, "\r\n")}\r\n---\r\nMANN, HOST: Hi.\r\n` }, context);
    expect(s.title).toBe("The Ferry");
  });
});

describe("story locations and durations", () => {
  it.each([
    ["content/stories/ferry.md", "ferry"],
    ["content/stories/ferry/index.md", "ferry"],
    ["content/stories/2026/Night Ferry.md", "2026/night-ferry"],
  ])("%s is published at /stories/%s/", (file, slug) => expect(storySlug("content/stories", file)).toBe(slug));

  it.each([
    ["0:45", 45, "PT45S", "45 seconds"],
    ["42:10", 2530, "PT42M10S", "42 minutes, 10 seconds"],
    ["1:00:00", 3600, "PT1H", "1 hour"],
  ])("duration %s", (text, seconds, iso, words) => expect(parseDuration(text)).toEqual({ seconds, iso, text: words }));
});

describe("site settings", () => {
  it("derive the path prefix from the base URL", () => {
    expect(settings.url).toBe("https://example.org/radio/");
    expect(settings.pathPrefix).toBe("/radio/");
  });

  it("reject a missing or relative base URL, naming the setting", () => {
    expect(() => parseSettings("site.json", { title: "T", url: "/radio/", language: "en", description: "D" })).toThrow(/site\.json: The site setting "url" is missing or not valid/);
  });
});

describe("a new story", () => {
  it("has valid front matter and builds as a draft", () => {
    const made = scaffoldStory({ show: "Night Desk", title: "The Ferry: Returns", date: "2026-03-14" });
    if ("error" in made) throw new Error(made.error);
    const s = parseStory({ file: `content/stories/${made.slug}.md`, raw: made.text }, context);
    expect(s).toMatchObject({ title: "The Ferry: Returns", draft: true, slug: "the-ferry-returns" });
    expect(s.turns).toBeGreaterThan(3);
  });
});

describe("content errors", () => {
  it("are all ContentErrors with file, line, problem and fix, each keeping its message layout", () => {
    const cases: Array<[ContentError, string, string | undefined, number | undefined, string]> = [
      [new InputError("a.md", 3, "Bad.", "do this."), "InputError", "a.md", 3, "a.md:3: Bad.\n  Fix: do this."],
      [new InputError("site.json", undefined, "Bad.", "do this."), "InputError", "site.json", undefined, "site.json: Bad.\n  Fix: do this."],
      [new ImportError("x.vtt", 7, "Bad.", "do this."), "ImportError", "x.vtt", 7, "x.vtt:7: Bad. Fix: do this."],
      [new NotationError(12, "Bad.", "do this."), "NotationError", undefined, 12, "line 12: Bad.\n  Fix: do this."],
      [new ImageError("cover.png", "Bad.", "do this."), "ImageError", "cover.png", undefined, "cover.png: Bad. Fix: do this."],
      [new ImageError(undefined, "Bad.", "do this."), "ImageError", undefined, undefined, "Bad. Fix: do this."],
      [new SpeakerMappingError("Bad.", "do this."), "SpeakerMappingError", undefined, undefined, "Bad. Fix: do this."],
    ];
    for (const [error, name, file, line, message] of cases) {
      expect(error).toBeInstanceOf(ContentError);
      expect(error).toBeInstanceOf(Error);
      expect({ name: error.name, file: error.file, line: error.line, problem: error.problem, fix: error.fix, message: error.message }).toEqual({
        name, file, line, problem: "Bad.", fix: "do this.", message,
      });
    }
  });

  it("are listed together by ContentErrors", () => {
    const list = new ContentErrors([new InputError("a.md", 1, "One.", "fix one."), new InputError("b.md", 2, "Two.", "fix two.")]);
    expect(list.message).toBe("2 problems in the content:\n\na.md:1: One.\n  Fix: fix one.\n\nb.md:2: Two.\n  Fix: fix two.");
  });
});

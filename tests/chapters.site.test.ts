// Chapters in all four places (issue 15), on a real build of the sample story with chapters
// ("The Captain Who Never Sailed": three timed headings, one with an image and a url) under a path
// prefix: the JSON Chapters file, the feed's podcast:chapters and psc:chapters, the WebVTT chapters
// track on the page's <audio>, and the contents list with "Play from" for each chapter. A sample
// story with untimed headings keeps its plain contents list and gets no chapter files.

import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { makeProject, runBuild, type BuildRun } from "./helpers/build.ts";

const BASE = "https://example.org/radio/";
const PREFIX = "/radio/";
const SLUG = "captain-moreau";
const TITLES = ["Opening", "The First Letter", "Hortense Writes Back", "Finding the Voice"];
const STARTS = [0, 41.3, 180.2, 281.7];

let run: BuildRun;

beforeAll(async () => {
  const project = makeProject({ stories: [SLUG, "bread-that-remembers"] });
  run = await runBuild(["--skip-audit", "--base-url", BASE], project);
  expect(run.code, run.stderr).toBe(0);
});

const read = (file: string) => fs.readFileSync(path.join(run.output, file), "utf8");
const page = (slug: string) => parseHTML(read(`stories/${slug}/index.html`)).document as unknown as Document;

describe("the JSON Chapters file", () => {
  it("lists every chapter, the opening one added, with the image and url made absolute", () => {
    const json = JSON.parse(read(`stories/${SLUG}/chapters.json`)) as { version: string; chapters: Array<Record<string, unknown>> };
    expect(json.version).toBe("1.2.0");
    expect(json.chapters.map((c) => c.title)).toEqual(TITLES);
    expect(json.chapters.map((c) => c.startTime)).toEqual(STARTS);
    expect(json.chapters.at(-1)?.endTime).toBe(358);
    const hortense = json.chapters[2] as Record<string, string>;
    expect(hortense.url).toBe("https://example.org/the-moreau-letters/hortense");
    expect(hortense.img).toMatch(/^https:\/\/example\.org\/radio\/images\/stories\/captain-moreau\/chapter-3-1400-[0-9a-f]{10}\.jpg$/u);
    expect(fs.existsSync(path.join(run.output, new URL(hortense.img as string).pathname.slice(PREFIX.length)))).toBe(true);
  });

  it("is written only for stories whose headings carry times", () => {
    expect(fs.existsSync(path.join(run.output, "stories/bread-that-remembers/chapters.json"))).toBe(false);
    expect(fs.existsSync(path.join(run.output, "stories/bread-that-remembers/chapters.vtt"))).toBe(false);
  });
});

describe("the feed", () => {
  it("links the JSON file and carries Podlove Simple Chapters in the story's item", () => {
    const rss = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => ["item", "psc:chapter"].includes(name) }).parse(read("shows/the-long-table/feed.xml")).rss;
    expect(rss["@_xmlns:psc"]).toBe("http://podlove.org/simple-chapters");
    const item = (rss.channel.item as Array<Record<string, unknown>>).find((i) => String(i.link).includes(SLUG)) as Record<string, Record<string, unknown>>;
    expect(item["podcast:chapters"]).toEqual({ "@_url": `${BASE}stories/${SLUG}/chapters.json`, "@_type": "application/json+chapters" });
    const psc = item["psc:chapters"]?.["psc:chapter"] as Array<Record<string, string>>;
    expect(psc.map((c) => [c["@_start"], c["@_title"]])).toEqual([
      ["00:00:00.000", "Opening"],
      ["00:00:41.300", "The First Letter"],
      ["00:03:00.200", "Hortense Writes Back"],
      ["00:04:41.700", "Finding the Voice"],
    ]);
    expect(psc[2]?.["@_href"]).toBe("https://example.org/the-moreau-letters/hortense");
    expect(psc[2]?.["@_image"]).toMatch(/chapter-3-1400-[0-9a-f]{10}\.jpg$/u);
  });
});

describe("the story page", () => {
  it("gives the audio a WebVTT chapters track, under the path prefix", () => {
    const track = page(SLUG).querySelector("audio > track");
    expect(track?.getAttribute("kind")).toBe("chapters");
    expect(track?.getAttribute("srclang")).toBe("en");
    expect(track?.getAttribute("src")).toBe(`${PREFIX}stories/${SLUG}/chapters.vtt`);
    const vtt = read(`stories/${SLUG}/chapters.vtt`);
    expect(vtt.startsWith("WEBVTT")).toBe(true);
    expect(vtt).toContain("00:03:00.200 --> 00:04:41.700\nHortense Writes Back\n");
    expect(page("bread-that-remembers").querySelector("track")).toBeNull();
  });

  it("lists the chapters with a Play from control each, named with the chapter", () => {
    const nav = page(SLUG).querySelector("section.transcript nav.v-contents");
    expect(nav?.getAttribute("aria-label")).toBe("Chapters");
    const items = [...(nav?.querySelectorAll("li") ?? [])];
    expect(items.map((li) => li.querySelector("a:not(.v-play)")?.textContent)).toEqual(TITLES);
    expect(items.map((li) => li.querySelector("a:not(.v-play)")?.getAttribute("href"))).toEqual(["#transcript-heading", "#v-seg-the-first-letter", "#v-seg-hortense-writes-back", "#v-seg-finding-the-voice"]);
    const plays = items.map((li) => li.querySelector("a.v-play"));
    expect(plays.map((a) => a?.getAttribute("aria-label"))).toEqual(["Play from 0:00, Opening", "Play from 0:41, The First Letter", "Play from 3:00, Hortense Writes Back", "Play from 4:41, Finding the Voice"]);
    expect(plays.map((a) => a?.getAttribute("data-start"))).toEqual(STARTS.map(String));
    expect(plays[1]?.getAttribute("href")).toBe(`${PREFIX}stories/${SLUG}/audio.mp3#t=41.3`);
    // Each heading a chapter links to is on the page; the transcript writes no second list.
    for (const li of items.slice(1)) expect(page(SLUG).getElementById(li.querySelector("a")?.getAttribute("href")?.slice(1) ?? "")).not.toBeNull();
    expect(page(SLUG).querySelectorAll(".v-contents")).toHaveLength(1);
  });

  it("shows the chapter's image with its alt text", () => {
    const img = page(SLUG).querySelector(".v-contents li:nth-child(3) img.chapter-image");
    expect(img?.getAttribute("alt")).toBe("A drawing of a pear tree with eleven yellow pears under a pale sun.");
    const src = img?.getAttribute("src") ?? "";
    expect(src).toMatch(new RegExp(`^${PREFIX}images/stories/${SLUG}/chapter-3-128-[0-9a-f]{10}\\.jpg$`, "u"));
    expect(fs.existsSync(path.join(run.output, src.slice(PREFIX.length)))).toBe(true);
  });

  it("links the chapter files beside the transcript's", () => {
    const lines = [...page(SLUG).querySelectorAll(".transcript-downloads")];
    const chapters = lines.find((p) => p.textContent?.startsWith("Download chapters:"));
    expect([...(chapters?.querySelectorAll("a") ?? [])].map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("type")])).toEqual([
      ["JSON chapters", `${PREFIX}stories/${SLUG}/chapters.json`, "application/json+chapters"],
      ["WebVTT chapters", `${PREFIX}stories/${SLUG}/chapters.vtt`, "text/vtt"],
    ]);
  });

  it("keeps the plain contents list of a story whose headings carry no times", () => {
    const nav = page("bread-that-remembers").querySelector("nav.v-contents");
    expect(nav?.getAttribute("aria-label")).toBe("Segments");
    expect(nav?.querySelector(".v-play")).toBeNull();
  });
});

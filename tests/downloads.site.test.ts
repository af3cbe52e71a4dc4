// Transcript downloads and structured data on story pages: a real build of a small project under
// a path prefix, with a timed story that has audio and an untimed story without.

import fs from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { parseHTML } from "linkedom";
import { beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FORMATS } from "../src/interchange/exporters/index.ts";
import { serializeJsonLd } from "../src/site/json-ld.ts";
import { loadSettings, loadSite } from "../src/site/load.ts";
import { projectPaths } from "../src/site/paths.ts";
import type { Story } from "../src/story/story.ts";
import { addShow, makeProject, runBuild, type BuildRun } from "./helpers/build.ts";

const BASE = "https://example.org/radio/";
const PREFIX = "/radio/";
const SUMMARY = "Bells ring </script><!-- again & again";

const TIMED = `---
title: "The Harbour at Noon"
show: Tides
date: 2026-03-02
summary: "${SUMMARY}"
duration: "2:05"
audio: audio.mp3
copyright: Copyright 2026 Tides.
---
[0:00] NORA QUILL, HOST: Good evening, and welcome.

[0:05] BEN ADEYEMI, BYLINE: The bells rang at noon.

[0:12] MARTA ROS: I have rung them for thirty years.

[0:20] UNIDENTIFIED MAN: Louder every year.

[0:30] QUILL: That was Ben Adeyemi.
`;

const UNTIMED = `---
title: Quiet Hours
show: Tides
date: 2026-03-05
lang: fr
---
NORA QUILL, HOST: Ce soir, rien ne sonne.
`;

let run: BuildRun;
let stories: Map<string, Story>;

beforeAll(async () => {
  const project = makeProject({ stories: [] });
  const dir = path.join(project, "content", "stories");
  fs.mkdirSync(path.join(dir, "harbour-bells"), { recursive: true });
  fs.writeFileSync(path.join(dir, "harbour-bells", "index.md"), TIMED);
  fs.writeFileSync(path.join(dir, "harbour-bells", "audio.mp3"), Buffer.alloc(2048, 0xff));
  fs.writeFileSync(path.join(dir, "quiet-hours.md"), UNTIMED);
  addShow(project, "tides");
  run = await runBuild(["--skip-audit", "--base-url", BASE], project);
  expect(run.code, run.stderr).toBe(0);
  const paths = projectPaths(project);
  stories = new Map(loadSite(paths, loadSettings(paths, BASE)).stories.map((s) => [s.slug, s]));
});

function page(slug: string): Document {
  return parseHTML(fs.readFileSync(path.join(run.output, "stories", slug, "index.html"), "utf8")).document as unknown as Document;
}

/** What a sighted reader sees: the text without visually hidden parts. */
function visibleText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll(".v-vh")) hidden.remove();
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

function downloadLinks(slug: string): Element[] {
  return [...page(slug).querySelectorAll(".transcript-downloads a")];
}

describe("transcript downloads", () => {
  it("writes each format of a timed story next to its page, exactly as its exporter writes it", () => {
    const story = stories.get("harbour-bells");
    expect(story?.timed).toBe(true);
    for (const format of EXPORT_FORMATS) {
      const file = path.join(run.output, "stories", "harbour-bells", format.file);
      expect(fs.readFileSync(file, "utf8"), format.file).toBe(format.write(story as Story));
    }
    expect(fs.readFileSync(path.join(run.output, "stories/harbour-bells/transcript.vtt"), "utf8")).toMatch(/^WEBVTT/);
    expect(fs.readFileSync(path.join(run.output, "stories/harbour-bells/transcript.srt"), "utf8")).toMatch(/^1\r\n00:00:00,000 --> /);
    expect(JSON.parse(fs.readFileSync(path.join(run.output, "stories/harbour-bells/transcript.json"), "utf8"))).toHaveProperty("segments");
  });

  it("writes only text for an untimed story (Podcasting 2.0 JSON needs times, as WebVTT and SRT do)", () => {
    const story = stories.get("quiet-hours") as Story;
    expect(story.timed).toBe(false);
    const files = fs.readdirSync(path.join(run.output, "stories", "quiet-hours")).sort();
    expect(files).toEqual(["index.html", "transcript.txt"]);
    const txt = EXPORT_FORMATS.find((f) => f.id === "txt");
    expect(fs.readFileSync(path.join(run.output, "stories/quiet-hours/transcript.txt"), "utf8")).toBe(txt?.write(story));
  });

  it("links every format from the story page: one sentence, the label as link text, with type and download", () => {
    const links = downloadLinks("harbour-bells");
    expect(links.map((a) => [visibleText(a), a.getAttribute("type"), a.getAttribute("href"), a.hasAttribute("download")])).toEqual([
      ["WebVTT", "text/vtt", `${PREFIX}stories/harbour-bells/transcript.vtt`, true],
      ["SRT", "application/x-subrip", `${PREFIX}stories/harbour-bells/transcript.srt`, true],
      ["JSON", "application/json", `${PREFIX}stories/harbour-bells/transcript.json`, true],
      ["text", "text/plain", `${PREFIX}stories/harbour-bells/transcript.txt`, true],
    ]);
    for (const a of links) {
      expect(fs.existsSync(path.join(run.output, (a.getAttribute("href") ?? "").slice(PREFIX.length)))).toBe(true);
      // Alone in a screen reader's list of links, each still says what it is.
      expect((a.textContent ?? "").replace(/\s+/g, " ").trim()).toMatch(/^\S+ transcript$/);
    }
    const line = page("harbour-bells").querySelector(".transcript-downloads");
    expect(line?.tagName).toBe("P");
    expect(visibleText(line as Element)).toBe("Download transcript: WebVTT, SRT, JSON, text");
    expect(line?.closest("section.transcript")?.querySelector("h2")?.textContent).toBe("Transcript");
  });

  it("links only text for an untimed story", () => {
    expect(downloadLinks("quiet-hours").map((a) => [visibleText(a), a.getAttribute("type")])).toEqual([["text", "text/plain"]]);
    expect(visibleText(page("quiet-hours").querySelector(".transcript-downloads") as Element)).toBe("Download transcript: text");
  });

  it("keeps the download files out of the sitemap", () => {
    const sitemap = fs.readFileSync(path.join(run.output, "sitemap.xml"), "utf8");
    expect(sitemap).toContain(`${BASE}stories/harbour-bells/</loc>`);
    expect(sitemap).not.toContain("transcript.");
  });

  it("makes the download links tall enough to tap (24px, WCAG 2.5.8)", () => {
    const css = fs.readFileSync(path.join(run.output, "assets/verbatim.css"), "utf8");
    const rule = /\.transcript-downloads a[^{]*\{([^}]*)\}/.exec(css)?.[1] ?? "";
    expect(rule).toMatch(/display:\s*inline-block/);
    expect(rule).toMatch(/min-height:\s*24px/);
  });

  it("leaves the story pages valid HTML", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:standard"], rules: { "no-trailing-whitespace": "off" } });
    for (const slug of ["harbour-bells", "quiet-hours"]) {
      const report = await validator.validateFile(path.join(run.output, "stories", slug, "index.html"));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${slug}:${m.line}: ${m.ruleId}: ${m.message}`))).toEqual([]);
    }
  });
});

describe("schema.org data on story pages", () => {
  function jsonLd(slug: string): { raw: string; data: Record<string, unknown> } {
    const scripts = [...page(slug).querySelectorAll('head script[type="application/ld+json"]')];
    expect(scripts).toHaveLength(1);
    const raw = scripts[0]?.textContent ?? "";
    return { raw, data: JSON.parse(raw) as Record<string, unknown> };
  }

  it("describes a story as a PodcastEpisode in its PodcastSeries, with its audio and the plain-text transcript", () => {
    const { data } = jsonLd("harbour-bells");
    const transcript = fs.readFileSync(path.join(run.output, "stories/harbour-bells/transcript.txt"), "utf8");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "PodcastEpisode",
      name: "The Harbour at Noon",
      url: `${BASE}stories/harbour-bells/`,
      datePublished: "2026-03-02",
      description: SUMMARY,
      inLanguage: "en",
      duration: "PT2M5S",
      timeRequired: "PT2M5S",
      partOfSeries: { "@type": "PodcastSeries", name: "Tides", url: `${BASE}shows/tides/`, webFeed: `${BASE}shows/tides/feed.xml` },
      associatedMedia: {
        "@type": "AudioObject",
        contentUrl: `${BASE}stories/harbour-bells/audio.mp3`,
        encodingFormat: "audio/mpeg",
        duration: "PT2M5S",
        transcript,
      },
    });
    expect(data.contributor).toEqual([
      { "@type": "Person", name: "Nora Quill", jobTitle: "host", url: `${BASE}speakers/nora-quill/` },
      { "@type": "Person", name: "Ben Adeyemi", jobTitle: "reporter", url: `${BASE}speakers/ben-adeyemi/` },
      { "@type": "Person", name: "Marta Ros", url: `${BASE}speakers/marta-ros/` },
    ]);
  });

  it("has no audio object for a story without audio, and gives the story's own language", () => {
    const { data } = jsonLd("quiet-hours");
    expect(data).toMatchObject({ "@type": "PodcastEpisode", name: "Quiet Hours", inLanguage: "fr", datePublished: "2026-03-05" });
    expect(data).not.toHaveProperty("associatedMedia");
    expect(data).not.toHaveProperty("description");
  });

  it("cannot be ended early by a story's text: no '<' inside the script", () => {
    const { raw, data } = jsonLd("harbour-bells");
    expect(raw).not.toContain("<");
    expect(raw).toContain("\\u003c/script>".replace(">", "\\u003e"));
    expect(data.description).toBe(SUMMARY);
    const tricky = { a: "</script><!--\u2028&" };
    expect(serializeJsonLd(tricky)).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u2028\\u0026"}');
    expect(JSON.parse(serializeJsonLd(tricky))).toEqual(tricky);
  });

  it("announces the show's feed in the story page's head", () => {
    const alternate = page("harbour-bells").querySelector('head link[rel="alternate"][type="application/rss+xml"]');
    expect(alternate?.getAttribute("href")).toBe(`${PREFIX}shows/tides/feed.xml`);
    expect(alternate?.getAttribute("title")).toBe("Tides – podcast feed");
  });
});

// Images in a real build: covers and show art as responsive pictures, social cards behind og: and
// twitter: tags, feed artwork, alt text enforced, and a warm rebuild that does no image work.

import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { makeProject, runBuild } from "./helpers/build.ts";

let project: string;
let output: string;
let first: Awaited<ReturnType<typeof runBuild>>;
/** This project's own image cache, empty at first: the cold and warm builds are measured here. */
let cache: { VERBATIM_IMAGE_CACHE: string };

beforeAll(async () => {
  project = makeProject();
  output = path.join(project, "_site");
  cache = { VERBATIM_IMAGE_CACHE: path.join(project, ".cache", "images") };
  first = await runBuild(["--skip-audit"], project, output, cache);
  expect(first.code, first.stderr).toBe(0);
});

const read = (page: string) => fs.readFileSync(path.join(output, page), "utf8");
const attr = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];

function write(relative: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(project, relative)), { recursive: true });
  fs.writeFileSync(path.join(project, relative), text);
}

describe("images in the sample site", () => {
  it("gives a story with its own cover a responsive picture, sized, eager and with its alt text", async () => {
    const html = read("stories/night-ferry-returns/index.html");
    const picture = /<picture class="story-cover">[\s\S]*?<\/picture>/u.exec(html)?.[0] ?? "";
    expect(picture).toMatch(/<source type="image\/avif" srcset="[^"]+\.avif \d+w/u);
    expect(picture).toMatch(/<source type="image\/webp" srcset="[^"]+\.webp \d+w/u);
    expect(picture).toContain('alt="An illustration of a white ferry with lit cabin windows leaving a dark dock at night, a lamp on the pier."');
    expect(picture).toContain('loading="eager"');
    const src = attr(picture, /<img src="([^"]+)"/u) ?? "";
    const width = Number(attr(picture, /width="(\d+)"/u));
    const height = Number(attr(picture, /height="(\d+)"/u));
    expect(src).toMatch(/\.jpe?g$/u);
    const meta = await sharp(path.join(output, src)).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.width! / meta.height!).toBeCloseTo(width / height, 2);
    // Every file a srcset names exists.
    for (const url of picture.matchAll(/(\/images\/[^\s",]+)/gu)) expect(fs.existsSync(path.join(output, url[1]!)), url[1]).toBe(true);
  });

  it("uses the show's art for a story without a cover, and puts lazy thumbnails with empty alt in lists", () => {
    const html = read("stories/the-yard-sings-again/index.html");
    expect(html).toMatch(/<picture class="story-cover">[\s\S]*?alt="Night Desk cover art: [^"]+"/u);
    const home = read("index.html");
    const thumbs = [...home.matchAll(/<picture class="story-card-image">[\s\S]*?<\/picture>/gu)].map((m) => m[0]);
    expect(thumbs.length).toBeGreaterThan(0);
    for (const thumb of thumbs) {
      expect(thumb).toContain('alt=""');
      expect(thumb).toContain('loading="lazy"');
      expect(thumb).toMatch(/width="\d+" height="\d+"/u);
    }
  });

  it("has a 1200×630 social card behind og: and twitter: tags, with alt text", async () => {
    const html = read("stories/captain-moreau/index.html");
    const og = attr(html, /<meta property="og:image" content="([^"]+)"/u) ?? "";
    expect(og).toMatch(/^https:\/\/example\.org\/images\/stories\/captain-moreau\/[^"]+\.png$/u);
    expect(attr(html, /<meta name="twitter:image" content="([^"]+)"/u)).toBe(og);
    expect(attr(html, /<meta name="twitter:card" content="([^"]+)"/u)).toBe("summary_large_image");
    expect(attr(html, /<meta property="og:image:alt" content="([^"]+)"/u)).toMatch(/^The Captain Who Never Sailed: .* – The Long Table, January 22, 2026$/u);
    const jsonLd = JSON.parse(attr(html, /<script type="application\/ld\+json">([\s\S]*?)<\/script>/u) ?? "{}");
    expect(jsonLd.image).toMatchObject({ "@type": "ImageObject", contentUrl: og, width: 1200, height: 630 });
    const card = await sharp(path.join(output, new URL(og).pathname)).metadata();
    expect([card.format, card.width, card.height]).toEqual(["png", 1200, 630]);
  });

  it("shows each show's art and description, and gives its feed square artwork for podcast apps", async () => {
    const html = read("shows/night-desk/index.html");
    expect(html).toMatch(/<picture class="show-art">[\s\S]*?alt="Night Desk cover art: /u);
    expect(html).toContain('<p class="show-description">Night Desk is a late-evening hour');
    // Night Desk has no episode (no story of it has audio), so no podcast feed; The Long Table has one.
    expect(fs.existsSync(path.join(output, "shows/night-desk/feed.xml"))).toBe(false);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(read("shows/the-long-table/feed.xml"));
    const href = feed.rss.channel["itunes:image"]["@_href"] as string;
    expect(feed.rss.channel.image.url).toBe(href);
    expect(feed.rss.channel.description).toMatch(/^The Long Table sits writers/u);
    const art = await sharp(path.join(output, new URL(href).pathname)).metadata();
    expect(art.format).toBe("jpeg");
    expect(art.width).toBe(art.height);
    expect(art.width).toBeGreaterThanOrEqual(1400);
    expect(art.width).toBeLessThanOrEqual(3000);
  });

  it("does no image work on a warm rebuild", async () => {
    expect(first.stdout).toMatch(/Images: [1-9]\d* rendered, 0 from cache/u);
    const again = await runBuild(["--skip-audit"], project, output, cache);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Images: 0 rendered, [1-9]\d* from cache/u);
    expect(fs.readdirSync(cache.VERBATIM_IMAGE_CACHE, { recursive: true }).length).toBeGreaterThan(0);
  });
});

describe("alt text is required", () => {
  const story = (cover: string) => `---\ntitle: Covered\nshow: Night Desk\ndate: 2026-02-03\ncover: ${cover}\n---\nANA LOPEZ, HOST: Hi.\n`;

  it("fails the build on a cover without alt text, naming the file and line", async () => {
    fs.copyFileSync(path.join(project, "content/stories/night-ferry-returns/cover.jpg"), path.join(project, "content/stories/plain.jpg"));
    write("content/stories/covered.md", story("{ file: plain.jpg }"));
    try {
      const run = await runBuild(["--skip-audit"], project, output);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/content\/stories\/covered\.md:5: The cover image plain\.jpg has no alt text\.\n {2}Fix: describe the image/u);
      write("content/stories/covered.md", story('{ file: plain.jpg, alt: "A ferry", decorative: true }'));
      const both = await runBuild(["--skip-audit"], project, output);
      expect(both.code).toBe(1);
      expect(both.stderr).toContain("The cover image plain.jpg is marked decorative but has alt text.");
      write("content/stories/covered.md", story("{ file: plain.jpg, decorative: true }"));
      const decorative = await runBuild(["--skip-audit"], project, output);
      expect(decorative.code, decorative.stderr).toBe(0);
      expect(read("stories/covered/index.html")).toMatch(/<picture class="story-cover">[\s\S]*?alt=""/u);
    } finally {
      fs.rmSync(path.join(project, "content/stories/covered.md"), { force: true });
      fs.rmSync(path.join(project, "content/stories/plain.jpg"), { force: true });
    }
  });

  it("fails the build on show art without alt text, a missing art file, or a file that is not an image", async () => {
    const config = path.join(project, "content/shows/night-desk/show.yml");
    const original = fs.readFileSync(config, "utf8");
    try {
      fs.writeFileSync(config, "art:\n  file: art.jpg\n");
      const noAlt = await runBuild(["--skip-audit"], project, output);
      expect(noAlt.code).toBe(1);
      expect(noAlt.stderr).toMatch(/content\/shows\/night-desk\/show\.yml:1: The show's art has no alt text\.\n {2}Fix: /u);
      fs.writeFileSync(config, 'art: { file: missing.jpg, alt: "Art" }\n');
      const missing = await runBuild(["--skip-audit"], project, output);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("content/shows/night-desk/show.yml:1: The image content/shows/night-desk/missing.jpg does not exist.");
      fs.writeFileSync(path.join(project, "content/shows/night-desk/fake.jpg"), "not an image");
      fs.writeFileSync(config, 'art: { file: fake.jpg, alt: "Art" }\n');
      const fake = await runBuild(["--skip-audit"], project, output);
      expect(fake.code).toBe(1);
      expect(fake.stderr).toMatch(/content\/shows\/night-desk\/show\.yml:1: .*fake\.jpg/u);
      expect(fake.stderr).not.toMatch(/\n\s+at |\[object Object\]/u);
    } finally {
      fs.writeFileSync(config, original);
      fs.rmSync(path.join(project, "content/shows/night-desk/fake.jpg"), { force: true });
    }
  });
});

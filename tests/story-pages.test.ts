// The parts of writing story pages outside Eleventy that need no build: where story pages stand in
// the sitemap, and the file writer (folders made on demand, bounded, failures kept).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { FileWriter } from "../src/site/file-writer.ts";
import { sitemapEntries } from "../src/site/sitemap.ts";

const page = (inputPath: string, url: string | false) => ({ inputPath, url });
const stories = [
  { url: "/stories/newest/", date: "2026-05-18" },
  { url: "/stories/older/", date: "2026-01-22" },
];

describe("sitemapEntries", () => {
  it("puts the story pages, newest first, where their layout's name sorts among the page templates", () => {
    const pages = [
      page("./content/_pages/archive.njk", "/archive/"),
      page("./content/_pages/speakers.njk", "/speakers/"),
      page("./content/_pages/tag.njk", "/tags/books/"),
      page("./content/_pages/tags.njk", "/tags/"),
    ];
    expect(sitemapEntries(pages, stories)).toEqual([
      { url: "/archive/" },
      { url: "/speakers/" },
      { url: "/stories/newest/", lastmod: "2026-05-18" },
      { url: "/stories/older/", lastmod: "2026-01-22" },
      { url: "/tags/books/" },
      { url: "/tags/" },
    ]);
  });

  it("leaves out the 404 page and pages without a URL, and ends with the stories when nothing sorts after them", () => {
    const pages = [page("./content/_pages/404.njk", "/404.html"), page("./content/_pages/home.njk", "/"), page("./content/_exports/feed.njk", false)];
    expect(sitemapEntries(pages, stories).map((entry) => entry.url)).toEqual(["/", "/stories/newest/", "/stories/older/"]);
  });

  it("lists every page and every story exactly once (property)", () => {
    const name = fc.stringMatching(/^[a-z-]{1,12}$/u);
    fc.assert(
      fc.property(fc.uniqueArray(name), fc.uniqueArray(name), (templates, slugs) => {
        const pages = templates.map((t) => page(`./content/_pages/${t}.njk`, `/${t}/`));
        const entries = sitemapEntries(pages, slugs.map((slug) => ({ url: `/stories/${slug}/`, date: "2026-01-01" })));
        expect(entries.map((e) => e.url).sort()).toEqual([...pages.map((p) => p.url as string), ...slugs.map((s) => `/stories/${s}/`)].sort());
        // The stories stay together and in their order.
        const first = entries.findIndex((e) => e.lastmod);
        if (slugs.length) expect(entries.slice(first, first + slugs.length).map((e) => e.url)).toEqual(slugs.map((s) => `/stories/${s}/`));
      }),
    );
  });
});

describe("FileWriter", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-writer-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("writes every file, making the folders that are missing, with few writes in flight", async () => {
    const writer = new FileWriter(3);
    for (let n = 0; n < 200; n++) await writer.write(path.join(root, "many", `story-${n % 17}`, `file-${n}.txt`), `text ${n}`);
    expect(await writer.finish()).toBe(200);
    for (let n = 0; n < 200; n++) expect(fs.readFileSync(path.join(root, "many", `story-${n % 17}`, `file-${n}.txt`), "utf8")).toBe(`text ${n}`);
  });

  it("throws the first failure, from a later write or from finish", async () => {
    fs.writeFileSync(path.join(root, "a-file"), "");
    const writer = new FileWriter(2);
    // A folder cannot be made inside a file.
    await writer.write(path.join(root, "a-file", "inside", "page.html"), "x");
    await expect(async () => {
      for (let n = 0; n < 10; n++) await writer.write(path.join(root, "fine", `${n}.txt`), "x");
      await writer.finish();
    }).rejects.toThrow(/ENOTDIR|EEXIST/u);
  });
});

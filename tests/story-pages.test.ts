// The parts of writing story pages outside Eleventy that need no build: where story pages stand in
// the sitemap, the file writer (folders made on demand, bounded, failures kept), and which pages a
// save under `npm start` rewrites.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { BuildContext } from "../src/site/context.ts";
import { FileWriter } from "../src/site/file-writer.ts";
import { projectPaths } from "../src/site/paths.ts";
import { PreviewPages, storyPageFile } from "../src/site/story-pages.ts";
import type { Story } from "../src/story/story.ts";
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
    // The writes still in flight end before the folder is removed.
    await writer.finish().catch(() => undefined);
  });
});

describe("PreviewPages (npm start)", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-preview-"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.mkdirSync(path.join(root, "layouts/partials"), { recursive: true });
  fs.writeFileSync(path.join(root, "layouts/story.njk"), "story");
  fs.writeFileSync(path.join(root, "layouts/partials/player.njk"), "player");
  const outputDir = path.join(root, "_site");
  const story = (slug: string, audio?: string) => ({ slug, url: `/stories/${slug}/`, file: `content/stories/${slug}.md`, ...(audio ? { audio: { url: audio } } : {}) }) as unknown as Story;
  const context = (stories: Story[], title = "Site") =>
    ({
      paths: projectPaths(root),
      settings: { title },
      outputDir,
      images: { planned: { stories: Object.fromEntries(stories.map((s) => [s.slug, { card: { url: `/images/${s.slug}.png`, alt: s.slug } }])) } },
    }) as unknown as BuildContext;
  /** What `changed` asks to write, written as the build would. */
  const write = (pages: PreviewPages, ctx: BuildContext, stories: Story[]) => {
    const changed = pages.changed(ctx, stories);
    for (const s of changed) {
      fs.mkdirSync(path.dirname(storyPageFile(outputDir, s)), { recursive: true });
      fs.writeFileSync(storyPageFile(outputDir, s), s.slug);
    }
    return changed.map((s) => s.slug);
  };

  it("rewrites only what a save changed, and everything when what all pages share changes", () => {
    const pages = new PreviewPages();
    const [a, b, c] = [story("a"), story("b"), story("c")];
    expect(write(pages, context([a, b, c]), [a, b, c])).toEqual(["a", "b", "c"]);
    expect(write(pages, context([a, b, c]), [a, b, c])).toEqual([]);
    // A saved file is a new Story object (src/site/load.ts); a new story is written too.
    const b2 = story("b");
    const d = story("d");
    expect(write(pages, context([a, b2, c, d]), [a, b2, c, d])).toEqual(["b", "d"]);
    // A page deleted from the output folder is written again.
    fs.rmSync(storyPageFile(outputDir, a));
    expect(write(pages, context([a, b2, c, d]), [a, b2, c, d])).toEqual(["a"]);
    // The settings, a layout, or the security policy (a new audio host) change every page.
    expect(write(pages, context([a, b2, c, d], "Renamed"), [a, b2, c, d])).toEqual(["a", "b", "c", "d"]);
    fs.writeFileSync(path.join(root, "layouts/partials/player.njk"), "player, changed");
    expect(write(pages, context([a, b2, c, d], "Renamed"), [a, b2, c, d])).toEqual(["a", "b", "c", "d"]);
    const e = story("e", "https://cdn.example.org/e.mp3");
    expect(write(pages, context([a, b2, c, d, e], "Renamed"), [a, b2, c, d, e])).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("rewrites a page whose images changed (a new card), and everything after a failed rebuild", () => {
    const pages = new PreviewPages();
    const [a, b] = [story("x"), story("y")];
    write(pages, context([a, b]), [a, b]);
    const ctx = context([a, b]);
    (ctx.images.planned as { stories: Record<string, unknown> }).stories.y = { card: { url: "/images/y-new.png", alt: "y" } };
    expect(write(pages, ctx, [a, b])).toEqual(["y"]);
    pages.forget();
    expect(write(pages, ctx, [a, b])).toEqual(["x", "y"]);
  });
});

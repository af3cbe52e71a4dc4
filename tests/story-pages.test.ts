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
import { pageFile } from "../src/site/page-maker.ts";
import { PreviewPages } from "../src/site/preview-pages.ts";
import { paginate } from "../src/story/listing.ts";
import type { SiteModel } from "../src/story/site.ts";
import type { Story } from "../src/story/story.ts";
import { sitemapEntries } from "../src/site/sitemap.ts";

const page = (inputPath: string, url: string | false) => ({ inputPath, url });
const storyPages = {
  layout: "story.njk",
  entries: [
    { url: "/stories/newest/", lastmod: "2026-05-18" },
    { url: "/stories/older/", lastmod: "2026-01-22" },
  ],
};
const tagPages = { layout: "listings/tag.njk", entries: [{ url: "/tags/books/" }, { url: "/tags/books/2/" }] };

describe("sitemapEntries", () => {
  it("puts the pages Verbatim writes where their layout's file name sorts among the page templates, each kind in its order", () => {
    const pages = [page("./content/_pages/archive.njk", "/archive/"), page("./content/_pages/speakers.njk", "/speakers/"), page("./content/_pages/tags.njk", "/tags/")];
    expect(sitemapEntries(pages, [tagPages, storyPages])).toEqual([
      { url: "/archive/" },
      { url: "/speakers/" },
      { url: "/stories/newest/", lastmod: "2026-05-18" },
      { url: "/stories/older/", lastmod: "2026-01-22" },
      { url: "/tags/books/" },
      { url: "/tags/books/2/" },
      { url: "/tags/" },
    ]);
  });

  it("leaves out the 404 page and pages without a URL, and ends with what sorts after every page", () => {
    const pages = [page("./content/_pages/404.njk", "/404.html"), page("./content/_pages/home.njk", "/"), page("./content/_exports/feed.njk", false)];
    expect(sitemapEntries(pages, [storyPages]).map((entry) => entry.url)).toEqual(["/", "/stories/newest/", "/stories/older/"]);
  });

  it("lists every page exactly once, each kind together and in its order (property)", () => {
    const name = fc.stringMatching(/^[a-z-]{1,12}$/u);
    fc.assert(
      fc.property(fc.uniqueArray(name), fc.uniqueArray(name, { maxLength: 5 }), fc.uniqueArray(name), (templates, layouts, slugs) => {
        const pages = templates.map((t) => page(`./content/_pages/${t}.njk`, `/${t}/`));
        const written = layouts.map((layout) => ({ layout: `listings/${layout}.x`, entries: slugs.map((slug) => ({ url: `/${layout}/${slug}/` })) }));
        const entries = sitemapEntries(pages, written);
        expect(entries.map((e) => e.url).sort()).toEqual([...pages.map((p) => p.url as string), ...written.flatMap((w) => w.entries.map((e) => e.url))].sort());
        for (const kind of written) {
          if (!kind.entries.length) continue;
          const first = entries.findIndex((e) => e.url === kind.entries[0]?.url);
          expect(entries.slice(first, first + kind.entries.length)).toEqual(kind.entries);
        }
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
  const story = (slug: string, tags: string[] = [], audio?: string) =>
    ({ slug, url: `/stories/${slug}/`, file: `content/stories/${slug}.md`, tags: tags.map((t) => ({ name: t, slug: t, url: `/tags/${t}/` })), ...(audio ? { audio: { url: audio } } : {}) }) as unknown as Story;
  /** A model with topic pages of 2 stories each (the listing's page size, made small). */
  const model = (stories: Story[]) => {
    const tags = new Map<string, Story[]>();
    for (const s of stories) for (const t of s.tags) tags.set(t.slug, [...(tags.get(t.slug) ?? []), s]);
    const tagPages = [...tags].flatMap(([slug, list]) => paginate({ name: slug, slug, url: `/tags/${slug}/`, stories: list }, `/tags/${slug}/`, list, 2));
    return { stories, tagPages, yearPages: [], showPages: [], speakerPages: [] } as unknown as SiteModel;
  };
  const context = (stories: Story[], title = "Site") =>
    ({
      paths: projectPaths(root),
      settings: { title },
      outputDir,
      images: { planned: { shows: {}, stories: Object.fromEntries(stories.map((s) => [s.slug, { card: { url: `/images/${s.slug}.png`, alt: s.slug } }])) } },
    }) as unknown as BuildContext;
  /** What `plan` asks to write, written as the build would, and what it removes, removed: the addresses. */
  const write = (pages: PreviewPages, ctx: BuildContext, stories: Story[], site = model(stories)) => {
    const plan = pages.plan(ctx, site);
    const urls = [...plan.stories.map((s) => s.url), ...plan.listings.map((l) => l.listing.url)];
    for (const url of urls) {
      fs.mkdirSync(path.dirname(pageFile(outputDir, url)), { recursive: true });
      fs.writeFileSync(pageFile(outputDir, url), url);
    }
    for (const file of plan.gone) fs.rmSync(file);
    return [...urls, ...plan.gone.map((file) => `-${path.relative(outputDir, file)}`)];
  };

  it("rewrites only what a save changed, and everything when what all pages share changes", () => {
    const pages = new PreviewPages();
    const [a, b, c] = [story("a"), story("b"), story("c")];
    expect(write(pages, context([a, b, c]), [a, b, c])).toEqual(["/stories/a/", "/stories/b/", "/stories/c/"]);
    expect(write(pages, context([a, b, c]), [a, b, c])).toEqual([]);
    // A saved file is a new Story object (src/site/load.ts); a new story is written too.
    const b2 = story("b");
    const d = story("d");
    expect(write(pages, context([a, b2, c, d]), [a, b2, c, d])).toEqual(["/stories/b/", "/stories/d/"]);
    // The output folder emptied while serving: every page is written again.
    fs.rmSync(outputDir, { recursive: true });
    expect(write(pages, context([a, b2, c, d]), [a, b2, c, d])).toHaveLength(4);
    // The settings, a layout, or the security policy (a new audio host) change every page.
    expect(write(pages, context([a, b2, c, d], "Renamed"), [a, b2, c, d])).toHaveLength(4);
    fs.writeFileSync(path.join(root, "layouts/partials/player.njk"), "player, changed");
    expect(write(pages, context([a, b2, c, d], "Renamed"), [a, b2, c, d])).toHaveLength(4);
    const e = story("e", [], "https://cdn.example.org/e.mp3");
    expect(write(pages, context([a, b2, c, d, e], "Renamed"), [a, b2, c, d, e])).toHaveLength(5);
  });

  it("rewrites every page when a show gains its first episode (story and show pages link its feed)", () => {
    const pages = new PreviewPages();
    const [a, b] = [story("p", ["music"]), story("q")];
    const withPodcasts = (podcasts: string[]) => ({ ...model([a, b]), podcasts: podcasts.map((slug) => ({ slug })) }) as unknown as SiteModel;
    write(pages, context([a, b]), [a, b], withPodcasts([]));
    expect(write(pages, context([a, b]), [a, b], withPodcasts([]))).toEqual([]);
    expect(write(pages, context([a, b]), [a, b], withPodcasts(["night-desk"]))).toEqual(["/stories/p/", "/stories/q/", "/tags/music/"]);
  });

  it("rewrites a page whose images changed (a new card), and everything after a failed rebuild", () => {
    const pages = new PreviewPages();
    const [a, b] = [story("x"), story("y")];
    write(pages, context([a, b]), [a, b]);
    const ctx = context([a, b]);
    (ctx.images.planned as { stories: Record<string, unknown> }).stories.y = { card: { url: "/images/y-new.png", alt: "y" } };
    expect(write(pages, ctx, [a, b])).toEqual(["/stories/y/"]);
    // A chapter's image, with the story unchanged.
    (ctx.images.planned as { chapters: Record<string, unknown> }).chapters = { x: [{ url: "/images/x-chapter.jpg", alt: "A pear tree" }] };
    expect(write(pages, ctx, [a, b])).toEqual(["/stories/x/"]);
    pages.forget();
    expect(write(pages, ctx, [a, b])).toEqual(["/stories/x/", "/stories/y/"]);
  });

  it("rewrites the listing pages a story is on, and only those; removes the pages of a story that is gone", () => {
    const pages = new PreviewPages();
    const [a, b, c, d] = [story("a", ["music"]), story("b", ["music"]), story("c", ["music", "food"]), story("d", ["food"])];
    write(pages, context([a, b, c, d]), [a, b, c, d]);
    // c is saved: its page, and the one page of each topic that shows it (music's second, food's first).
    const c2 = story("c", ["music", "food"]);
    expect(write(pages, context([a, b, c2, d]), [a, b, c2, d])).toEqual(["/stories/c/", "/tags/music/2/", "/tags/food/"]);
    // b is saved: its page and music's first page; music's second page only counts b among music's stories.
    const b2 = story("b", ["music"]);
    expect(write(pages, context([a, b2, c2, d]), [a, b2, c2, d])).toEqual(["/stories/b/", "/tags/music/"]);
    // a is deleted: its page goes, music's pages shift (both rewritten), food is untouched.
    expect(write(pages, context([b2, c2, d]), [b2, c2, d])).toEqual(["/tags/music/", "-stories/a/index.html", "-tags/music/2/index.html"]);
    // A new card for d shows on food's page (the story list shows covers).
    const ctx = context([b2, c2, d]);
    (ctx.images.planned as { stories: Record<string, unknown> }).stories.d = { cover: { url: "/images/d-new.png", alt: "" } };
    expect(write(pages, ctx, [b2, c2, d])).toEqual(["/stories/d/", "/tags/food/"]);
  });

  it("rewrites every page of a listing whose own fields change, or whose stories' addresses do", () => {
    const pages = new PreviewPages();
    const [a, b, c] = [story("a", ["music"]), story("b", ["music"]), story("c", ["music"])];
    const described = (stories: Story[], description: string) => {
      const site = model(stories) as unknown as { tagPages: Array<{ of: Record<string, unknown> }> };
      // Every page of one group shares its group object, as buildSite makes them.
      const of = { ...site.tagPages[0]?.of, description };
      for (const page of site.tagPages) page.of = of;
      return site as unknown as SiteModel;
    };
    write(pages, context([a, b, c]), [a, b, c], described([a, b, c], "Songs"));
    expect(write(pages, context([a, b, c]), [a, b, c], described([a, b, c], "Songs"))).toEqual([]);
    // The topic's description (a group's own field) is on each of its pages.
    expect(write(pages, context([a, b, c]), [a, b, c], described([a, b, c], "Songs and bands"))).toEqual(["/tags/music/", "/tags/music/2/"]);
    // c moves to a new address on the second page: the first page's group names it too.
    const moved = { ...c, slug: "c-new", url: "/stories/c-new/" } as Story;
    expect(write(pages, context([a, b, moved]), [a, b, moved], described([a, b, moved], "Songs and bands"))).toEqual(["/stories/c-new/", "/tags/music/", "/tags/music/2/", "-stories/c/index.html"]);
  });
});

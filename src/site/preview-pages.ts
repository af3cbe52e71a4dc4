// Under `npm start`: what each page Verbatim writes was made from at the last rebuild, so that a
// save rewrites only the pages it changed, and removes the pages of stories that are gone (renamed
// or deleted). The search index catches up in the background.
//
// What a page is made from, as a key:
// - every page: the settings, the security policy, the layouts, the show art, which shows have a
//   podcast feed (story and show pages link it) (`shared`);
// - a story page: its Story (a new object whenever its file or the settings change:
//   src/site/load.ts) and its images (card, cover, chapter images);
// - a listing page: what it lists (the year, show, speaker or topic, with the addresses of its
//   stories in order), its page number, and each story on it with its images.
// A layout that reads more of the model must add it here.

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ListingPage } from "../story/listing.ts";
import type { SiteModel } from "../story/site.ts";
import type { Story } from "../story/story.ts";
import { currentModel, type BuildContext } from "./context.ts";
import { contentSecurityPolicy } from "./csp.ts";
import { FileWriter } from "./file-writer.ts";
import { listingPages, type ListingKind } from "./listing-pages.ts";
import { PageMaker, pageFile } from "./page-maker.ts";
import { buildSearchIndex } from "./search.ts";
import { since, writeListing, writeStory } from "./story-pages.ts";

/** What every Nunjucks file under the layouts folder says, hashed (a dozen small files). */
function layoutsKey(dir: string): string {
  const hash = createHash("sha256");
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith(".njk")).sort();
  for (const file of files) hash.update(file).update("\0").update(fs.readFileSync(path.join(dir, file))).update("\0");
  return hash.digest("hex");
}

/** The pages a rebuild must write, and the files of pages that are gone. */
export interface PreviewPlan {
  stories: Story[];
  listings: Array<{ kind: ListingKind; listing: ListingPage<unknown, unknown> }>;
  /** How many listing pages the site has. */
  allListings: number;
  gone: string[];
}

export class PreviewPages {
  private layouts = "";
  private shared = "";
  /** Each page on disk, by its file: what it was made from, and the files written with it. */
  private made = new Map<string, { key: string; files: string[] }>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;
  /**
   * A story's images as a short number: the same pictures, the same number. A listing page's key
   * names a hundred stories with their images; written out, the keys of an archive's listing
   * pages were 80 MB of text made again on every save.
   */
  private readonly imageIds = new Map<string, number>();
  private searching: AbortController | undefined;
  private indexing: Promise<void> = Promise.resolve();

  private id(story: Story): number {
    let id = this.ids.get(story);
    if (id === undefined) {
      id = ++this.nextId;
      this.ids.set(story, id);
    }
    return id;
  }

  /** The pages to write now; every page's key is taken as written (`forget` after a failure). */
  plan(context: BuildContext, model: SiteModel): PreviewPlan {
    const images = context.images.planned;
    const podcasts = (model.podcasts ?? []).map((show) => show.slug);
    const shared = JSON.stringify([context.settings, contentSecurityPolicy(model.stories), images?.shows ?? null, podcasts]);
    const layouts = layoutsKey(path.join(context.paths.root, context.paths.layouts));
    // The output folder emptied (or removed) while serving: nothing is on disk any more. A page
    // removed by hand is written again when it next changes (checking every file on each save
    // cost more than the rest of the work).
    const emptied = !fs.existsSync(path.join(context.outputDir, "stories"));
    if (layouts !== this.layouts || shared !== this.shared || emptied) {
      this.layouts = layouts;
      this.shared = shared;
      this.made = new Map();
    }
    const imageKeys = new Map<string, number>();
    const imagesOf = (story: Story) => {
      let key = imageKeys.get(story.slug);
      if (key === undefined) {
        const json = JSON.stringify([images?.stories[story.slug] ?? null, images?.chapters?.[story.slug] ?? null]);
        key = this.imageIds.get(json);
        if (key === undefined) this.imageIds.set(json, (key = this.imageIds.size));
        imageKeys.set(story.slug, key);
      }
      return key;
    };
    const isStory = (value: unknown): value is Story => typeof value === "object" && value !== null && this.ids.has(value);
    for (const story of model.stories) this.id(story);
    // A story's part of a key is made once per save, not per listing.
    const tokens = new Map<Story, string>();
    const token = (story: Story) => {
      let text = tokens.get(story);
      if (text === undefined) tokens.set(story, (text = `#${this.ids.get(story)}:${imagesOf(story)}`));
      return text;
    };
    // What a page lists names its stories by address (which, and in what order: the counts and
    // pages); the stories on the page itself are what they say, by identity, with their images.
    // A list of stories is written as one string of their addresses: JSON would call this for each.
    const listed = (_: string, value: unknown) =>
      isStory(value) ? value.url : Array.isArray(value) && value.length > 0 && value.every(isStory) ? value.map((story: Story) => story.url).join("\n") : value;
    const shown = (_: string, value: unknown) => (isStory(value) ? token(value) : value);
    const groups = new Map<unknown, string>();
    const groupKey = (of: unknown) => {
      let key = groups.get(of);
      if (key === undefined) {
        // Hashed: a show's key names its thousands of stories, and each of its pages' keys holds it
        // (compared with the last save's, which would copy every one flat).
        key = createHash("sha256").update(JSON.stringify(of, listed)).digest("base64");
        groups.set(of, key);
      }
      return key;
    };

    const now = new Map<string, { key: string; files: string[] }>();
    const wanted = (file: string, key: string) => {
      const before = this.made.get(file);
      now.set(file, { key, files: before?.key === key ? before.files : [file] });
      return before?.key !== key;
    };
    const stories = model.stories.filter((story) => wanted(pageFile(context.outputDir, story.url), token(story)));
    const all = [...listingPages(model)];
    const itemKey = (item: unknown) => (isStory(item) ? token(item) : JSON.stringify(item, shown));
    const listings = all.filter(({ kind, listing }) =>
      wanted(pageFile(context.outputDir, listing.url), `${kind.layout} ${groupKey(listing.of)} ${listing.number}/${listing.count} ${listing.items.map(itemKey).join(",")}`),
    );
    const gone = [...this.made].filter(([file]) => !now.has(file)).flatMap(([, page]) => page.files);
    this.made = now;
    return { stories, listings, allListings: all.length, gone };
  }

  /** The files written with a story page (its transcripts), removed with it when the story goes. */
  wrote(file: string, files: string[]): void {
    const page = this.made.get(file);
    if (page) page.files = files;
  }

  /** `npm start` is stopping: the background index stops too, so the process can end. */
  stop(): void {
    this.searching?.abort();
  }

  /** After a failed rebuild: nothing is known to be on disk. */
  forget(): void {
    this.made = new Map();
  }

  /**
   * Indexes the site again in the background. A newer save stops an earlier run that has not
   * finished, and starts once that run has ended its pagefind process (pagefind runs one at a time).
   */
  reindex(context: BuildContext): void {
    this.searching?.abort();
    const searching = new AbortController();
    this.searching = searching;
    this.indexing = this.indexing.then(async () => {
      if (searching.signal.aborted) return;
      const started = performance.now();
      try {
        const index = await buildSearchIndex(context.outputDir, context.settings.language, { signal: searching.signal, swap: true });
        context.log.info(`Search: ${index.pages} stories indexed, ${(index.bytes / 1024).toFixed(0)} KiB, in the background in ${since(started)}`);
      } catch (error) {
        if (!searching.signal.aborted) context.log.warn(`Search: the index could not be rebuilt (${(error as Error).message}); it will be on the next save.`);
      }
    });
  }
}

/** Removes the files of pages that are gone, and their folders once empty. */
async function remove(files: string[]): Promise<void> {
  await Promise.all(files.map((file) => fs.promises.rm(file, { force: true })));
  for (const folder of new Set(files.map((file) => path.dirname(file)))) await fs.promises.rmdir(folder).catch(() => undefined);
}

/** Under `npm start`: the pages a save changed, at once; the search index catches up in the background. */
export async function writePreviewPages(context: BuildContext): Promise<void> {
  const started = performance.now();
  const maker = new PageMaker(context.engine, context.outputDir);
  const model = currentModel(context);
  const writer = new FileWriter();
  const preview = (context.previewPages ??= new PreviewPages());
  const plan = preview.plan(context, model);
  try {
    for (const story of plan.stories) {
      const { files } = await writeStory(context, maker, story, writer);
      preview.wrote(pageFile(context.outputDir, story.url), files);
    }
    for (const { kind, listing } of plan.listings) await writeListing(context, maker, kind, listing, writer);
    await writer.finish();
    await remove(plan.gone);
  } catch (error) {
    preview.forget();
    await writer.finish().catch(() => undefined);
    throw error;
  }
  context.log.info(`Stories: ${plan.stories.length} of ${model.stories.length} pages and ${plan.listings.length} of ${plan.allListings} listing pages written${plan.gone.length ? `, ${plan.gone.length} files of pages gone removed` : ""} in ${since(started)}`);
  preview.reindex(context);
}

// Site search: pagefind indexes the story pages (the <article data-pagefind-body>) into
// <output>/pagefind/, each page handed over as it is made (src/site/story-pages.ts), in parts for
// a large archive. Also each story's search filters, which its page carries for the indexer.

import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import { InFlight } from "./in-flight.ts";
import type { Story } from "../story/story.ts";

/**
 * What a story page says besides the story: the show link, date, topic list, player, speaker list,
 * download links, contents list, play-from-a-moment controls, provenance and the reading tools.
 * Left out of the index so excerpts quote the transcript, not the page's furniture.
 */
export const NOT_INDEXED = [
  ".story-show", ".story-meta", ".story-tags", ".player", ".in-this-story", ".transcript-downloads", "#transcript-heading",
  ".v-contents", ".v-keys", ".v-moment", ".v-play", ".v-time", ".provenance", ".reader-tools",
];

/** pagefind's ready-made interfaces: the site has its own, so they are not published. */
const UNUSED = ["pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js"];

export interface SearchFilter {
  key: "show" | "tag" | "speaker";
  value: string;
}

/**
 * The story's search filters: its show, topics and named speakers, each its own
 * `<span data-pagefind-filter="key">value</span>` (pagefind reads one value per element).
 */
export function pagefindFilters(story: Story): SearchFilter[] {
  const filters: SearchFilter[] = [{ key: "show", value: story.show.name }];
  for (const tag of story.tags) filters.push({ key: "tag", value: tag.name });
  for (const speaker of story.speakers) if (speaker.url) filters.push({ key: "speaker", value: speaker.name });
  return filters;
}

export interface SearchIndexReport {
  pages: number;
  bytes: number;
}

function sizeOf(dir: string): number {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .reduce((sum, d) => sum + fs.statSync(path.join(d.parentPath, d.name)).size, 0);
}

/**
 * Stories per index part. pagefind holds a whole index in memory while it builds it (about
 * 0.25 MB per story page here), so a large archive is indexed in parts, one after the other, and
 * the search page merges them: memory stays bounded at any size.
 */
export const SEARCH_PART_SIZE = 2500;

/** What the search page reads to find the parts besides the main index: `{"parts":["part-2/"]}`. */
export const PARTS_FILE = "parts.json";

/** Pages handed to pagefind and not yet taken in: enough to keep its process busy. */
const PAGES_IN_FLIGHT = 8;

/** Where part `n` (from 1) of an index in parts is written, under pagefind/: "" for the first. */
const partFolder = (n: number) => (n === 1 ? "" : `part-${n}/`);

/**
 * The search index, fed page by page as the story pages are made (pagefind indexes in its own
 * process, on another core, while the next pages render). A large archive is indexed in parts of
 * at most `partSize` pages, one after the other: each part's index is written and its process
 * ended before the next starts, so memory stays bounded at any size. Pages must come in the order
 * the parts should hold them (by slug), and `total` says how many will come.
 */
export class SearchIndexer {
  private readonly target: string;
  private readonly parts: string[] = [];
  private readonly pending = new InFlight(PAGES_IN_FLIGHT);
  private index: pagefind.PagefindIndex | undefined;
  private part = 0;
  private inPart = 0;
  private pages = 0;

  /** `target`: where the index goes (default `<outputDir>/pagefind`); emptied first. */
  constructor(
    outputDir: string,
    private readonly language: string,
    private readonly total: number,
    private readonly partSize = SEARCH_PART_SIZE,
    target = path.join(outputDir, "pagefind"),
  ) {
    this.target = target;
    fs.rmSync(this.target, { recursive: true, force: true });
  }

  private async open(): Promise<pagefind.PagefindIndex> {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: this.language.split("-")[0] ?? "en", excludeSelectors: NOT_INDEXED });
    if (!index) throw new Error(`pagefind could not start: ${errors.join("; ")}`);
    this.part++;
    this.inPart = 0;
    return index;
  }

  /** Writes the open part's index and ends pagefind's process, and with it that part's memory. */
  private async close(): Promise<void> {
    const index = this.index;
    if (!index) return;
    this.index = undefined;
    try {
      await this.pending.settle();
      const folder = this.total <= this.partSize ? "" : partFolder(this.part);
      const written = await index.writeFiles({ outputPath: path.join(this.target, folder) });
      if (written.errors.length) throw new Error(`pagefind could not write its index: ${written.errors.join("; ")}`);
      if (folder) this.parts.push(folder);
    } finally {
      await pagefind.close();
    }
  }

  /**
   * Hands one page to pagefind, once fewer than PAGES_IN_FLIGHT are waiting for it (or, at the end
   * of a part, once that part is written); returns how long that took, in milliseconds.
   */
  async add(url: string, html: string): Promise<number> {
    const waiting = performance.now();
    // Room first, so pagefind works on the pages already sent while this one was being made.
    await this.pending.room();
    this.pending.check();
    if (this.index && this.inPart >= this.partSize) await this.close();
    this.index ??= await this.open();
    const waited = performance.now() - waiting;
    this.inPart++;
    this.pages++;
    this.pending.track(
      this.index.addHTMLFile({ url, content: html }).then(({ errors }) => {
        if (errors.length) throw new Error(`pagefind could not index ${url}: ${errors.join("; ")}`);
      }),
    );
    return waited;
  }

  /** Writes the last part and the list of parts; reports the pages and the index's size. */
  async finish(): Promise<SearchIndexReport> {
    if (this.pages === 0) this.index = await this.open();
    await this.close();
    for (const folder of ["", ...this.parts]) for (const file of UNUSED) fs.rmSync(path.join(this.target, folder, file), { force: true });
    fs.writeFileSync(path.join(this.target, PARTS_FILE), `${JSON.stringify({ parts: this.parts })}\n`);
    return { pages: this.pages, bytes: sizeOf(this.target) };
  }

  /** After a failure elsewhere: ends pagefind's process without writing. */
  async abandon(): Promise<void> {
    this.index = undefined;
    await this.pending.settle().catch(() => undefined);
    await pagefind.close();
  }
}

/** The story pages of a built site, in slug order: the folders under stories/ that hold a page. */
export function builtStoryPages(outputDir: string): string[] {
  const storiesDir = path.join(outputDir, "stories");
  if (!fs.existsSync(storiesDir)) return [];
  return fs.readdirSync(storiesDir).filter((slug) => fs.existsSync(path.join(storiesDir, slug, "index.html"))).sort();
}

export interface IndexOptions {
  partSize?: number;
  /** Stops indexing (a newer save under `npm start`), leaving no process behind. */
  signal?: AbortSignal;
  /**
   * Builds the index beside the live one and puts it in place whole when it is done, so the
   * site's search keeps working meanwhile (the preview under `npm start`).
   */
  swap?: boolean;
}

/** Puts a finished index in place of the live one with renames. */
function swapIndex(next: string, live: string): void {
  const old = `${live}.old`;
  fs.rmSync(old, { recursive: true, force: true });
  if (fs.existsSync(live)) fs.renameSync(live, old);
  fs.renameSync(next, live);
  fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Indexes the story pages of a site already on disk into `<outputDir>/pagefind/`, in parts of at
 * most `partSize` stories (`pagefind/part-2/` …, listed in `pagefind/parts.json`). One index in the
 * site's language: a story in another language is still found from the search page.
 */
export async function buildSearchIndex(outputDir: string, language: string, options: IndexOptions = {}): Promise<SearchIndexReport> {
  const { signal } = options;
  const slugs = builtStoryPages(outputDir);
  const live = path.join(outputDir, "pagefind");
  const target = options.swap ? path.join(outputDir, ".pagefind-next") : live;
  const indexer = new SearchIndexer(outputDir, language, slugs.length, options.partSize, target);
  try {
    for (const slug of slugs) {
      signal?.throwIfAborted();
      await indexer.add(`/stories/${slug}/`, fs.readFileSync(path.join(outputDir, "stories", slug, "index.html"), "utf8"));
    }
    signal?.throwIfAborted();
    const report = await indexer.finish();
    if (options.swap) swapIndex(target, live);
    return report;
  } catch (error) {
    await indexer.abandon();
    if (options.swap) fs.rmSync(target, { recursive: true, force: true });
    throw error;
  }
}

// Site search: after Eleventy writes the site (a build's staging folder, or `npm start`'s output),
// pagefind indexes the story pages (the <article data-pagefind-body>) into <output>/pagefind/.
// Also each story's search filters, which its page carries for the indexer.

import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { Story } from "../story/story.ts";
import type { BuildContext } from "./context.ts";

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

const PAGES_GLOB = "stories/**/*.html";

async function indexInto(siteDir: string, outputPath: string, language: string): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language.split("-")[0] ?? "en", excludeSelectors: NOT_INDEXED });
    if (!index) throw new Error(`pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteDir, glob: PAGES_GLOB });
    if (added.errors.length) throw new Error(`pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind could not write its index: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    // Ends pagefind's process, and with it the memory of this part.
    await pagefind.close();
  }
}

/**
 * A folder that shows pagefind only some of the story pages, at their own paths (so their URLs
 * are the same): hard links, made in an instant and taking no space.
 */
function partView(outputDir: string, slugs: readonly string[], n: number): string {
  const view = path.join(outputDir, `.search-part-${n}`);
  fs.rmSync(view, { recursive: true, force: true });
  for (const slug of slugs) {
    fs.mkdirSync(path.join(view, "stories", slug), { recursive: true });
    fs.linkSync(path.join(outputDir, "stories", slug, "index.html"), path.join(view, "stories", slug, "index.html"));
  }
  return view;
}

/**
 * Indexes the story pages of a built site into `<outputDir>/pagefind/`, in parts of at most
 * `partSize` stories (`pagefind/part-2/` …, listed in `pagefind/parts.json`). One index in the
 * site's language: a story in another language is still found from the search page.
 */
export async function buildSearchIndex(outputDir: string, language: string, partSize = SEARCH_PART_SIZE): Promise<SearchIndexReport> {
  const target = path.join(outputDir, "pagefind");
  fs.rmSync(target, { recursive: true, force: true });
  const storiesDir = path.join(outputDir, "stories");
  const slugs = fs.existsSync(storiesDir) ? fs.readdirSync(storiesDir).filter((slug) => fs.existsSync(path.join(storiesDir, slug, "index.html"))).sort() : [];
  let pages = 0;
  const parts: string[] = [];
  if (slugs.length <= partSize) {
    pages = await indexInto(outputDir, target, language);
  } else {
    for (let start = 0, n = 1; start < slugs.length; start += partSize, n++) {
      const view = partView(outputDir, slugs.slice(start, start + partSize), n);
      try {
        const folder = n === 1 ? "" : `part-${n}/`;
        pages += await indexInto(view, path.join(target, folder), language);
        if (folder) parts.push(folder);
      } finally {
        fs.rmSync(view, { recursive: true, force: true });
      }
    }
  }
  for (const file of UNUSED) fs.rmSync(path.join(target, file), { force: true });
  for (const part of parts) for (const file of UNUSED) fs.rmSync(path.join(target, part, file), { force: true });
  fs.writeFileSync(path.join(target, PARTS_FILE), `${JSON.stringify({ parts })}\n`);
  return { pages, bytes: sizeOf(target) };
}

/** After Eleventy writes (a build or a save under `npm start`): the index of the story pages. */
export async function indexSearch(context: BuildContext): Promise<void> {
  const started = performance.now();
  const report = await buildSearchIndex(context.outputDir, context.settings.language);
  context.log.info(`Search: ${report.pages} stories indexed, ${(report.bytes / 1024).toFixed(0)} KiB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

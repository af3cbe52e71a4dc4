// Site search: after Eleventy writes the site (a build's staging folder, or `npm start`'s output),
// pagefind indexes the story pages (the <article data-pagefind-body>) into <output>/pagefind/.
// Also the filters templates use for it: each story's search filters, and the page's CSP.

import fs from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";
import type { SiteSettings } from "../story/settings.ts";
import type { Story } from "../story/story.ts";
import { contentSecurityPolicy } from "./csp.ts";
import type { EleventyConfig } from "./eleventy.ts";
import type { ProjectPaths } from "./paths.ts";

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
 * Indexes the story pages of a built site into `<outputDir>/pagefind/`. One index in the site's
 * language: a story in another language is still found from the search page.
 */
export async function buildSearchIndex(outputDir: string, language: string): Promise<SearchIndexReport> {
  const target = path.join(outputDir, "pagefind");
  fs.rmSync(target, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language.split("-")[0] ?? "en", excludeSelectors: NOT_INDEXED });
    if (!index) throw new Error(`pagefind could not start: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: outputDir, glob: "stories/**/*.html" });
    if (added.errors.length) throw new Error(`pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length) throw new Error(`pagefind could not write its index: ${written.errors.join("; ")}`);
    for (const file of UNUSED) fs.rmSync(path.join(target, file), { force: true });
    return { pages: added.page_count, bytes: sizeOf(target) };
  } finally {
    await pagefind.close();
  }
}

/** Eleventy glue: the index after every write (build or `npm start`), and the templates' filters. */
export function addSearch(config: EleventyConfig, paths: ProjectPaths, settings: SiteSettings): void {
  config.addFilter("pagefindFilters", (story: Story) => pagefindFilters(story));
  config.addFilter("contentSecurityPolicy", (stories: Story[]) => contentSecurityPolicy(stories));
  config.on("eleventy.after", async (...args: unknown[]) => {
    const event = args[0] as { directories?: { output?: string } } | undefined;
    const outputDir = path.resolve(paths.root, event?.directories?.output ?? paths.output);
    const started = performance.now();
    const report = await buildSearchIndex(outputDir, settings.language);
    console.log(`Search: ${report.pages} stories indexed, ${(report.bytes / 1024).toFixed(0)} KiB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
}

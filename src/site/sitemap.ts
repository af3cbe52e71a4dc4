// The sitemap's entries: the pages Eleventy wrote (its collection of all pages, in its order) and
// the story pages Verbatim writes itself (src/site/story-pages.ts), newest first, standing where
// their layout's name sorts among the page templates, as they did when Eleventy wrote them.

import path from "node:path";
import type { Story } from "../story/story.ts";
import { STORY_LAYOUT } from "./story-pages.ts";

/** A page of Eleventy's collection, as the sitemap reads it. */
export interface CollectionPage {
  url?: string | false;
  inputPath: string;
}

export interface SitemapEntry {
  url: string;
  /** The story's date, for a story page. */
  lastmod?: string;
}

export function sitemapEntries(pages: readonly CollectionPage[], stories: readonly Pick<Story, "url" | "date">[]): SitemapEntry[] {
  const listed = pages.filter((page): page is CollectionPage & { url: string } => Boolean(page.url) && page.url !== "/404.html");
  const at = listed.findIndex((page) => path.posix.basename(page.inputPath) > STORY_LAYOUT);
  const storyEntries = stories.map((story) => ({ url: story.url, lastmod: story.date }));
  const entries = listed.map((page) => ({ url: page.url }));
  entries.splice(at === -1 ? entries.length : at, 0, ...storyEntries);
  return entries;
}

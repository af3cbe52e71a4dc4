// The sitemap's entries: the pages Eleventy wrote (its collection of all pages, in its order) and
// the pages Verbatim writes itself (src/site/story-pages.ts): the story pages, newest first, and
// each kind of listing page, in its pages' order. Each stands where its layout's file name sorts
// among Eleventy's page templates, as they did when Eleventy wrote them.

import path from "node:path";
import type { SiteModel } from "../story/site.ts";
import { LISTINGS } from "./listing-pages.ts";
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

/** Pages Verbatim writes, under the file name of their layout. */
export interface WrittenPages {
  layout: string;
  entries: SitemapEntry[];
}

/** What Verbatim writes, kind by kind. */
export function writtenPages(model: SiteModel): WrittenPages[] {
  return [
    { layout: STORY_LAYOUT, entries: model.stories.map((story) => ({ url: story.url, lastmod: story.date })) },
    ...LISTINGS.map((kind) => ({ layout: kind.layout, entries: kind.pages(model).map((listing) => ({ url: listing.url })) })),
  ];
}

export function sitemapEntries(pages: readonly CollectionPage[], written: readonly WrittenPages[]): SitemapEntry[] {
  const name = (file: string) => path.posix.basename(file);
  const waiting = [...written].sort((a, b) => (name(a.layout) < name(b.layout) ? -1 : name(a.layout) > name(b.layout) ? 1 : 0));
  const entries: SitemapEntry[] = [];
  for (const page of pages) {
    if (!page.url || page.url === "/404.html") continue;
    while (waiting[0] && name(waiting[0].layout) < name(page.inputPath)) entries.push(...(waiting.shift()?.entries ?? []));
    entries.push({ url: page.url });
  }
  for (const kind of waiting) entries.push(...kind.entries);
  return entries;
}

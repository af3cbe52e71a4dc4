// Which pages an audit covers: every HTML page of the built site, or a deterministic share of them.

import fs from "node:fs";
import path from "node:path";

export function listPages(siteDir: string): string[] {
  return (fs.readdirSync(siteDir, { recursive: true, encoding: "utf8" }) as string[])
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => f.endsWith(".html"))
    .sort();
}

/** "2/3" → { index: 2, count: 3 }; undefined for a malformed value. */
export function parseShard(text: string): { index: number; count: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const [index, count] = [Number(m[1]), Number(m[2])];
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** Shard i of n: every n-th page of the sorted list, starting at the i-th. Together they cover all pages once. */
export function shardPages(pages: string[], shard: { index: number; count: number } | undefined): string[] {
  if (!shard) return pages;
  return [...pages].sort().filter((_, i) => i % shard.count === shard.index - 1);
}

/**
 * The pages in the order to audit them: largest file first. A page's audit time grows with its
 * size (a story of 750 elements takes seconds, a tag page a fraction of one), so starting the
 * long ones first lets the short ones fill the tabs around them, instead of one long page running
 * alone at the end while the other tabs sit idle. Ties keep the list's order.
 */
export function largestFirst(siteDir: string, pages: string[]): string[] {
  const size = (page: string): number => {
    try {
      return fs.statSync(path.join(siteDir, page)).size;
    } catch {
      return 0;
    }
  };
  return pages
    .map((page, index) => ({ page, index, size: size(page) }))
    .sort((a, b) => b.size - a.size || a.index - b.index)
    .map((p) => p.page);
}

/** The URL a page is served at: "stories/x/index.html" → "<base>stories/x/". */
export function pageUrl(base: string, page: string): string {
  return new URL(page.replace(/(^|\/)index\.html$/u, "$1"), base).href;
}

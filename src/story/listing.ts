// Listing pages: a topic, show, speaker or year with more stories than one page should hold is
// split into numbered pages (/tags/music/, /tags/music/2/ …), so no page of a large archive
// grows with the archive. Pure.

/** Stories on one listing page: a screenful of cards many times over, never megabytes of HTML. */
export const LIST_PAGE_SIZE = 100;

export interface PageLink {
  number: number;
  url: string;
}

export interface ListingPage<G, T> {
  /** What is listed: a tag, show, speaker or year. */
  of: G;
  items: T[];
  /** 1-based. */
  number: number;
  count: number;
  /** Site path of this page: "/tags/music/" for the first, "/tags/music/2/" after. */
  url: string;
  /** Every page's number and address, for the page list (only when there is more than one). */
  pages: PageLink[];
  previous?: PageLink;
  next?: PageLink;
}

/** The address of page `number` of a listing that starts at `base` ("/tags/music/"). */
export function pageUrl(base: string, number: number): string {
  return number === 1 ? base : `${base}${number}/`;
}

/** `items` of `of` in pages of at most `size`, the first at `base`. An empty listing has one page. */
export function paginate<G, T>(of: G, base: string, items: readonly T[], size = LIST_PAGE_SIZE): ListingPage<G, T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const pages = Array.from({ length: count }, (_, i) => ({ number: i + 1, url: pageUrl(base, i + 1) }));
  return pages.map((page, i) => ({
    of,
    items: items.slice(i * size, (i + 1) * size),
    number: page.number,
    count,
    url: page.url,
    pages: count > 1 ? pages : [],
    ...(i > 0 ? { previous: pages[i - 1] } : {}),
    ...(i < count - 1 ? { next: pages[i + 1] } : {}),
  }));
}

/**
 * The page numbers a page list shows: the first, the last, and two either side of the current
 * one; `undefined` marks a gap. A topic of 10,000 stories gets a list of 7 links, not 100.
 */
export function visiblePages(pages: readonly PageLink[], current: number): Array<PageLink | undefined> {
  const shown = pages.filter((p) => p.number === 1 || p.number === pages.length || Math.abs(p.number - current) <= 2);
  const out: Array<PageLink | undefined> = [];
  for (const page of shown) {
    const before = out.at(-1);
    if (before && page.number > before.number + 1) out.push(undefined);
    out.push(page);
  }
  return out;
}

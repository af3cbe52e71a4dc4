// The listing pages (each year of the archive, show, speaker and topic, in pages of at most
// LIST_PAGE_SIZE stories: src/story/listing.ts), made by Verbatim like the story pages
// (src/site/page-maker.ts): at 10,000 stories they are some 800 pages that Eleventy would
// paginate, hold and, under `npm start`, make again on every save.

import type { ListingPage } from "../story/listing.ts";
import type { SiteModel } from "../story/site.ts";
import type { SiteImages } from "./images.ts";
import type { PageToMake } from "./page-maker.ts";

export interface ListingKind {
  /** The layout, in the layouts folder. Its file name also places the pages in the sitemap (src/site/sitemap.ts). */
  layout: string;
  pages(model: SiteModel): readonly ListingPage<unknown, unknown>[];
}

/** Every kind of listing page, in the order of the sitemap (as Eleventy listed them: by layout name). */
export const LISTINGS: readonly ListingKind[] = [
  { layout: "listings/archive-year.njk", pages: (model) => model.yearPages },
  { layout: "listings/show.njk", pages: (model) => model.showPages },
  { layout: "listings/speaker.njk", pages: (model) => model.speakerPages },
  { layout: "listings/tag.njk", pages: (model) => model.tagPages },
];

/** A listing page as the page maker takes it: the layout reads `listing`, the model and the images. */
export function listingPage(kind: ListingKind, listing: ListingPage<unknown, unknown>, model: SiteModel, images: SiteImages | undefined): PageToMake {
  return { layout: kind.layout, url: listing.url, data: { verbatim: model, images, listing }, source: `${kind.layout} (${listing.url})` };
}

/** Every listing page of the site, kind by kind. */
export function* listingPages(model: SiteModel): Generator<{ kind: ListingKind; listing: ListingPage<unknown, unknown> }> {
  for (const kind of LISTINGS) for (const listing of kind.pages(model)) yield { kind, listing };
}

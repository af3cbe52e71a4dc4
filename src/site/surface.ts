// The whole Eleventy surface of Verbatim on one screen: what the layouts may use (globals and
// filters), the templates that are not files in content/, and the steps that run before and after
// Eleventy writes, in order. plugin.ts installs exactly this; nothing else talks to Eleventy.
// Each entry is given the build's context; what it does lives in the module it names.

import { visiblePages, type ListingPage } from "../story/listing.ts";
import type { ShowGroup, SiteModel } from "../story/site.ts";
import type { Link, Story } from "../story/story.ts";
import { currentModel, refreshModel, type BuildContext } from "./context.ts";
import { chapterDownloadsFor } from "./chapter-files.ts";
import { contentSecurityPolicy } from "./csp.ts";
import { readableDate } from "../story/dates.ts";
import { mediaFragmentUrl } from "../transcript/markup.ts";
import { formatTimestamp } from "../transcript/times.ts";
import { recordSuccess } from "./dev-server.ts";
import { downloadsFor, FEED_TEMPLATE, podcastFeed, podcastFeedPath, SITE_FEED_TEMPLATE, siteFeed, storyJsonLdFor } from "./exports.ts";
import { checkFeedsStep } from "./feed-checks.ts";
import { HEADERS_TEMPLATE, hostHeaders } from "./headers.ts";
import { finishImages, startImages, type SiteImages } from "./images.ts";
import { pagefindFilters } from "./search.ts";
import { sitemapEntries, writtenPages, type CollectionPage } from "./sitemap.ts";
import { writePreviewPages } from "./preview-pages.ts";
import { writeStoryPages } from "./story-pages.ts";

const handedOver = new WeakMap<object, object>();

/**
 * A global as Eleventy should take it: as it is. Eleventy deep-copies every plain object in its
 * data on every build unless the object is frozen, and the model and the image plan hold an
 * object for each story (0.3 s of each save under `npm start` at 10,000 stories, and its garbage).
 * A frozen copy of the top level stops the copy; nothing below it is copied or frozen.
 */
function asIs<T extends object>(value: T | undefined): T | undefined {
  if (value === undefined) return undefined;
  let frozen = handedOver.get(value);
  if (!frozen) {
    frozen = Object.freeze({ ...value });
    handedOver.set(value, frozen);
  }
  return frozen as T;
}

/** Global data the layouts read. */
export const GLOBALS: Record<string, (context: BuildContext) => unknown> = {
  /** The site model: settings, stories, shows, tags, speakers, listings (src/story/site.ts). */
  verbatim: (context) => asIs(currentModel(context)),
  /** Every image's picture and alt text, planned before the pages (src/site/images.ts). */
  images: (context) => asIs(context.images.planned),
};

type Filter = (...args: never[]) => unknown;

/** Filters the layouts use, by name. */
export const FILTERS: Record<string, (context: BuildContext) => Filter> = {
  /** "April 21, 2026", in the page's language or the site's. */
  readableDate: (context) => (date: string, lang?: string) => readableDate(date, lang ?? context.settings.language),
  /** A site path as a full URL on the site's base URL (feeds, cards, canonical links). */
  absoluteUrl: (context) => (url: string) => new URL(url.replace(/^\//u, ""), context.settings.url).href,
  /** The page numbers a listing's pager shows around the current page. */
  visiblePages: () => (listing: ListingPage<unknown, unknown>) => visiblePages(listing.pages, listing.number),
  /** Whether a navigation link leads to the page being shown, or to a section it belongs to. */
  isCurrent: () => (url: string, pageUrl: string) => (url === "/" ? pageUrl === "/" : pageUrl.startsWith(url)),
  /** The story's search filters (show, topics, speakers) for the indexer. */
  pagefindFilters: () => (story: Story) => pagefindFilters(story),
  /**
   * The Content-Security-Policy of every page: worked out once per build, not once per page
   * (which would read every story for every page: quadratic in the size of the archive).
   */
  contentSecurityPolicy: () => {
    const policies = new WeakMap<readonly Story[], string>();
    return (stories: Story[]) => {
      let policy = policies.get(stories);
      if (policy === undefined) {
        policy = contentSecurityPolicy(stories);
        policies.set(stories, policy);
      }
      return policy;
    };
  },
  /** The sitemap's pages: Eleventy's, and the story and listing pages Verbatim writes (src/site/sitemap.ts). */
  sitemapEntries: () => (pages: CollectionPage[], model: SiteModel) => sitemapEntries(pages, writtenPages(model)),
  /** The chapter files a story page links to (JSON Chapters, WebVTT chapters), when it has chapters. */
  chapterDownloads: () => (story: Story) => chapterDownloadsFor(story),
  /** A chapter's start as readers see it, in whole seconds: "0:41". */
  chapterTime: () => (seconds: number) => formatTimestamp(Math.floor(seconds)),
  /** The audio's address that plays from a moment: "audio.mp3#t=41.3" (a media fragment). */
  mediaFragment: () => (audioUrl: string, seconds: number) => mediaFragmentUrl(audioUrl, seconds),
  /** The transcript files a story page links to (WebVTT, SRT, JSON, text). */
  transcriptDownloads: () => (story: Story) => downloadsFor(story),
  /** A show's podcast feed address; undefined for a show with no episode (it has no feed). */
  feedPath: (context) => (show: Link) => podcastFeedPath(currentModel(context), show),
  /** A show's podcast feed, whole. */
  podcastFeed: (context) => (show: ShowGroup, images: SiteImages | undefined) => podcastFeed(context, show, images),
  /** The site's feed of stories, whole. */
  siteFeed: (context) => () => siteFeed(context),
  /** A story page's schema.org data. */
  storyJsonLd: (context) => (story: Story, images: SiteImages | undefined) => storyJsonLdFor(context, story, images),
  /** The `_headers` file for Netlify and Cloudflare Pages: the policy as a header, CORS, types, cache lifetimes (src/site/headers.ts). */
  hostHeaders: (context) => (stories: Story[], images: SiteImages | undefined) => {
    const result = hostHeaders({ policy: contentSecurityPolicy(stories), ...(images ? { hashed: { folder: "images", files: images.jobs.map((job) => job.output) } } : {}) });
    for (const warning of result.warnings) context.log.warn(warning);
    return result.text;
  },
};

/** Templates that are not files in content/: the page templates in layouts/pages, and these. */
export const TEMPLATES = [FEED_TEMPLATE, SITE_FEED_TEMPLATE, HEADERS_TEMPLATE];

export interface Step {
  name: string;
  /** Only under `npm start` ("serve"), or only in a build. */
  only?: "serve" | "build";
  run(context: BuildContext): unknown;
}

/** Before Eleventy writes, one after another. A step that throws stops the build. */
export const BEFORE: readonly Step[] = [
  { name: "load the content", run: refreshModel },
  { name: "plan and start the images", run: startImages },
  // A build checked the feeds with the rest of the content, before Eleventy started.
  { name: "check the podcast feeds", only: "serve", run: checkFeedsStep },
];

/**
 * After Eleventy writes: started in this order and run together (the images still being drawn
 * finish while the story pages are written; pagefind indexes each story page in its own process
 * as it is made). A step that throws fails the build.
 */
export const AFTER: readonly Step[] = [
  { name: "images", run: finishImages },
  { name: "story and listing pages, the transcripts and the search index", only: "build", run: writeStoryPages },
  { name: "the story and listing pages a save changed; the search index in the background", only: "serve", run: writePreviewPages },
  { name: "preview shows the site again", only: "serve", run: recordSuccess },
];

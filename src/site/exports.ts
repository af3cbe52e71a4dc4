// The Eleventy side of what a story offers besides its page: transcript downloads next to it
// (/stories/<slug>/transcript.vtt …), a podcast feed per show with episodes (/shows/<slug>/feed.xml),
// the site's feed of stories (/feed.xml) and the page's schema.org data. The feeds are virtual
// templates (the podcast feed paginated over the shows), so the path prefix applies as it does to every page; the transcripts are written beside each story's page
// (src/site/story-pages.ts). What the files say is built by the pure modules (exporters, feeds/rss.ts,
// site/json-ld.ts).

import { exportsFor, type ExportFormatId } from "../interchange/exporters/index.ts";
import { withPassages } from "../interchange/exporters/passages.ts";
import { writeText } from "../interchange/exporters/text.ts";
import { feedPath, renderFeed, type FeedInput } from "../feeds/rss.ts";
import { renderSiteFeed, SITE_FEED_PATH } from "../feeds/site-feed.ts";
import type { ShowGroup, SiteModel } from "../story/site.ts";
import type { SiteImages } from "./images.ts";
import type { Link, Story } from "../story/story.ts";
import { currentModel, type BuildContext } from "./context.ts";
import { localAudioBytes } from "./feed-checks.ts";
import { serializeJsonLd, storyJsonLd } from "./json-ld.ts";
import { feedChapters } from "./chapter-files.ts";

/** One transcript file a story page links to. */
export interface Download {
  id: ExportFormatId;
  /** Link text: "WebVTT", "SRT", "JSON", "text". */
  label: string;
  /** Site path: "/stories/ferry/transcript.vtt". */
  url: string;
  mime: string;
  /** File name: "transcript.vtt". */
  file: string;
}

export function downloadsFor(story: Pick<Story, "url" | "timed">): Download[] {
  return exportsFor(story).map((format) => ({ id: format.id, label: format.label, url: `${story.url}${format.file}`, mime: format.mime, file: format.file }));
}

/**
 * Plain-text transcripts made for a page's JSON-LD, kept until transcript.txt is written from them:
 * the same text, made once. Only stories with audio put it in their JSON-LD, so only theirs wait
 * here; keyed by the Story, so whatever is left goes with the model.
 */
const plainTexts = new WeakMap<Story, string>();

function plainTextFor(story: Story): string {
  let text = plainTexts.get(story);
  if (text === undefined) {
    text = writeText(withPassages(story));
    plainTexts.set(story, text);
  }
  return text;
}

/** The story's transcript.txt: the text its page's JSON-LD was given, or made now from `exported`. */
function takePlainText(story: Story, exported: ReturnType<typeof withPassages<Story>>): string {
  const text = plainTexts.get(story);
  if (text === undefined) return writeText(exported);
  plainTexts.delete(story);
  return text;
}

/** One transcript file beside a story's page: "transcript.vtt" and what it says. */
export interface TranscriptFile {
  file: string;
  text: string;
}

/** A story's transcript files (the story is read once for all of them; the text is the one its page's JSON-LD was given, when it was). */
export function transcriptFiles(story: Story): TranscriptFile[] {
  const exported = withPassages(story);
  return exportsFor(story).map((format) => ({ file: format.file, text: format.id === "txt" ? takePlainText(story, exported) : format.write(exported) }));
}

/** Feed items by story, kept for the session under `npm start` (which writes every feed on each save). */
const feedItems = new WeakMap<BuildContext, NonNullable<FeedInput["items"]>>();

/** The show's podcast feed (the template `feed.njk` below writes it): its episodes only. */
export function podcastFeed(context: BuildContext, show: ShowGroup, images: SiteImages | undefined): string {
  const artUrl = images?.shows[show.slug]?.feedArt?.url;
  let items = feedItems.get(context);
  if (!items && context.mode === "serve") feedItems.set(context, (items = new WeakMap()));
  return renderFeed({
    show,
    ...(items ? { items } : {}),
    stories: show.episodes,
    settings: context.settings,
    audioBytes: (story) => localAudioBytes(context.paths.root, story),
    ...(artUrl ? { artUrl } : {}),
    chapters: (story) => feedChapters(context, story, images),
    ...(show.description ? { description: show.description } : {}),
    ...(show.guid ? { guid: show.guid } : {}),
  });
}

/** A show's podcast feed address, when it has one (a show with no episode has none). */
export function podcastFeedPath(site: SiteModel, show: Pick<Link, "slug" | "url">): string | undefined {
  return site.podcasts.some((podcast) => podcast.slug === show.slug) ? feedPath(show) : undefined;
}

/** The site's feed of stories (the template `site-feed.njk` below writes it). */
export function siteFeed(context: BuildContext): string {
  const site = currentModel(context);
  return renderSiteFeed(site.stories, site.settings);
}

/**
 * The story page's schema.org data, with the plain-text transcript on its audio (storyJsonLd puts it
 * nowhere else, so a story without audio does not make it).
 */
export function storyJsonLdFor(context: BuildContext, story: Story, images: SiteImages | undefined): string {
  const card = images?.stories[story.slug]?.card;
  const transcript = story.audio ? plainTextFor(story) : undefined;
  const feed = podcastFeedPath(currentModel(context), story.show);
  return serializeJsonLd(storyJsonLd(story, context.settings, { ...(transcript ? { transcript } : {}), ...(card ? { image: card } : {}), ...(feed ? { feed } : {}) }));
}

/** A podcast feed per show with episodes: a virtual template paginated over them, so the path prefix applies. */
export const FEED_TEMPLATE = {
  path: "_exports/feed.njk",
  content: "{{ show | podcastFeed(images) | safe }}",
  data: {
    pagination: { data: "verbatim.podcasts", size: 1, alias: "show" },
    permalink: "shows/{{ show.slug }}/feed.xml",
    eleventyExcludeFromCollections: true,
  },
};

/** The site's feed of stories, at /feed.xml. */
export const SITE_FEED_TEMPLATE = {
  path: "_exports/site-feed.njk",
  content: "{{ verbatim | siteFeed | safe }}",
  data: {
    permalink: SITE_FEED_PATH.slice(1),
    eleventyExcludeFromCollections: true,
  },
};

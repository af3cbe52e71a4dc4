// The Eleventy side of what a story offers besides its page: transcript downloads next to it
// (/stories/<slug>/transcript.vtt …), a podcast feed per show (/shows/<slug>/feed.xml) and the
// page's schema.org data. The feed is a virtual template paginated over the shows, so the path
// prefix applies as it does to every page; the transcripts are written beside each story's page
// (src/site/story-pages.ts). What the files say is built by the pure modules (exporters, feeds/rss.ts,
// site/json-ld.ts).

import fs from "node:fs";
import path from "node:path";
import { exportsFor, type ExportFormatId } from "../interchange/exporters/index.ts";
import { withPassages } from "../interchange/exporters/passages.ts";
import { writeText } from "../interchange/exporters/text.ts";
import { renderFeed, type FeedInput } from "../feeds/rss.ts";
import type { ShowGroup } from "../story/site.ts";
import type { SiteImages } from "./images.ts";
import type { Story } from "../story/story.ts";
import type { BuildContext } from "./context.ts";
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

/** A local audio file's size, for the feed's enclosure length. */
function audioBytes(context: BuildContext, story: Story): number | undefined {
  const file = story.audio?.file;
  return file ? fs.statSync(path.join(context.paths.root, file)).size : undefined;
}

/** Feed items by story, kept for the session under `npm start` (which writes every feed on each save). */
const feedItems = new WeakMap<BuildContext, NonNullable<FeedInput["items"]>>();

/** The show's podcast feed (the template `feed.njk` below writes it). */
export function podcastFeed(context: BuildContext, show: ShowGroup, images: SiteImages | undefined): string {
  const artUrl = images?.shows[show.slug]?.feedArt?.url;
  let items = feedItems.get(context);
  if (!items && context.mode === "serve") feedItems.set(context, (items = new WeakMap()));
  return renderFeed({
    show,
    ...(items ? { items } : {}),
    stories: show.stories,
    settings: context.settings,
    audioBytes: (story) => audioBytes(context, story),
    ...(artUrl ? { artUrl } : {}),
    chapters: (story) => feedChapters(context, story, images),
    ...(show.description ? { description: show.description } : {}),
  });
}

/**
 * The story page's schema.org data, with the plain-text transcript on its audio (storyJsonLd puts it
 * nowhere else, so a story without audio does not make it).
 */
export function storyJsonLdFor(context: BuildContext, story: Story, images: SiteImages | undefined): string {
  const card = images?.stories[story.slug]?.card;
  const transcript = story.audio ? plainTextFor(story) : undefined;
  return serializeJsonLd(storyJsonLd(story, context.settings, { ...(transcript ? { transcript } : {}), ...(card ? { image: card } : {}) }));
}

/** A podcast feed per show: a virtual template paginated over the shows, so the path prefix applies. */
export const FEED_TEMPLATE = {
  path: "_exports/feed.njk",
  content: "{{ show | podcastFeed(images) | safe }}",
  data: {
    pagination: { data: "verbatim.shows", size: 1, alias: "show" },
    permalink: "shows/{{ show.slug }}/feed.xml",
    eleventyExcludeFromCollections: true,
  },
};

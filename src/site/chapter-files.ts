// The Eleventy side of a story's chapters (src/story/chapters.ts): the files beside its page
// (/stories/<slug>/chapters.json, JSON Chapters; chapters.vtt, the WebVTT chapters track), the
// links to them, and the list the feed writes, each chapter's image and the addresses made
// absolute. What the files say is built by the pure exporters.

import { CHAPTERS_JSON_MIME, writeChaptersJson } from "../interchange/exporters/chapters-json.ts";
import { writeChaptersVtt } from "../interchange/exporters/chapters-vtt.ts";
import { withPassages } from "../interchange/exporters/passages.ts";
import { captionsOf } from "../interchange/exporters/timing.ts";
import { publishChapters, type PublishedChapter } from "../story/chapters.ts";
import type { Story } from "../story/story.ts";
import type { BuildContext } from "./context.ts";
import type { SiteImages } from "./images.ts";

/** The chapter files beside a story's page, for a story with chapters. */
export const CHAPTER_FILES = { json: "chapters.json", vtt: "chapters.vtt" } as const;

/** A chapter file a story page links to. */
export interface ChapterDownload {
  label: string;
  url: string;
  mime: string;
}

/** The JSON Chapters file, then the WebVTT chapters track (the player's <track> takes the last). */
export function chapterDownloadsFor(story: Pick<Story, "url" | "chapters">): ChapterDownload[] {
  if (story.chapters.length === 0) return [];
  return [
    { label: "JSON", url: `${story.url}${CHAPTER_FILES.json}`, mime: CHAPTERS_JSON_MIME },
    { label: "WebVTT", url: `${story.url}${CHAPTER_FILES.vtt}`, mime: "text/vtt" },
  ];
}

function absoluteUrl(context: Pick<BuildContext, "settings">, url: string): string {
  return new URL(url.replace(/^\//u, ""), context.settings.url).href;
}

/**
 * The story's chapters as the formats write them: the last one ends with the audio (its duration)
 * or, without one, where the transcript's timing ends; web addresses absolute on the site's URL.
 */
export function publishedChapters(context: Pick<BuildContext, "settings">, story: Story, images: SiteImages | undefined): PublishedChapter[] {
  if (story.chapters.length === 0) return [];
  const lastEnd = story.duration?.seconds ?? captionsOf(withPassages(story)).reduce((end, caption) => Math.max(end, caption.end), 0);
  const art = images?.chapters[story.slug];
  return publishChapters(story.chapters, lastEnd, (_chapter, index) => {
    const url = art?.[index]?.art.url;
    return url ? absoluteUrl(context, url) : undefined;
  });
}

/** A story's chapters for its feed item: the JSON file's absolute address and the list; undefined without chapters. */
export function feedChapters(context: Pick<BuildContext, "settings">, story: Story, images: SiteImages | undefined): { jsonUrl: string; chapters: PublishedChapter[] } | undefined {
  const chapters = publishedChapters(context, story, images);
  return chapters.length ? { jsonUrl: absoluteUrl(context, `${story.url}${CHAPTER_FILES.json}`), chapters } : undefined;
}

/** The chapter files beside a story's page: the JSON Chapters file and the WebVTT chapters track. */
export function chapterFiles(context: Pick<BuildContext, "settings">, story: Story, images: SiteImages | undefined): Array<{ file: string; text: string }> {
  const chapters = publishedChapters(context, story, images);
  if (chapters.length === 0) return [];
  return [
    { file: CHAPTER_FILES.json, text: writeChaptersJson({ title: story.title, podcastName: story.show.name }, chapters) },
    { file: CHAPTER_FILES.vtt, text: writeChaptersVtt(story.title, chapters) },
  ];
}

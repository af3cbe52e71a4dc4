// Podcasting 2.0 JSON Chapters (format version 1.2): the file a feed's <podcast:chapters> links
// to, served as application/json+chapters. `version` and `chapters` are required; each chapter
// needs `startTime` (seconds) and may have `title`, `img`, `url` and `endTime`. Every chapter here
// is a heading of the transcript, so each is listed in the app's table of contents (`toc` is left
// at its default, true).

import type { PublishedChapter } from "../../story/chapters.ts";

export const CHAPTERS_JSON_VERSION = "1.2.0";
export const CHAPTERS_JSON_MIME = "application/json+chapters";

export interface JsonChapter {
  startTime: number;
  endTime: number;
  title: string;
  img?: string;
  url?: string;
}

export interface JsonChapters {
  version: string;
  title: string;
  podcastName: string;
  chapters: JsonChapter[];
}

export interface ChaptersHeader {
  /** The episode's title. */
  title: string;
  /** The show's name. */
  podcastName: string;
}

export function jsonChapters(header: ChaptersHeader, chapters: readonly PublishedChapter[]): JsonChapters {
  return {
    version: CHAPTERS_JSON_VERSION,
    title: header.title,
    podcastName: header.podcastName,
    chapters: chapters.map((c) => ({
      startTime: c.start,
      endTime: c.end,
      title: c.title,
      ...(c.img ? { img: c.img } : {}),
      ...(c.url ? { url: c.url } : {}),
    })),
  };
}

/** The file's text: two-space indented JSON with a final newline. */
export function writeChaptersJson(header: ChaptersHeader, chapters: readonly PublishedChapter[]): string {
  return `${JSON.stringify(jsonChapters(header, chapters), null, 2)}\n`;
}

// Chapters: a story's timed segment headings ("## [4:16] Act Two") as the one list every chapter
// format is written from (the JSON Chapters file, Podlove Simple Chapters in the feed, the WebVTT
// chapters track and the page's contents list). Pure: the front matter's `chapters:` entries add
// a web page and an image to a heading, found by its title.
//
// Rules, each broken one an InputError at the heading's (or the entry's) line:
// - once any heading carries a time, every heading must (a heading without one would be missing
//   from every app's chapter list);
// - times go forward: each heading starts after the one before;
// - no heading starts after the end of the audio (the front matter's `duration`, when given);
// - each `chapters:` entry names one timed heading, or the opening chapter.
// Apps expect the first chapter at 0:00: when the first heading starts later, an opening chapter
// titled "Opening" is added before it (write a heading at [0:00] to name it yourself).

import { formatTimestamp } from "../transcript/times.ts";
import type { Segment } from "../transcript/model.ts";
import { InputError } from "./errors.ts";
import type { ImageRef } from "./image-ref.ts";

/** One chapter: where it starts, what it is called, and what the front matter adds. */
export interface Chapter {
  title: string;
  /** Seconds from the start of the audio. */
  start: number;
  /** The heading's id on the page (Segment.id); absent for the opening chapter Verbatim adds. */
  id?: string;
  /** The heading's line in the story file; absent for the added opening chapter. */
  line?: number;
  /** A web page about the chapter (its `url:` in the front matter). */
  url?: string;
  /** The chapter's image (its `image:` in the front matter), resolved next to the story. */
  image?: ImageRef;
  /** The line of its `chapters:` entry, for problems found later with its image. */
  entryLine?: number;
}

/** The title of the chapter added at 0:00 when the first heading starts later. */
export const OPENING_CHAPTER_TITLE = "Opening";

/** What a `chapters:` entry in the front matter gives, its image already resolved. */
export interface ChapterEntry {
  url?: string;
  image?: ImageRef;
  /** Line of the entry's key in the story file. */
  line: number | undefined;
}

export interface ChaptersInput {
  file: string;
  segments: readonly Segment[];
  /** Front matter `chapters:`, by heading title. */
  entries: Readonly<Record<string, ChapterEntry>>;
  /** The audio's length in seconds, when the front matter gives it. */
  duration?: number;
  /** Line of the front matter's `duration:`, for the message. */
  durationLine?: number;
}

const clock = (seconds: number) => formatTimestamp(seconds);

/** A story's chapters, in time order; [] when no heading carries a time. */
export function storyChapters({ file, segments, entries, duration, durationLine }: ChaptersInput): Chapter[] {
  const timed = segments.filter((s): s is Segment & { start: number } => s.start !== undefined);
  if (timed.length === 0) {
    const [title, entry] = Object.entries(entries)[0] ?? [];
    if (title !== undefined) {
      throw new InputError(file, entry?.line, `The chapters entry "${title}" has no chapter to go with: no heading in the transcript carries a time.`, `give the heading its start in the audio, e.g. ## [4:16] ${title}, or remove the entry.`);
    }
    return [];
  }
  const untimed = segments.find((s) => s.start === undefined);
  if (untimed) {
    throw new InputError(file, untimed.line, `The heading "${untimed.title}" has no time, but other headings do: each timed heading is a chapter, and this one would be missing from every chapter list.`, `write when it starts in the audio, e.g. ## [4:16] ${untimed.title}.`);
  }
  let previous: (Segment & { start: number }) | undefined;
  for (const segment of timed) {
    if (previous && segment.start <= previous.start) {
      throw new InputError(
        file,
        segment.line,
        `The heading "${segment.title}" starts at ${clock(segment.start)}, ${segment.start === previous.start ? "the same time as" : "before"} the heading "${previous.title}" (line ${previous.line}, ${clock(previous.start)}): chapters must go forward in time.`,
        `correct one of the two times, or move the heading to where its time belongs.`,
      );
    }
    if (duration !== undefined && segment.start > duration) {
      throw new InputError(
        file,
        segment.line,
        `The heading "${segment.title}" starts at ${clock(segment.start)}, after the end of the audio (duration ${clock(duration)}${durationLine ? `, line ${durationLine}` : ""}).`,
        `correct the heading's time, or the duration in the front matter if the audio is longer.`,
      );
    }
    previous = segment;
  }
  const chapters: Chapter[] = timed.map((s) => ({ title: s.title, start: s.start, id: s.id, line: s.line }));
  if ((timed[0]?.start ?? 0) > 0) chapters.unshift({ title: OPENING_CHAPTER_TITLE, start: 0 });
  return withEntries(file, chapters, entries);
}

/** Puts each `chapters:` entry on the chapter it names. */
function withEntries(file: string, chapters: Chapter[], entries: Readonly<Record<string, ChapterEntry>>): Chapter[] {
  for (const [title, entry] of Object.entries(entries)) {
    const named = chapters.filter((c) => c.title === title);
    if (named.length === 0) {
      const titles = chapters.map((c) => `"${c.title}"`).join(", ");
      throw new InputError(file, entry.line, `The chapters entry "${title}" names no chapter.`, `use a chapter's title exactly as its heading has it (after the time): one of ${titles}.`);
    }
    if (named.length > 1) {
      throw new InputError(file, entry.line, `The chapters entry "${title}" could mean ${named.length} chapters: ${named.map((c) => (c.line ? `line ${c.line}` : "the opening")).join(", ")}.`, "give the headings different titles.");
    }
    const chapter = named[0] as Chapter;
    if (entry.url) chapter.url = entry.url;
    if (entry.image) chapter.image = entry.image;
    if (entry.line !== undefined) chapter.entryLine = entry.line;
  }
  return chapters;
}

/** A chapter as the formats write it: its end (the next chapter's start, or the audio's end) and addresses made absolute. */
export interface PublishedChapter {
  title: string;
  start: number;
  end: number;
  /** Absolute web address of the chapter's page. */
  url?: string;
  /** Absolute web address of the chapter's square image. */
  img?: string;
}

/**
 * Each chapter's end: the next one's start; the last one's, `lastEnd` (the audio's duration, or
 * where the transcript's timing ends), never before its own start.
 */
export function publishChapters(chapters: readonly Chapter[], lastEnd: number, img: (chapter: Chapter, index: number) => string | undefined): PublishedChapter[] {
  return chapters.map((chapter, index) => {
    const next = chapters[index + 1];
    const image = img(chapter, index);
    return {
      title: chapter.title,
      start: chapter.start,
      end: next ? next.start : Math.max(lastEnd, chapter.start),
      ...(chapter.url ? { url: chapter.url } : {}),
      ...(image ? { img: image } : {}),
    };
  });
}

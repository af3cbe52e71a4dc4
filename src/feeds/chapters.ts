// A feed item's chapters, in the two forms podcast apps read: <podcast:chapters> linking the JSON
// Chapters file (Podcasting 2.0), and Podlove Simple Chapters inline (<psc:chapters version="1.2">,
// each <psc:chapter> with its start as normal play time, title, and href and image when it has
// them). Pure; rss.ts puts these lines in each item and declares the psc namespace
// (http://podlove.org/simple-chapters) on <rss>.

import { CHAPTERS_JSON_MIME } from "../interchange/exporters/chapters-json.ts";
import type { PublishedChapter } from "../story/chapters.ts";
import { formatClock } from "../transcript/times.ts";
import { escapeXml } from "./rss.ts";

/** A story's chapters for its feed item: the JSON file's absolute address and the list. */
export interface FeedChapters {
  jsonUrl: string;
  chapters: readonly PublishedChapter[];
}

const attrs = (pairs: Record<string, string | undefined>) =>
  Object.entries(pairs)
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");

/** The item's chapter elements, as lines indented `indent` levels (two spaces each). */
export function chapterElements(feed: FeedChapters | undefined, indent: number): string[] {
  if (!feed || feed.chapters.length === 0) return [];
  const pad = "  ".repeat(indent);
  return [
    `${pad}<podcast:chapters${attrs({ url: feed.jsonUrl, type: CHAPTERS_JSON_MIME })}/>`,
    `${pad}<psc:chapters version="1.2">`,
    ...feed.chapters.map((c) => `${pad}  <psc:chapter${attrs({ start: formatClock(c.start, "."), title: c.title, href: c.url, image: c.img })}/>`),
    `${pad}</psc:chapters>`,
  ];
}

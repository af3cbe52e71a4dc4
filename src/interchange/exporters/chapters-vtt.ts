// A WebVTT chapters track (<track kind="chapters">): one cue a chapter, from its start to its end,
// whose text is the chapter's title. Chapter cue text is plain text, escaped like caption text.

import { formatClock } from "../../transcript/times.ts";
import type { PublishedChapter } from "../../story/chapters.ts";
import { escapeVtt } from "./webvtt.ts";

export function writeChaptersVtt(title: string, chapters: readonly PublishedChapter[]): string {
  const heading = title.replace(/\s+/gu, " ").replace(/-->/gu, "->").trim();
  const out = [heading ? `WEBVTT - ${heading}` : "WEBVTT", ""];
  chapters.forEach((chapter, index) => {
    out.push(`chapter-${index + 1}`, `${formatClock(chapter.start, ".")} --> ${formatClock(chapter.end, ".")}`, escapeVtt(chapter.title.replace(/\s+/gu, " ").trim()), "");
  });
  return out.join("\n");
}

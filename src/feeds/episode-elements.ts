// An item's episode details from the story's front matter (src/story/episode.ts): Apple's
// itunes:season, itunes:episode and itunes:episodeType, and the Podcasting 2.0 podcast:season,
// podcast:episode and podcast:soundbite. Pure; rss.ts puts the lines in each item.

import type { EpisodeInfo } from "../story/episode.ts";
import { element } from "./xml.ts";

/** Seconds as the podcast namespace writes them: "73.0", "12.5". */
export function namespaceSeconds(seconds: number): string {
  const rounded = Math.round(seconds * 1000) / 1000;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}

/** The episode's lines, at the item's indent; none when the front matter says nothing. */
export function episodeElements(indent: number, episode: EpisodeInfo, title: string): string[] {
  const lines: string[] = [];
  if (episode.episodeType) lines.push(element(indent, "itunes:episodeType", {}, episode.episodeType));
  if (episode.season !== undefined) lines.push(element(indent, "itunes:season", {}, String(episode.season)));
  if (episode.episode !== undefined) lines.push(element(indent, "itunes:episode", {}, String(episode.episode)));
  if (episode.season !== undefined) lines.push(element(indent, "podcast:season", {}, String(episode.season)));
  if (episode.episode !== undefined) lines.push(element(indent, "podcast:episode", {}, String(episode.episode)));
  for (const bite of episode.soundbites) {
    lines.push(element(indent, "podcast:soundbite", { startTime: namespaceSeconds(bite.start), duration: namespaceSeconds(bite.duration) }, bite.title ?? title));
  }
  return lines;
}

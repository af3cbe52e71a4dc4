// A show's podcast feed: RSS 2.0 with the iTunes, Podcasting 2.0 and Atom namespaces, one item
// per episode (a story with audio; one without is no episode), newest first, each item linking its
// transcripts. Pure: no Eleventy, no file system; the caller says how large a local audio file is.
// What directories require of it is checked before the build writes anything: checks.ts.

import { createHash } from "node:crypto";
import { exportsFor } from "../interchange/exporters/index.ts";
import { chapterElements, type FeedChapters } from "./chapters.ts";
import type { SiteSettings } from "../story/settings.ts";
import type { Link, Story, StorySpeaker } from "../story/story.ts";
import { episodeElements } from "./episode-elements.ts";
import { element, escapeXml } from "./xml.ts";

export { escapeXml };

export interface FeedInput {
  show: Link;
  stories: readonly Story[];
  settings: SiteSettings;
  /**
   * Size in bytes of a story's local audio file (the caller can stat it). Remote audio gives its
   * own in the front matter (audio: { url, bytes }); the feed checks fail a build without it.
   */
  audioBytes?: (story: Story) => number | undefined;
  /** The show's podcast:guid from its show.yml; without one it is derived from the feed's address. */
  guid?: string;
  /** The show's square artwork for podcast apps (1400–3000 px), as a site path. */
  artUrl?: string;
  /** The show's own description, when its show.yml gives one. */
  description?: string;
  /** A story's chapters, when it has them (src/feeds/chapters.ts writes them into its item). */
  chapters?: (story: Story) => FeedChapters | undefined;
  /**
   * Items already written, by story, for a caller that writes the feed again and again from the
   * same stories (`npm start` writes every feed on each save, and a save changes one story). A
   * story's item depends on the story, the settings (a new Story when they change), its audio's
   * size and its chapters (their images may change while the story does not).
   */
  items?: WeakMap<Story, { key: string; xml: string }>;
}

const NS = {
  itunes: "http://www.itunes.com/dtds/podcast-1.0.dtd",
  podcast: "https://podcastindex.org/namespace/1.0",
  atom: "http://www.w3.org/2005/Atom",
  /** Podlove Simple Chapters (src/feeds/chapters.ts), declared when an item has chapters. */
  psc: "http://podlove.org/simple-chapters",
};

/** The namespace every podcast:guid is derived in (Podcasting 2.0, docs/tags/guid.md). */
export const PODCAST_GUID_NAMESPACE = "ead4c236-bf58-58c6-a2c6-a6b28d128cb6";

/** Formats players treat as captions: they carry a time on every cue. */
const CAPTION_FORMATS = new Set(["vtt", "srt"]);

/** The site path of a show's feed: "/shows/night-desk/feed.xml". */
export function feedPath(show: Pick<Link, "url">): string {
  return `${show.url}feed.xml`;
}

function absolute(url: string, settings: SiteSettings): string {
  return new URL(url.replace(/^\//u, ""), settings.url).href;
}

/** RFC 4122 name-based UUID, version 5 (SHA-1). */
export function uuidV5(name: string, namespace: string): string {
  const bytes = createHash("sha1").update(Buffer.from(namespace.replace(/-/gu, ""), "hex")).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** podcast:guid for a feed URL: scheme and trailing slashes stripped, then UUIDv5 in the podcast namespace. */
export function podcastGuid(feedUrl: string): string {
  return uuidV5(feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//iu, "").replace(/\/+$/u, ""), PODCAST_GUID_NAMESPACE);
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/u;

/** Milliseconds since the epoch for a story's date; a date or time without an offset is taken as UTC. */
export function storyInstant(datetime: string): number {
  const m = DATETIME.exec(datetime);
  if (!m) return Number.NaN;
  const n = (i: number) => Number(m[i] ?? 0);
  const zone = m[7];
  let offsetMinutes = 0;
  if (zone && zone !== "Z") {
    const digits = zone.replace(":", "");
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6)) - offsetMinutes * 60_000;
}

/** RFC 822 date (as RSS 2.0 asks): "Tue, 21 Apr 2026 00:00:00 GMT". */
export function rfc822(datetime: string): string {
  return new Date(storyInstant(datetime)).toUTCString();
}

export interface PodcastPerson {
  role: string;
  group: string;
}

/**
 * A speaker's place in the Podcast Taxonomy (podcast-namespace taxonomy.json), from the role the
 * transcript gives them. Group "cast" has Host, Co-Host, Reporter and Guest; a producer heard on
 * air belongs to "creative direction". Everyone else named in a story is an outside party heard
 * on the episode: a guest.
 */
export function personRole(speaker: Pick<StorySpeaker, "role" | "roleKind">): PodcastPerson {
  const role = speaker.role ?? "";
  if (speaker.roleKind === "host") return { role: /\bco-?host\b/iu.test(role) ? "co-host" : "host", group: "cast" };
  if (speaker.roleKind === "byline") {
    return /\bproducer\b/iu.test(role) ? { role: "producer", group: "creative direction" } : { role: "reporter", group: "cast" };
  }
  return { role: "guest", group: "cast" };
}

/** Named people (not unnamed voices or crowds), once each. */
export function namedPeople(story: Pick<Story, "speakers">): StorySpeaker[] {
  const seen = new Set<string>();
  return story.speakers.filter((speaker) => {
    if (speaker.generic || speaker.kind !== "person") return false;
    const key = speaker.siteId ?? speaker.id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The enclosure's length: a local file's size, or what the front matter gives for remote audio. */
function enclosureLength(story: Story, input: FeedInput): number | undefined {
  return story.audio?.file ? input.audioBytes?.(story) : story.audio?.bytes;
}

function item(story: Story, input: FeedInput): string {
  if (!input.items) return writeItem(story, input, enclosureLength(story, input));
  const length = enclosureLength(story, input);
  const key = `${length} ${JSON.stringify(input.chapters?.(story) ?? null)}`;
  const known = input.items.get(story);
  if (known && known.key === key) return known.xml;
  const xml = writeItem(story, input, length);
  input.items.set(story, { key, xml });
  return xml;
}

function writeItem(story: Story, input: FeedInput, audioBytes: number | undefined): string {
  const { settings } = input;
  const url = absolute(story.url, settings);
  const lines = [
    element(3, "title", {}, story.title),
    element(3, "link", {}, url),
    element(3, "guid", { isPermaLink: "true" }, url),
    element(3, "pubDate", {}, rfc822(story.datetime)),
    element(3, "description", {}, story.summary ?? story.title),
  ];
  if (story.duration) lines.push(element(3, "itunes:duration", {}, String(story.duration.seconds)));
  if (story.audio) {
    // A remote file's size is unknown without fetching it, and the build makes no requests to
    // other hosts: the front matter gives it (the feed checks stop a build that would write 0).
    const length = audioBytes ?? 0;
    const type = story.audio.type ?? "application/octet-stream";
    lines.push(element(3, "enclosure", { url: absolute(story.audio.url, settings), length, type }));
  }
  lines.push(...episodeElements(3, story.episode, story.title));
  for (const format of exportsFor(story)) {
    lines.push(element(3, "podcast:transcript", {
      url: absolute(`${story.url}${format.file}`, settings),
      type: format.mime,
      language: story.lang,
      rel: CAPTION_FORMATS.has(format.id) ? "captions" : undefined,
    }));
  }
  lines.push(...chapterElements(input.chapters?.(story), 3));
  for (const speaker of namedPeople(story)) {
    const { role, group } = personRole(speaker);
    lines.push(element(3, "podcast:person", { role, group, href: speaker.url ? absolute(speaker.url, settings) : undefined }, speaker.name));
  }
  return element(2, "item", {}, lines);
}

/** The feed's XML text. */
export function renderFeed(input: FeedInput): string {
  const { show, settings } = input;
  const instants = new Map(input.stories.map((story) => [story, storyInstant(story.datetime)]));
  const at = (story: Story) => instants.get(story) ?? Number.NaN;
  const stories = input.stories.filter((story) => story.audio !== undefined).sort((a, b) => at(b) - at(a) || a.title.localeCompare(b.title));
  const feedUrl = absolute(feedPath(show), settings);
  const newest = stories[0];
  const channel = [
    element(2, "title", {}, show.name),
    element(2, "link", {}, absolute(show.url, settings)),
    element(2, "atom:link", { href: feedUrl, rel: "self", type: "application/rss+xml" }),
    element(2, "description", {}, input.description ?? `${show.name}, from ${settings.title}: every episode with its full transcript. ${settings.description}`),
    element(2, "language", {}, settings.language),
    ...(input.artUrl
      ? [
          element(2, "image", {}, [element(3, "url", {}, absolute(input.artUrl, settings)), element(3, "title", {}, show.name), element(3, "link", {}, absolute(show.url, settings))]),
          element(2, "itunes:image", { href: absolute(input.artUrl, settings) }),
        ]
      : []),
    element(2, "generator", {}, "Verbatim"),
    ...(newest ? [element(2, "lastBuildDate", {}, rfc822(newest.datetime)), element(2, "pubDate", {}, rfc822(newest.datetime))] : []),
    element(2, "itunes:author", {}, settings.author ?? settings.title),
    ...(settings.email ? [element(2, "itunes:owner", {}, [element(3, "itunes:name", {}, settings.author ?? settings.title), element(3, "itunes:email", {}, settings.email)])] : []),
    element(2, "itunes:explicit", {}, settings.explicit ? "true" : "false"),
    element(2, "itunes:type", {}, "episodic"),
    ...(settings.category
      ? [settings.subcategory
          ? element(2, "itunes:category", { text: settings.category }, [element(3, "itunes:category", { text: settings.subcategory })])
          : element(2, "itunes:category", { text: settings.category })]
      : []),
    ...(settings.locked !== undefined ? [element(2, "podcast:locked", { owner: settings.email }, settings.locked ? "yes" : "no")] : []),
    element(2, "podcast:guid", {}, input.guid ?? podcastGuid(feedUrl)),
    ...stories.map((story) => item(story, input)),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" xmlns:itunes="${NS.itunes}" xmlns:podcast="${NS.podcast}" xmlns:atom="${NS.atom}"${stories.some((story) => input.chapters?.(story)?.chapters.length) ? ` xmlns:psc="${NS.psc}"` : ""}>`,
    element(1, "channel", {}, channel),
    "</rss>",
    "",
  ].join("\n");
}

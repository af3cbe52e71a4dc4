// The site's feed of stories: RSS 2.0 with an Atom self link, every show's newest stories,
// with or without audio, for feed readers (the podcast feeds, one per show, carry only episodes).
// Pure: no Eleventy, no file system.

import type { SiteSettings } from "../story/settings.ts";
import type { Story } from "../story/story.ts";
import { rfc822, storyInstant } from "./rss.ts";
import { element } from "./xml.ts";

/** The site path of the feed of stories. */
export const SITE_FEED_PATH = "/feed.xml";

/** How many of the newest stories the feed lists. */
export const SITE_FEED_SIZE = 50;

const absolute = (url: string, settings: SiteSettings) => new URL(url.replace(/^\//u, ""), settings.url).href;

function item(story: Story, settings: SiteSettings): string {
  const url = absolute(story.url, settings);
  return element(2, "item", {}, [
    element(3, "title", {}, story.title),
    element(3, "link", {}, url),
    element(3, "guid", { isPermaLink: "true" }, url),
    element(3, "pubDate", {}, rfc822(story.datetime)),
    element(3, "description", {}, story.summary ?? story.title),
    element(3, "category", {}, story.show.name),
  ]);
}

/** The feed's XML text: the newest stories first. */
export function renderSiteFeed(stories: readonly Story[], settings: SiteSettings): string {
  const newest = [...stories].sort((a, b) => storyInstant(b.datetime) - storyInstant(a.datetime) || a.title.localeCompare(b.title)).slice(0, SITE_FEED_SIZE);
  const first = newest[0];
  const channel = [
    element(2, "title", {}, settings.title),
    element(2, "link", {}, settings.url),
    element(2, "atom:link", { href: absolute(SITE_FEED_PATH, settings), rel: "self", type: "application/rss+xml" }),
    element(2, "description", {}, settings.description),
    element(2, "language", {}, settings.language),
    element(2, "generator", {}, "Verbatim"),
    ...(first ? [element(2, "lastBuildDate", {}, rfc822(first.datetime))] : []),
    ...newest.map((story) => item(story, settings)),
  ];
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">', element(1, "channel", {}, channel), "</rss>", ""].join("\n");
}

// schema.org structured data for a story page: a PodcastEpisode in its PodcastSeries, with the
// audio and its transcript. Pure: the caller passes the plain-text transcript.

import { namedPeople } from "../feeds/rss.ts";
import type { SiteSettings } from "../story/settings.ts";
import type { Story } from "../story/story.ts";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

export interface JsonLdOptions {
  /** The transcript as plain text, for AudioObject.transcript (a Text property). */
  transcript?: string;
  /** The story's social card (a site path) with its description, as the episode's image. */
  image?: { url: string; width: number; height: number; alt: string; type?: string };
  /** The show's podcast feed (a site path), when it has one: a show with no episode has none. */
  feed?: string;
}

function absolute(url: string, settings: SiteSettings): string {
  return new URL(url.replace(/^\//u, ""), settings.url).href;
}

/** "2026-04-21 10:00" → "2026-04-21T10:00": the ISO 8601 form schema.org dates take. */
function isoDate(datetime: string): string {
  return datetime.replace(" ", "T");
}

/** The PodcastEpisode object for a story. */
export function storyJsonLd(story: Story, settings: SiteSettings, options: JsonLdOptions = {}): Record<string, Json | undefined> {
  const url = absolute(story.url, settings);
  // Speakers are contributors, not actors (these are not performances); what the transcript
  // calls them (host, reporter, mayor, novelist) is their jobTitle. Unnamed voices and crowds
  // are left out: they are nobody a reader could look up.
  const people = namedPeople(story).map((speaker) => ({
    "@type": "Person",
    name: speaker.name,
    ...(speaker.title ? { honorificPrefix: speaker.title } : {}),
    ...(speaker.role ? { jobTitle: speaker.role } : {}),
    ...(speaker.url ? { url: absolute(speaker.url, settings) } : {}),
  }));
  const audio = story.audio
    ? {
        "@type": "AudioObject",
        contentUrl: absolute(story.audio.url, settings),
        ...(story.audio.type ? { encodingFormat: story.audio.type } : {}),
        ...(story.duration ? { duration: story.duration.iso } : {}),
        ...(options.transcript ? { transcript: options.transcript } : {}),
        inLanguage: story.lang,
      }
    : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "PodcastEpisode",
    "@id": url,
    url,
    name: story.title,
    datePublished: isoDate(story.datetime),
    ...(story.summary ? { description: story.summary } : {}),
    inLanguage: story.lang,
    ...(story.duration ? { duration: story.duration.iso, timeRequired: story.duration.iso } : {}),
    ...(story.tags.length ? { keywords: story.tags.map((tag) => tag.name).join(", ") } : {}),
    ...(story.copyright ? { copyrightNotice: story.copyright } : {}),
    ...(options.image
      ? { image: { "@type": "ImageObject", contentUrl: absolute(options.image.url, settings), ...(options.image.type ? { encodingFormat: options.image.type } : {}), width: options.image.width, height: options.image.height, caption: options.image.alt } }
      : {}),
    partOfSeries: {
      "@type": "PodcastSeries",
      name: story.show.name,
      url: absolute(story.show.url, settings),
      ...(options.feed ? { webFeed: absolute(options.feed, settings) } : {}),
    },
    publisher: { "@type": "Organization", name: settings.title, url: settings.url },
    ...(audio ? { associatedMedia: audio } : {}),
    ...(people.length ? { contributor: people } : {}),
  };
}

/**
 * JSON for inside <script type="application/ld+json">. "<", ">" and "&" become \u escapes, so
 * no text in a story ("</script>", "<!--") can end the script early; the JSON means the same.
 * U+2028 and U+2029 are escaped too, for parsers that read the script as JavaScript.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data, null, 0)
    .replace(/</gu, "\\u003c")
    .replace(/>/gu, "\\u003e")
    .replace(/&/gu, "\\u0026")
    .replace(/\u2028/gu, "\\u2028")
    .replace(/\u2029/gu, "\\u2029");
}

// Site settings: one data file (content/_data/site.json) with title, base URL, language, description,
// and optional details for the podcast feeds (author, owner email, Apple category, explicit).

import { z } from "zod";
import { InputError } from "./errors.ts";

const settingsSchema = z.strictObject({
  title: z.string().trim().min(1),
  url: z.url({ protocol: /^https?$/ }),
  language: z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/u),
  description: z.string().trim().min(1),
  /** Podcast feeds: itunes:author (default: the site title). */
  author: z.string().trim().min(1).optional(),
  /** Podcast feeds: itunes:owner's email, for directories to reach the publisher. */
  email: z.email().optional(),
  /** Podcast feeds: Apple Podcasts category ("News", "Society & Culture") and subcategory. */
  category: z.string().trim().min(1).optional(),
  subcategory: z.string().trim().min(1).optional(),
  /** Podcast feeds: itunes:explicit (default false). */
  explicit: z.boolean().optional(),
  /** Podcast feeds: podcast:locked (true: other hosts must not import the feeds). */
  locked: z.boolean().optional(),
  /** false: the shows' podcasts are published elsewhere; make no podcast feeds (the feed of stories stays). */
  podcastFeeds: z.boolean().optional(),
});

export interface SiteSettings extends z.output<typeof settingsSchema> {
  /** Base URL, always ending in "/": "https://example.org/podcasts/". */
  url: string;
  /** The path the site is served under: "/podcasts/" (or "/"). */
  pathPrefix: string;
}

export function parseSettings(file: string, data: unknown, baseUrlOverride?: string): SiteSettings {
  const input = baseUrlOverride && typeof data === "object" && data ? { ...data, url: baseUrlOverride } : data;
  const result = settingsSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.code === "unrecognized_keys" ? issue.keys[0] : String(issue?.path[0] ?? "");
    throw new InputError(
      file,
      undefined,
      issue?.code === "unrecognized_keys" ? `Unknown site setting "${field}".` : `The site setting "${field}" is missing or not valid.`,
      'site.json needs exactly: "title", "url" (the absolute base URL the site is deployed at, e.g. "https://example.org/podcasts/"), "language" (e.g. "en") and "description"; optionally, for the podcast feeds, "author", "email", "category", "subcategory", "explicit" and "locked", or "podcastFeeds": false for none.',
    );
  }
  const url = new URL(result.data.url);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  url.search = "";
  url.hash = "";
  return { ...result.data, url: url.href, pathPrefix: url.pathname };
}

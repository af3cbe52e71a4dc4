// The Content-Security-Policy every page carries in a <meta>: only what the site uses. Pure.

import type { Story } from "../story/story.ts";

/** The origins of remote audio ("https://cdn.example.org"), sorted and without duplicates. */
export function remoteAudioOrigins(stories: readonly Story[]): string[] {
  const origins = new Set<string>();
  for (const story of stories) {
    const url = story.audio?.url;
    if (url && /^https?:\/\//iu.test(url)) origins.add(new URL(url).origin);
  }
  return [...origins].sort();
}

/**
 * Scripts, styles and media from the site itself; WebAssembly for pagefind's search; `data:`
 * images; remote audio only from the origins stories name. The JSON-LD block is data, not script.
 */
export function contentSecurityPolicy(stories: readonly Story[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    ["media-src 'self'", ...remoteAudioOrigins(stories)].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

// The Content-Security-Policy every page carries in a <meta>: only what the site uses. Pure.

import type { Story } from "../story/story.ts";

/**
 * An origin as a CSP host-source may name it: scheme, a host of letters, digits, dots and hyphens
 * (or an IPv6 address in brackets), an optional port. A URL's host may hold ";", "'" or ","
 * ("https://cdn.example.org;script-src/x.mp3" parses), which in the policy would end the
 * directive or start a source of their own; such an origin is left out (its audio will not play)
 * rather than written in. The story schema rejects those addresses first; this is the last guard.
 */
const CSP_ORIGIN = /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/u;

/** The origins of remote audio ("https://cdn.example.org"), sorted and without duplicates. */
export function remoteAudioOrigins(stories: readonly Story[]): string[] {
  const origins = new Set<string>();
  for (const story of stories) {
    const url = story.audio?.url;
    if (!url || !/^https?:\/\//iu.test(url)) continue;
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      continue;
    }
    if (CSP_ORIGIN.test(origin)) origins.add(origin);
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

// File names and site URLs of rendered images, and the one rule for a variant's height. A name
// carries the first digits of the image's cache key (a hash of everything that decides its bytes):
// a new content is a new name, so hosts may keep an image for a year (src/site/headers.ts).

import type { ImageFormat } from "./types.ts";

const EXTENSIONS: Record<ImageFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" };

export function extensionOf(format: ImageFormat): string {
  return EXTENSIONS[format];
}

/** Hex digits of the cache key in a name: 40 bits, so two contents of one image never meet by chance. */
export const NAME_HASH_LENGTH = 10;

/**
 * "images/shows/night-desk/cover" + "-640" + avif + key → "images/shows/night-desk/cover-640-0a1b2c3d4e.avif";
 * without a key (a source whose bytes were not read), "…/cover-640.avif".
 */
export function outputName(base: string, suffix: string, format: ImageFormat, key?: string): string {
  const clean = base.replace(/\\/gu, "/").replace(/^\/+/u, "");
  return `${clean}${suffix}${key ? `-${key.slice(0, NAME_HASH_LENGTH)}` : ""}.${extensionOf(format)}`;
}

/** The key digits an output's name carries ("…/cover-640-0a1b2c3d4e.avif" → "0a1b2c3d4e"), if any. */
export function nameKey(output: string): string | undefined {
  return new RegExp(`-([0-9a-f]{${NAME_HASH_LENGTH}})\\.[a-z0-9]+$`, "u").exec(output)?.[1];
}

/** The site path of an output: "/images/…". */
export function siteUrl(output: string): string {
  return `/${output}`;
}

/** A variant's height for a width, keeping the source's aspect ratio (planner and renderer agree). */
export function scaledHeight(width: number, source: { width: number; height: number }): number {
  return Math.max(1, Math.round((width * source.height) / source.width));
}

// File names and site URLs of rendered images, and the one rule for a variant's height.

import type { ImageFormat } from "./types.ts";

const EXTENSIONS: Record<ImageFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg", png: "png" };

export function extensionOf(format: ImageFormat): string {
  return EXTENSIONS[format];
}

/** "images/shows/night-desk/cover" + "-640" + avif → "images/shows/night-desk/cover-640.avif". */
export function outputName(base: string, suffix: string, format: ImageFormat): string {
  const clean = base.replace(/\\/gu, "/").replace(/^\/+/u, "");
  return `${clean}${suffix}.${extensionOf(format)}`;
}

/** The site path of an output: "/images/…". */
export function siteUrl(output: string): string {
  return `/${output}`;
}

/** A variant's height for a width, keeping the source's aspect ratio (planner and renderer agree). */
export function scaledHeight(width: number, source: { width: number; height: number }): number {
  return Math.max(1, Math.round((width * source.height) / source.width));
}

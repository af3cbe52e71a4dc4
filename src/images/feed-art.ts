// Podcast-app artwork: one square JPEG within Apple's 1400–3000 px, named by its cache key.

import { keyOf } from "./cache.ts";
import { checkSize } from "./cover.ts";
import { ImageError } from "./errors.ts";
import { outputName, siteUrl } from "./names.ts";
import type { ImageJob, PlannedSource } from "./types.ts";

export const FEED_ART_MIN = 1400;
export const FEED_ART_MAX = 3000;

export function planFeedArt(source: PlannedSource, base: string): { jobs: ImageJob[]; url: string; size: number } {
  checkSize(source);
  const short = Math.min(source.width, source.height);
  if (short < FEED_ART_MIN) {
    throw new ImageError(
      source.file,
      `is ${source.width}×${source.height} px; podcast apps need square artwork of at least ${FEED_ART_MIN}×${FEED_ART_MIN} (Apple Podcasts accepts ${FEED_ART_MIN} to ${FEED_ART_MAX}).`,
      `Use a larger image, ideally ${FEED_ART_MAX}×${FEED_ART_MAX} px.`,
    );
  }
  const size = Math.min(short, FEED_ART_MAX);
  const draft = { source: source.file, recipe: { kind: "resize", width: size, height: size, format: "jpeg" } } as const;
  const output = outputName(base, `-${size}`, "jpeg", source.hash && keyOf(draft, [source.hash]));
  return { jobs: [{ ...draft, output }], url: siteUrl(output), size };
}

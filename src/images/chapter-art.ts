// A chapter's image: a square JPEG for podcast apps (the JSON Chapters file's `img`, Podlove's
// `image`), at most 1400 px, never enlarged; and a small square JPEG for the page's contents list.

import { keyOf } from "./cache.ts";
import { checkSize } from "./cover.ts";
import { ImageError } from "./errors.ts";
import { outputName, siteUrl } from "./names.ts";
import type { ImageJob, PlannedSource, ResizeRecipe } from "./types.ts";

/** Apps show chapter art in the player's artwork slot: as large as show art's floor, no larger. */
export const CHAPTER_ART_MAX = 1400;
/** The contents list shows it at 4rem: 128 px covers 2x screens. */
export const CHAPTER_THUMB_SIZE = 128;

export interface ChapterArt {
  /** The square image for apps: site path and side in pixels. */
  art: { url: string; size: number };
  /** The page's thumbnail: site path and side in pixels. */
  thumb: { url: string; size: number };
}

export function planChapterArt(source: PlannedSource, base: string): { jobs: ImageJob[] } & ChapterArt {
  checkSize(source);
  const short = Math.min(source.width, source.height);
  if (short < CHAPTER_THUMB_SIZE) {
    throw new ImageError(source.file, `is ${source.width}×${source.height} px; a chapter image needs at least ${CHAPTER_THUMB_SIZE} px on its short side.`, `Use a larger image, ideally ${CHAPTER_ART_MAX}×${CHAPTER_ART_MAX} px (it is cropped square).`);
  }
  const size = Math.min(short, CHAPTER_ART_MAX);
  const job = (side: number): ImageJob => {
    const recipe: ResizeRecipe = { kind: "resize", width: side, height: side, format: "jpeg" };
    return { source: source.file, recipe, output: outputName(base, `-${side}`, "jpeg", source.hash && keyOf({ source: source.file, recipe }, [source.hash])) };
  };
  const jobs = [job(size), job(CHAPTER_THUMB_SIZE)];
  const [art, thumb] = jobs.map((j) => j.output) as [string, string];
  return {
    jobs,
    art: { url: siteUrl(art), size },
    thumb: { url: siteUrl(thumb), size: CHAPTER_THUMB_SIZE },
  };
}

// A chapter's image: a square JPEG for podcast apps (the JSON Chapters file's `img`, Podlove's
// `image`), at most 1400 px, never enlarged; and a small square JPEG for the page's contents list.

import { checkSize } from "./cover.ts";
import { ImageError } from "./errors.ts";
import { outputName, siteUrl } from "./names.ts";
import type { ImageJob } from "./types.ts";

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

export function planChapterArt(source: { file: string; width: number; height: number }, base: string): { jobs: ImageJob[] } & ChapterArt {
  checkSize(source);
  const short = Math.min(source.width, source.height);
  if (short < CHAPTER_THUMB_SIZE) {
    throw new ImageError(source.file, `is ${source.width}×${source.height} px; a chapter image needs at least ${CHAPTER_THUMB_SIZE} px on its short side.`, `Use a larger image, ideally ${CHAPTER_ART_MAX}×${CHAPTER_ART_MAX} px (it is cropped square).`);
  }
  const size = Math.min(short, CHAPTER_ART_MAX);
  const art = outputName(base, `-${size}`, "jpeg");
  const thumb = outputName(base, `-${CHAPTER_THUMB_SIZE}`, "jpeg");
  return {
    jobs: [
      { source: source.file, recipe: { kind: "resize", width: size, height: size, format: "jpeg" }, output: art },
      { source: source.file, recipe: { kind: "resize", width: CHAPTER_THUMB_SIZE, height: CHAPTER_THUMB_SIZE, format: "jpeg" }, output: thumb },
    ],
    art: { url: siteUrl(art), size },
    thumb: { url: siteUrl(thumb), size: CHAPTER_THUMB_SIZE },
  };
}

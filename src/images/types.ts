// The image pipeline's vocabulary: what to render (a recipe), from what and to where (a job), and
// what a page needs to show the result (a picture).

export type ImageFormat = "avif" | "webp" | "jpeg" | "png";

export interface ResizeRecipe {
  kind: "resize";
  width: number;
  /** set: crop to exactly width×height (square feed art) */
  height?: number;
  format: ImageFormat;
}

export interface CardRecipe {
  kind: "card";
  title: string;
  show: string;
  /** as read: "March 14, 2026" */
  date: string;
  /** absolute path of the show's art, if any */
  art?: string;
  /** the story's language (BCP 47): for CJK glyph styles and shaping */
  lang?: string;
  /** the file it is written as: JPEG for photo-like art, else the smaller of PNG and JPEG (card-format.ts) */
  format: "png" | "jpeg";
}

export type Recipe = ResizeRecipe | CardRecipe;

/** A source image as the planners take it: its file, displayed size and, to name outputs by content, its bytes' sha256 (imageInfo's `hash`). */
export interface PlannedSource {
  file: string;
  width: number;
  height: number;
  hash?: string;
}

export interface ImageJob {
  /** absolute path of the source image; absent only for a card without art */
  source?: string;
  recipe: Recipe;
  /** output path relative to the site folder: "images/shows/night-desk/cover-640.avif" */
  output: string;
}

/** rendered: images drawn by sharp in this run; cached: jobs written from a cache entry (rendered + cached = jobs). */
export interface ImageReport {
  rendered: number;
  cached: number;
  ms: number;
}

export interface PictureSource {
  type: "image/avif" | "image/webp";
  srcset: string;
}

export interface Picture {
  sources: PictureSource[];
  /** JPEG fallback */
  src: string;
  srcset: string;
  width: number;
  height: number;
}

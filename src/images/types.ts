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
}

export type Recipe = ResizeRecipe | CardRecipe;

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

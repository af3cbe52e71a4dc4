// A responsive cover: a few widths × AVIF, WebP and JPEG, and the <picture> that offers them.

import { keyOf } from "./cache.ts";
import { ImageError } from "./errors.ts";
import { outputName, scaledHeight, siteUrl } from "./names.ts";
import type { ImageFormat, ImageJob, Picture, PictureSource, PlannedSource, ResizeRecipe } from "./types.ts";

/** The page column is 40rem (640 CSS px): 320 and 640 at 1x, 960 and 1280 for 1.5x and 2x screens. */
export const COVER_WIDTHS: readonly number[] = [320, 640, 960, 1280];

/** The JPEG fallback's width, when the source has it: the column at 1x. */
const FALLBACK_WIDTH = 640;

const SOURCE_TYPES: ReadonlyArray<{ format: ImageFormat; type: PictureSource["type"] }> = [
  { format: "avif", type: "image/avif" },
  { format: "webp", type: "image/webp" },
];

export function checkSize(source: { file: string; width: number; height: number }): void {
  const ok = (n: number) => Number.isInteger(n) && n > 0;
  if (!ok(source.width) || !ok(source.height)) {
    throw new ImageError(source.file, `has no usable size (${source.width}×${source.height}).`, "Read the size with imageInfo() and pass it unchanged.");
  }
}

/** The cover widths a source allows: never enlarged; a source narrower than the smallest keeps its own width. */
export function coverWidths(sourceWidth: number): number[] {
  const widths = COVER_WIDTHS.filter((w) => w <= sourceWidth);
  return widths.length > 0 ? widths : [sourceWidth];
}

export function planCover(source: PlannedSource, base: string): { jobs: ImageJob[]; picture: Picture } {
  checkSize(source);
  const widths = coverWidths(source.width);
  const jobs: ImageJob[] = [];
  const outputOf = (width: number, format: ImageFormat) => {
    const recipe: ResizeRecipe = { kind: "resize", width, format };
    return { recipe, output: outputName(base, `-${width}`, format, source.hash && keyOf({ source: source.file, recipe }, [source.hash])) };
  };
  const srcsetOf = (format: ImageFormat) =>
    widths
      .map((width) => {
        const { recipe, output } = outputOf(width, format);
        jobs.push({ source: source.file, recipe, output });
        return `${siteUrl(output)} ${width}w`;
      })
      .join(", ");
  const sources = SOURCE_TYPES.map(({ format, type }) => ({ type, srcset: srcsetOf(format) }));
  const srcset = srcsetOf("jpeg");
  const largest = widths.at(-1) as number;
  const fallback = widths.includes(FALLBACK_WIDTH) ? FALLBACK_WIDTH : largest;
  return {
    jobs,
    picture: {
      sources,
      src: siteUrl(outputOf(fallback, "jpeg").output),
      srcset,
      width: largest,
      height: scaledHeight(largest, source),
    },
  };
}

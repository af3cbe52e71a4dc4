// The only image work: one recipe drawn with sharp into the bytes of its output file. Everything
// that decides how an image looks is here or in card-svg.ts; a change to either must bump
// PIPELINE_VERSION (cache.ts) so no stale image is served from the cache.

import sharp, { type Sharp, type SharpOptions } from "sharp";
import { CARD_ART, cardSvg } from "./card-svg.ts";
import { ImageError } from "./errors.ts";
import { scaledHeight } from "./names.ts";
import type { CardRecipe, ImageFormat, ImageJob, ResizeRecipe } from "./types.ts";

/**
 * AVIF encoder effort (0–9), measured on this 2-core machine (sharp 0.35.5, libvips 8.18.7, aom
 * 3.15.1) for one 1280-wide cover, quality 50, 4:2:0, one libvips thread (as the pool runs it):
 *   grainy photo-like 2400×1600 source: effort 0: 0.10 s, 48.4 KB · 2: 0.30 s, 49.2 KB ·
 *     3: 0.61 s, 49.4 KB (PSNR 33.4 dB) · 4 (sharp's default): 3.45 s, 26.2 KB (32.9 dB)
 *   illustrated 1600×1000 cover: effort 2: 0.23 s, 7.8 KB · 3: 0.36 s, 7.3 KB · 4: 1.18 s, 7.2 KB
 * Effort 4 is where libaom's slow presets start: three to six times the time of 3. On illustrated
 * art it saves next to nothing; on grainy photos it saves half the bytes or more (it smooths the
 * grain: PSNR 0.5 dB lower), but a cold build of a small site (a dozen covers, each at four widths)
 * would take half a minute more. 3 is the cheapest effort that still gains on 2, and its AVIF stays
 * well under the WebP and JPEG beside it.
 * `npm run bench:images` measures 0, 2, 3 and 4 again (BENCHMARKS.md).
 */
export const AVIF_EFFORT = 3;

/** Encoder settings per format; part of every cache key, so changing one renders again. */
export const ENCODING = {
  avif: { quality: 50, effort: AVIF_EFFORT, chromaSubsampling: "4:2:0" },
  webp: { quality: 78, effort: 4 },
  jpeg: { quality: 80, mozjpeg: true },
  // Cards: zlib level 6 draws a card in about half the time of 9 (40 against 80 ms with grainy art),
  // for PNGs 4–20 % larger; a thousand-story site renders a thousand of them cold.
  png: { compressionLevel: 6, adaptiveFiltering: false },
} as const;

/** Counts the sharp pipelines this module starts: tests prove a warm run starts none. */
export const imageWork = { pipelines: 0 };

function pipeline(input: string | Buffer, options?: SharpOptions): Sharp {
  imageWork.pipelines += 1;
  return sharp(input, options);
}

function encode(image: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case "avif":
      return image.avif(ENCODING.avif);
    case "webp":
      return image.webp(ENCODING.webp);
    case "jpeg":
      return image.jpeg(ENCODING.jpeg);
    case "png":
      return image.png(ENCODING.png);
  }
}

/** A sharp failure reading a source, as the editor's problem. */
export function unreadable(file: string, error: unknown): ImageError {
  const detail = (error as Error).message.split("\n")[0]?.trim() ?? "";
  return new ImageError(file, `is not an image that can be read (${detail}).`, "Replace it with a JPEG, PNG, WebP or AVIF image, exported again from an image editor.");
}

async function resize(file: string, recipe: ResizeRecipe): Promise<Buffer> {
  try {
    const image = pipeline(file, { autoOrient: true });
    const meta = await image.metadata();
    const oriented = meta.autoOrient ?? { width: meta.width, height: meta.height };
    const height = recipe.height ?? scaledHeight(recipe.width, oriented);
    // A given height crops to the centre (square feed art); otherwise the aspect ratio is kept.
    image.resize(recipe.width, height, { fit: recipe.height ? "cover" : "fill", position: "centre" });
    if (recipe.format === "jpeg") image.flatten({ background: "#ffffff" });
    return await encode(image, recipe.format).toBuffer();
  } catch (error) {
    throw unreadable(file, error);
  }
}

/** Per run: each show's art is decoded and cut to the card's square once, whatever the number of stories. */
export interface RenderContext {
  cardArt: Map<string, Promise<Buffer>>;
}

export function renderContext(): RenderContext {
  return { cardArt: new Map() };
}

async function cardArt(file: string): Promise<Buffer> {
  const { size, radius } = CARD_ART;
  const mask = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="${size}" height="${size}" rx="${radius}" ry="${radius}"/></svg>`);
  try {
    return await pipeline(file, { autoOrient: true })
      .resize(size, size, { fit: "cover", position: "centre" })
      .ensureAlpha()
      .composite([{ input: mask, blend: "dest-in" }])
      .png({ compressionLevel: 0 })
      .toBuffer();
  } catch (error) {
    throw unreadable(file, error);
  }
}

async function card(recipe: CardRecipe, art: string | undefined, context: RenderContext): Promise<Buffer> {
  let square: Buffer | undefined;
  if (art) {
    let pending = context.cardArt.get(art);
    if (!pending) {
      pending = cardArt(art);
      context.cardArt.set(art, pending);
    }
    square = await pending;
  }
  const svg = cardSvg({ ...recipe, ...(art ? { art } : {}) });
  try {
    const image = pipeline(Buffer.from(svg));
    if (square) image.composite([{ input: square, left: CARD_ART.left, top: CARD_ART.top }]);
    // The card is opaque: without the alpha channel the SVG brings, the PNG is a quarter smaller.
    return await image.removeAlpha().png(ENCODING.png).toBuffer();
  } catch (error) {
    throw new ImageError(undefined, `the social card for "${recipe.title}" could not be drawn (${(error as Error).message}).`, "Report this with the story's title; it is a bug in src/images/card-svg.ts.");
  }
}

/** Draws one job; the card's art is its recipe's art or, failing that, the job's source. */
export async function renderJob(job: ImageJob, context: RenderContext): Promise<Buffer> {
  const { recipe } = job;
  if (recipe.kind === "card") return card(recipe, recipe.art ?? job.source, context);
  if (!job.source) throw new ImageError(undefined, `the image ${job.output} has no source file.`, "Give every resize job the absolute path of its source image.");
  return resize(job.source, recipe);
}

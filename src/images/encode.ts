// The only image work: one recipe drawn with sharp into the bytes of its output file. Everything
// that decides how an image looks is here or in card-svg.ts; a change to either must bump
// PIPELINE_VERSION (cache.ts) so no stale image is served from the cache.

import sharp, { type Sharp, type SharpOptions } from "sharp";
import { describeMissing, missingGlyphs } from "./card-glyphs.ts";
import { CARD_ART, cardSvg, cardTexts } from "./card-svg.ts";
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
  png: { compressionLevel: 6, adaptiveFiltering: false },
} as const;

/**
 * The social card's two encodings (card-format.ts picks one from the show's art). Measured on this
 * machine (sharp 0.35.5, its mozjpeg) on the card of a 50-character title, sizes in KB, then the
 * PSNR and the largest error (of 255) of the show name and title's area against the lossless card:
 *
 *   art                       lossless PNG  palette PNG         JPEG q88 4:4:4    JPEG q88 4:2:0    q85 4:4:4         q80 4:4:4
 *   grainy photo-like (bench)    326.1      130.3 (50.3, 25)    61.6 (41.5, 49)   50.3 (38.6, 82)   54.9 (40.1, 48)   47.9 (38.4, 60)
 *   smooth gradient              111.9       38.3 (51.4, 22)    58.6 (41.5, 49)   48.2 (38.6, 82)   53.4              47.3
 *   flat shapes (fixture)         50.9       22.1 (53.2, 8)     52.0 (41.5, 49)   44.2 (38.6, 82)   48.0              43.1
 *   sample shows' art          61.5–69.4   26.6–28.4 (52–53)    58.7–61.2         50.7–51.2
 *   no art                        45.5       19.3 (53.4, 5)     51.7 (43.7, 44)   44.7 (41.3, 71)   47.8              43.1
 *
 * JPEG is mozjpeg (progressive, optimised scans, deringing) with the standard quantisation table of
 * the JPEG specification (Annex K) and without trellis quantisation: mozjpeg's own table with
 * trellis, tuned for photographs, smooths the letters' edges for its bytes (at q90: 61.8 KB, text
 * 37.2 dB; at q95: 87.3 KB, 41.3 dB), where these settings give 41.5 dB for 61.6 KB. 4:2:0 halves
 * the amber show name's colour resolution, which leaves a dark brown fringe round each letter (the
 * largest error goes from 49 to 82); 4:4:4 costs a fifth more and keeps the edges. Quality 88 is
 * the lowest where, enlarged six times, the letters look as the lossless card's do, at half the
 * 120 KB budget on the grainiest art (q85 loses 1.4 dB, q80 3 dB and shows ringing round the white
 * title). mozjpeg's scan optimisation is left out: it took 85 of the 109 ms the encoding took, to
 * save 5 % (the table's sizes are with it; as chosen the grainy card is 64.9 KB, same PSNR).
 * The palette PNG (256 colours, libimagequant) is a third to a half of the JPEG's bytes on art a
 * palette holds, with better text; on grainy art it must dither and is twice the JPEG. Effort 3
 * quantises a card in less time than the default 7 (33–73 ms against 95–116 ms, by the machine's
 * load), for 2–10 % more bytes. zlib level 6, not 9: on 30 cards without art, drawn once and encoded
 * on a quiet machine, one libvips thread, level 9 took 42–50 ms a card to encode and level 6 25–29
 * ms, for 26.1 KB against 25.2 KB (level 3: 22 ms, 28.6 KB). With level 9, a first build of 10,000
 * generated stories took 366 s, against 178 s before cards were palette PNGs.
 */
export const CARD_ENCODING = {
  jpeg: { quality: 88, mozjpeg: true, quantisationTable: 0, trellisQuantisation: false, optimiseScans: false, chromaSubsampling: "4:4:4" },
  png: { palette: true, colours: 256, effort: 3, compressionLevel: 6 },
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

/** The card drawn, before encoding: sharp's pipeline of the SVG with the art on it. */
export async function drawCard(recipe: CardRecipe, art: string | undefined, context: RenderContext): Promise<Sharp> {
  let square: Buffer | undefined;
  if (art) {
    let pending = context.cardArt.get(art);
    if (!pending) {
      pending = cardArt(art);
      context.cardArt.set(art, pending);
    }
    square = await pending;
  }
  // The build checked the texts when it planned the cards (src/site/images.ts): this is for any other caller.
  const missing = missingGlyphs(cardTexts(recipe), recipe.lang)[0];
  if (missing) {
    const { problem, fix } = describeMissing(missing);
    throw new ImageError(undefined, `the social card for "${recipe.title}" cannot be drawn. ${problem}`, fix.replace(/^./u, (c) => c.toUpperCase()));
  }
  const svg = cardSvg({ ...recipe, ...(art ? { art } : {}) });
  const image = pipeline(Buffer.from(svg));
  if (square) image.composite([{ input: square, left: CARD_ART.left, top: CARD_ART.top }]);
  // The card is opaque: without the alpha channel the SVG brings, the file is a quarter smaller.
  return image.removeAlpha();
}

async function card(recipe: CardRecipe, art: string | undefined, context: RenderContext): Promise<Buffer> {
  const image = await drawCard(recipe, art, context);
  try {
    return await (recipe.format === "jpeg" ? image.jpeg(CARD_ENCODING.jpeg) : image.png(CARD_ENCODING.png)).toBuffer();
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

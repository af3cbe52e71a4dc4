// Which file a social card is written as, decided from the show's art before anything is drawn
// (the page names the card's address and type while the images are still being drawn).
//
// The measure: the art cut to the square the card shows (400 px: the pixels the encoder will see),
// and the share of its pixels that its 256 most frequent colours cover. A PNG palette holds 256
// colours (the card's own text and background take a few dozen of them); art whose pixels mostly
// fall in few colours (drawings, logos, flat shapes, even smooth gradients, which dithering holds)
// becomes a palette PNG with no visible loss, its flat areas cost almost nothing, and its text stays
// exactly as drawn. Art whose colours spread over thousands of values (photographs, grain, texture)
// is where a palette must dither visibly and JPEG's transform does well. Measured (400 px square):
//   grainy photo-like bench art 0.47 · smooth gradient 0.84 · sample covers 0.91 · sample shows'
//   art 0.95 and 0.98 · flat fixtures 0.98–1.00
// and the smaller file at equal text quality was the palette PNG for every art at 0.84 or more,
// the JPEG for the grainy one (encode.ts has the sizes). Counting colours is exact and the same on
// every machine, so one art always gives one format, and a card's address is known in advance.

import sharp from "sharp";
import { CARD_ART } from "./card-svg.ts";
import { unreadable } from "./encode.ts";

/** At least this share of the art in its 256 most frequent colours: flat art, a palette PNG. */
export const PALETTE_COVERAGE = 0.8;

export type CardFormat = "png" | "jpeg";

/** The share of pixels in the 256 most frequent colours of the art as the card shows it. */
export async function paletteCoverage(file: string): Promise<number> {
  let data: Buffer;
  try {
    data = await sharp(file, { autoOrient: true })
      .resize(CARD_ART.size, CARD_ART.size, { fit: "cover", position: "centre" })
      // Transparent art is drawn over the card's background: flattened onto it here too.
      .flatten({ background: "#15181e" })
      .removeAlpha()
      .raw()
      .toBuffer();
  } catch (error) {
    throw unreadable(file, error);
  }
  const counts = new Map<number, number>();
  for (let i = 0; i + 2 < data.length; i += 3) {
    const colour = ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const top = [...counts.values()].sort((a, b) => b - a).slice(0, 256);
  return top.reduce((sum, n) => sum + n, 0) / (data.length / 3);
}

export function formatForCoverage(coverage: number): CardFormat {
  return coverage >= PALETTE_COVERAGE ? "png" : "jpeg";
}

/** Decisions by the art's hash: each art is measured once per process. */
const decided = new Map<string, Promise<CardFormat>>();

/** A card's format: a palette PNG without art or with flat art, a JPEG with photo-like art. */
export function cardFormat(art?: { file: string; hash: string }): Promise<CardFormat> {
  if (!art) return Promise.resolve("png");
  let format = decided.get(art.hash);
  if (!format) {
    format = paletteCoverage(art.file).then(formatForCoverage);
    // A failure is reported each time (and not remembered), naming the file then asked about.
    format.catch(() => decided.delete(art.hash));
    decided.set(art.hash, format);
  }
  return format;
}

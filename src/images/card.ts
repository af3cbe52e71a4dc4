// A story's social card (og:image): one 1200×630 image, a JPEG or a palette PNG (card-format.ts),
// named by its cache key.

import { keyOf } from "./cache.ts";
import { CARD_HEIGHT, CARD_WIDTH } from "./card-svg.ts";
import { outputName, siteUrl } from "./names.ts";
import type { CardRecipe, ImageJob } from "./types.ts";

export const CARD_TYPES = { png: "image/png", jpeg: "image/jpeg" } as const;

export interface PlannedCard {
  jobs: ImageJob[];
  url: string;
  /** The MIME type of the file, for og:image:type. */
  type: (typeof CARD_TYPES)[CardRecipe["format"]];
  width: 1200;
  height: 630;
}

/** `artHash`: the sha256 of the art's bytes (imageInfo's `hash`); without it, a card with art gets a plain name. */
export function planCard(card: Omit<CardRecipe, "kind">, base: string, artHash?: string): PlannedCard {
  const recipe: CardRecipe = {
    kind: "card",
    title: card.title,
    show: card.show,
    date: card.date,
    ...(card.art ? { art: card.art } : {}),
    ...(card.lang ? { lang: card.lang } : {}),
    format: card.format,
  };
  const draft = { ...(card.art ? { source: card.art } : {}), recipe };
  const key = card.art ? (artHash ? keyOf(draft, [artHash]) : undefined) : keyOf(draft, []);
  const output = outputName(base, "", card.format, key);
  return { jobs: [{ ...draft, output }], url: siteUrl(output), type: CARD_TYPES[card.format], width: CARD_WIDTH, height: CARD_HEIGHT };
}

// A story's social card (og:image): one 1200×630 PNG.

import { CARD_HEIGHT, CARD_WIDTH } from "./card-svg.ts";
import { outputName, siteUrl } from "./names.ts";
import type { CardRecipe, ImageJob } from "./types.ts";

export function planCard(card: Omit<CardRecipe, "kind">, base: string): { jobs: ImageJob[]; url: string; width: 1200; height: 630 } {
  const output = outputName(base, "", "png");
  const recipe: CardRecipe = { kind: "card", title: card.title, show: card.show, date: card.date, ...(card.art ? { art: card.art } : {}) };
  const job: ImageJob = { ...(card.art ? { source: card.art } : {}), recipe, output };
  return { jobs: [job], url: siteUrl(output), width: CARD_WIDTH, height: CARD_HEIGHT };
}

// The social card's design, as SVG text (pure; sharp draws it). 1200×630: a dark solid background,
// the show's art as a rounded square on the left when there is one, then an amber rule, the show's
// name, the title in large bold type (up to four lines, smaller when long) and the date.

import { fitLines, fitText } from "./text-fit.ts";
import type { CardRecipe } from "./types.ts";

export const CARD_WIDTH = 1200 as const;
export const CARD_HEIGHT = 630 as const;
/** Named explicitly: without it librsvg/pango picks whatever fontconfig offers, or draws boxes. */
export const CARD_FONT = "DejaVu Sans";

const MARGIN = 72;
/** The art: a square, vertically centred, its corners rounded. */
export const CARD_ART = { size: 400, left: MARGIN, top: (CARD_HEIGHT - 400) / 2, radius: 28 } as const;

const COLOURS = {
  background: "#15181e",
  title: "#ffffff",
  accent: "#f5b841",
  date: "#c5cbd6",
};

/** [font size, most lines]: the largest that holds the whole title wins; the last one adds "…". */
const TITLE_TIERS = {
  narrow: [[60, 3], [52, 3], [44, 4]],
  wide: [[76, 3], [64, 3], [54, 4]],
} as const;

/** Text as XML character data: escaped, without characters XML forbids, on one line. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\ufffe\uffff]/gu, " ")
    // With the u flag this matches lone surrogates only; pairs are one code point.
    .replace(/[\ud800-\udfff]/gu, "")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;")
    .replace(/'/gu, "&apos;");
}

function plain(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

export function cardSvg(card: Omit<CardRecipe, "kind">): string {
  const left = card.art ? CARD_ART.left + CARD_ART.size + 64 : MARGIN;
  const width = CARD_WIDTH - left - MARGIN;
  const top = card.art ? CARD_ART.top : 100;
  const bottom = card.art ? CARD_ART.top + CARD_ART.size : CARD_HEIGHT - 100;

  const showSize = 28;
  const show = fitLines(plain(card.show).toUpperCase(), width - 2 * 20, showSize + 2, 1).lines[0] ?? "";
  const title = fitText(plain(card.title), width, card.art ? TITLE_TIERS.narrow : TITLE_TIERS.wide);
  const dateSize = 28;
  const date = fitLines(`${plain(card.date)}  ·  Transcript`, width, dateSize, 1).lines[0] ?? "";

  const ruleY = top + 4;
  const showY = ruleY + 8 + 22 + showSize;
  const lineHeight = Math.round(title.fontSize * 1.18);
  const titleY = showY + 34 + title.fontSize;
  const dateY = bottom - 6;
  const font = `font-family="'${CARD_FONT}', sans-serif"`;
  const titleLines = title.lines
    .map((line, i) => `<tspan x="${left}" y="${titleY + i * lineHeight}">${xmlText(line)}</tspan>`)
    .join("");

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${COLOURS.background}"/>
<rect x="0" y="${CARD_HEIGHT - 12}" width="${CARD_WIDTH}" height="12" fill="${COLOURS.accent}"/>
<rect x="${left}" y="${ruleY}" width="64" height="8" rx="4" fill="${COLOURS.accent}"/>
<text ${font} font-size="${showSize}" font-weight="700" letter-spacing="2" fill="${COLOURS.accent}" x="${left}" y="${showY}">${xmlText(show)}</text>
<text ${font} font-size="${title.fontSize}" font-weight="700" fill="${COLOURS.title}">${titleLines}</text>
<text ${font} font-size="${dateSize}" fill="${COLOURS.date}" x="${left}" y="${dateY}">${xmlText(date)}</text>
</svg>`;
}

// The social card's design, as SVG text (pure; sharp draws it). 1200×630: a dark solid background,
// the show's art as a rounded square on the left when there is one, then an amber rule, the show's
// name, the title in large bold type (up to four lines, smaller when long) and the date.

import { cardFontChain, fontFamilyList, type CardWeight } from "./card-fonts.ts";
import type { CardText } from "./card-glyphs.ts";
import { fitLines, fitText } from "./text-fit.ts";
import type { CardRecipe } from "./types.ts";

export const CARD_WIDTH = 1200 as const;
export const CARD_HEIGHT = 630 as const;
/**
 * The first font of every text's chain for Latin (card-fonts.ts has the chain). Named explicitly:
 * without it librsvg/pango picks whatever fontconfig offers, or draws boxes.
 */
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

type CardContent = Pick<CardRecipe, "title" | "show" | "date" | "art" | "lang">;

/** Each text the card draws, whole, with its weight: what the glyph check looks at. */
export function cardTexts(card: CardContent): CardText[] {
  return [
    { field: "show", text: plain(card.show).toUpperCase(), weight: "bold" },
    { field: "title", text: plain(card.title), weight: "bold" },
    { field: "date", text: `${plain(card.date)}  ·  Transcript`, weight: "regular" },
  ];
}

/** A text whose first letter is of a right-to-left script is laid out right to left, from the right edge. */
export function isRightToLeft(text: string): boolean {
  const letter = /\p{L}/u.exec(text)?.[0] ?? "";
  return /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u.test(letter);
}

/** The font attributes of one text: its chain in order, and the measure its lines are wrapped with. */
function fontOf(card: CardContent, text: string, weight: CardWeight) {
  const chain = cardFontChain(card.lang ?? "", text, weight);
  // pango orders the characters (bidi); `direction` sets the paragraph's direction, so neutral
  // characters at the ends ("?", ":") fall on the right side, and `start` is then the right edge.
  const direction = isRightToLeft(text) ? ' direction="rtl"' : "";
  return { attribute: `font-family="${fontFamilyList(chain.chain)}, sans-serif"${direction}`, measure: chain.measure, rtl: direction !== "" };
}

export function cardSvg(card: CardContent): string {
  const left = card.art ? CARD_ART.left + CARD_ART.size + 64 : MARGIN;
  const width = CARD_WIDTH - left - MARGIN;
  const top = card.art ? CARD_ART.top : 100;
  const bottom = card.art ? CARD_ART.top + CARD_ART.size : CARD_HEIGHT - 100;

  const [showText, titleText, dateText] = cardTexts(card) as [CardText, CardText, CardText];
  const showFont = fontOf(card, showText.text, showText.weight);
  const titleFont = fontOf(card, titleText.text, titleText.weight);
  const dateFont = fontOf(card, dateText.text, dateText.weight);
  const showSize = 28;
  // Letter-spaced capitals: measured 2 px larger, inside a narrower box.
  const show = fitLines(showText.text, width - 2 * 20, showSize + 2, 1, showFont.measure).lines[0] ?? "";
  const title = fitText(titleText.text, width, card.art ? TITLE_TIERS.narrow : TITLE_TIERS.wide, titleFont.measure);
  const dateSize = 28;
  const date = fitLines(dateText.text, width, dateSize, 1, dateFont.measure).lines[0] ?? "";

  const ruleY = top + 4;
  const showY = ruleY + 8 + 22 + showSize;
  const lineHeight = Math.round(title.fontSize * 1.18);
  const titleY = showY + 34 + title.fontSize;
  const dateY = bottom - 6;
  const lang = card.lang ? ` xml:lang="${xmlText(card.lang)}"` : "";
  const x = (font: { rtl: boolean }) => (font.rtl ? left + width : left);
  const titleLines = title.lines
    .map((line, i) => `<tspan x="${x(titleFont)}" y="${titleY + i * lineHeight}">${xmlText(line)}</tspan>`)
    .join("");

  return `<svg xmlns="http://www.w3.org/2000/svg"${lang} width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${COLOURS.background}"/>
<rect x="0" y="${CARD_HEIGHT - 12}" width="${CARD_WIDTH}" height="12" fill="${COLOURS.accent}"/>
<rect x="${titleFont.rtl ? left + width - 64 : left}" y="${ruleY}" width="64" height="8" rx="4" fill="${COLOURS.accent}"/>
<text ${showFont.attribute} font-size="${showSize}" font-weight="700" letter-spacing="2" fill="${COLOURS.accent}" x="${x(showFont)}" y="${showY}">${xmlText(show)}</text>
<text ${titleFont.attribute} font-size="${title.fontSize}" font-weight="700" fill="${COLOURS.title}">${titleLines}</text>
<text ${dateFont.attribute} font-size="${dateSize}" fill="${COLOURS.date}" x="${x(dateFont)}" y="${dateY}">${xmlText(date)}</text>
</svg>`;
}

// Never a box on a card: before anything is drawn, every character of every text on it is looked
// up in the fonts of the chain that draws that text. A character none of them has is reported with
// its code point, the Debian package whose font would draw it (when one of the chain is missing
// from this machine), or else a request to change the text.

import { cardFontChain, cardFonts, installedFont, IGNORABLE, type CardWeight } from "./card-fonts.ts";

export type CardField = "title" | "show" | "date";

/** A text as the card draws it (after wrapping's whitespace clean-up and the show's capitals). */
export interface CardText {
  field: CardField;
  text: string;
  weight: CardWeight;
}

export interface MissingGlyph {
  field: CardField;
  char: string;
  /** "U+E000" */
  codePoint: string;
  /** Packages whose fonts would draw it, when the chain names a font for its script that is not installed. */
  packages: string[];
}

export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Each character no font of its chain draws, once per field; `fontDirs`: look in these folders instead of asking fontconfig. */
export function missingGlyphs(texts: readonly CardText[], lang = "", fontDirs?: readonly string[]): MissingGlyph[] {
  const missing: MissingGlyph[] = [];
  for (const { field, text, weight } of texts) {
    const chain = cardFontChain(lang, text, weight, fontDirs);
    const seen = new Set<string>();
    // Composed as HarfBuzz composes them: "e" + U+0301 is drawn as "é" when the font has it.
    for (const char of text.normalize("NFC")) {
      if (seen.has(char) || IGNORABLE.test(char)) continue;
      seen.add(char);
      if (chain.em(char.codePointAt(0) ?? 0) !== null) continue;
      const packages = [...new Set(cardFonts(lang, text).filter((font) => font.script?.test(char) && !installedFont(font, weight, fontDirs)).map((font) => font.debian))];
      missing.push({ field, char, codePoint: codePointName(char), packages });
    }
  }
  return missing;
}

const FIELD_NAMES: Record<CardField, string> = { title: "title", show: "show name", date: "date" };

/** What to tell the editor: the character (shown, unless it is invisible or private), and the fix. */
export function describeMissing(glyph: MissingGlyph): { problem: string; fix: string } {
  const shown = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(glyph.char) && !/\p{Co}/u.test(glyph.char) ? `"${glyph.char}" (${glyph.codePoint})` : glyph.codePoint;
  const field = FIELD_NAMES[glyph.field];
  const problem = `The ${field} holds ${shown}, a character no font of the social card has: the card would show an empty box in its place.`;
  const fix = glyph.packages.length
    ? `install the font that draws it (Debian: apt-get install ${glyph.packages.join(" ")}), or change the ${field}.`
    : /\p{Extended_Pictographic}/u.test(glyph.char)
      ? `the card's fonts draw some emoji as plain outlines, not this one: take it out of the ${field}, or use one they draw (the build names each it cannot).`
      : /\p{Co}/u.test(glyph.char)
      ? `${glyph.codePoint} is in Unicode's private use area, which no published font draws: change the ${field} (it often comes from a copy from a PDF or a symbol font).`
      : `no font Verbatim draws cards with (DejaVu Sans and Debian's Noto fonts) has it: change the ${field}, or replace the character with a common one.`;
  return { problem, fix };
}

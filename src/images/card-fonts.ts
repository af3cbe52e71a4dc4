// The fonts a social card is drawn with, in order: DejaVu Sans for Latin, Greek and Cyrillic, then
// Debian's Noto fonts for the scripts DejaVu lacks. The SVG names the whole chain, so pango takes
// each character from the first of them that has it; this module finds the same files (through
// fontconfig, which is what pango asks, or by reading the font folders), tells which font of the
// chain draws a character, and how wide (for line wrapping).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fontFaces, fontMetrics, type FontMetrics } from "./sfnt.ts";

export type CardWeight = "regular" | "bold";

export interface ChainFont {
  family: string;
  /** The Debian package that installs it. */
  debian: string;
  /** What it adds to the fonts before it, for messages and docs. */
  scripts: string;
  /**
   * Text in this script takes this font before DejaVu Sans: DejaVu has some Arabic and Hebrew
   * letters, and a word drawn partly from one font and partly from another cannot join its letters.
   */
  first?: boolean;
  /** The characters it is there for: when it is not installed, a missing one names its package. */
  script?: RegExp;
}

/** Noto Sans CJK's regional variants differ only in how some Han characters are drawn. */
const CJK_BY_LANGUAGE: Record<string, string> = { zh: "SC", "zh-tw": "TC", "zh-hk": "HK", "zh-hant": "TC", ko: "KR", ja: "JP" };

/**
 * The chain for a text in a story's language: the fonts of the scripts it holds that must come
 * before DejaVu (Arabic, Hebrew), then the rest in order; CJK glyphs in the language's regional
 * style (Japanese by default).
 */
export function cardFonts(lang = "", text = ""): ChainFont[] {
  const all = allFonts(lang);
  const first = all.filter((font) => font.first && font.script?.test(text));
  return [...first, ...all.filter((font) => !first.includes(font))];
}

function allFonts(lang: string): ChainFont[] {
  const tag = lang.toLowerCase();
  const region = CJK_BY_LANGUAGE[tag] ?? CJK_BY_LANGUAGE[tag.split("-")[0] ?? ""] ?? "JP";
  return [
    { family: "DejaVu Sans", debian: "fonts-dejavu-core", scripts: "Latin, Greek, Cyrillic", script: /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u },
    { family: "Noto Sans", debian: "fonts-noto-core", scripts: "more Latin, Greek and Cyrillic" },
    { family: "Noto Sans Arabic", debian: "fonts-noto-core", scripts: "Arabic", first: true, script: /\p{Script=Arabic}/u },
    { family: "Noto Sans Hebrew", debian: "fonts-noto-core", scripts: "Hebrew", first: true, script: /\p{Script=Hebrew}/u },
    { family: "Noto Sans Devanagari", debian: "fonts-noto-core", scripts: "Devanagari", script: /\p{Script=Devanagari}/u },
    { family: "Noto Sans Bengali", debian: "fonts-noto-core", scripts: "Bengali", script: /\p{Script=Bengali}/u },
    { family: "Noto Sans Tamil", debian: "fonts-noto-core", scripts: "Tamil", script: /\p{Script=Tamil}/u },
    { family: "Noto Sans Thai", debian: "fonts-noto-core", scripts: "Thai", script: /\p{Script=Thai}/u },
    { family: "Noto Sans Armenian", debian: "fonts-noto-core", scripts: "Armenian", script: /\p{Script=Armenian}/u },
    { family: "Noto Sans Georgian", debian: "fonts-noto-core", scripts: "Georgian", script: /\p{Script=Georgian}/u },
    { family: "Noto Sans Ethiopic", debian: "fonts-noto-core", scripts: "Ethiopic", script: /\p{Script=Ethiopic}/u },
    { family: `Noto Sans CJK ${region}`, debian: "fonts-noto-cjk", scripts: "Chinese, Japanese, Korean", script: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u },
    { family: "Noto Sans Symbols", debian: "fonts-noto-core", scripts: "symbols" },
    { family: "Noto Sans Symbols 2", debian: "fonts-noto-core", scripts: "more symbols" },
  ];
}

/** Every Debian package the chain names, for the installer and the docs. */
export const CARD_FONT_PACKAGES: readonly string[] = [...new Set(cardFonts().map((font) => font.debian))];

/** The SVG font-family value: the chain, quoted. */
export function fontFamilyList(chain: readonly ChainFont[]): string {
  return chain.map((font) => `'${font.family}'`).join(", ");
}

const FONT_DIRS: readonly string[] = ["/usr/share/fonts", "/usr/local/share/fonts", path.join(os.homedir(), ".local/share/fonts"), path.join(os.homedir(), ".fonts"), "/Library/Fonts", "/System/Library/Fonts"];

const same = (a: string, b: string) => a.toLowerCase().replace(/\s+/gu, "") === b.toLowerCase().replace(/\s+/gu, "");

/** fontconfig's answer: the file and index it gives pango for a family at a weight, if that family is installed. */
function fromFontconfig(family: string, weight: CardWeight): { file: string; index: number } | null | undefined {
  const escaped = family.replace(/[\\\-:,]/gu, (c) => `\\${c}`);
  const result = spawnSync("fc-match", ["--format=%{file}\n%{index}\n%{family}", `${escaped}:weight=${weight === "bold" ? 200 : 80}:width=100:slant=0`], { encoding: "utf8", timeout: 20_000 });
  if (result.error || result.status !== 0) return undefined;
  const [file = "", index = "0", families = ""] = result.stdout.split("\n");
  // fc-match always answers with something: only the family asked for counts.
  if (!families.split(",").some((name) => same(name.replace(/\\/gu, ""), family))) return null;
  return { file, index: Number(index) || 0 };
}

/** Without fontconfig's tools: the font files' own names ("Bold", or the regular "Book"/"Regular"). */
function fromFolders(family: string, weight: CardWeight, dirs: readonly string[]): { file: string; index: number } | null {
  const wanted = weight === "bold" ? ["bold"] : ["regular", "book"];
  const walk = (dir: string, depth: number): string[] => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries.flatMap((entry) => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 8) return walk(file, depth + 1);
      return /\.(ttf|otf|ttc|otc)$/iu.test(entry.name) ? [file] : [];
    });
  };
  for (const dir of dirs) {
    for (const file of walk(dir, 0)) {
      const face = fontFaces(file).find((f) => f.families.some((name) => same(name, family)) && f.styles.some((style) => wanted.includes(style.toLowerCase())));
      if (face) return { file: face.file, index: face.index };
    }
  }
  return null;
}

/** A font of the chain as installed, with its metrics. */
export interface InstalledFont extends ChainFont {
  file: string;
  metrics: FontMetrics;
}

/** Characters drawn as nothing when no font has them (joiners, variation selectors, direction marks). */
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;
/** Characters the glyph check passes: those, and white space (the card draws it as a gap whatever the font). */
export const IGNORABLE = /^[\s\p{Default_Ignorable_Code_Point}]$/u;

const located = new Map<string, InstalledFont | null>();

/** The installed file of a chain font at a weight, or null when it is not installed. Asked once per process. */
export function installedFont(font: ChainFont, weight: CardWeight, fontDirs?: readonly string[]): InstalledFont | null {
  const key = `${font.family}\n${weight}\n${fontDirs?.join("\n") ?? ""}`;
  const known = located.get(key);
  if (known !== undefined) return known;
  const place = fontDirs ? fromFolders(font.family, weight, fontDirs) : fromFontconfig(font.family, weight) ?? fromFolders(font.family, weight, FONT_DIRS);
  const metrics = place ? fontMetrics(place.file, place.index) : undefined;
  const found = place && metrics ? { ...font, file: place.file, metrics } : null;
  located.set(key, found);
  return found;
}

/** The chain at one weight, as this machine has it: which font draws a character, and its width in em. */
export class CardFontChain {
  private readonly widths = new Map<number, number | null>();

  constructor(
    readonly chain: readonly ChainFont[],
    readonly weight: CardWeight,
    private readonly fontDirs?: readonly string[],
  ) {}

  /**
   * The first installed font of the chain with a glyph for the code point; undefined when none has
   * one. For bold text a family's regular face stands in for a character its bold face lacks (as
   * fontconfig offers it to pango, which then emboldens it).
   */
  fontFor(codePoint: number): InstalledFont | undefined {
    const weights: CardWeight[] = this.weight === "bold" ? ["bold", "regular"] : ["regular"];
    for (const font of this.chain) {
      for (const weight of weights) {
        const installed = installedFont(font, weight, this.fontDirs);
        if (installed && installed.metrics.glyph(codePoint) !== 0) return installed;
      }
    }
    return undefined;
  }

  /** A text's width in em, for line wrapping (text-fit.ts); a character no font has counts 1 em. */
  readonly measure = (text: string): number => {
    let em = 0;
    for (const char of text) em += this.em(char.codePointAt(0) ?? 0) ?? (INVISIBLE.test(char) ? 0 : 1);
    return em;
  };

  /** A code point's advance in em, from the font that draws it; null when no font does. */
  em(codePoint: number): number | null {
    let width = this.widths.get(codePoint);
    if (width === undefined) {
      const font = this.fontFor(codePoint);
      width = font ? font.metrics.advance(font.metrics.glyph(codePoint)) / font.metrics.unitsPerEm : null;
      this.widths.set(codePoint, width);
    }
    return width;
  }
}

const chains = new Map<string, CardFontChain>();

/** Forgets what was found: after fonts were installed, the next question asks fontconfig again. */
export function forgetFonts(): void {
  located.clear();
  chains.clear();
}

/** The chain that draws a text, at a weight: one per order of fonts per process (their widths are remembered). */
export function cardFontChain(lang: string, text: string, weight: CardWeight, fontDirs?: readonly string[]): CardFontChain {
  const chain = cardFonts(lang, text);
  const key = `${chain.map((f) => f.family).join(",")}\n${weight}\n${fontDirs?.join("\n") ?? ""}`;
  let found = chains.get(key);
  if (!found) {
    found = new CardFontChain(chain, weight, fontDirs);
    chains.set(key, found);
  }
  return found;
}

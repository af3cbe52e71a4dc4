// The social cards' fonts (src/images/card-fonts.ts): DejaVu Sans and Debian's Noto fonts for the
// scripts DejaVu lacks. Run by ensure-chromium.ts before the tests and builds: as root on Debian
// the missing packages are installed with apt-get (with Chromium when it is missing too);
// anywhere else it says what to install. A missing font fails a build only when a card needs it
// (the glyph check names the story and the package), so this only warns.

import { cardFonts, forgetFonts, installedFont, type ChainFont } from "../src/images/card-fonts.ts";

/** The Debian packages of the card's fonts that this machine lacks (asking fontconfig for the first font of each). */
export function missingFontPackages(): string[] {
  forgetFonts();
  const first = new Map<string, ChainFont>();
  for (const font of cardFonts()) if (!first.has(font.debian)) first.set(font.debian, font);
  return [...first].filter(([, font]) => installedFont(font, "bold") === null).map(([name]) => name);
}

export function fontAdvice(packages: readonly string[]): string {
  return `The social cards' fonts are not all installed (missing: ${packages.join(", ")}); a card whose title needs one fails the build.\n  Fix: sudo apt-get install ${packages.join(" ")} (or your system's DejaVu and Noto fonts).`;
}

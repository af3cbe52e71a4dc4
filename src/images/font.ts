// The card font must really be installed: without it librsvg/pango draw a fallback font or empty
// boxes, and nothing fails. Fontconfig is asked first (it is what sharp's pango uses); where its
// command-line tools are not installed, or when font folders are given, the font files are read.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CARD_FONT } from "./card-svg.ts";
import { ImageError } from "./errors.ts";
import { fontFamilies } from "./sfnt.ts";

export const FONT_DIRS: readonly string[] = [
  "/usr/share/fonts",
  "/usr/local/share/fonts",
  path.join(os.homedir(), ".local/share/fonts"),
  path.join(os.homedir(), ".fonts"),
  "/Library/Fonts",
  "/System/Library/Fonts",
];

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/iu;

/** Family names compare as fontconfig compares them: without case or spaces. */
function same(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/gu, "");
  return norm(a) === norm(b);
}

/** true or false from fontconfig; undefined when fc-list is not installed. */
function askFontconfig(family: string): boolean | undefined {
  // In a fontconfig pattern, \ - : , are special.
  const pattern = `:family=${family.replace(/[\\\-:,]/gu, (c) => `\\${c}`)}`;
  const result = spawnSync("fc-list", [pattern, "family"], { encoding: "utf8", timeout: 20_000 });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.split(/[\n,]/u).some((name) => same(name.replace(/\\/gu, "").trim(), family));
}

function* fontFiles(dir: string, depth = 0): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(file, { throwIfNoEntry: false })?.isDirectory());
    if (isDir && depth < 8) yield* fontFiles(file, depth + 1);
    else if (FONT_FILE.test(entry.name)) yield file;
  }
}

function inFolders(family: string, dirs: readonly string[]): boolean {
  for (const dir of dirs) {
    for (const file of fontFiles(dir)) {
      if (fontFamilies(file).some((name) => same(name, family))) return true;
    }
  }
  return false;
}

export function checkCardFont(options: { family?: string; fontDirs?: string[] } = {}): void {
  const family = options.family ?? CARD_FONT;
  const found = options.fontDirs ? inFolders(family, options.fontDirs) : askFontconfig(family) ?? inFolders(family, FONT_DIRS);
  if (found) return;
  const where = options.fontDirs ? ` in ${options.fontDirs.length > 0 ? options.fontDirs.join(", ") : "(no font folders)"}` : "";
  throw new ImageError(
    undefined,
    `the font "${family}" that social cards are drawn with is not installed${where}; the cards would show empty boxes instead of text.`,
    family === CARD_FONT ? "apt-get install fonts-dejavu-core (or your system's DejaVu fonts package), then build again." : `Install the font "${family}", then build again.`,
  );
}

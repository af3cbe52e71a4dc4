// TrueType/OpenType font files (.ttf, .otf, and each font of a .ttc/.otc collection), read with a
// few small reads: the family and style names from the `name` table, to tell which families a
// font folder really holds whatever the files are called; and, for one font, which characters it
// has a glyph for (`cmap`) and how wide each glyph is (`head`, `hhea`, `hmtx`), so the card can
// refuse a character no font draws and wrap lines with the widths of the font that draws them.
// Table layouts: the OpenType specification (docs.microsoft.com/typography/opentype/spec).

import fs from "node:fs";
import { readCmap } from "./cmap.ts";

const FAMILY = 1;
const SUBFAMILY = 2;
const TYPOGRAPHIC_FAMILY = 16;
const TYPOGRAPHIC_SUBFAMILY = 17;
/** Collections hold a few dozen fonts at most; a bigger count is a broken file. */
const MAX_FONTS = 256;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = fs.readSync(fd, buffer, 0, length, position);
  if (read < length) throw new Error("truncated font file");
  return buffer;
}

function decodeName(bytes: Buffer, platform: number): string {
  if (platform === 0 || platform === 3) {
    // UTF-16 big-endian
    const swapped = Buffer.from(bytes);
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  return bytes.toString("latin1");
}

type Tables = Map<string, { offset: number; length: number }>;

function tablesOf(fd: number, offset: number): Tables {
  const numTables = readAt(fd, offset + 4, 2).readUInt16BE(0);
  const directory = readAt(fd, offset + 12, numTables * 16);
  const tables: Tables = new Map();
  for (let i = 0; i < numTables; i++) {
    tables.set(directory.toString("latin1", i * 16, i * 16 + 4), { offset: directory.readUInt32BE(i * 16 + 8), length: directory.readUInt32BE(i * 16 + 12) });
  }
  return tables;
}

function table(fd: number, tables: Tables, tag: string, max = 64 << 20): Buffer | undefined {
  const entry = tables.get(tag);
  if (!entry || entry.length > max) return undefined;
  return readAt(fd, entry.offset, entry.length);
}

/** One font of a file: its index in a collection (0 otherwise), family names and style ("Bold", "Book"…). */
export interface FontFace {
  file: string;
  index: number;
  families: string[];
  styles: string[];
}

function namesOfFont(fd: number, offset: number): { families: string[]; styles: string[] } {
  const name = table(fd, tablesOf(fd, offset), "name", 1 << 20);
  if (!name || name.length < 6) return { families: [], styles: [] };
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  const families = new Set<string>();
  const styles = new Set<string>();
  for (let i = 0; i < count && 6 + (i + 1) * 12 <= name.length; i++) {
    const record = 6 + i * 12;
    const platform = name.readUInt16BE(record);
    const nameId = name.readUInt16BE(record + 6);
    const length = name.readUInt16BE(record + 8);
    const start = strings + name.readUInt16BE(record + 10);
    if (length % 2 !== 0 || start + length > name.length) continue;
    const into = nameId === FAMILY || nameId === TYPOGRAPHIC_FAMILY ? families : nameId === SUBFAMILY || nameId === TYPOGRAPHIC_SUBFAMILY ? styles : undefined;
    const text = into && decodeName(name.subarray(start, start + length), platform).trim();
    if (into && text) into.add(text);
  }
  return { families: [...families], styles: [...styles] };
}

/** Where each font of a file starts: one offset, or one per font of a collection; [] for a file that is not a font. */
function fontOffsets(fd: number): number[] {
  const header = readAt(fd, 0, 12);
  const tag = header.toString("latin1", 0, 4);
  if (tag === "ttcf") {
    const fonts = Math.min(header.readUInt32BE(8), MAX_FONTS);
    const offsets = readAt(fd, 12, fonts * 4);
    return Array.from({ length: fonts }, (_, i) => offsets.readUInt32BE(i * 4));
  }
  return tag === "OTTO" || tag === "true" || header.readUInt32BE(0) === 0x00010000 ? [0] : [];
}

function withFile<T>(file: string, read: (fd: number) => T, fallback: T): T {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    return read(fd);
  } catch {
    return fallback;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Every font in a file with its names; [] for a file that is not a TrueType/OpenType font. */
export function fontFaces(file: string): FontFace[] {
  return withFile(file, (fd) => fontOffsets(fd).map((offset, index) => ({ file, index, ...namesOfFont(fd, offset) })), []);
}

/** Every family name a font file declares; [] for a file that is not a TrueType/OpenType font. */
export function fontFamilies(file: string): string[] {
  return [...new Set(fontFaces(file).flatMap((face) => face.families))];
}

/** What the card needs of one font: whether it has a character, and how wide it draws it. */
export interface FontMetrics {
  unitsPerEm: number;
  /** The glyph for a code point; 0 (.notdef, the box) when the font has none. */
  glyph(codePoint: number): number;
  /** A glyph's advance width in font units. */
  advance(glyph: number): number;
}

/** The metrics of font `index` of a file; undefined for a file that is not a font or lacks a table. */
export function fontMetrics(file: string, index = 0): FontMetrics | undefined {
  return withFile<FontMetrics | undefined>(
    file,
    (fd) => {
      const offset = fontOffsets(fd)[index];
      if (offset === undefined) return undefined;
      const tables = tablesOf(fd, offset);
      const head = table(fd, tables, "head");
      const hhea = table(fd, tables, "hhea");
      const cmap = table(fd, tables, "cmap");
      if (!head || head.length < 54 || !hhea || hhea.length < 36 || !cmap) return undefined;
      const unitsPerEm = head.readUInt16BE(18);
      const longMetrics = hhea.readUInt16BE(34);
      const hmtx = table(fd, tables, "hmtx");
      if (!hmtx || longMetrics === 0 || hmtx.length < longMetrics * 4 || unitsPerEm === 0) return undefined;
      const glyphs = readCmap(cmap);
      if (!glyphs) return undefined;
      return {
        unitsPerEm,
        glyph: glyphs,
        // Glyphs past the last long metric share its advance (monospaced tails).
        advance: (glyph) => hmtx.readUInt16BE(Math.min(glyph, longMetrics - 1) * 4),
      };
    },
    undefined,
  );
}

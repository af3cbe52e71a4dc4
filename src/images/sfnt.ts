// The family names inside a TrueType/OpenType font file (.ttf, .otf, and each font of a .ttc/.otc
// collection), read from its `name` table with a few small reads: enough to tell which families
// a font folder really holds, whatever the files are called.

import fs from "node:fs";

const FAMILY = 1;
const TYPOGRAPHIC_FAMILY = 16;

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

function familiesOfFont(fd: number, offset: number): string[] {
  const numTables = readAt(fd, offset + 4, 2).readUInt16BE(0);
  const directory = readAt(fd, offset + 12, numTables * 16);
  let name: { offset: number; length: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    if (directory.toString("latin1", i * 16, i * 16 + 4) === "name") {
      name = { offset: directory.readUInt32BE(i * 16 + 8), length: directory.readUInt32BE(i * 16 + 12) };
    }
  }
  if (!name || name.length < 6 || name.length > 1 << 20) return [];
  const table = readAt(fd, name.offset, name.length);
  const count = table.readUInt16BE(2);
  const strings = table.readUInt16BE(4);
  const families = new Set<string>();
  for (let i = 0; i < count && 6 + (i + 1) * 12 <= table.length; i++) {
    const record = 6 + i * 12;
    const platform = table.readUInt16BE(record);
    const nameId = table.readUInt16BE(record + 6);
    const length = table.readUInt16BE(record + 8);
    const start = strings + table.readUInt16BE(record + 10);
    if ((nameId === FAMILY || nameId === TYPOGRAPHIC_FAMILY) && length % 2 === 0 && start + length <= table.length) {
      const family = decodeName(table.subarray(start, start + length), platform).trim();
      if (family) families.add(family);
    }
  }
  return [...families];
}

/** Every family name a font file declares; [] for a file that is not a TrueType/OpenType font. */
export function fontFamilies(file: string): string[] {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, "r");
    const header = readAt(fd, 0, 12);
    const tag = header.toString("latin1", 0, 4);
    if (tag === "ttcf") {
      const fonts = Math.min(header.readUInt32BE(8), 256);
      const offsets = readAt(fd, 12, fonts * 4);
      return [...new Set(Array.from({ length: fonts }, (_, i) => familiesOfFont(fd as number, offsets.readUInt32BE(i * 4))).flat())];
    }
    if (tag === "OTTO" || tag === "true" || header.readUInt32BE(0) === 0x00010000) return familiesOfFont(fd, 0);
    return [];
  } catch {
    return [];
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

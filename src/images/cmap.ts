// A font's `cmap` table (pure): which glyph draws a code point. Reads the Unicode subtables a
// renderer prefers: format 12 (segmented coverage, all planes) when the font has one, else format 4
// (segment mapping, the Basic Multilingual Plane). Layouts: the OpenType specification's cmap chapter.

/** A code point's glyph id; 0 when the font has none. */
export type GlyphLookup = (codePoint: number) => number;

/** [platform, encoding, format], best first: full Unicode before BMP-only. */
const PREFERENCE: ReadonlyArray<readonly [number, number, number]> = [
  [3, 10, 12],
  [0, 6, 12],
  [0, 4, 12],
  [3, 1, 4],
  [0, 3, 4],
  [0, 2, 4],
  [0, 1, 4],
  [0, 0, 4],
];

function format12(cmap: Buffer, at: number): GlyphLookup | undefined {
  if (at + 16 > cmap.length) return undefined;
  const groups = cmap.readUInt32BE(at + 12);
  if (at + 16 + groups * 12 > cmap.length) return undefined;
  const starts = new Uint32Array(groups);
  const ends = new Uint32Array(groups);
  const glyphs = new Uint32Array(groups);
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    starts[i] = cmap.readUInt32BE(g);
    ends[i] = cmap.readUInt32BE(g + 4);
    glyphs[i] = cmap.readUInt32BE(g + 8);
  }
  return (code) => {
    // Groups are sorted by start code: binary search for the last group starting at or before it.
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) > code) hi = mid - 1;
      else if ((ends[mid] as number) < code) lo = mid + 1;
      else return (glyphs[mid] as number) + code - (starts[mid] as number);
    }
    return 0;
  };
}

function format4(cmap: Buffer, at: number): GlyphLookup | undefined {
  if (at + 14 > cmap.length) return undefined;
  const length = cmap.readUInt16BE(at + 2);
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  if (rangeOffsets + segments * 2 > cmap.length) return undefined;
  const end = Math.min(cmap.length, at + length);
  return (code) => {
    if (code > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (cmap.readUInt16BE(ends + i * 2) < code) continue;
      const start = cmap.readUInt16BE(starts + i * 2);
      if (start > code) return 0;
      const delta = cmap.readUInt16BE(deltas + i * 2);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + i * 2);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      // idRangeOffset counts bytes from its own place in the array to the glyph id array entry.
      const address = rangeOffsets + i * 2 + rangeOffset + (code - start) * 2;
      if (address + 2 > end) return 0;
      const glyph = cmap.readUInt16BE(address);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** The best Unicode lookup of a cmap table; undefined when it has none this reader knows. */
export function readCmap(cmap: Buffer): GlyphLookup | undefined {
  if (cmap.length < 4) return undefined;
  const count = cmap.readUInt16BE(2);
  const subtables: Array<{ platform: number; encoding: number; format: number; at: number }> = [];
  for (let i = 0; i < count && 4 + (i + 1) * 8 <= cmap.length; i++) {
    const record = 4 + i * 8;
    const at = cmap.readUInt32BE(record + 4);
    if (at + 2 > cmap.length) continue;
    subtables.push({ platform: cmap.readUInt16BE(record), encoding: cmap.readUInt16BE(record + 2), format: cmap.readUInt16BE(at), at });
  }
  for (const [platform, encoding, format] of PREFERENCE) {
    const found = subtables.find((s) => s.platform === platform && s.encoding === encoding && s.format === format);
    const lookup = found && (format === 12 ? format12(cmap, found.at) : format4(cmap, found.at));
    if (lookup) return lookup;
  }
  return undefined;
}

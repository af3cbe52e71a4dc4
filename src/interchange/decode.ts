// Bytes → text for imported files. Caption and transcript files arrive in whatever encoding the
// tool that wrote them used: UTF-8 with or without a BOM, UTF-16 from Windows tools, and
// Windows-1252 from older subtitle editors. Line endings are left alone: importers split lines.

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the bytes began with a byte order mark (removed from text). */
  bom: boolean;
}

// Node's "windows-1252" decoder (up to at least Node 22) decodes 0x80–0x9F as Latin-1 control
// characters instead of the Windows-1252 letters, so the apostrophe 0x92 would come out as U+0092.
// These are the Windows-1252 characters for 0x80–0x9F; 0 marks the five unassigned bytes.
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom) return { text: decodeAs(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, bom: true };
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: decodeAs(utf16, bytes), encoding: utf16, bom: false };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "utf-8", bom: false };
  } catch {
    // Not valid UTF-8: the usual other encoding for Western captions is Windows-1252.
    return { text: decodeWindows1252(bytes), encoding: "windows-1252", bom: false };
  }
}

function byteOrderMark(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/**
 * UTF-16 without a BOM is still valid UTF-8 (every other byte a NUL), so it must be caught
 * before the UTF-8 attempt: text in Latin script has a zero in most high bytes.
 */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const pairs = Math.min(Math.floor(bytes.length / 2), 512);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** Decodes without stripping another BOM: the caller has already removed the one that counts. */
function decodeAs(encoding: TextEncodingName, bytes: Uint8Array): string {
  if (encoding === "windows-1252") return decodeWindows1252(bytes);
  // With a BOM present the encoding is declared, so bad bytes become U+FFFD rather than a guess.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function decodeWindows1252(bytes: Uint8Array): string {
  const latin = new TextDecoder("windows-1252").decode(bytes);
  return latin.replace(/[\u0080-\u009f]/gu, (ch) => {
    const mapped = CP1252_HIGH[ch.charCodeAt(0) - 0x80];
    return mapped ? String.fromCharCode(mapped) : ch;
  });
}

// What a story file must be made of: UTF-8 text (a byte-order mark and CRLF line endings are
// fine), without invisible control characters. Pure: the caller reads the bytes.
//
// - Bytes that are not UTF-8 (a file saved as Windows-1252 or Latin-1, or damaged) are an error
//   naming the first such line, the byte, and what it would be in Windows-1252; the fix is to
//   save the file as UTF-8. Story files are what editors save, so Verbatim never guesses.
// - A file saved as UTF-16 is an error with the same fix.
// - NUL and other control characters (C0 other than tab, line feed and carriage return; DEL;
//   C1) are an error naming the line and column: they are invisible in most editors and
//   cannot be published in HTML or XML. They are not stripped, so nothing changes unseen.
// - Mojibake ("Ã©" for "é": UTF-8 that was once read as Windows-1252) and the replacement
//   character "�" are valid text, so they are warnings naming the line, with the likely repair.

import { InputError } from "./errors.ts";

/** A warning about the text of a file, at a 1-based line. */
export interface TextWarning {
  line: number;
  message: string;
}

const SAVE_AS_UTF8 = "save the file as UTF-8 (in most editors: Save As… or the encoding shown in the status bar → UTF-8)";

/** Windows-1252's characters for bytes 0x80–0x9F (undefined bytes stay as their Latin-1 code point). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function cp1252Char(byte: number): string {
  return String.fromCodePoint(byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte);
}

const CP1252_BYTE = new Map<string, number>();
for (let byte = 0x80; byte <= 0xff; byte++) CP1252_BYTE.set(cp1252Char(byte), byte);

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, offset: number): { line: number; start: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, start };
}

/** The bytes of a story (or show.yml) file as text, or an InputError naming the line that is not UTF-8. */
export function decodeUtf8File(file: string, bytes: Uint8Array): string {
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  const utf16 =
    (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (bytes.length >= 4 && ((b1 === 0 && b3 === 0 && b0 !== 0) || (b0 === 0 && b2 === 0 && b1 !== 0)));
  if (utf16) throw new InputError(file, 1, "The file is saved as UTF-16, not UTF-8.", `${SAVE_AS_UTF8}.`);
  // The native decoder checks valid files fast; the byte-by-byte scan runs only to locate a fault.
  try {
    return STRICT_UTF8.decode(bytes); // drops a byte-order mark
  } catch {
    // reported below, at its line
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return new TextDecoder("utf-8").decode(bytes);
  const { line, start } = lineOfByte(bytes, bad);
  const before = new TextDecoder("utf-8").decode(bytes.subarray(start, bad));
  const column = [...before].length + 1;
  const byte = bytes[bad] ?? 0;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  // Count the lines with bad bytes, so the editor knows whether one character or the whole file is off.
  let lines = 0;
  for (let at = bad; at >= 0; ) {
    lines += 1;
    const newline = bytes.indexOf(0x0a, at);
    if (newline < 0) break;
    const next = firstInvalidUtf8(bytes.subarray(newline + 1));
    at = next < 0 ? -1 : newline + 1 + next;
  }
  const more = lines > 1 ? ` (and ${lines - 1} more line${lines === 2 ? "" : "s"})` : "";
  const guess = byte >= 0x80 ? `; in Windows-1252 that byte is "${cp1252Char(byte)}", so the file was probably saved in Windows-1252 or Latin-1` : "";
  throw new InputError(
    file,
    line,
    `Line ${line} is not valid UTF-8: byte ${hex} at column ${column}${guess}${more}.`,
    `${SAVE_AS_UTF8}; if only a character or two are wrong, retype them.`,
  );
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const CONTROL_NAMES: Record<number, string> = { 0: "NUL", 0x0b: "vertical tab", 0x0c: "form feed", 0x1b: "escape", 0x7f: "DEL" };

/** "ÃƒÂ©"-style text: characters Windows-1252 would write as the bytes of a UTF-8 sequence. */
const MOJIBAKE = /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]{1,3}/gu;

/** The text a mojibake run stood for ("Ã©" → "é"), when re-reading its Windows-1252 bytes as UTF-8 works. */
export function repairMojibake(run: string): string | undefined {
  const bytes: number[] = [];
  for (const char of run) {
    const byte = CP1252_BYTE.get(char);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  const data = Uint8Array.from(bytes);
  if (firstInvalidUtf8(data) >= 0) return undefined;
  const text = new TextDecoder("utf-8").decode(data);
  return text.length < run.length ? text : undefined;
}

/**
 * Checks the characters of a story's text. Throws an InputError at the first control character;
 * returns warnings for mojibake and replacement characters.
 */
export function checkCharacters(file: string, text: string): TextWarning[] {
  const lines = text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
  const warnings: TextWarning[] = [];
  const controls: { line: number; column: number; code: number }[] = [];
  lines.forEach((content, i) => {
    const line = i + 1;
    const at = content.search(CONTROL);
    if (at >= 0) controls.push({ line, column: [...content.slice(0, at)].length + 1, code: content.codePointAt(at) ?? 0 });
    if (content.includes("\uFFFD")) {
      warnings.push({
        line,
        message: 'This line has a replacement character "�": some text was lost when it was converted before it was saved here. Compare it with the original and retype what is missing.',
      });
    }
    for (const match of content.matchAll(MOJIBAKE)) {
      const repaired = repairMojibake(match[0]);
      if (repaired) {
        warnings.push({
          line,
          message: `"${match[0]}" looks like garbled text for "${repaired}" (UTF-8 that was read as Windows-1252). Replace it with "${repaired}".`,
        });
      }
    }
  });
  const first = controls[0];
  if (first) {
    const code = `U+${first.code.toString(16).toUpperCase().padStart(4, "0")}`;
    const name = CONTROL_NAMES[first.code] ?? (first.code >= 0x80 ? "a C1 control character" : "a control character");
    const cp1252 = first.code >= 0x80 && first.code <= 0x9f ? cp1252Char(first.code) : undefined;
    const meant = cp1252 && cp1252.codePointAt(0) !== first.code ? ` It is probably a "${cp1252}" read in the wrong encoding.` : "";
    const more = controls.length > 1 ? ` Lines ${controls.slice(1, 6).map((c) => c.line).join(", ")}${controls.length > 6 ? " and others" : ""} have one too.` : "";
    throw new InputError(
      file,
      first.line,
      `Line ${first.line}, column ${first.column} has an invisible control character (${code}, ${name}) that cannot be published.${meant}${more}`,
      meant
        ? `replace it with "${cp1252}" (it is usually invisible in editors: delete the character at that column and type "${cp1252}").`
        : "delete it: it is usually invisible in editors, so put the cursor at that column and delete the character there (or retype the line).",
    );
  }
  return warnings;
}

// Text clean-up every importer shares: entities, mojibake, control characters, odd spaces, and
// sounds written in brackets turned into the notation's parentheses.

import { decodeHTML } from "entities";
import { parseCue } from "../transcript/cues.ts";
import { collapseSpaces } from "../transcript/text.ts";

/** UTF-8 bytes that were read as Windows-1252 once: "itâ€™s" → "it’s". Common sequences only. */
const MOJIBAKE: Array<[string, string]> = [
  ["â€™", "’"], ["â€˜", "‘"], ["â€œ", "“"], ["â€\u009d", "”"], ["â€", "”"], ["â€”", "—"], ["â€“", "–"],
  ["â€¦", "…"], ["Ã©", "é"], ["Ã¨", "è"], ["Ã¡", "á"], ["Ã³", "ó"], ["Ãº", "ú"], ["Ã±", "ñ"], ["Ã¼", "ü"],
  ["Ã¶", "ö"], ["Ã¤", "ä"], ["Ã§", "ç"], ["Ã­", "í"], ["Ã‰", "É"], ["Ã ", "à"], ["Ã¢", "â"], ["Ãª", "ê"],
  ["Ã®", "î"], ["Ã´", "ô"], ["Ã¸", "ø"], ["Ã¥", "å"], ["ÃŸ", "ß"], ["Ã–", "Ö"], ["Ã„", "Ä"], ["Ãœ", "Ü"],
  ["Â ", " "], ["Â\u00a0", " "], ["Â·", "·"], ["Â°", "°"], ["Â£", "£"], ["Â©", "©"],
];
// Longest first, so "â€œ" wins over "â€".
MOJIBAKE.sort((a, b) => b[0].length - a[0].length);

/** Whether text shows the marks of UTF-8 read as Windows-1252. */
export function hasMojibake(text: string): boolean {
  return /â€|Ã[\u0080-\u00bf©¨¡³º±¼¶¤§­‰ ¢ª®´¸¥Ÿ–„œ]|Â[\u00a0 ·°£©]/u.test(text);
}

export function fixMojibake(text: string): string {
  if (!hasMojibake(text)) return text;
  let out = text;
  for (const [bad, good] of MOJIBAKE) out = out.split(bad).join(good);
  return out;
}

/**
 * One line or paragraph of imported text made clean: HTML entities decoded, mojibake repaired,
 * control and zero-width characters removed, non-breaking and other odd spaces made plain.
 */
export function cleanText(text: string): string {
  return fixMojibake(decodeHTML(text))
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu, " ")
    .replace(/[\u200b-\u200d\u2060\ufeff]/gu, "")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu, "");
}

/** Spaces collapsed and ends trimmed. */
export function squash(text: string): string {
  return collapseSpaces(text);
}

/**
 * Sounds written in square brackets, "[laughs]", "[LAUGHTER]", "[unintelligible 00:12:50.02]",
 * become the notation's "(laughs)", "(unintelligible)": in the notation brackets mean an
 * editor's note. Brackets that are not a known sound stay as they are.
 */
export function bracketedSounds(text: string): string {
  return text.replace(/\[([^\[\]]{1,60})\]/gu, (whole, inner: string) => {
    const bare = inner.replace(/\s+\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?$/u, "").trim();
    return parseCue(bare, false) ? `(${bare})` : whole;
  });
}

/** Whole text that is only a sound: "[Laughter]", "(MUSIC)", "♪ ♪", "<i>Laughter</i>" after tags go. */
export function soundOnly(text: string): string | undefined {
  const t = text.trim();
  if (/^[♪♫\s]+$/u.test(t) && t !== "") return "MUSIC";
  const m = /^[\[(]([^\[\]()]{1,60})[\])]$/u.exec(t);
  if (!m?.[1]) return undefined;
  return parseCue(m[1], true) ? m[1].trim() : undefined;
}

/**
 * Markdown escapes that leaked into a transcript from wherever it was edited (a backslash before "-", "[" or "*"):
 * the backslash goes, the character stays. A backslash before anything else is kept.
 */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}\[\]()#+\-.!<>|~])/gu, "$1");
}

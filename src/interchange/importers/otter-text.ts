// Otter.ai text export: each turn opens with the speaker's name and the time they start, on a
// line of their own ("Maya Ortiz  0:03": two spaces; some copies have one space or a tab), then
// the speech. Voices Otter could not name are "Speaker 1", "Speaker 2"; speech it could not
// attribute is "Unknown Speaker". The file ends with "Transcribed by https://otter.ai".
//
// A short line of speech can look like a speaker line ("See you at 5:30" does not: "you" is not
// a name; "Tuesday  5:30" could), so a speaker line must also be followed by speech and its time
// must not go back before the previous speaker's.

import type { ImportSource, ImportWarning, Importer } from "../model.ts";
import { looksLikeName } from "../labels.ts";
import { blankBefore, CLOCK, clockSeconds, isOtherFormat, NAME, plausibleName, readSpeakerText, sourceLines, textAfter, type LineReader } from "./speaker-text.ts";

const HEADER = new RegExp(String.raw`^(${NAME})( +|[ ]*\t[ \t]*)(${CLOCK})$`, "u");
const FOOTER = /^Transcribed by\s+(?:https?:\/\/)?(?:www\.)?otter\.ai\/?\.?$/iu;

/** A speaker line's name and time, judged on the line and the one after it only. */
function headerAt(lines: readonly string[], index: number): { speaker: string; start: number } | undefined {
  const m = HEADER.exec(lines[index] ?? "");
  const speaker = m?.[1];
  const start = m?.[3] === undefined ? undefined : clockSeconds(m[3]);
  if (!speaker || start === undefined || !textAfter(lines, index)) return undefined;
  // A name typed in lower case ("maya") passes only in Otter's exact shape: two spaces or a tab, a blank line before.
  const exact = /^(?: {2}|[ ]*\t[ \t]*)$/u.test(m?.[2] ?? "") && blankBefore(lines, index);
  if (!plausibleName(speaker, true) && !(exact && lowerCaseName(speaker))) return undefined;
  return { speaker, start };
}

/** "maya", "omar haddad": one to four words of letters, not a prose word. */
function lowerCaseName(name: string): boolean {
  return /^\p{Ll}[\p{L}\p{M}'’\-]*(?: [\p{L}\p{M}'’\-]+){0,3}$/u.test(name) && looksLikeName(name);
}

/** Speaker lines in the order of the audio: one whose time goes back is speech, with a note. */
function otterLines(warnings: ImportWarning[]): LineReader {
  let last = 0;
  return (_text, lines, index) => {
    const header = headerAt(lines, index);
    if (!header) return undefined;
    if (header.start < last) {
      warnings.push({
        line: index + 1,
        message: `"${lines[index]}" looks like a speaker line, but its time is before the previous speaker's, so it was kept as speech. If ${header.speaker} does speak here, move the line into place.`,
        review: true,
      });
      return undefined;
    }
    last = header.start;
    return { speaker: header.speaker, start: header.start, rest: "" };
  };
}

function detect(source: ImportSource): boolean {
  if (isOtherFormat(source.text)) return false;
  const lines = sourceLines(source.text);
  let headers = 0;
  for (let i = 0; i < lines.length; i++) if (headerAt(lines, i)) headers++;
  const footer = lines.some((line) => FOOTER.test(line));
  return headers >= 2 || (headers >= 1 && footer);
}

export const otterTextImporter: Importer = {
  format: "otter-text",
  name: "Otter.ai text",
  detect,
  read(source) {
    const notes: ImportWarning[] = [];
    const transcript = readSpeakerText(source, { format: "otter-text", name: "Otter.ai text", readLine: otterLines(notes), footer: FOOTER, example: "Maya Ortiz  0:03" });
    transcript.warnings = [...transcript.warnings, ...notes].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return transcript;
  },
};

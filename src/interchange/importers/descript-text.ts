// Descript text export (and the shapes like it other editors write): each turn opens with the
// speaker's name, with the time it starts when timecodes are on.
//   [00:00:03] Maya Ortiz: Welcome back…        timecode first, then the label and the speech
//   Maya Ortiz (00:03): Welcome back…           the time after the name; the speech may follow on the next line
//   Maya Ortiz: Welcome back…                   no timecodes
//   Maya Ortiz                                  the name alone on a line, the speech beneath it
// A paragraph may open with a timecode of its own ("[00:01:30] And then…"): its start.
//
// A capitalised word and a colon is also ordinary speech ("Honestly: no."), so a label without a
// time names a speaker only on evidence: a name of two words or more, a placeholder
// ("Speaker 2"), or a name the file uses as a label more than once.

import type { ImportSource, ImportWarning, Importer } from "../model.ts";
import { otterTextImporter } from "./otter-text.ts";
import { blankBefore, CLOCK, clockSeconds, isOtherFormat, NAME, plausibleName, readSpeakerText, sourceLines, textAfter, type LineReader, type SpeakerLine } from "./speaker-text.ts";
import { isPlaceholderName } from "../../story/placeholder-speakers.ts";
import { matchManner } from "../../transcript/labels.ts";

/** "[00:00:03] rest" or "00:00:03 rest" (unbracketed only in full, so that "5:30 is late" stays speech). */
const CLOCK_FIRST = new RegExp(String.raw`^(?:\[(${CLOCK})\]|(\d{2}:\d{2}:\d{2}(?:[.,]\d{1,3})?)(?=\s))\s*(.*)$`, "u");
/** "Maya Ortiz (00:03): rest", "Maya Ortiz [00:00:03]", "Maya Ortiz (00:03)". */
const NAME_CLOCK = new RegExp(String.raw`^(${NAME})\s*[(\[](${CLOCK})[)\]]\s*:?\s*(.*)$`, "u");
/** "Maya Ortiz: rest", "Maya Ortiz:" alone, or with a role as Verbatim's own text export writes it: "Kira Oduya, host: rest". */
const NAME_COLON = new RegExp(String.raw`^(${NAME})(?:,\s*(\p{Ll}[^:,]{0,58}?))?\s*:(?:\s+(.*)|$)`, "u");
const NAME_ALONE = new RegExp(String.raw`^(${NAME})$`, "u");

/** How often each name stands as a label in the file: the evidence for reading an untimed one. */
interface Evidence {
  colon: Map<string, number>;
  alone: Map<string, number>;
  /** Names given with a time ("[00:00:03] Maya Ortiz:", "Maya Ortiz (00:03)"). */
  timed: Set<string>;
  /** Whether the file labels its speakers with times: an untimed label must then name one of them. */
  timedStyle: boolean;
  /** Whether the file is written with names alone on their lines: two names at least do so. */
  aloneStyle: boolean;
}

function count(map: Map<string, number>, name: string): void {
  map.set(name, (map.get(name) ?? 0) + 1);
}

/** The name a line gives with a time, if it does. */
function timedName(lines: readonly string[], index: number): string | undefined {
  const text = lines[index] ?? "";
  const named = NAME_CLOCK.exec(text);
  if (named?.[1] && named[2] && clockSeconds(named[2]) !== undefined && plausibleName(named[1], true)) return named[1];
  const clockFirst = CLOCK_FIRST.exec(text);
  const clock = clockFirst?.[1] ?? clockFirst?.[2];
  if (!clockFirst || !clock || clockSeconds(clock) === undefined) return undefined;
  const body = clockFirst[3] ?? "";
  const label = NAME_COLON.exec(body)?.[1] ?? (textAfter(lines, index) ? NAME_ALONE.exec(body)?.[1] : undefined);
  return label && plausibleName(label, true) ? label : undefined;
}

function gatherEvidence(lines: readonly string[]): Evidence {
  const colon = new Map<string, number>();
  const alone = new Map<string, number>();
  const timed = new Set<string>();
  let timedLines = 0;
  lines.forEach((text, index) => {
    const name = timedName(lines, index);
    if (name) {
      timed.add(name);
      timedLines++;
      return;
    }
    const labelled = NAME_COLON.exec(text)?.[1];
    if (labelled && plausibleName(labelled)) count(colon, labelled);
    const bare = NAME_ALONE.exec(text)?.[1];
    if (bare && plausibleName(bare) && blankBefore(lines, index) && textAfter(lines, index)) count(alone, bare);
  });
  const aloneStyle = alone.size >= 2;
  return { colon, alone, timed, timedStyle: timedLines >= 2, aloneStyle };
}

/** Words that open sentences, not names: "The Note:", "My Question:", "El Problema:". */
const OPENERS = new Set(["the", "a", "an", "and", "but", "so", "my", "our", "your", "his", "her", "their", "this", "that", "these", "those", "we", "i", "it", "in", "on", "at", "for", "if", "el", "la", "los", "las", "un", "una", "le", "les", "der", "die", "das", "ein", "eine"]);

/** Whether an untimed label may name a speaker: by the file's style, the name's length, and how often it recurs. */
function enough(name: string, seen: number, evidence: Evidence): boolean {
  if (evidence.timed.has(name) || isPlaceholderName(name)) return true;
  if (evidence.timedStyle) return false;
  if (OPENERS.has(name.split(" ")[0]?.toLowerCase() ?? "")) return false;
  return name.includes(" ") || seen >= 2;
}

/**
 * Whether the words after a label open with a manner the notation knows ("Crowd: (Chanting) Keep
 * the yard!", as Verbatim's own text export writes a turn's manner): evidence the label is a voice.
 */
function mannerAfter(rest: string | undefined): boolean {
  return rest !== undefined && matchManner(rest) !== undefined;
}

/** The label at the start of a line's words ("Maya Ortiz: …"), on evidence. */
function colonLabel(body: string, evidence: Evidence, timed: boolean, paragraphStart: boolean): SpeakerLine | undefined {
  const m = NAME_COLON.exec(body);
  const name = m?.[1];
  if (!m || !name) return undefined;
  const manner = mannerAfter(m[3]);
  // A group's name may start with "The" ("The Slipway Sisters: (Singing) …"): with a manner after it.
  if (!plausibleName(name, timed) && !(manner && /^The /u.test(name) && plausibleName(name.slice(4), timed))) return undefined;
  if (!timed && !enough(name, evidence.colon.get(name) ?? 0, evidence) && !manner) return undefined;
  // In a file whose labels carry times, one without a time must at least open a paragraph.
  if (!timed && evidence.timedStyle && !paragraphStart) return undefined;
  return { speaker: name, ...(m[2] ? { role: m[2].trim() } : {}), rest: m[3]?.trim() ?? "" };
}

function descriptLines(evidence: Evidence, warnings: ImportWarning[]): LineReader {
  const read = speakerLine(evidence, warnings);
  /** The line of the latest speaker line with no speech on it: the line after it is that speaker's words. */
  let bare = -2;
  return (text, lines, index) => {
    const found = read(text, lines, index, index !== bare + 1);
    if (found?.speaker !== undefined && found.rest === "") bare = index;
    return found;
  };
}

/** A speaker line, timed or not; `untimed` false admits only labels with a time. */
function speakerLine(evidence: Evidence, warnings: ImportWarning[]) {
  return (text: string, lines: readonly string[], index: number, untimed: boolean): SpeakerLine | undefined => {
    const named = NAME_CLOCK.exec(text);
    const namedStart = named?.[2] === undefined ? undefined : clockSeconds(named[2]);
    if (named?.[1] && namedStart !== undefined && plausibleName(named[1], true)) {
      return { speaker: named[1], start: namedStart, rest: named[3]?.trim() ?? "" };
    }
    const clockFirst = CLOCK_FIRST.exec(text);
    const clock = clockFirst?.[1] ?? clockFirst?.[2];
    const start = clock === undefined ? undefined : clockSeconds(clock);
    if (clockFirst && start !== undefined) {
      const body = clockFirst[3] ?? "";
      const label = colonLabel(body, evidence, true, true);
      if (label) return { ...label, start };
      const alone = NAME_ALONE.exec(body)?.[1];
      if (alone && plausibleName(alone, true) && textAfter(lines, index)) return { speaker: alone, start, rest: "" };
      // A timecode opening a paragraph of the same voice; bare clocks ("12:30 is when…") are speech.
      return clockFirst[1] !== undefined ? { start, rest: body } : undefined;
    }
    if (!untimed) return undefined;
    const label = colonLabel(text, evidence, false, blankBefore(lines, index));
    if (label) return label;
    const alone = NAME_ALONE.exec(text)?.[1];
    if (!alone || !plausibleName(alone) || !blankBefore(lines, index) || !textAfter(lines, index)) return undefined;
    const seen = evidence.alone.get(alone) ?? 0;
    if (evidence.timed.has(alone) || isPlaceholderName(alone)) return { speaker: alone, rest: "" };
    if (evidence.timedStyle) return undefined;
    if (seen >= 2) return { speaker: alone, rest: "" };
    if (!evidence.aloneStyle) return undefined;
    warnings.push({ line: index + 1, message: `"${alone}" stands alone on its line like the speaker names, but only once: it was read as a speaker. Check that it is not the first words of a paragraph.`, review: true });
    return { speaker: alone, rest: "" };
  };
}

/** Non-blank runs of lines: the paragraphs detection measures labels against. */
function paragraphCount(lines: readonly string[]): number {
  return lines.filter((line, i) => line !== "" && blankBefore(lines, i)).length;
}

/** Labels in capitals only ("MANN:", "[0:03] DANA PRICE:") are NPR-style text's, with or without times. */
function notCapitals(name: string): boolean {
  return /\p{Ll}/u.test(name) || !/\p{Lu}/u.test(name);
}

function detect(source: ImportSource): boolean {
  if (isOtherFormat(source.text) || otterTextImporter.detect(source)) return false;
  const lines = sourceLines(source.text);
  let timed = 0;
  for (let index = 0; index < lines.length; index++) {
    const name = timedName(lines, index);
    if (name && notCapitals(name)) timed++;
  }
  if (timed >= 2) return true;
  // Untimed: mixed-case names (capitals only are NPR's labels), used as labels throughout.
  const evidence = gatherEvidence(lines);
  const mixed = (map: Map<string, number>) => [...map].filter(([name]) => /\p{Ll}/u.test(name));
  const paragraphs = Math.max(1, paragraphCount(lines));
  const colon = mixed(evidence.colon).filter(([name, n]) => enough(name, n, evidence));
  const colonLines = colon.reduce((sum, [, n]) => sum + n, 0);
  if (colonLines >= 2 && (colon.length >= 2 || colon.some(([, n]) => n >= 2)) && colonLines / paragraphs >= 0.25) return true;
  const aloneLines = mixed(evidence.alone).filter(([, n]) => n >= 2).reduce((sum, [, n]) => sum + n, 0);
  // Names alone on their lines: two names, one of them more than once, on a quarter of the paragraphs.
  const recurring = [...evidence.alone.values()].some((n) => n >= 2);
  return evidence.aloneStyle && recurring && aloneLines / paragraphs >= 0.25;
}

export const descriptTextImporter: Importer = {
  format: "descript-text",
  name: "Descript text",
  detect,
  read(source) {
    const notes: ImportWarning[] = [];
    const evidence = gatherEvidence(sourceLines(source.text));
    const transcript = readSpeakerText(source, { format: "descript-text", name: "Descript text", readLine: descriptLines(evidence, notes), example: "[00:00:03] Maya Ortiz: …" });
    transcript.warnings = [...transcript.warnings, ...notes].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return transcript;
  },
};

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

/** "[00:00:03] rest" or "00:00:03 rest". */
const CLOCK_FIRST = new RegExp(String.raw`^(?:\[(${CLOCK})\]|(${CLOCK})(?=\s))\s*(.*)$`, "u");
/** "Maya Ortiz (00:03): rest", "Maya Ortiz [00:00:03]", "Maya Ortiz (00:03)". */
const NAME_CLOCK = new RegExp(String.raw`^(${NAME})\s*[(\[](${CLOCK})[)\]]\s*:?\s*(.*)$`, "u");
/** "Maya Ortiz: rest", "Maya Ortiz:" alone, or with a role as Verbatim's own text export writes it: "Kira Oduya, host: rest". */
const NAME_COLON = new RegExp(String.raw`^(${NAME})(?:,\s*(\p{Ll}[^:,]{0,58}?))?\s*:(?:\s+(.*)|$)`, "u");
const NAME_ALONE = new RegExp(String.raw`^(${NAME})$`, "u");

/** How often each name stands as an untimed label in the file: the evidence for reading one. */
interface Evidence {
  colon: Map<string, number>;
  alone: Map<string, number>;
  /** Whether the file is written with names alone on their lines: two names do so more than once. */
  aloneStyle: boolean;
}

function count(map: Map<string, number>, name: string): void {
  map.set(name, (map.get(name) ?? 0) + 1);
}

function gatherEvidence(lines: readonly string[]): Evidence {
  const colon = new Map<string, number>();
  const alone = new Map<string, number>();
  lines.forEach((text, index) => {
    const body = CLOCK_FIRST.exec(text)?.[3] ?? text;
    const labelled = NAME_COLON.exec(body)?.[1];
    if (labelled && plausibleName(labelled)) count(colon, labelled);
    const name = NAME_ALONE.exec(body)?.[1];
    if (name && plausibleName(name) && blankBefore(lines, index) && textAfter(lines, index)) count(alone, name);
  });
  const aloneStyle = [...alone.values()].filter((n) => n >= 2).length >= 2;
  return { colon, alone, aloneStyle };
}

function enough(name: string, seen: number): boolean {
  return name.includes(" ") || isPlaceholderName(name) || seen >= 2;
}

/** The label at the start of a line's words ("Maya Ortiz: …"), on evidence. */
function colonLabel(body: string, evidence: Evidence, timed: boolean): SpeakerLine | undefined {
  const m = NAME_COLON.exec(body);
  const name = m?.[1];
  if (!m || !name || !plausibleName(name, timed)) return undefined;
  if (!timed && !enough(name, evidence.colon.get(name) ?? 0)) return undefined;
  return { speaker: name, ...(m[2] ? { role: m[2].trim() } : {}), rest: m[3]?.trim() ?? "" };
}

function descriptLines(evidence: Evidence, warnings: ImportWarning[]): LineReader {
  return (text, lines, index) => {
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
      const label = colonLabel(body, evidence, true);
      if (label) return { ...label, start };
      const alone = NAME_ALONE.exec(body)?.[1];
      if (alone && plausibleName(alone, true) && textAfter(lines, index) && enough(alone, evidence.alone.get(alone) ?? 0)) return { speaker: alone, start, rest: "" };
      // A timecode opening a paragraph of the same voice; bare clocks ("12:30 is when…") are speech.
      return clockFirst[1] !== undefined ? { start, rest: body } : undefined;
    }
    const label = colonLabel(text, evidence, false);
    if (label) return label;
    const alone = NAME_ALONE.exec(text)?.[1];
    if (!alone || !plausibleName(alone) || !blankBefore(lines, index) || !textAfter(lines, index)) return undefined;
    const seen = evidence.alone.get(alone) ?? 0;
    if (seen >= 2 || isPlaceholderName(alone)) return { speaker: alone, rest: "" };
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
  for (const text of lines) {
    const named = NAME_CLOCK.exec(text);
    if (named?.[1] && named[2] && clockSeconds(named[2]) !== undefined && notCapitals(named[1]) && plausibleName(named[1], true)) timed++;
    const clockFirst = CLOCK_FIRST.exec(text);
    const clock = clockFirst?.[1] ?? clockFirst?.[2];
    const label = NAME_COLON.exec(clockFirst?.[3] ?? "")?.[1];
    if (clock && clockSeconds(clock) !== undefined && label && notCapitals(label) && plausibleName(label, true)) timed++;
  }
  if (timed >= 2) return true;
  // Untimed: mixed-case names (capitals only are NPR's labels), used as labels throughout.
  const evidence = gatherEvidence(lines);
  const mixed = (map: Map<string, number>) => [...map].filter(([name]) => /\p{Ll}/u.test(name));
  const paragraphs = Math.max(1, paragraphCount(lines));
  const colon = mixed(evidence.colon).filter(([name, n]) => enough(name, n));
  const colonLines = colon.reduce((sum, [, n]) => sum + n, 0);
  if (colonLines >= 2 && (colon.length >= 2 || colon.some(([, n]) => n >= 2)) && colonLines / paragraphs >= 0.25) return true;
  const aloneLines = mixed(evidence.alone).filter(([, n]) => n >= 2).reduce((sum, [, n]) => sum + n, 0);
  return evidence.aloneStyle && aloneLines / paragraphs >= 0.25;
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

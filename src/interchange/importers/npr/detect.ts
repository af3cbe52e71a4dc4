// Detection: whether a text reads as NPR notation and belongs to no other importer.

import type { ImportSource } from "../../model.ts";
import { cleanText } from "../../text.ts";
import { labelAtStart, nextBreak } from "./labels.ts";

/** Whether a line reads as NPR notation: a label at its start or a SOUNDBITE cue. */
function isNprLine(line: string): boolean {
  return labelAtStart(line) !== undefined || /^\(SOUNDBITE OF\b/iu.test(line);
}

/** Formats that can hold label-like lines but have their own importers. */
function isOtherFormat(text: string): boolean {
  return (
    /^[{[]/u.test(text) || // JSON
    /^WEBVTT\b/u.test(text) ||
    /^</u.test(text) || // HTML or XML
    /^\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/mu.test(text) // SRT (or caption) timings
  );
}

/**
 * Whether a line that lost its paragraph breaks holds NPR notation inside it: a SOUNDBITE cue, or a
 * full label (`DANA PRICE, HOST:`) run on after a sentence. Short labels alone are not evidence.
 */
function hasGluedNotation(line: string): boolean {
  return /\(SOUNDBITE OF\b/iu.test(line) || nextBreak(line, () => false).found?.kind === "label";
}

export function detectNpr(source: ImportSource): boolean {
  const text = cleanText(source.text).trim();
  if (text === "" || isOtherFormat(text)) return false;
  const lines = text.split(/\r\n|\r|\n/u).map((line) => line.trim());
  return lines.some(isNprLine) || lines.some(hasGluedNotation);
}

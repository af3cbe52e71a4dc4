// A story rendered as NPR.org prints a transcript, for the fidelity tests: `NAME SURNAME, ROLE:` on a
// speaker's first turn, `SURNAME:` after, cues in capitals on lines of their own, one paragraph a
// line. And the shapes scrapers and archives leave such text in: paragraph breaks lost (joined with
// nothing or a space) and lines hard-wrapped inside paragraphs.

import type { Speaker, TranscriptBlock } from "../../src/transcript/model.ts";

const SUFFIXES = new Set(["JR.", "JR", "SR.", "SR", "II", "III", "IV"]);

/** The label's name part in capitals: "MAYOR ELENA VOSS", "UNIDENTIFIED MAN #1", "THOM TILLIS (R-NC)". */
function fullName(speaker: Speaker): string {
  return [speaker.title, speaker.name, speaker.affiliation].filter(Boolean).join(" ").toUpperCase();
}

/** The role as NPR writes it after the comma: BYLINE for the programme's reporters, HOST, or the role in capitals. */
function roleText(speaker: Speaker): string | undefined {
  if (!speaker.role) return undefined;
  if (speaker.roleKind === "byline" && /^reporter$/iu.test(speaker.role)) return "BYLINE";
  return speaker.role.toUpperCase();
}

/** The surname a short label uses: the last word of the name, without Jr. and the like. */
function surname(speaker: Speaker): string {
  const words = speaker.name.toUpperCase().split(/\s+/u).filter((w) => !SUFFIXES.has(w));
  return words.at(-1) ?? speaker.name.toUpperCase();
}

/** Labels for every turn: full the first time, the surname after, the full name when two people share a surname. */
function labeller(blocks: readonly TranscriptBlock[]): (speaker: Speaker) => string {
  const people = new Map<string, Speaker>();
  for (const block of blocks) if (block.kind === "turn") people.set(block.speaker.id, block.speaker);
  const bySurname = new Map<string, number>();
  for (const speaker of people.values()) bySurname.set(surname(speaker), (bySurname.get(surname(speaker)) ?? 0) + 1);
  const seen = new Set<string>();
  return (speaker) => {
    const first = !seen.has(speaker.id);
    seen.add(speaker.id);
    const role = roleText(speaker);
    if (first) return role ? `${fullName(speaker)}, ${role}` : fullName(speaker);
    if (speaker.kind !== "person" || (bySurname.get(surname(speaker)) ?? 0) > 1) return fullName(speaker);
    return surname(speaker);
  };
}

/** The story as NPR-style paragraphs, in order. Headings and editor's notes are not part of NPR text. */
export function nprParagraphs(blocks: readonly TranscriptBlock[]): string[] {
  const label = labeller(blocks);
  const out: string[] = [];
  for (const block of blocks) {
    if (block.kind === "intro") out.push(...block.paragraphs.map((p) => p.text));
    else if (block.kind === "cue") out.push(`(${block.cue.text.toUpperCase()})`);
    else if (block.kind === "turn") {
      const manner = block.manner ? `(${block.manner.text}) ` : "";
      const [first, ...rest] = block.paragraphs.map((p) => p.text);
      out.push(`${label(block.speaker)}: ${manner}${first ?? ""}`.trimEnd(), ...rest);
    }
  }
  return out;
}

/** Greedy hard wrap at spaces; a word longer than the width gets a line of its own. */
export function hardWrap(text: string, width = 70): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/u)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

export type Shape = "as-is" | "joined-nothing" | "joined-space" | "wrapped" | "joined-wrapped";
export const SHAPES: readonly Shape[] = ["as-is", "joined-nothing", "joined-space", "wrapped", "joined-wrapped"];

/**
 * Paragraphs in one of the shapes: as printed (a blank line between paragraphs); every paragraph
 * break lost, joined with nothing or with a space; each paragraph hard-wrapped at 70 characters
 * with no blank lines between; or all joined with spaces and then wrapped.
 */
export function shaped(paragraphs: readonly string[], shape: Shape): string {
  switch (shape) {
    case "as-is":
      return `${paragraphs.join("\n\n")}\n`;
    case "joined-nothing":
      return `${paragraphs.join("")}\n`;
    case "joined-space":
      return `${paragraphs.join(" ")}\n`;
    case "wrapped":
      return `${paragraphs.map((p) => hardWrap(p)).join("\n")}\n`;
    case "joined-wrapped":
      return `${hardWrap(paragraphs.join(" "))}\n`;
  }
}

/** A source text's lines (as they are, blank lines kept) flattened into a shape: for real NPR files. */
export function shapedSource(text: string, shape: Shape): string {
  const paragraphs = text.split(/\r\n|\r|\n/u).map((line) => line.trim()).filter((line) => line !== "");
  return shape === "as-is" ? text : shaped(paragraphs, shape);
}

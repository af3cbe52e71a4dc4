// Labels: the core's grammar (matchLabel), plus the guards a copied page needs, and the search for
// labels and stand-alone cues glued inside a paragraph where a page lost its paragraph breaks.

import { matchLabel, type LabelMatch } from "../../../transcript/labels.ts";
import { parseCue } from "../../../transcript/cues.ts";
import { isProseHeading } from "../../labels.ts";
import { squash } from "../../text.ts";

// Older NPR pages write labels in mixed case: `NEAL CONAN, host:`, `Mr. BILL MOYERS (Author, "Moyers on America"):`.
const OLD_LABEL =
  /^((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.\s+)?)([^:(),]{2,80}?)\s*(?:\(([^()]{1,120})\)\s*)?(?:,\s*(\p{Ll}[\p{Ll} .'’-]{0,60}?)\s*)?:(?:\s+|$)/u;

/**
 * Where a label or a stand-alone cue can start inside a paragraph: after a sentence end (with the
 * quotes and brackets that close it), after a closing parenthesis, bracket or quote, or after a
 * dash that cuts a sentence off; with or without a space.
 */
const BOUNDARY = /[.!?…。！？]+["”’')\]»›]*|[)\]"”’»›]+|[—–]/gu;
// Abbreviations whose period ends no sentence: "Mr. OCAMPO:" is one old-style label, not two paragraphs.
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Prof|Rev|Jr|Sr|Lt|Col|Capt|Sgt|Mt|Ft|vs|No)\.$/iu;
// Rights lines that may follow the closing cue: they end the speech as the end of the text does.
const RIGHTS = /^(?:Transcript provided by\s|Copyright\s|NPR transcripts are created\b|Tags:)/iu;

/** An older mixed-case label, as a LabelMatch the core's speaker registry understands. */
function oldStyleLabel(text: string): LabelMatch | undefined {
  const m = OLD_LABEL.exec(text);
  if (!m) return undefined;
  const [whole, honorific = "", name = "", description, role] = m;
  // Only the mixed-case parts make it old style; the name itself is still in capitals.
  // A one-word name needs the honorific to be a label: `Ms. TAKEDA:` yes, `NASA, though:` no.
  if (/\p{Ll}/u.test(name) || (!honorific && !name.trim().includes(" "))) return undefined;
  if (!honorific && !description && !role) return undefined;
  const core = matchLabel(`${honorific.toUpperCase()}${name.trim()}: `);
  if (!core) return undefined;
  const described = description ? description.charAt(0).toLowerCase() + description.slice(1) : undefined;
  const roleText = [described, role].filter((part): part is string => Boolean(part)).join(", ");
  return {
    raw: roleText ? `${core.nameText}, ${roleText}` : core.nameText,
    nameText: core.nameText,
    ...(roleText ? { roleText } : {}),
    length: whole.length,
  };
}

/**
 * Whether a label's name can be a name: no sentence end inside it (`NPR NEWS. MANN`), no glued
 * cue (`MUSIC)DANA PRICE`), parentheses only as a closing affiliation (`THOM TILLIS (R-NC)`).
 */
function saneLabel(label: LabelMatch): boolean {
  const name = label.nameText;
  if (/(?<!\b(?:MR|MRS|MS|DR|ST|SEN|REP|GOV|GEN|PROF|REV|LT|COL|CAPT|SGT|ADM|MT|FT))[.!?…]\s|\.\p{Lu}{2,}|\bSOUNDBITE\b/u.test(name)) return false;
  const open = name.indexOf("(");
  const close = name.indexOf(")");
  if (open < 0 && close < 0) return true;
  return open > 0 && close === name.length - 1 && name.indexOf("(", open + 1) < 0 && name.indexOf(")") === close;
}

/** A number in a name that is not a voice's number (`MAN #2`): `NASA 12 NOTE:` inside speech is words. */
function bareNumber(label: LabelMatch): boolean {
  return /(?<!#)\b\d/u.test(label.nameText);
}

/** A label at the very start of a paragraph. `TV: you can also join` is a sentence, not a label. */
export function labelAtStart(text: string): LabelMatch | undefined {
  const core = matchLabel(text);
  const label = core && saneLabel(core) && !bareNumber(core) ? core : oldStyleLabel(text);
  if (!label) return undefined;
  return /^\p{Ll}/u.test(text.slice(label.length)) ? undefined : label;
}

/** A label that can only be a full one: it carries a role or a name of more than one word. */
export function isFullLabel(label: LabelMatch): boolean {
  return Boolean(label.roleText) || label.nameText.includes(" ");
}

/** What ends the speech before it inside a paragraph: a label, or a cue that stands on its own. */
export type Break =
  | { kind: "label"; at: number; label: LabelMatch }
  | { kind: "cue"; at: number; length: number; text: string };

export interface BreakScan {
  /** The first break, if any. */
  found?: Break;
  /** Label-like runs before it that were kept as words, for lack of evidence that they are labels. */
  kept: LabelMatch[];
}

// A boundary (see BOUNDARY), or an opening parenthesis where a SOUNDBITE cue may start.
const BOUNDARY_OR_PAREN = new RegExp(`${BOUNDARY.source}|\\(`, "gu");

/** Where the text after the last sentence end or closing quote starts (0 when there is none). */
export function lastBoundary(text: string): number {
  let at = 0;
  for (const end of text.matchAll(BOUNDARY)) {
    const after = end.index + end[0].length;
    if (!isAbbreviation(text, end[0], after)) at = after;
  }
  return at;
}

/** Whether a period is an abbreviation's (`Mr.`, `Dr.`), which ends no sentence. Looks back a few characters only. */
function isAbbreviation(text: string, boundary: string, after: number): boolean {
  return /^[.!?]/u.test(boundary) && ABBREVIATION.test(text.slice(Math.max(0, after - 12), after));
}

/**
 * Candidate starts inside a paragraph, in order, found lazily (the search stops at the first
 * break): `boundary` when a sentence or a quotation ends right before, or at the start.
 */
function* candidates(text: string): Generator<{ at: number; boundary: boolean }> {
  // The start counts too: speech after a label and its manner, `(Speaking Spanish) LUCA KOVAC: …`.
  yield { at: 0, boundary: true };
  let last = 0;
  for (const m of text.matchAll(BOUNDARY_OR_PAREN)) {
    if (m[0] === "(") {
      // A SOUNDBITE cue is never speech: it stands on its own wherever it is.
      if (m.index > last) yield { at: (last = m.index), boundary: false };
      continue;
    }
    const after = m.index + m[0].length;
    if (isAbbreviation(text, m[0], after)) continue;
    const at = after + (/^\s*/u.exec(text.slice(after, after + 200))?.[0].length ?? 0);
    if (at < text.length && at > last) yield { at: (last = at), boundary: true };
  }
}

/**
 * A label opening `rest`, where a label may have been glued on, and whether the evidence holds for
 * it. Not initials (`U.S.:`), not before lower case (`TV: you`), not a name with a sentence end or
 * a bare number in it.
 */
function gluedLabelAt(rest: string, knows: (label: LabelMatch) => boolean): { label: LabelMatch; evident: boolean } | undefined {
  if (!/^\p{Lu}/u.test(rest) || /^\p{L}\./u.test(rest)) return undefined;
  const core = matchLabel(rest);
  // An older page's label (`Ms. JUNE TAKEDA (Transit planner):`) carries its own evidence.
  const label = core && saneLabel(core) && !bareNumber(core) ? core : oldStyleLabel(rest);
  if (!label || /^\p{Ll}/u.test(rest.slice(label.length))) return undefined;
  // A full label introduces a speaker, unless its words are a prose heading ("BREAKING NEWS:");
  // a short one must name someone introduced.
  if (isFullLabel(label)) return { label, evident: !(label.roleText === undefined && isProseHeading(label.nameText)) };
  return { label, evident: knows(label) };
}

/** The cue opening `rest`, `(SOUNDBITE OF MUSIC)`, with the characters it takes. */
function cueAt(rest: string): { text: string; length: number; tape: boolean; capitals: boolean } | undefined {
  const m = /^\(([^()]+)\)/u.exec(rest);
  const inner = m?.[1];
  const cue = inner ? parseCue(inner, true) : undefined;
  if (!m || !inner || !cue) return undefined;
  return { text: squash(inner), length: m[0].length, tape: cue.startsTape, capitals: !/\p{Ll}/u.test(inner) };
}

/**
 * The first label or stand-alone cue glued inside speech. A label counts where a sentence or a
 * quotation has just ended, when the evidence holds: a full label introduces a name
 * (`DANA PRICE, HOST:`), a one-word label must find someone already introduced (`knows`).
 * `U.S.`, `a.m.` and words before lower case (`TV: you`) are no labels. A SOUNDBITE cue always
 * stands on its own; a cue in capitals does at the end of the speech or before a label, while
 * `(LAUGHTER)` with more speech after it stays a sound inside the speech.
 */
export function nextBreak(text: string, knows: (label: LabelMatch) => boolean): BreakScan {
  const kept: LabelMatch[] = [];
  /** Whether what follows a cue in capitals lets it stand alone: nothing, rights lines, a label, or more such cues. */
  const standsAlone = (rest: string): boolean => {
    const next = rest.trimStart();
    if (next === "" || RIGHTS.test(next)) return true;
    const cue = cueAt(next);
    if (cue) return cue.tape || (cue.capitals && standsAlone(next.slice(cue.length)));
    return gluedLabelAt(next, knows)?.evident ?? false;
  };
  for (const { at, boundary } of candidates(text)) {
    const rest = text.slice(at);
    const cue = cueAt(rest);
    if (cue) {
      if (cue.tape || (boundary && cue.capitals && standsAlone(rest.slice(cue.length)))) {
        return { found: { kind: "cue", at, length: cue.length, text: cue.text }, kept };
      }
      continue;
    }
    if (!boundary) continue;
    const glued = gluedLabelAt(rest, knows);
    if (glued?.evident) return { found: { kind: "label", at, label: glued.label }, kept };
    if (glued) kept.push(glued.label);
  }
  return { kept };
}

/** The cues a paragraph opens with, `(SOUNDBITE OF MUSIC) (LAUGHTER)`, and what follows them. */
export function leadingCues(text: string): { cues: string[]; rest: string } {
  const cues: string[] = [];
  let rest = text;
  for (let m = /^\(([^()]+)\)\s*/u.exec(rest); m?.[1] && parseCue(m[1], true); m = /^\(([^()]+)\)\s*/u.exec(rest)) {
    cues.push(squash(m[1]));
    rest = rest.slice(m[0].length);
  }
  return { cues, rest };
}

export function startsTape(cueText: string): boolean {
  return parseCue(cueText, true)?.startsTape ?? false;
}

// Labels: the core's grammar (matchLabel), plus the guards a copied page needs.

import { matchLabel, type LabelMatch } from "../../../transcript/labels.ts";
import { parseCue } from "../../../transcript/cues.ts";
import { squash } from "../../text.ts";

// Older NPR pages write labels in mixed case: `NEAL CONAN, host:`, `Mr. BILL MOYERS (Author, "Moyers on America"):`.
const OLD_LABEL =
  /^((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.\s+)?)([^:(),]{2,80}?)\s*(?:\(([^()]{1,120})\)\s*)?(?:,\s*(\p{Ll}[\p{Ll} .'’-]{0,60}?)\s*)?:(?:\s+|$)/u;

// A sentence end where a lost paragraph break may have glued the next label on.
const SENTENCE_END = /[.!?…]["”’')\]]*/gu;
// Abbreviations whose period ends no sentence: "Mr. OCAMPO:" is one old-style label, not two paragraphs.
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Prof|Rev|Jr|Sr|Lt|Col|Capt|Sgt|Mt|Ft|vs|No)\.$/iu;

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

/** A label at the very start of a paragraph. `TV: you can also join` is a sentence, not a label. */
export function labelAtStart(text: string): LabelMatch | undefined {
  const label = matchLabel(text) ?? oldStyleLabel(text);
  if (!label) return undefined;
  return /^\p{Ll}/u.test(text.slice(label.length)) ? undefined : label;
}

/** A label that can only be a full one: it carries a role or a name of more than one word. */
export function isFullLabel(label: LabelMatch): boolean {
  return Boolean(label.roleText) || label.nameText.includes(" ");
}

/**
 * `...said PLANET MONEY.CAITLIN KENNEY, HOST: Hello` or `...over there.MANN: And`: a label right
 * after a sentence end. Not inside initials (`U.S.`, `a.m.`), not before lower case, and a
 * one-word label only for someone already introduced (`knows`).
 */
export function gluedLabel(text: string, knows: (label: LabelMatch) => boolean): { at: number; label: LabelMatch } | undefined {
  for (const end of text.matchAll(SENTENCE_END)) {
    const after = end.index + end[0].length;
    if (ABBREVIATION.test(text.slice(0, after))) continue;
    const at = after + (/^\s*/u.exec(text.slice(after))?.[0].length ?? 0);
    const rest = text.slice(at);
    if (at >= text.length || !/^\p{Lu}/u.test(rest) || /^\p{L}\./u.test(rest)) continue;
    const label = matchLabel(rest);
    if (!label || /\.\p{Lu}{2,}/u.test(label.nameText) || /^\p{Ll}/u.test(rest.slice(label.length))) continue;
    if (isFullLabel(label) || knows(label)) return { at, label };
  }
  return undefined;
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

// The grammar of speaker labels and of the manner that may follow one.
//   BRIAN MANN, BYLINE:   PRESIDENT NICOLAS SARKOZY:   UNIDENTIFIED MAN #3:   MANN:
//   SARKOZY: (Through interpreter) ...   MARIA: (Speaking Spanish) ...

import { languageTag } from "./languages.ts";
import type { Manner } from "./model.ts";

export interface LabelMatch {
  /** The label without its colon: "BRIAN MANN, BYLINE". */
  raw: string;
  /** The part before the first comma: "BRIAN MANN". */
  nameText: string;
  /** The part after the first comma: "BYLINE". */
  roleText?: string;
  /** Characters the label takes at the start of the paragraph, with the colon and spaces after it. */
  length: number;
}

// A label is capitals, digits and a few marks; no lower-case letter may appear before the colon.
const NAME = String.raw`[\p{Lu}\d][\p{Lu}\p{M}\d .'’&#()\-]*?`;
const ROLE = String.raw`[\p{Lu}\d][\p{Lu}\p{M}\d .'’&#()/,\-]*?`;
const LABEL = new RegExp(String.raw`^(${NAME})(?:,\s*(${ROLE}))?\s*:(?:\s+|$)`, "u");

/** The speaker label at the start of a paragraph, if there is one. */
export function matchLabel(content: string): LabelMatch | undefined {
  const m = LABEL.exec(content);
  if (!m) return undefined;
  const nameText = (m[1] ?? "").trim();
  const roleText = m[2]?.trim();
  if ((nameText.match(/\p{Lu}/gu) ?? []).length < 2) return undefined;
  return {
    raw: roleText ? `${nameText}, ${roleText}` : nameText,
    nameText,
    ...(roleText ? { roleText } : {}),
    length: m[0].length,
  };
}

const MANNER = /^\(([^()]{1,80})\)(?:\s+|$)/u;

const OTHER_MANNERS = /^(chanting|whispering|shouting|yelling|humming|crying|sobbing|laughing|imitating\b.*|on (the )?phone|by phone|voice-?over|translated\b.*|recorded\b.*)$/iu;

/** Reads "(Through interpreter)", "(Singing)", "(Speaking Spanish)", "(As Stu Price)" and the like. */
export function parseManner(text: string): Manner | undefined {
  const t = text.trim();
  if (/^through (an )?interpreters?$/iu.test(t)) return { type: "interpreter", text: t };
  if (/^singing\b/iu.test(t)) return { type: "singing", text: t };
  if (/^reading\b/iu.test(t)) return { type: "reading", text: t };
  if (/^rapping\b/iu.test(t)) return { type: "rapping", text: t };
  const speaking = /^speaking\s+(?:in\s+)?(.+)$/iu.exec(t);
  if (speaking?.[1]) {
    const lang = languageTag(speaking[1]);
    return { type: "speaking", text: t, ...(lang ? { lang } : {}) };
  }
  const character = /^as\s+(.+)$/iu.exec(t);
  if (character?.[1]) return { type: "character", text: t, character: character[1].trim() };
  if (OTHER_MANNERS.test(t)) return { type: "other", text: t };
  return undefined;
}

/** The manner parenthesis at the start of a turn's speech, with the characters it takes. */
export function matchManner(speech: string): { manner: Manner; length: number } | undefined {
  const m = MANNER.exec(speech);
  const manner = m?.[1] ? parseManner(m[1]) : undefined;
  return m && manner ? { manner, length: m[0].length } : undefined;
}

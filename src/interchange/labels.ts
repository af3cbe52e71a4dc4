// Plain "Name:" speaker labels at the start of a caption. SRT has no voice markup, so files
// name the speaker as "Travis: When you first get" on a turn's first caption; WebVTT files that use
// <v> sometimes slip into the same habit ("Gilon: So is there..."). A colon after a capitalised
// word is also ordinary prose ("Note: ...", "Question: ..."), so a label counts only when it looks
// like a name and sits where a new speaker can start.

import { isProseHeading, PROSE_HEADINGS as NOT_NAMES } from "../transcript/prose-headings.ts";
import { soundOnly } from "./text.ts";

export { isProseHeading };

export interface LabelContext {
  /** Words of the caption before this one; undefined for the file's first caption. */
  previousText?: string;
  /** Seconds between the end of the caption before and the start of this one. */
  gap?: number;
  /** Names already used as speakers in this file (labels or voice markup). */
  known: ReadonlySet<string>;
  /** A dash or ">>" before the label already says a new voice starts: the label may start a turn anywhere. */
  afterMarker?: boolean;
}

export interface CaptionLabel {
  speaker: string;
  /** The caption's words after the label. */
  text: string;
}


/**
 * Words that are never part of a name, in the languages the fixtures cover: "THE RULE IS SIMPLE:"
 * in all-caps captions has the shape of a label, but "is" and "the" say it is a sentence.
 */
const FUNCTION_WORDS = new Set([
  "the", "a", "an", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "of",
  "to", "in", "on", "at", "for", "with", "and", "or", "but", "not", "we", "you", "he", "she", "they", "i", "my",
  "your", "our", "their", "his", "her", "here", "there", "what", "who", "how", "why", "all", "one", "do", "does",
  "es", "el", "los", "las", "un", "una", "que", "en", "por", "para", "con", "es", "son", "está", "este", "esta",
  "der", "die", "das", "ein", "eine", "ist", "sind", "und", "mit", "für", "im", "wir", "ich", "sie", "es",
  "le", "les", "un", "une", "est", "sont", "et", "avec", "pour", "dans", "nous", "vous", "je", "il", "elle", "ce",
]);

/** Lower-case particles that may sit inside a name: "Ana de Souza", "Ludwig van Beethoven". */
const PARTICLES = "de|da|del|della|di|du|dos|das|van|von|der|den|la|le|bin|ibn|al|el|y";
const PARTICLE = new RegExp(`^(?:${PARTICLES})$`, "u");
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const LABEL = new RegExp(
  String.raw`^(${WORD}(?:\s+(?:(?:${PARTICLES})\s+)?${WORD}){0,3})\s*:(?:\s+|$)`,
  "u",
);
/** Voices without a name, as our own exports and transcription services write them. */
const GENERIC = /^((?:Unidentified|Unknown)(?:\s+[\p{L}\-]+){1,3}(?:\s+#\d+)?|Speaker\s+\d+)\s*:(?:\s+|$)/iu;
const SENTENCE_END = /[.!?…]["”’')\]]*$/u;

/**
 * A pause this long before a caption lets a label start a turn even after an unfinished sentence:
 * captioners drop the final full stop, and a new voice usually follows a breath.
 */
const TURN_PAUSE = 1.5;

/** The speaker label opening a caption, when it is one; undefined leaves the words as they are. */
export function captionLabel(text: string, context: LabelContext): CaptionLabel | undefined {
  const generic = GENERIC.exec(text);
  const m = generic ?? LABEL.exec(text);
  const name = m?.[1]?.trim();
  if (!m || !name || (!generic && !looksLikeName(name))) return undefined;
  const rest = text.slice(m[0].length).trim();
  // A label with nothing after it would leave an empty caption that carries the voice nowhere.
  if (rest === "") return undefined;
  return canStartTurn(name, context) ? { speaker: name, text: rest } : undefined;
}


/** One to four capitalised words that are not a common prose word: "Gilon", "Mary Ellen Park". */
export function looksLikeName(label: string): boolean {
  const lower = label.toLowerCase();
  const first = lower.split(/\s+/u)[0] ?? lower;
  const words = lower.split(/\s+/u);
  // "LA" and "DE" inside a name are particles ("ANA DE LA CRUZ"); only a name's first word may not be one.
  const functionWord = words.some((w, i) => FUNCTION_WORDS.has(w) && (i === 0 || !PARTICLE.test(w)));
  return !NOT_NAMES.has(lower) && !NOT_NAMES.has(first) && !functionWord && !/\d/u.test(label);
}

function canStartTurn(name: string, context: LabelContext): boolean {
  if (context.afterMarker) return true;
  const before = context.previousText?.trim();
  if (before === undefined || before === "") return true;
  if (context.known.has(name) || context.known.has(name.toUpperCase())) return true;
  if (SENTENCE_END.test(before) || soundOnly(before) !== undefined) return true;
  return (context.gap ?? 0) >= TURN_PAUSE;
}

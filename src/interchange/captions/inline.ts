// A caption part's words in the notation's inline form. In the notation a parenthesis holds a
// sound the notation knows ("(laughs)") and square brackets hold an editor's note; captions use
// either bracket for any description, in any language. So a known sound goes in parentheses, any
// other description in square brackets (a note, never read as speech), and a whole part that is
// only a description, or only music notes and lyrics, is told apart from speech.

import { parseCue } from "../../transcript/cues.ts";
import { bracketedSounds, squash, unescapeMarkdown } from "../text.ts";
import { isSoundWords } from "./sounds.ts";

/** A part's body: speech, a sound on its own, or sung words. */
export type Body =
  | { kind: "speech"; text: string }
  | { kind: "sound"; text: string }
  | { kind: "lyrics"; text: string };

const WHOLE_BRACKET = /^[\[(]\s*([^\[\]()]{1,80}?)\s*[\])]$/u;
const NOTES = /[♪♫]/gu;

/** Descriptions inside speech: known sounds as "(laughs)", others as "[door slams]". */
export function inlineText(text: string): string {
  const bracketed = bracketedSounds(squash(unescapeMarkdown(text)));
  const out = bracketed.replace(/\(([^()]{1,60})\)/gu, (whole, inner: string) => {
    if (parseCue(inner, false)) return whole;
    // "(risas)", "(DOOR SLAMS)": a description, not words said in an aside.
    const capitals = inner === inner.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(inner);
    return isSoundWords(inner) || capitals ? `[${inner.trim()}]` : whole;
  });
  return squash(out.replace(/\[\s+/gu, "[").replace(/\s+\]/gu, "]"));
}

/** What a part says once its speaker's name is read: speech, a sound cue, or lyrics. */
export function readBody(text: string): Body {
  const clean = inlineText(text);
  const whole = WHOLE_BRACKET.exec(clean);
  if (whole?.[1] && /[\p{L}\p{N}♪♫]/u.test(whole[1])) return { kind: "sound", text: whole[1].trim() };
  if (/^[♪♫]/u.test(clean) || /[♪♫]$/u.test(clean)) {
    const lyrics = squash(clean.replace(NOTES, " "));
    return lyrics === "" ? { kind: "sound", text: "MUSIC" } : { kind: "lyrics", text: lyrics };
  }
  return { kind: "speech", text: clean };
}

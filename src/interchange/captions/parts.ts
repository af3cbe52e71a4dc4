// One caption → its voice parts. Captioners mark a change of speaker inside a caption with a
// dash at the start of a line ("- Did you go?" / "- I did.") or, in broadcast captions, with
// ">>" anywhere in the text; a part may then open with the speaker's name: "[Alba]", "(ALBA)",
// "ALBA:", ">> ALBA:", WhisperX's "[SPEAKER_00]: ". This module cuts the caption and reads each
// part's opening; who the voice is across captions is voices.ts's concern.

import { slice, trim, type Piece } from "./lines.ts";
import { isManner, looksLikeDescription } from "./sounds.ts";

/**
 * What starts a part: a dash or ">>" says a new voice starts; "line" is a line of the caption that
 * opens like a name ("BRUNO: …", "[Bruno] …") and may start a turn, if the name is read as one.
 */
export type Marker = "dash" | "chevron" | "line";

/** A part of a caption spoken by one voice. */
export interface VoicePart extends Piece {
  marker?: Marker;
}

/**
 * A dialogue dash at the start of a line: "- ", "– ", "— ", a hyphen glued to a capital, quote
 * or bracket ("-Where?"), or a Spanish raya glued to a capital ("—¿Y el horno?"). A dash
 * before a lower-case word continues a sentence.
 */
const DASH = /^[-–—]\s+|^-(?=[\p{Lu}"“'‘(\[¿¡])|^[–—](?=[\p{Lu}¿¡«"“])/u;
/** A line inside a caption that opens like a speaker's name: "BRUNO: …", "Mary Ellen: …", "[Bruno] …", "(BRUNO) …". */
const NAMED_LINE = /^(?:[\[(][^\[\]()]{1,48}[\])]|\p{Lu}[\p{L}\p{M}'’.\-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.\-]*){0,3}\s*:)(?:\s|$)/u;
/**
 * A second dialogue dash on a line that starts with one, after a sentence end: "-Where? -Here.",
 * "- ¿Y el horno? - Ya está caliente." (the two lines of a caption flattened into one).
 */
const INNER_DASH = /(?<=[.!?…]["”’)]?)\s+[-–—]\s*(?=[\p{Lu}¿¡"“«])/gu;
/** ">>" (change of speaker) or ">>>" (change of story) in broadcast captions. */
const CHEVRON = /(?:^|(?<=\s))>>>?(?=\s|\p{L}|\[|\(|$)\s*/gu;

interface Boundary {
  /** Where the marker starts. */
  at: number;
  /** Where the part's words start. */
  from: number;
  marker: Marker;
}

/** The caption's parts by voice, markers removed; without markers, one part. */
export function splitVoices(piece: Piece): VoicePart[] {
  const boundaries: Boundary[] = [];
  let offset = 0;
  piece.text.split("\n").forEach((line, i) => {
    const lead = line.length - line.trimStart().length;
    const dash = DASH.exec(line.slice(lead));
    if (dash) {
      boundaries.push({ at: offset + lead, from: offset + lead + dash[0].length, marker: "dash" });
      for (const m of line.matchAll(INNER_DASH)) boundaries.push({ at: offset + m.index, from: offset + m.index + m[0].length, marker: "dash" });
    } else if (i > 0 && NAMED_LINE.test(line.slice(lead))) boundaries.push({ at: offset + lead, from: offset + lead, marker: "line" });
    for (const m of line.matchAll(CHEVRON)) {
      const at = offset + m.index;
      if (dash && at < offset + lead + dash[0].length) continue;
      boundaries.push({ at, from: at + m[0].length, marker: "chevron" });
    }
    offset += line.length + 1;
  });
  boundaries.sort((a, b) => a.at - b.at);
  const parts: VoicePart[] = [];
  const first = trim(slice(piece, 0, boundaries[0]?.at ?? piece.text.length));
  if (first.text !== "") parts.push(first);
  boundaries.forEach((b, i) => {
    const part = trim(slice(piece, b.from, boundaries[i + 1]?.at ?? piece.text.length));
    // A marker with nothing after it (">>" closing a caption) still says the next words are a new voice.
    parts.push({ ...part, marker: b.marker });
  });
  return parts.filter((p) => p.text !== "" || p.marker);
}

/** What opens a part: a bracketed name, a diarisation label, or nothing we read as a name. */
export type Opening =
  | { kind: "name"; name: string; diarisation?: string; sure: boolean; evidence: string; rest: Piece }
  | { kind: "manner"; manner: string; rest: Piece }
  | { kind: "none" };

/**
 * "[SPEAKER_00]: ", "[SPEAKER_00] ", "(SPEAKER_1):", "SPEAKER_00: " — how WhisperX and pyannote
 * write a diarised voice.
 */
const DIARISED = /^(?:[\[(]((?:SPEAKER|speaker|spk)_?\d+)[\])]\s*:?|((?:SPEAKER|speaker|spk)_\d+)\s*:)\s*/u;
const DIARISATION_LABEL = /^(?:SPEAKER|speaker|spk)_\d+$/u;

/** Whether a voice's name is a diarisation label ("SPEAKER_00", "spk_1"), as in <v SPEAKER_00>. */
export function isDiarisationLabel(name: string): boolean {
  return DIARISATION_LABEL.test(name.trim());
}
/** A bracket or parenthesis opening the part, perhaps with a colon after it. */
const OPENING_BRACKET = /^([\[(])([^\[\]()]{1,48})([\])])(\s*:)?\s*/u;

export interface OpeningContext {
  /** Names already used for speakers in this file, in upper case. */
  known: ReadonlySet<string>;
}

/** The piece with words put before it, its words' places moved along. */
function prefixed(piece: Piece, text: string): Piece {
  const words = piece.words?.map((w) => ({ ...w, at: w.at + text.length }));
  return { text: text + piece.text, ...(words ? { words } : {}) };
}

/** Reads a speaker name or a manner in brackets at the start of a part. */
export function readOpening(part: Piece, context: OpeningContext): Opening {
  const diarised = DIARISED.exec(part.text);
  const label = diarised?.[1] ?? diarised?.[2];
  if (diarised && label) {
    return { kind: "name", name: label, diarisation: label, sure: true, evidence: "diarisation label", rest: trim(slice(part, diarised[0].length)) };
  }
  const m = OPENING_BRACKET.exec(part.text);
  if (!m?.[2]) return { kind: "none" };
  let inner = m[2].trim().replace(/\s+/gu, " ");
  let rest = trim(slice(part, m[0].length));
  if (isManner(inner)) return { kind: "manner", manner: inner, rest };
  // "(ALBA, WHISPERING)": a name, then how or what; the second half stays as a note before the words.
  const comma = /^([^,]+),\s*(.+)$/u.exec(inner);
  if (comma?.[1] && comma[2] && !looksLikeDescription(comma[1]) && (context.known.has(comma[1].toUpperCase()) || looksLikeDescription(comma[2]) || isManner(comma[2]))) {
    inner = comma[1].trim();
    rest = prefixed(rest, `[${comma[2].trim()}] `);
  }
  const known = context.known.has(inner.toUpperCase());
  const colon = m[4] !== undefined;
  // Known sounds and descriptions are sounds even with a colon after them ("[MUSIC]: ...").
  if (!known && looksLikeDescription(inner)) return { kind: "none" };
  if (!/^\p{Lu}/u.test(inner)) return { kind: "none" };
  // A bracket with nothing after it is a sound, unless it names a voice already heard.
  if (rest.text === "" && !known && !colon) return { kind: "none" };
  const words = inner.split(" ");
  const titleCase = words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^\p{Lu}$/u.test(w));
  const evidence = known ? "a name heard before" : colon ? "a colon after it" : `${m[1] === "[" ? "square brackets" : "parentheses"} and capitals`;
  // Two or more capitalised words ("[Mary Ellen]"), a colon, or a name heard before are evidence
  // enough; one capitalised word in brackets is most likely a name, but could be a sound.
  const sure = known || colon || (words.length > 1 && titleCase);
  return { kind: "name", name: inner, sure, evidence, rest };
}

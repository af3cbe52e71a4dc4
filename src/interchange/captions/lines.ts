// A caption's text as the caption importers hand it over: lines of clean words (markup gone,
// entities decoded), each perhaps with its words' times, and cutting such text without losing
// which time belongs to which word.

import type { ImportedWord } from "../model.ts";

/** A word with where it starts in the text it belongs to, so cutting the text keeps its time. */
export interface PlacedWord extends ImportedWord {
  at: number;
}

/** Text with the words it is made of, when the source timed them. */
export interface Piece {
  text: string;
  words?: PlacedWord[];
}

/** One caption line: clean text; words only when the source gives word times. */
export interface CaptionLine {
  text: string;
  words?: ImportedWord[];
}

/** A caption (or one <v> voice of one) before voices are read. */
export interface RawCaption {
  start: number;
  end: number;
  /** 1-based line of the caption's timing line. */
  line: number;
  /** The voice WebVTT markup gives this part of the caption, if any. */
  voice?: string;
  lines: CaptionLine[];
}

/** The lines of a caption as one piece, lines joined by "\n", words placed on their tokens. */
export function joinLines(lines: CaptionLine[]): Piece {
  let text = "";
  const words: PlacedWord[] = [];
  let timed = false;
  lines.forEach((line, i) => {
    if (i > 0) text += "\n";
    if (line.words) {
      timed = true;
      words.push(...placeWords(line.text, line.words, text.length));
    }
    text += line.text;
  });
  return timed ? { text, words } : { text };
}

/** Places each word on the next token of the text that starts with it; unmatched words are dropped. */
function placeWords(text: string, words: ImportedWord[], offset: number): PlacedWord[] {
  const out: PlacedWord[] = [];
  let from = 0;
  for (const word of words) {
    const at = text.indexOf(word.text, from);
    if (at < 0) continue;
    out.push({ ...word, at: offset + at });
    from = at + word.text.length;
  }
  return out;
}

/** The piece's text from `start` to `end`, with the words that start inside it. */
export function slice(piece: Piece, start: number, end = piece.text.length): Piece {
  const text = piece.text.slice(start, end);
  if (!piece.words) return { text };
  const words = piece.words.filter((w) => w.at >= start && w.at < end).map((w) => ({ ...w, at: w.at - start }));
  return { text, words };
}

/** The piece without spaces at either end. */
export function trim(piece: Piece): Piece {
  const start = piece.text.length - piece.text.trimStart().length;
  const end = piece.text.trimEnd().length;
  return start === 0 && end === piece.text.length ? piece : slice(piece, start, Math.max(start, end));
}

/** The words without their places, for the model. */
export function plainWords(piece: Piece): ImportedWord[] | undefined {
  return piece.words?.map(({ at: _at, ...word }) => word);
}

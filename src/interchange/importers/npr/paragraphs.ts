// Paragraphs from lines, and the rights lines and tags a copied page carries around them.

import { matchLabel } from "../../../transcript/labels.ts";
import { cleanText, squash } from "../../text.ts";
import { isFullLabel, labelAtStart, lastBoundary, leadingCues, startsTape } from "./labels.ts";

/** One paragraph of the source: usually one line, sometimes wrapped lines joined. */
export interface SourceParagraph {
  /** Cleaned and trimmed, spacing kept (tags are separated by runs of spaces). */
  raw: string;
  /** Cleaned, spaces collapsed. */
  text: string;
  /** 1-based line the paragraph starts on. */
  line: number;
  /** Empty lines right before it: two or more mark a summary's end or a lost SOUNDBITE line. */
  blankBefore: number;
  /**
   * True when it starts on the line right after another (no blank line between): it may be a
   * wrapped sentence that happens to start with a capitalised word and a colon, not a paragraph.
   */
  soft?: boolean;
}

// Rights lines NPR appends, alone or glued after the closing cue or the last sentence.
const PROVENANCE =
  /(?:^|(?<=[.!?…"”’)\]]\s*))(?:Transcript provided by\s.*|Copyright\s+(?:©\s*)?(?:\d{4}\s+)?(?:NPR|National Public Radio)\b.*|NPR transcripts are created\b.*)$/iu;
export const TAGS = /^Tags:\s*(.*)$/iu;
// Tags are separated by two or more spaces (a non-breaking space + space is two after cleaning) or tabs.
const TAG_SEPARATOR = /\t+|\s{2,}/u;
// Punctuation a paragraph ends with; a line without it that runs on is a wrapped line.
const PARAGRAPH_END = /[.!?…:;"”’)\]—–-]$/u;

/** Whether a line must open its own paragraph even with no blank line before it. */
function opensParagraph(line: string): boolean {
  if (TAGS.test(line) || /^(?:Transcript provided by|Copyright)\s/iu.test(line)) return true;
  if (leadingCues(line).cues.length > 0) return true;
  const label = labelAtStart(line);
  // A one-word label after a line that runs on is more likely a wrapped sentence ("on / TV: You ...").
  return label !== undefined && isFullLabel(label);
}

/**
 * Whether a line goes on with the line before even though one of them looks like a paragraph's
 * end or start: a label wrapped after its first words (`…the end. TOBIAS` / `ACHTERBERG, BYLINE:`),
 * or a sound in mixed case, which is part of the speech (`(Laughter) FERRANTE: …`); a sound in
 * capitals on a line of its own with no blank line before stands alone.
 */
function continuesLine(previous: string, line: string): boolean {
  // A label's first words are near the end: a window keeps long joined paragraphs linear.
  const end = previous.slice(-160);
  const tail = end.slice(lastBoundary(end)).trim();
  if (tail !== "" && !/\p{Ll}/u.test(tail) && /^\p{Lu}/u.test(tail)) {
    const label = matchLabel(`${tail} ${line}`);
    if (label && label.length > tail.length + 1) return true;
  }
  const first = leadingCues(line).cues[0];
  return first !== undefined && !startsTape(first) && /\p{Ll}/u.test(first);
}

/** Splits the text into paragraphs, keeping each one's first line and the blank lines before it. */
export function sourceParagraphs(text: string): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  let blanks = 0;
  text.split(/\r\n|\r|\n/u).forEach((sourceLine, index) => {
    const raw = cleanText(sourceLine).trim();
    if (raw === "") {
      blanks++;
      return;
    }
    const previous = paragraphs.at(-1);
    // A line starting in lower case goes on with the sentence above, whatever ends that line.
    const runsOn = previous !== undefined && ((!PARAGRAPH_END.test(previous.text) && !opensParagraph(raw)) || /^\p{Ll}/u.test(raw));
    if (previous && blanks === 0 && (runsOn || continuesLine(previous.text, squash(raw)))) {
      // A hard-wrapped line: it continues the paragraph above.
      previous.raw = `${previous.raw} ${raw}`;
      previous.text = `${previous.text} ${squash(raw)}`;
    } else {
      paragraphs.push({ raw, text: squash(raw), line: index + 1, blankBefore: blanks });
    }
    blanks = 0;
  });
  // Without a blank line before it, a line may be a wrapped sentence as well as a paragraph.
  paragraphs.forEach((p, i) => {
    if (i > 0 && p.blankBefore === 0) p.soft = true;
  });
  return paragraphs;
}

/** The summary: a first paragraph set off by two or more blank lines, before anyone speaks. */
export function isSummary(first: SourceParagraph, next: SourceParagraph | undefined): boolean {
  return next !== undefined && next.blankBefore >= 2 && !labelAtStart(first.text) && leadingCues(first.text).cues.length === 0;
}

// A `Tags:` list run onto the end of the last paragraph: after a sentence or a cue, no sentence in it.
const TRAILING_TAGS = /(?<=[.!?…"”’)\]]\s*)Tags:\s*([^.!?:]*)$/u;

/** Splits a `Tags:` list off the end of a paragraph's raw text, when a lost line break glued it on. */
export function splitTrailingTags(raw: string): { raw: string; text: string; tags: string } | undefined {
  const m = TRAILING_TAGS.exec(raw);
  if (!m || m.index === 0) return undefined;
  const before = raw.slice(0, m.index).trim();
  return { raw: before, text: squash(before), tags: m[1] ?? "" };
}

/** Splits rights lines off the end of a paragraph: `(SOUNDBITE OF ...) Transcript provided by ...`. */
export function splitProvenance(text: string): { text: string; provenance?: string } {
  const m = PROVENANCE.exec(text);
  if (!m) return { text };
  return { text: text.slice(0, m.index).trim(), provenance: m[0].trim() };
}

/** The tags of a `Tags:` line's list, each with its spaces collapsed. */
export function splitTags(list: string): string[] {
  return list.split(TAG_SEPARATOR).map(squash).filter((tag) => tag !== "");
}

// Label-like runs: a speaker label inside running text, where a turn could start but none does.
//   "…at the top.PRICE: Today…"   "…we'll see. DANA PRICE, HOST: Hello"   "(SOUNDBITE OF MUSIC)DANA PRICE, HOST:"
// Such a run means a paragraph break was lost (a scrape, a paste, an import), and every word after
// it is published in the wrong mouth. Pure: the notation's build warning, the audit's page check
// and the importers' summaries all ask this one detector.
//
// A run is a label the notation would read at the start of a paragraph (see labels.ts), found
// right after a place a turn can start: a sentence end, a closing parenthesis, bracket or quote,
// a dash where speech is cut off ("--", "—"), or a line break, with or without a space. Evidence
// decides: a full label (a name of two or more words, or one with a role) is a finding wherever a
// turn can start; a one-word label only when it names a speaker the story knows, when a manner
// follows it ("BJORK: (Singing)") or when a taped-audio cue ends right before it. Ordinary speech
// stays quiet: "NOTE: call me" and "NASA: Today" mid-sentence have no turn start before them,
// "5:30" and "U.S.:" are no labels, "STOP: don't" goes on in lower case, a label inside a short
// quotation is quoted text, and "TV: You can join us" names no one.

import { matchLabel, matchManner, type LabelMatch } from "./labels.ts";
import { isProseHeading } from "./prose-headings.ts";
import { labelKey, nameAliases } from "./speakers.ts";
import { isAbbreviation } from "./text.ts";

export interface LabelLikeRun {
  /** Offset in the text where the run starts: its label, or a timestamp right before it ("[4:20] PRICE:"). */
  start: number;
  /** Offset just after the label's colon. */
  end: number;
  /** The label, without its colon: "DANA PRICE, HOST", "PRICE". */
  label: string;
  /** The run as written, where a new paragraph should start: "PRICE:", "[4:20] PRICE:". */
  written: string;
  /** A full label (two or more words, or a role): it introduces a speaker, so it counts anywhere. */
  full: boolean;
  /** 1-based line of the label within the text (the text's own line breaks). */
  line: number;
  /** True when nothing, not even a space or a line break, separates the label from what ends before it ("top.PRICE:"). */
  glued: boolean;
  /**
   * Why it counts: a full label; a short one naming a known speaker; a short one followed by a
   * manner ("BJORK: (Singing) …"); or a short one right after a cue that starts taped audio
   * ("(SOUNDBITE OF ARCHIVED BROADCAST)TRUMP: …"), where a new voice is what comes next.
   */
  evidence: LabelEvidence;
}

export type LabelEvidence = "full" | "known" | "manner" | "cue";

/** Whether a one-word label names a speaker already known: introduced in the story or declared. */
export type KnowsLabel = (label: string) => boolean;

/** The longest label looked at; real ones are far shorter ("SEN. JOHN EDWARDS (D-NC), VICE PRESIDENTIAL CANDIDATE"). */
const MAX_LABEL = 160;
/** A quotation longer than this is not one quotation but an unbalanced quote mark. */
const MAX_QUOTATION = 300;

const SENTENCE_END = /[.!?…]/u;
const CLOSERS = /["'“”’»)\]]/u;
const LABEL_START = /[\p{Lu}\d]/u;
/** A timestamp that opens a turn ("[4:20] "), right before a label; see times.ts. */
const LEADING_TIME = /\[(?:\d{1,2}:)?\d{1,3}:\d{2}(?:\.\d{1,3})?\][ \t]*$/u;

/**
 * The label-like runs in a paragraph's text, in order. The start of the text is not a place the
 * detector looks: a label there is a real one, the parser's business. Without `knows`, only
 * full labels are reported, and the short labels of speakers those full labels introduce.
 */
export function labelLikeRuns(written: string, knows?: KnowsLabel): LabelLikeRun[] {
  if (!written.includes(":")) return [];
  const text = written.replace(/[\u00a0\u202f]/gu, " "); // no-break spaces, as pasted text has them; offsets unchanged
  const candidates = turnStarts(text);
  const quoted = quotations(text);
  const lines = lineCounter(text);
  const runs: LabelLikeRun[] = [];
  // A full label glued inside the text introduces its speaker there too: "BRIAN MANN, BYLINE:"
  // makes a later "MANN:" evidence, though the parser never saw either.
  const introduced = new Set<string>();
  const introducers = new Set<string>();
  const known = (label: string) => introduced.has(labelKey(label)) || (knows?.(label) ?? false);
  let after = 0;
  for (const [k, candidate] of candidates.entries()) {
    const { at, glued, afterTapeCue } = candidate;
    if (at < after || quoted[at]) continue;
    const found = labelAt(text, at);
    if (!found) continue;
    const colon = at + found.colon;
    // A turn start inside the label means the label began later ("OK. PRICE:" is "PRICE:").
    if ((candidates[k + 1]?.at ?? Infinity) < colon) continue;
    const evidence = evidenceFor(found.label, known, afterTapeCue, text.slice(colon + 1, colon + 100).trimStart());
    if (!evidence) continue;
    const full = evidence === "full";
    if (full && !introducers.has(found.label.nameText)) {
      introducers.add(found.label.nameText);
      for (const alias of nameAliases(found.label.nameText)) introduced.add(alias);
    }
    const start = at - (LEADING_TIME.exec(text.slice(Math.max(0, at - 24), at))?.[0].length ?? 0);
    runs.push({
      start,
      end: colon + 1,
      label: found.label.raw,
      written: text.slice(start, colon + 1),
      full,
      line: lines(at),
      glued,
      evidence,
    });
    after = colon + 1;
  }
  return runs;
}

interface Candidate {
  /** Where a label could begin: an upper-case letter or a digit. */
  at: number;
  glued: boolean;
  /** Right after "(SOUNDBITE OF …)". */
  afterTapeCue: boolean;
}

/** Every place inside the text where a turn could start and a label-like character follows. */
function turnStarts(text: string): Candidate[] {
  const found = new Map<number, Candidate>();
  const add = (from: number, afterTapeCue = false, canGlue = true) => {
    let at = from;
    while (at < text.length && at - from < 4 && CLOSERS.test(text.charAt(at))) at += 1; // ." ) ”) …
    const closed = at;
    while (at < text.length && /[ \t\u00a0]/u.test(text.charAt(at))) at += 1;
    if (at >= text.length || !LABEL_START.test(text.charAt(at)) || found.has(at)) return;
    found.set(at, { at, glued: canGlue && at === closed, afterTapeCue });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "\n") {
      add(i + 1, false, false);
    } else if (SENTENCE_END.test(c)) {
      if (SENTENCE_END.test(text.charAt(i + 1))) continue; // the last of "..." or "?!"
      if (c === "." && !endsSentence(text, i)) continue;
      add(i + 1);
    } else if (c === ")") {
      add(i + 1, closesTapeCue(text, i));
    } else if (c === "—" || c === "–" || (c === "-" && text.charAt(i - 1) === "-" && text.charAt(i + 1) !== "-")) {
      add(i + 1); // speech cut off: "So the--PRICE: Right."
    } else if (c === "]" || c === "”" || c === "»") {
      add(i + 1);
    } else if ((c === '"' || c === "“") && i > 0 && /\S/u.test(text.charAt(i - 1))) {
      add(i + 1); // a straight quote after a word closes a quotation, and so does a German “
    } else if ((c === "'" || c === "’") && i > 0 && /\S/u.test(text.charAt(i - 1)) && /\s/u.test(text.charAt(i + 1))) {
      add(i + 1); // a single quote closes one only before a space; inside a word it is an apostrophe
    }
  }
  return [...found.values()].sort((a, b) => a.at - b.at);
}

/**
 * Whether the full stop at `i` can end a sentence: not after a title or an abbreviation
 * ("Dr.", "SEN.", "Mr."), nor after a lone initial ("John Q. PUBLIC").
 */
function endsSentence(text: string, i: number): boolean {
  const word = /[\p{L}]+$/u.exec(text.slice(Math.max(0, i - 20), i))?.[0] ?? "";
  if (word === "") return true;
  if (isAbbreviation(word)) return false;
  const before = text.charAt(i - word.length - 1);
  return !(word.length === 1 && (before === "" || /[\s(]/u.test(before)));
}

/** The label at `at`, with the offset of its colon, when it reads as one and speech may follow. */
function labelAt(text: string, at: number): { label: LabelMatch; colon: number } | undefined {
  const label = matchLabel(text.slice(at, at + MAX_LABEL));
  if (!label) return undefined;
  const colon = text.lastIndexOf(":", at + label.length - 1) - at;
  if (colon < 0) return undefined;
  const next = text.charAt(at + colon + 1);
  if (next !== "" && !/\s/u.test(next)) return undefined; // "5:30", "http://"
  const speech = /\S/u.exec(text.slice(at + colon + 1, at + colon + 40));
  if (speech && /\p{Ll}/u.test(speech[0])) return undefined; // "STOP: don't" goes on as speech
  return { label, colon };
}

/** A full label names a person in two or more words or carries a role; a prose heading ("BREAKING NEWS") names no one. */
function isFull(label: LabelMatch): boolean {
  if (label.roleText) return true;
  return label.nameText.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length >= 2 && !isProseHeading(label.nameText);
}

/** Why a label-like run counts, if it does. */
function evidenceFor(label: LabelMatch, knows: KnowsLabel, afterTapeCue: boolean, speech: string): LabelEvidence | undefined {
  if (!label.nameText.split(/\s+/u).some((w) => (w.match(/\p{L}/gu) ?? []).length >= 2)) return undefined; // "A. B:"
  if (isFull(label)) return "full";
  if (knows(label.nameText)) return "known";
  if (matchManner(speech)) return "manner";
  return afterTapeCue ? "cue" : undefined;
}

/** Whether the ")" at `i` closes a cue that starts taped audio: "(SOUNDBITE OF …)", in any case. */
function closesTapeCue(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 200), i);
  return /\(soundbite of\b[^()]*$/iu.test(before);
}

/**
 * Which characters stand inside a short, balanced quotation: "…", “…”, „…“, «…». A straight or
 * “ quote opens after a space and before a word, and closes otherwise (German closes with “). A
 * long or multi-line "quotation" is an unbalanced quote mark, and hides nothing.
 */
function quotations(text: string): Uint8Array {
  const spans: Array<[number, number]> = [];
  let open: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const either = c === '"' || c === "“";
    if (c === "„" || c === "«" || (either && opensQuotation(text, i))) open = i;
    else if ((either || c === "”" || c === "»") && open !== undefined) {
      spans.push([open, i]);
      open = undefined;
    }
  }
  const inside = new Uint8Array(text.length + 1);
  for (const [open, close] of spans) {
    if (close - open > MAX_QUOTATION || text.slice(open, close).includes("\n")) continue;
    inside.fill(1, open + 1, close);
  }
  return inside;
}

/** A quote mark that can open or close opens here: after a space, a bracket or the start, before a word. */
function opensQuotation(text: string, i: number): boolean {
  return (i === 0 || /[\s(\[—–-]/u.test(text.charAt(i - 1))) && /[^\s]/u.test(text.charAt(i + 1));
}

/** Line numbers for ascending offsets, counted once through the text. */
function lineCounter(text: string): (at: number) => number {
  let line = 1;
  let next = text.indexOf("\n");
  return (at) => {
    while (next >= 0 && next < at) {
      line += 1;
      next = text.indexOf("\n", next + 1);
    }
    return line;
  };
}

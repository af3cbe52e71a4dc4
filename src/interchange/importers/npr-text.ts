// NPR-style text: a transcript as a reader copies it from an NPR story page (or a show that
// follows NPR house style). One paragraph a line: `BRIAN MANN, BYLINE: ...` introduces a speaker,
// `MANN: ...` finds them again, `(SOUNDBITE OF ...)` on its own line is a cue. Around the
// conversation sit a summary line, an unattributed host introduction, the copyright line and tags.
//
// Copied pages are damaged in known ways (lost paragraph breaks, lost labels, lost SOUNDBITE lines,
// mojibake); the reader repairs what it can and tells the editor where it guessed (`review`).

import { matchLabel, matchManner, type LabelMatch } from "../../transcript/labels.ts";
import { parseCue } from "../../transcript/cues.ts";
import { NotationError } from "../../transcript/errors.ts";
import type { Speaker } from "../../transcript/model.ts";
import { SpeakerRegistry, labelKey, roleKindOf } from "../../transcript/speakers.ts";
import { properCase } from "../../transcript/text.ts";
import {
  ImportError,
  type ImportedBlock,
  type ImportedMeta,
  type ImportedSpeaker,
  type ImportedTranscript,
  type ImportSource,
  type ImportWarning,
  type Importer,
} from "../model.ts";
import { cleanText, squash } from "../text.ts";

type Turn = Extract<ImportedBlock, { type: "turn" }>;

/** One paragraph of the source: usually one line, sometimes wrapped lines joined. */
interface SourceParagraph {
  /** Cleaned and trimmed, spacing kept (tags are separated by runs of spaces). */
  raw: string;
  /** Cleaned, spaces collapsed. */
  text: string;
  /** 1-based line the paragraph starts on. */
  line: number;
  /** Empty lines right before it: two or more mark a summary's end or a lost SOUNDBITE line. */
  blankBefore: number;
}

/** The cue NPR pages most often lose; inserted where the blank lines show one was. */
const LOST_SOUNDBITE = "SOUNDBITE OF ARCHIVED RECORDING";

// Rights lines NPR appends, alone or glued after the closing cue or the last sentence.
const PROVENANCE =
  /(?:^|(?<=[.!?…"”’)\]]\s*))(?:Transcript provided by\s.*|Copyright\s+(?:©\s*)?(?:\d{4}\s+)?(?:NPR|National Public Radio)\b.*|NPR transcripts are created\b.*)$/iu;
const TAGS = /^Tags:\s*(.*)$/iu;
// Tags are separated by two or more spaces (a non-breaking space + space is two after cleaning) or tabs.
const TAG_SEPARATOR = /\t+|\s{2,}/u;
// A sentence end where a lost paragraph break may have glued the next label on.
const SENTENCE_END = /[.!?…]["”’')\]]*/gu;
// Abbreviations whose period ends no sentence: "Mr. OCAMPO:" is one old-style label, not two paragraphs.
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Prof|Rev|Jr|Sr|Lt|Col|Capt|Sgt|Mt|Ft|vs|No)\.$/iu;
// Punctuation a paragraph ends with; a line without it that runs on is a wrapped line.
const PARAGRAPH_END = /[.!?…:;"”’)\]—–-]$/u;

// ---------------------------------------------------------------------------------------------
// Labels: the core's grammar (matchLabel), plus the guards a copied page needs.

// Older NPR pages write labels in mixed case: `NEAL CONAN, host:`, `Mr. BILL MOYERS (Author, "Moyers on America"):`.
const OLD_LABEL =
  /^((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev)\.\s+)?)([^:(),]{2,80}?)\s*(?:\(([^()]{1,120})\)\s*)?(?:,\s*(\p{Ll}[\p{Ll} .'’-]{0,60}?)\s*)?:(?:\s+|$)/u;

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
function labelAtStart(text: string): LabelMatch | undefined {
  const label = matchLabel(text) ?? oldStyleLabel(text);
  if (!label) return undefined;
  return /^\p{Ll}/u.test(text.slice(label.length)) ? undefined : label;
}

/** A label that can only be a full one: it carries a role or a name of more than one word. */
function isFullLabel(label: LabelMatch): boolean {
  return Boolean(label.roleText) || label.nameText.includes(" ");
}

/** The cues a paragraph opens with, `(SOUNDBITE OF MUSIC) (LAUGHTER)`, and what follows them. */
function leadingCues(text: string): { cues: string[]; rest: string } {
  const cues: string[] = [];
  let rest = text;
  for (let m = /^\(([^()]+)\)\s*/u.exec(rest); m?.[1] && parseCue(m[1], true); m = /^\(([^()]+)\)\s*/u.exec(rest)) {
    cues.push(squash(m[1]));
    rest = rest.slice(m[0].length);
  }
  return { cues, rest };
}

function startsTape(cueText: string): boolean {
  return parseCue(cueText, true)?.startsTape ?? false;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs from lines.

/** Whether a line must open its own paragraph even with no blank line before it. */
function opensParagraph(line: string): boolean {
  if (TAGS.test(line) || /^(?:Transcript provided by|Copyright)\s/iu.test(line)) return true;
  if (leadingCues(line).cues.length > 0) return true;
  const label = labelAtStart(line);
  // A one-word label after a line that runs on is more likely a wrapped sentence ("on / TV: You ...").
  return label !== undefined && isFullLabel(label);
}

/** Splits the text into paragraphs, keeping each one's first line and the blank lines before it. */
function sourceParagraphs(text: string): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  let blanks = 0;
  text.split(/\r\n|\r|\n/u).forEach((sourceLine, index) => {
    const raw = cleanText(sourceLine).trim();
    if (raw === "") {
      blanks++;
      return;
    }
    const previous = paragraphs.at(-1);
    if (previous && blanks === 0 && !PARAGRAPH_END.test(previous.text) && !opensParagraph(raw)) {
      // A hard-wrapped line: it continues the paragraph above.
      previous.raw = `${previous.raw} ${raw}`;
      previous.text = squash(previous.raw);
    } else {
      paragraphs.push({ raw, text: squash(raw), line: index + 1, blankBefore: blanks });
    }
    blanks = 0;
  });
  return paragraphs;
}

/** The summary: a first paragraph set off by two or more blank lines, before anyone speaks. */
function isSummary(first: SourceParagraph, next: SourceParagraph | undefined): boolean {
  return next !== undefined && next.blankBefore >= 2 && !labelAtStart(first.text) && leadingCues(first.text).cues.length === 0;
}

/** Splits rights lines off the end of a paragraph: `(SOUNDBITE OF ...) Transcript provided by ...`. */
function splitProvenance(text: string): { text: string; provenance?: string } {
  const m = PROVENANCE.exec(text);
  if (!m) return { text };
  return { text: text.slice(0, m.index).trim(), provenance: m[0].trim() };
}

// ---------------------------------------------------------------------------------------------
// Speakers: the core's registry resolves labels; this keeps the reading form per speaker.

const PROBE = Symbol("probe");

interface Resolved {
  speaker: ImportedSpeaker;
  /** False for a short label no full label introduced (a lost label). */
  introduced: boolean;
  /** True the first time this speaker talks. */
  first: boolean;
  /** Host or reporter: the programme's own voices. */
  programme: boolean;
}

class Speakers {
  private probing = false;
  private unknown = false;
  // Lenient: an unknown short label is a damaged page to repair, not an error. The registry calls
  // warn just before it defines such a speaker, which is how both `knows` and `resolve` notice it.
  private readonly registry = new SpeakerRegistry({}, {
    lenient: true,
    warn: () => {
      if (this.probing) throw PROBE;
      this.unknown = true;
    },
  });
  private readonly reading = new Map<Speaker, ImportedSpeaker>();
  private readonly ambiguous = new Map<string, ImportedSpeaker>();
  private readonly spoken = new Set<ImportedSpeaker>();

  constructor(private readonly warn: (warning: ImportWarning) => void) {}

  /** Whether a one-word label finds someone already introduced. Defines no one for a person's surname. */
  knows(label: LabelMatch): boolean {
    this.probing = true;
    try {
      this.registry.resolve(label, 0);
      return true;
    } catch (error) {
      if (error === PROBE) return false;
      if (error instanceof NotationError) return true; // ambiguous between two known speakers: still known
      throw error;
    } finally {
      this.probing = false;
    }
  }

  resolve(label: LabelMatch, line: number): Resolved {
    this.unknown = false;
    let speaker: ImportedSpeaker;
    let programme = false;
    try {
      const found = this.registry.resolve(label, line);
      speaker = this.readingForm(found);
      programme = found.roleKind !== "other";
    } catch (error) {
      if (!(error instanceof NotationError)) throw error;
      speaker = this.ambiguousSpeaker(label, line, error.message);
      programme = roleKindOf(speaker.role) !== "other";
    }
    const first = !this.spoken.has(speaker);
    this.spoken.add(speaker);
    return { speaker, introduced: !this.unknown, first, programme };
  }

  /** "Brian Mann" (reporter); the title and affiliation stay with the name so nothing is lost. */
  private readingForm(found: Speaker): ImportedSpeaker {
    let speaker = this.reading.get(found);
    if (!speaker) {
      const name = [found.title, found.name, found.affiliation].filter(Boolean).join(" ");
      speaker = { name, ...(found.role ? { role: found.role } : {}) };
      this.reading.set(found, speaker);
    }
    return speaker;
  }

  /** A short label two introduced speakers share: keep the label's own name and ask the editor. */
  private ambiguousSpeaker(label: LabelMatch, line: number, why: string): ImportedSpeaker {
    const key = labelKey(label.nameText);
    let speaker = this.ambiguous.get(key);
    if (!speaker) {
      speaker = { name: properCase(key) };
      this.ambiguous.set(key, speaker);
    }
    this.warn({ line, message: `${why} Kept "${speaker.name}"; check who speaks.`, review: true });
    return speaker;
  }
}

// ---------------------------------------------------------------------------------------------
// The reader: paragraphs in order → blocks, meta and warnings.

class NprReader {
  readonly blocks: ImportedBlock[] = [];
  readonly warnings: ImportWarning[] = [];
  readonly meta: ImportedMeta = {};
  private readonly speakers = new Speakers((warning) => this.warnings.push(warning));
  /** The label line of each turn, for turns whose words never came. */
  private readonly labelLines = new WeakMap<Turn, number>();

  read(paragraphs: SourceParagraph[]): void {
    paragraphs.forEach((paragraph, index) => {
      if (index === 0 && isSummary(paragraph, paragraphs[1])) this.meta.summary = paragraph.text;
      else this.paragraph(paragraph);
    });
    this.settleEmptyTurns();
    this.flagUnattributed();
  }

  private paragraph(p: SourceParagraph): void {
    const tags = TAGS.exec(p.raw);
    if (tags) {
      this.addTags(tags[1] ?? "");
      return;
    }
    const { text, provenance } = splitProvenance(p.text);
    if (provenance) this.addCopyright(provenance);
    if (text === "") return;
    const { cues, rest } = leadingCues(text);
    if (cues.length > 0 && (rest === "" || labelAtStart(rest))) {
      for (const cue of cues) this.blocks.push({ type: "cue", text: cue, line: p.line });
      if (rest !== "") this.paragraph({ raw: rest, text: rest, line: p.line, blankBefore: 0 });
      return;
    }
    const label = labelAtStart(text);
    if (label) this.turn(label, text.slice(label.length), p.line, p.blankBefore);
    else this.speech(text, p.line);
  }

  /** Speech that may hide labels glued on where paragraph breaks were lost. */
  private speech(text: string, line: number): void {
    const glued = this.gluedLabel(text);
    const before = glued ? text.slice(0, glued.at).trim() : text.trim();
    if (before !== "") this.unlabelled(before, line);
    if (glued) this.turn(glued.label, text.slice(glued.at + glued.label.length), line, 0);
  }

  /**
   * `...said PLANET MONEY.CAITLIN KENNEY, HOST: Hello` or `...over there.MANN: And`: a label right
   * after a sentence end. Not inside initials (`U.S.`, `a.m.`), not before lower case, and a
   * one-word label only for someone already introduced.
   */
  private gluedLabel(text: string): { at: number; label: LabelMatch } | undefined {
    for (const end of text.matchAll(SENTENCE_END)) {
      const after = end.index + end[0].length;
      if (ABBREVIATION.test(text.slice(0, after))) continue;
      const at = after + (/^\s*/u.exec(text.slice(after))?.[0].length ?? 0);
      const rest = text.slice(at);
      if (at >= text.length || !/^\p{Lu}/u.test(rest) || /^\p{L}\./u.test(rest)) continue;
      const label = matchLabel(rest);
      if (!label || /\.\p{Lu}{2,}/u.test(label.nameText) || /^\p{Ll}/u.test(rest.slice(label.length))) continue;
      if (isFullLabel(label) || this.speakers.knows(label)) return { at, label };
    }
    return undefined;
  }

  private turn(label: LabelMatch, speech: string, line: number, blankBefore: number): void {
    const who = this.speakers.resolve(label, line);
    if (!who.introduced) this.lostLabel(who.speaker, label, line);
    else if (who.first && !who.programme && blankBefore >= 2) this.lostSoundbite(label, line);
    const manner = matchManner(speech);
    const turn: Turn = { type: "turn", speaker: who.speaker, ...(manner ? { manner: manner.manner.text } : {}), paragraphs: [] };
    this.blocks.push(turn);
    this.labelLines.set(turn, line);
    const words = manner ? speech.slice(manner.length) : speech;
    if (words.trim() !== "") this.speech(words, line);
  }

  /** Text without a label: more of the open turn, or of the voice before a laugh, or unattributed. */
  private unlabelled(text: string, line: number): void {
    const last = this.blocks.at(-1);
    if (last?.type === "turn") {
      last.paragraphs.push({ text, line });
      return;
    }
    // After (LAUGHTER) the same person goes on; after a SOUNDBITE the voice is unknown.
    const speaker = last?.type === "cue" && !startsTape(last.text) ? this.lastTurn()?.speaker : undefined;
    this.blocks.push({ type: "turn", ...(speaker ? { speaker } : {}), paragraphs: [{ text, line }] });
  }

  /**
   * Extra blank lines before a new voice from outside the programme are where a copied page
   * dropped its `(SOUNDBITE OF ...)` line. Put a cue back so the tape reads as tape, and say so.
   */
  private lostSoundbite(label: LabelMatch, line: number): void {
    if (this.blocks.length === 0 || this.blocks.at(-1)?.type === "cue") return;
    this.blocks.push({ type: "cue", text: LOST_SOUNDBITE, line });
    this.warnings.push({
      line,
      message: `A SOUNDBITE line seems lost here; check what was played. Blank lines stand before "${label.raw}:", so "(${LOST_SOUNDBITE})" was added before it.`,
      review: true,
    });
  }

  /**
   * A short label (`KELLY:`) that no full label introduced: the page lost a label. The unattributed
   * paragraphs just before, or else the introduction, are most likely that person's.
   */
  private lostLabel(speaker: ImportedSpeaker, label: LabelMatch, line: number): void {
    const intro = this.introTurns();
    const run = this.unattributedRun();
    const target = run.length > 0 ? run : intro;
    const said = `"${label.raw}:" on line ${line} was never introduced with a full label`;
    if (target.length === 0) {
      this.warnings.push({ line, message: `${said}; using "${speaker.name}" as the name. Check who speaks.`, review: true });
      return;
    }
    const inIntro = target.every((turn) => intro.includes(turn));
    if (inIntro && !speaker.role) speaker.role = "host";
    for (const turn of target) turn.speaker = speaker;
    const lines = target.flatMap((turn) => turn.paragraphs.map((p) => p.line ?? line));
    const first = Math.min(...lines);
    const last = Math.max(...lines);
    const where = first === last ? `line ${first}` : `lines ${first}–${last}`;
    const who = speaker.role ? `${speaker.name} (${speaker.role})` : speaker.name;
    this.warnings.push({
      line: first,
      message: `${said}; the unattributed text on ${where} is taken to be said by ${who}. Check who speaks.`,
      review: true,
    });
  }

  /** The unattributed turns right before this point. */
  private unattributedRun(): Turn[] {
    const run: Turn[] = [];
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const block = this.blocks[i];
      if (block?.type !== "turn" || block.speaker) break;
      run.unshift(block);
    }
    return run;
  }

  /** Unattributed turns before anyone is named: the host's introduction. */
  private introTurns(): Turn[] {
    const intro: Turn[] = [];
    for (const block of this.blocks) {
      if (block.type !== "turn") continue;
      if (block.speaker) break;
      intro.push(block);
    }
    return intro;
  }

  private lastTurn(): Turn | undefined {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const block = this.blocks[i];
      if (block?.type === "turn") return block;
    }
    return undefined;
  }

  /**
   * A label with nothing after it. `MARIA: (Speaking Spanish)` alone is untranslated speech and
   * stays a turn with its manner and no words; a bare label said nothing and is left out.
   */
  private settleEmptyTurns(): void {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const block = this.blocks[i];
      if (block?.type !== "turn" || block.paragraphs.length > 0 || block.manner) continue;
      const line = this.labelLines.get(block);
      this.blocks.splice(i, 1);
      this.warnings.push({ ...(line ? { line } : {}), message: `The label for ${block.speaker?.name ?? "a speaker"} has no words after it; it was left out.` });
    }
  }

  /** Unattributed speech after someone was named is a guess the editor must settle. */
  private flagUnattributed(): void {
    const intro = new Set(this.introTurns());
    for (const block of this.blocks) {
      if (block.type !== "turn" || block.speaker || intro.has(block)) continue;
      const line = block.paragraphs[0]?.line;
      this.warnings.push({
        ...(line ? { line } : {}),
        message: "Text with no speaker label after the conversation began (a label may be lost); check who speaks.",
        review: true,
      });
    }
  }

  private addTags(list: string): void {
    const tags = list.split(TAG_SEPARATOR).map(squash).filter((tag) => tag !== "");
    this.meta.tags = [...(this.meta.tags ?? []), ...tags];
  }

  private addCopyright(text: string): void {
    this.meta.copyright = this.meta.copyright ? `${this.meta.copyright} ${text}` : text;
  }
}

// ---------------------------------------------------------------------------------------------

/** Whether a line reads as NPR notation: a label at its start or a SOUNDBITE cue. */
function isNprLine(line: string): boolean {
  return labelAtStart(line) !== undefined || /^\(SOUNDBITE OF\b/iu.test(line);
}

/** Formats that can hold label-like lines but have their own importers. */
function isOtherFormat(text: string): boolean {
  return (
    /^[{[]/u.test(text) || // JSON
    /^WEBVTT\b/u.test(text) ||
    /^</u.test(text) || // HTML or XML
    /^\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->/mu.test(text) // SRT (or caption) timings
  );
}

function detect(source: ImportSource): boolean {
  const text = cleanText(source.text).trim();
  if (text === "" || isOtherFormat(text)) return false;
  return text.split(/\r\n|\r|\n/u).some((line) => isNprLine(line.trim()));
}

function read(source: ImportSource): ImportedTranscript {
  if (cleanText(source.text).trim() === "") {
    throw new ImportError(source.file, undefined, "The file is empty.", "copy the transcript again from the story page and save it as text.");
  }
  const reader = new NprReader();
  reader.read(sourceParagraphs(source.text));
  const named = reader.blocks.some((block) => block.type === "cue" || (block.type === "turn" && block.speaker));
  if (!named) {
    throw new ImportError(
      source.file,
      undefined,
      'No NPR speaker label (like "BRIAN MANN, BYLINE:" at the start of a paragraph) and no cue (like "(SOUNDBITE OF MUSIC)") was found.',
      "check that the file is an NPR-style transcript with one paragraph a line; if it is WebVTT, SRT, JSON or HTML, import it in that format.",
    );
  }
  return { format: "npr-text", meta: reader.meta, blocks: reader.blocks, warnings: reader.warnings };
}

export const nprTextImporter: Importer = { format: "npr-text", name: "NPR-style text", detect, read };

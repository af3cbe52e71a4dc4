// The reader: paragraphs in order → blocks, meta and warnings. It repairs what a copied page lost
// (paragraph breaks, labels, SOUNDBITE lines) and warns where it guessed.

import { matchManner, type LabelMatch } from "../../../transcript/labels.ts";
import type { ImportedBlock, ImportedMeta, ImportedSpeaker, ImportWarning } from "../../model.ts";
import { isFullLabel, labelAtStart, leadingCues, nextBreak, startsTape } from "./labels.ts";
import { isSummary, splitProvenance, splitTags, splitTrailingTags, TAGS, type SourceParagraph } from "./paragraphs.ts";
import { Speakers } from "./speakers.ts";
import { introTurns, lastTurn, unattributedRun, type Turn } from "./turns.ts";

/** The cue NPR pages most often lose; inserted where the blank lines show one was. */
const LOST_SOUNDBITE = "SOUNDBITE OF ARCHIVED RECORDING";

export class NprReader {
  readonly blocks: ImportedBlock[] = [];
  readonly warnings: ImportWarning[] = [];
  readonly meta: ImportedMeta = {};
  private readonly speakers = new Speakers((warning) => this.warnings.push(warning));
  /** The label line of each turn, for turns whose words never came. */
  private readonly labelLines = new WeakMap<Turn, number>();
  /** Lines where a label or a cue was found run into the text before it. */
  private readonly glued: number[] = [];

  read(paragraphs: SourceParagraph[]): void {
    const body = this.takeSummary(paragraphs);
    for (const paragraph of body) this.paragraph(paragraph);
    this.settleEmptyTurns();
    this.flagUnattributed();
    this.reportGlued();
  }

  /** Keeps the summary, when the first paragraph is one, and returns the paragraphs after it. */
  private takeSummary(paragraphs: SourceParagraph[]): SourceParagraph[] {
    const [first, next] = paragraphs;
    if (!first || !isSummary(first, next)) return paragraphs;
    this.meta.summary = first.text;
    return paragraphs.slice(1);
  }

  private paragraph(p: SourceParagraph): void {
    const tags = TAGS.exec(p.raw);
    if (tags) {
      this.addTags(tags[1] ?? "");
      return;
    }
    // A `Tags:` line run onto the end of the text when the page lost its line breaks.
    const trailing = splitTrailingTags(p.raw);
    if (trailing) {
      this.paragraph({ ...p, raw: trailing.raw, text: trailing.text });
      this.addTags(trailing.tags);
      return;
    }
    const { text, provenance } = splitProvenance(p.text);
    if (provenance) this.addCopyright(provenance);
    if (text !== "") this.flow(text, p.line, p.blankBefore, p.soft ?? false);
  }

  /**
   * A paragraph's text, read as a run of pieces: cues and a label where it starts, then speech
   * that may hide labels and cues glued on where paragraph breaks were lost; after each such
   * break the rest is read the same way. A loop, not recursion: a story on one line has
   * thousands of breaks.
   */
  private flow(text: string, line: number, blankBefore: number, soft: boolean): void {
    let rest = text;
    let atStart = true;
    let glued = false;
    while (rest !== "") {
      if (atStart) {
        atStart = false;
        const { cues, rest: after } = leadingCues(rest);
        // Cues before a label, or alone, stand on their own; so does taped audio before unlabelled speech.
        if (cues.length > 0 && (after === "" || labelAtStart(after) || cues.some(startsTape))) {
          for (const cue of cues) this.blocks.push({ kind: "cue", text: cue, line });
          rest = after;
          blankBefore = 0;
        }
        // A short label no one answers to, on a line that may be a wrapped sentence, needs the evidence a glued one does.
        const label = labelAtStart(rest);
        const evident = label && (!soft || glued || isFullLabel(label) || this.speakers.knows(label));
        if (label && evident) rest = this.turn(label, rest.slice(label.length), line, blankBefore, glued);
        if (rest === "") return;
      }
      const { found, kept } = nextBreak(rest, (label) => this.speakers.knows(label));
      for (const label of kept) this.keptAsWords(label, line);
      const before = (found ? rest.slice(0, found.at) : rest).trim();
      if (before !== "") this.unlabelled(before, line);
      if (!found) return;
      this.glued.push(line);
      glued = true;
      if (found.kind === "label") {
        rest = this.turn(found.label, rest.slice(found.at + found.label.length), line, 0, true);
      } else {
        this.blocks.push({ kind: "cue", text: found.text, line });
        rest = rest.slice(found.at + found.length).trim();
        atStart = true;
        blankBefore = 0;
      }
    }
  }

  /**
   * Opens a turn for a label and returns the speech after it (and after its manner).
   * `inside`: the label was found inside a paragraph, run into the text before it.
   */
  private turn(label: LabelMatch, speech: string, line: number, blankBefore: number, inside: boolean): string {
    const who = this.speakers.resolve(label, line);
    if (inside && who.first) this.newVoiceInside(who.speaker, label, line);
    if (!who.introduced) this.lostLabel(who.speaker, label, line);
    else if (who.first && !who.programme && blankBefore >= 2) this.lostSoundbite(label, line);
    const manner = matchManner(speech);
    const turn: Turn = { kind: "turn", speaker: who.speaker, ...(manner ? { manner: manner.manner.text } : {}), paragraphs: [] };
    this.blocks.push(turn);
    this.labelLines.set(turn, line);
    return (manner ? speech.slice(manner.length) : speech).trim();
  }

  /** Text without a label: more of the open turn, or of the voice before a laugh, or unattributed. */
  private unlabelled(text: string, line: number): void {
    const last = this.blocks.at(-1);
    if (last?.kind === "turn") {
      // A label that ended its line: its manner may open the next one.
      const manner = last.paragraphs.length === 0 && !last.manner ? matchManner(text) : undefined;
      if (manner) last.manner = manner.manner.text;
      const words = manner ? text.slice(manner.length).trim() : text;
      if (words !== "") last.paragraphs.push({ text: words, line });
      return;
    }
    // After (LAUGHTER) the same person goes on; after a SOUNDBITE the voice is unknown.
    const speaker = last?.kind === "cue" && !startsTape(last.text) ? lastTurn(this.blocks)?.speaker : undefined;
    this.blocks.push({ kind: "turn", ...(speaker ? { speaker } : {}), paragraphs: [{ text, line }] });
  }

  /** A label-like run in speech kept as words: a guess the editor must check. */
  private keptAsWords(label: LabelMatch, line: number): void {
    const key = label.nameText;
    this.warnings.push({
      line,
      message: `"${label.raw}:" inside the speech looks like a speaker label but was kept as words: no one called "${key}" was introduced with a full label. If a new speaker starts there, put the label at the start of its own paragraph with the full name and role (for example "FIRSTNAME ${key}, GUEST:").`,
      review: true,
    });
  }

  /** A new voice whose label was found run into the text before it: named by evidence, still worth a look. */
  private newVoiceInside(speaker: ImportedSpeaker, label: LabelMatch, line: number): void {
    this.warnings.push({
      line,
      message: `"${label.raw}:" inside the text was read as a new speaker, ${speaker.name} (the page seems to have lost a paragraph break there). Check who speaks.`,
      review: true,
    });
  }

  /** One line for all the places where a label or cue was run into the text before it. */
  private reportGlued(): void {
    if (this.glued.length === 0) return;
    const lines = [...new Set(this.glued)];
    const shown = lines.slice(0, 10).join(", ") + (lines.length > 10 ? ", …" : "");
    this.warnings.push({
      line: lines[0] ?? 1,
      message: `${this.glued.length} speaker label${this.glued.length === 1 ? " or cue was" : "s or cues were"} run into the text before ${this.glued.length === 1 ? "it" : "them"} (paragraph breaks lost) on line${lines.length === 1 ? "" : "s"} ${shown}; the turns were split there. Check who speaks.`,
      review: true,
    });
  }

  /**
   * Extra blank lines before a new voice from outside the programme are where a copied page
   * dropped its `(SOUNDBITE OF ...)` line. Put a cue back so the tape reads as tape, and say so.
   */
  private lostSoundbite(label: LabelMatch, line: number): void {
    if (this.blocks.length === 0 || this.blocks.at(-1)?.kind === "cue") return;
    this.blocks.push({ kind: "cue", text: LOST_SOUNDBITE, line });
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
    const intro = introTurns(this.blocks);
    const run = unattributedRun(this.blocks);
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

  /**
   * A label with nothing after it. `MARIA: (Speaking Spanish)` alone is untranslated speech and
   * stays a turn with its manner and no words; a bare label said nothing and is left out.
   */
  private settleEmptyTurns(): void {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const block = this.blocks[i];
      if (block?.kind !== "turn" || block.paragraphs.length > 0 || block.manner) continue;
      const line = this.labelLines.get(block);
      this.blocks.splice(i, 1);
      this.warnings.push({ ...(line ? { line } : {}), message: `The label for ${block.speaker?.name ?? "a speaker"} has no words after it; it was left out.` });
    }
  }

  /** Unattributed speech after someone was named is a guess the editor must settle. */
  private flagUnattributed(): void {
    const intro = new Set(introTurns(this.blocks));
    for (const block of this.blocks) {
      if (block.kind !== "turn" || block.speaker || intro.has(block)) continue;
      const line = block.paragraphs[0]?.line;
      this.warnings.push({
        ...(line ? { line } : {}),
        message: "Text with no speaker label after the conversation began (a label may be lost); check who speaks.",
        review: true,
      });
    }
  }

  private addTags(list: string): void {
    this.meta.tags = [...(this.meta.tags ?? []), ...splitTags(list)];
  }

  private addCopyright(text: string): void {
    this.meta.copyright = this.meta.copyright ? `${this.meta.copyright} ${text}` : text;
  }
}

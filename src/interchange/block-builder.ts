// Blocks from formats that come in paragraphs (HTML fragments, Markdown), each possibly labelled
// with its speaker: shared by those importers.

import type { ImportedBlock, ImportedParagraph, ImportedSpeaker, ImportWarning } from "./model.ts";
import { soundOnly } from "./text.ts";

type Turn = Extract<ImportedBlock, { kind: "turn" }>;

/**
 * Blocks from formats that come in paragraphs, each possibly labelled with its speaker. A label
 * starts a turn when the speaker changes (the same speaker again, or after a label with nothing
 * said, continues the turn); an unlabelled paragraph continues the voice before it; a paragraph
 * that is only a sound becomes a stand-alone cue.
 */
export class BlockBuilder {
  readonly blocks: ImportedBlock[] = [];
  readonly warnings: ImportWarning[] = [];
  private readonly speakers = new Map<string, ImportedSpeaker>();
  private turn: Turn | undefined;
  private voice: ImportedSpeaker | undefined;
  /** The latest label, until something is said after it. */
  private silent: { name: string; line: number } | undefined;

  speaker(name: string, line: number): void {
    this.warnIfSilent();
    let speaker = this.speakers.get(name);
    if (!speaker) this.speakers.set(name, (speaker = { name }));
    this.voice = speaker;
    this.silent = { name, line };
  }

  paragraph(paragraph: ImportedParagraph): void {
    if (paragraph.text === "") return;
    this.silent = undefined;
    const sound = soundOnly(paragraph.text);
    if (sound) {
      const { start, end, line } = paragraph;
      this.blocks.push({ kind: "cue", text: sound, ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }), ...(line === undefined ? {} : { line }) });
      this.turn = undefined;
      return;
    }
    if (!this.turn || this.turn.speaker !== this.voice) {
      this.turn = { kind: "turn", ...(this.voice ? { speaker: this.voice } : {}), paragraphs: [] };
      this.blocks.push(this.turn);
    }
    this.turn.paragraphs.push(paragraph);
  }

  /** A segment heading. Speech after it without a label still belongs to the voice before it. */
  heading(text: string, line?: number, start?: number): void {
    if (text === "") return;
    this.blocks.push({ kind: "heading", title: text, ...(start === undefined ? {} : { start }), ...(line === undefined ? {} : { line }) });
    this.turn = undefined;
  }

  hasSpeech(): boolean {
    return this.blocks.some((b) => b.kind !== "heading");
  }

  finish(): { blocks: ImportedBlock[]; warnings: ImportWarning[] } {
    this.warnIfSilent();
    return { blocks: this.blocks, warnings: this.warnings };
  }

  private warnIfSilent(): void {
    if (this.silent) this.warnings.push({ line: this.silent.line, message: `${this.silent.name} is named here but says nothing before the next speaker.` });
    this.silent = undefined;
  }
}

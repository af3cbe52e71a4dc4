// Who speaks each part of a caption file. A named part names its voice; a part after a dash or
// ">>" without a name is a NEW voice, numbered in order ("Unidentified speaker 1", "…2"): captions
// never say who an unnamed voice is, so it is never taken for the speaker before it nor for any
// voice heard earlier, and every unnamed voice is listed for the editor to name. A part with no
// marker continues the voice before it, as captions name a speaker on a turn's first caption only.

import { properCase } from "../../transcript/text.ts";
import type { ImportedSpeaker, ImportWarning } from "../model.ts";

/** How an unnamed voice is written: numbered so that two unnamed voices are never one speaker. */
export function unnamedVoice(n: number): string {
  return `Unidentified speaker ${n}`;
}

/** "SPEAKER_00" and the like → "Speaker 1", "Speaker 2" in order of appearance; the label is kept. */
export class VoiceTracker {
  readonly speakers = new Map<string, ImportedSpeaker>();
  readonly warnings: ImportWarning[] = [];
  /** The voice speaking now; undefined before anyone is named (an unattributed opening). */
  current: string | undefined;
  private unnamed = 0;
  private diarised = new Map<string, string>();
  /** Names by their upper case, so "ALBA:" and "[Alba]" are one voice, spelled as first written. */
  private spelled = new Map<string, string>();
  private respelled = new Map<string, string>();

  /** The voice a named part speaks in, by the name the file gives it. */
  named(name: string, diarisation?: string): string {
    if (diarisation) {
      const key = diarisation.toUpperCase();
      let voice = this.diarised.get(key);
      if (!voice) {
        voice = `Speaker ${this.diarised.size + 1}`;
        this.diarised.set(key, voice);
        this.speakers.set(voice, { name: voice, diarisation });
      }
      this.current = voice;
      return voice;
    }
    const key = name.toUpperCase();
    const voice = this.spelled.get(key) ?? name;
    this.spelled.set(key, voice);
    // "ALBA:" in capitals is the captions' style; "[Alba]" elsewhere shows how the name is spelled.
    if (/\p{Ll}/u.test(name) && !/\p{Ll}/u.test(voice)) this.respelled.set(voice, name);
    this.current = voice;
    return voice;
  }

  /**
   * The name a voice should carry: its spelling in mixed case, when the file ever gives one;
   * otherwise a name in capitals ("ALBA", all-caps broadcast captions) in proper case, as the page
   * shows names: a screen reader may spell capitals out letter by letter.
   */
  spelling(voice: string): string {
    const respelled = this.respelled.get(voice);
    if (respelled) return respelled;
    return /\p{Lu}.*\p{Lu}/u.test(voice) && !/\p{Ll}/u.test(voice) && !/\d/u.test(voice) ? properCase(voice) : voice;
  }

  /** A new voice with no name, starting at a dash or ">>" on `line`. */
  fresh(line: number, why: string): string {
    const voice = unnamedVoice(++this.unnamed);
    this.warnings.push({
      line,
      message: `${why}: a new voice with no name, written as "${voice}". Name it in the story's speakers, or change the label to the speaker's.`,
      review: true,
    });
    this.current = voice;
    return voice;
  }

  /** How many unnamed voices the file has. */
  get unnamedCount(): number {
    return this.unnamed;
  }
}

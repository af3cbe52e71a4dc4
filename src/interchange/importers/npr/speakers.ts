// Speakers: the core's registry resolves labels; this keeps the reading form per speaker.

import type { LabelMatch } from "../../../transcript/labels.ts";
import { NotationError } from "../../../transcript/errors.ts";
import type { Speaker } from "../../../transcript/model.ts";
import { SpeakerRegistry, labelKey, roleKindOf } from "../../../transcript/speakers.ts";
import { properCase } from "../../../transcript/text.ts";
import type { ImportedSpeaker, ImportWarning } from "../../model.ts";

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

export class Speakers {
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

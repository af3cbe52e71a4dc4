// Placeholder speaker names: what speech recognition calls a voice it could not name
// ("Speaker 1", "SPEAKER_00", "spk_0", "0", "Unknown Speaker"). Such a story still builds, so an
// editor can publish a draft, but the build warns at the declaration until each voice has a real
// name; the voice gets no speaker page of its own, since "Speaker 1" is someone else in every story.

import type { NotationWarning, Speaker } from "../transcript/index.ts";
import type { SpeakerDeclaration } from "../transcript/speakers.ts";
import { labelKey } from "../transcript/speakers.ts";
import { pathLine } from "./schema.ts";
import type { SplitStory } from "./front-matter.ts";

const PLACEHOLDERS = [
  // "Speaker 1", "SPEAKER_00", "spk_0", "Speaker A", "Speaker", "Participant 2".
  /^(?:speaker|spk|spkr)(?:[\s_#-]*\d{1,3}|[\s_#-]+\p{L})?$/iu,
  /^(?:voice|person|participant|talker)(?:[\s_#-]*\d{1,3}|[\s_#-]+\p{L})$/iu,
  // Otter's "Unknown Speaker", and "Unknown", "Unknown speaker 2".
  /^unknown(?:[\s_-]+speaker)?(?:[\s_#-]*\d{1,3})?$/iu,
  // Bare numbers, as some services label voices: "0", "1". (A lone letter may be a pseudonym,
  // "K"; a service's "A" comes with its diarisation label, and the import numbers it anyway.)
  /^\d{1,3}$/u,
];

/** Whether a speaker name is a placeholder a speech-recognition service gave, not a person's name. */
export function isPlaceholderName(name: string): boolean {
  const plain = name.normalize("NFC").replace(/\s+/gu, " ").trim();
  return PLACEHOLDERS.some((pattern) => pattern.test(plain));
}

/** The name a speaker reads as on the page: an undeclared "SPEAKER 1:" label is read as title "Speaker", name "1". */
function pageName(speaker: Pick<Speaker, "name" | "title">): string {
  return speaker.title ? `${speaker.title} ${speaker.name}` : speaker.name;
}

export function isPlaceholderSpeaker(speaker: Pick<Speaker, "name" | "title">): boolean {
  return isPlaceholderName(speaker.name) || isPlaceholderName(pageName(speaker));
}

/**
 * A warning for every speaker of the story still known by a placeholder name, at the line that
 * declares it in front matter (where the fix goes), or where it first speaks when undeclared.
 */
export function placeholderWarnings(split: SplitStory, declarations: Record<string, SpeakerDeclaration>, speakers: readonly Speaker[]): NotationWarning[] {
  const warnings: NotationWarning[] = [];
  for (const speaker of speakers) {
    if (!isPlaceholderSpeaker(speaker)) continue;
    const name = pageName(speaker);
    const key = Object.keys(declarations).find((k) => declarations[k]?.name === speaker.name);
    const line = key === undefined ? undefined : pathLine(split, ["speakers", key]);
    if (key !== undefined && line !== undefined) {
      warnings.push({
        line,
        message: `"${name}" is a placeholder from speech recognition, not a name, and readers would see it. Fix: give ${name} a real name in the speakers: block (${key}: { name: "Full Name" }); the transcript's labels stay as they are.`,
      });
    } else {
      const label = labelKey(name);
      warnings.push({
        line: speaker.line,
        message: `"${name}" is a placeholder from speech recognition, not a name, and readers would see it. Fix: give ${name} a real name in the speakers: block of the front matter (speakers: { "${label}": { name: "Full Name" } }); the transcript's labels stay as they are.`,
      });
    }
  }
  return warnings;
}

// Speaker labels for imported speakers, in the notation's own convention: the full label
// ("TODD COCHRANE, HOST:") on a speaker's first turn, the surname ("COCHRANE:") after that when
// it is unambiguous. A name the label cannot spell exactly ("DeShawn", "Speaker 1", "K") is
// declared in the front matter, so the page shows it as the source wrote it.

import { matchLabel } from "../../transcript/labels.ts";
import { SpeakerRegistry, type SpeakerDeclaration } from "../../transcript/speakers.ts";
import { isPlaceholderName } from "../../story/placeholder-speakers.ts";
import type { ImportedSpeaker } from "../model.ts";

export interface LabelPlan {
  /** Label for the speaker's first turn, with the role. */
  full(name: string): string;
  /** Label for later turns. */
  short(name: string): string;
  /** Front-matter `speakers:` entries for names a label cannot carry. */
  declarations: Record<string, SpeakerDeclaration>;
}

const LABEL_CHARS = /[^\p{Lu}\p{M}\d .'’&#()\-]+/gu;
const ROLE_CHARS = /[^\p{Lu}\p{M}\d .'’&#()/,\-]+/gu;

/** The identity imported speakers are merged by: the name, ignoring case and spacing. */
export function speakerKey(name: string): string {
  return name.normalize("NFC").toUpperCase().replace(/\s+/gu, " ").trim();
}

function nameLabel(name: string): string | undefined {
  const label = name.normalize("NFC").toUpperCase().replace(LABEL_CHARS, " ").replace(/\s+/gu, " ").trim();
  const capitals = label.match(/\p{Lu}/gu)?.length ?? 0;
  return capitals >= 2 && /^[\p{Lu}\d]/u.test(label) ? label : undefined;
}

function roleLabel(role: string | undefined): string | undefined {
  if (!role) return undefined;
  if (/^(reporter|byline)$/iu.test(role.trim())) return "BYLINE";
  const label = role.toUpperCase().replace(ROLE_CHARS, " ").replace(/\s+/gu, " ").trim();
  return /^[\p{Lu}\d]/u.test(label) ? label : undefined;
}

/** What the notation makes of a label on its own, to compare with what the source said. */
function readBack(label: string): { name: string; role?: string } | undefined {
  const match = matchLabel(`${label}: x`);
  if (!match) return undefined;
  try {
    const speaker = new SpeakerRegistry({}, { lenient: true, warn: () => {} }).resolve(match, 1);
    return { name: speaker.title ? `${speaker.title} ${speaker.name}` : speaker.name, ...(speaker.role ? { role: speaker.role } : {}) };
  } catch {
    return undefined;
  }
}

function sameRole(a: string | undefined, b: string | undefined): boolean {
  const norm = (r: string | undefined) => (r && /^byline$/iu.test(r) ? "reporter" : (r ?? "").toLowerCase().trim());
  return norm(a) === norm(b);
}

export function planLabels(speakers: ImportedSpeaker[], useShortLabels = true): LabelPlan {
  const byKey = new Map<string, ImportedSpeaker>();
  for (const s of speakers) if (!byKey.has(speakerKey(s.name))) byKey.set(speakerKey(s.name), s);
  const declarations: Record<string, SpeakerDeclaration> = {};
  const names = new Map<string, { full: string; plain: string; words: string[]; generic: boolean }>();
  let synthetic = 0;
  // Labels speakers' own names give, which a made-up "SPEAKER n" must not take.
  const reserved = new Set([...byKey.values()].map((s) => nameLabel(s.name)));
  for (const [key, speaker] of byKey) {
    let plain = nameLabel(speaker.name);
    const role = roleLabel(speaker.role);
    const full = plain && role ? `${plain}, ${role}` : plain;
    const read = full ? readBack(full) : undefined;
    const exact = read && read.name === speaker.name && sameRole(read.role, speaker.role);
    // A placeholder ("Speaker 1") is always declared, so an editor names it once, in front matter.
    const placeholder = isPlaceholderName(speaker.name);
    if (!plain || !exact || placeholder) {
      if (!plain || readBack(plain) === undefined) {
        do plain = `SPEAKER ${++synthetic}`;
        while (reserved.has(plain) || declarations[plain]);
      }
      declarations[plain] = {
        name: speaker.name,
        ...(speaker.role ? { role: speaker.role } : {}),
        ...(speaker.lang ? { lang: speaker.lang } : {}),
      };
    } else if (speaker.lang || (!plain.includes(" ") && !role)) {
      // A one-word label with no role reads as a short label for someone introduced earlier;
      // declaring it makes it a speaker of its own.
      declarations[plain] = { name: speaker.name, ...(speaker.role ? { role: speaker.role } : {}), lang: speaker.lang };
    }
    const generic = placeholder || /^(UNIDENTIFIED|SPEAKER \d)/u.test(plain);
    names.set(key, { full: declarations[plain] ? plain : (full ?? plain), plain, words: plain.split(" "), generic });
  }
  const shortFor = (key: string): string => {
    const entry = names.get(key);
    if (!entry) return key;
    const surname = entry.words.at(-1) ?? entry.plain;
    if (!useShortLabels || entry.generic || entry.words.length < 2 || (surname.match(/\p{Lu}/gu)?.length ?? 0) < 2) return entry.plain;
    const clash = [...names].some(([other, e]) => other !== key && (e.words.includes(surname) || e.plain === surname));
    return clash ? entry.plain : surname;
  };
  return {
    full: (name) => names.get(speakerKey(name))?.full ?? speakerKey(name),
    short: (name) => shortFor(speakerKey(name)),
    declarations,
  };
}

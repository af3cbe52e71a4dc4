// Non-speech cues: "(SOUNDBITE OF ARCHIVED BROADCAST)", "(SOUNDBITE OF BJORK SONG, "PAGAN POETRY")",
// "(LAUGHTER)", and sounds inside speech such as "(Laughter)" or "(inaudible)".

import type { Cue, CueType } from "./model.ts";
import { lowerCaseKeepingAcronyms, sentenceCase, titleCase } from "./text.ts";

const SOUND_WORDS: Record<string, CueType> = {
  laughter: "laughter", laughs: "laughter", laughing: "laughter", chuckles: "laughter", chuckling: "laughter",
  applause: "applause", clapping: "applause", crosstalk: "crosstalk", unintelligible: "unintelligible",
  inaudible: "inaudible", music: "music", sighs: "sound", sighing: "sound", coughs: "sound", coughing: "sound",
  cheering: "sound", cheers: "sound", booing: "sound", groans: "sound", gasps: "sound", crying: "sound",
  silence: "sound", pause: "sound", "long pause": "sound", "background noise": "sound", "phone rings": "sound",
  "door closes": "sound", "door opens": "sound", "bell rings": "sound", "dog barking": "sound",
  // The same sounds as transcripts in Spanish, German, French, Portuguese and Italian write them.
  risas: "laughter", risa: "laughter", "se ríe": "laughter", lachen: "laughter", lacht: "laughter",
  "gelächter": "laughter", rires: "laughter", rire: "laughter", rit: "laughter", risos: "laughter", risate: "laughter",
  aplausos: "applause", applaus: "applause", beifall: "applause", applaudissements: "applause", applausi: "applause",
  "música": "music", musik: "music", musique: "music", musica: "music",
  incomprensible: "unintelligible", "unverständlich": "unintelligible", incompréhensible: "unintelligible",
  "inaudível": "inaudible", inudibile: "inaudible", "nicht hörbar": "inaudible",
  suspira: "sound", tose: "sound", seufzt: "sound", hustet: "sound", soupire: "sound", tousse: "sound",
  silencio: "sound", stille: "sound",
};

const SOUNDBITE = /^soundbite of\s+(.+)$/iu;
const SONG = /^(?:(.*?)\s+)?song\b[\s,]*(?:["“”]([^"“”]+)["“”])?\s*(.*)$/iu;

function songCue(rest: string): Cue | undefined {
  const m = SONG.exec(rest);
  if (!m) return undefined;
  const artistText = m[1]?.trim();
  const titleText = m[2]?.trim();
  if (m[3]?.trim()) return undefined; // words after the title: not the song form
  const artist = artistText ? titleCase(artistText) : undefined;
  const title = titleText ? titleCase(titleText) : undefined;
  const text =
    `Soundbite of ${artist ? `${artist} song` : "song"}${title ? `, "${title}"` : ""}`;
  return { type: "song", text, ...(artist ? { artist } : {}), ...(title ? { title } : {}), startsTape: true };
}

/** "FILM, "THE HANGOVER"" → "film, "The Hangover"": words lower-cased, a quoted title in title case. */
function describeSoundbite(rest: string): string {
  const quoted = /^(.*?)[\s,]*["“]([^"“”]+)["”]\s*$/u.exec(rest);
  if (!quoted) return lowerCaseKeepingAcronyms(rest);
  return `${lowerCaseKeepingAcronyms(quoted[1] ?? "")}, "${titleCase(quoted[2] ?? "")}"`;
}

/** Reads the words inside a cue's parentheses; undefined when they are not a cue. */
export function parseCue(inner: string, standAlone: boolean): Cue | undefined {
  const text = inner.trim().replace(/\s+/gu, " ");
  if (text === "") return undefined;
  const soundbite = SOUNDBITE.exec(text);
  if (soundbite?.[1]) {
    const rest = soundbite[1];
    if (/^music$/iu.test(rest)) return { type: "music", text: "Soundbite of music", startsTape: true };
    return songCue(rest) ?? { type: "soundbite", text: `Soundbite of ${describeSoundbite(rest)}`, startsTape: true };
  }
  const word = SOUND_WORDS[text.toLowerCase()];
  if (word) return { type: word, text: sentenceCase(text.toLowerCase()), startsTape: false };
  // A stand-alone parenthesis in capitals is a sound the transcriber described: "(DOOR SLAMS)".
  if (standAlone && !/\p{Ll}/u.test(text) && /\p{Lu}/u.test(text)) {
    return { type: "sound", text: sentenceCase(text), startsTape: false };
  }
  return undefined;
}

/** The label a tape group gets for screen readers: "Archived broadcast", "Song: Pagan Poetry, by Björk". */
export function tapeLabel(cue: Cue): string {
  if (cue.type === "song") {
    if (cue.title && cue.artist) return `Song: ${cue.title}, by ${cue.artist}`;
    if (cue.title) return `Song: ${cue.title}`;
    return cue.artist ? `Song by ${cue.artist}` : "Song";
  }
  if (cue.type === "music") return "Music";
  const description = cue.text.replace(/^Soundbite of /u, "");
  const label = description.charAt(0).toUpperCase() + description.slice(1);
  return /broadcast|recording|tape|clip|song|audio|interview|video|speech|archive|film|movie|show|podcast|news|voicemail|call/iu.test(label)
    ? label
    : `Tape: ${label}`;
}

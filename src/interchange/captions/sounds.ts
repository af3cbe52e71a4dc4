// What a bracket in a caption holds: a sound description ("[door slams]", "(risas)", "[música]",
// "(LAUGHTER)"), a manner ("[speaking Spanish]") or perhaps a speaker's name ("[Alba]", "(ALBA)").
// Subtitles for the deaf use the same brackets for both, so this module gathers the evidence
// that tells them apart; names are decided in parts.ts with the file's own speakers as evidence.

import { parseCue } from "../../transcript/cues.ts";
import { parseManner } from "../../transcript/labels.ts";

/**
 * Words captioners write for sounds, in the languages our fixtures cover (English, Spanish,
 * German, French, Portuguese, Italian). Lower case; matched on the whole bracket or its first word.
 */
const SOUND_WORDS = new Set([
  // English, beyond the notation's own list (src/transcript/cues.ts)
  "music", "laughter", "laughs", "laughing", "applause", "cheering", "cheers", "screams", "screaming", "scream",
  "shouts", "shouting", "yells", "yelling", "whispers", "whispering", "sniffs", "sniffles", "sobs", "sobbing",
  "crying", "cries", "sighs", "sighing", "gasps", "gasping", "groans", "grunts", "coughs", "coughing", "clears",
  "chuckles", "giggles", "giggling", "snickers", "murmuring", "chattering", "chatter", "indistinct", "inaudible",
  "unintelligible", "crosstalk", "silence", "pause", "thunder", "rain", "wind", "siren", "sirens", "beep", "beeps",
  "beeping", "buzzing", "ringing", "rings", "knocking", "knocks", "footsteps", "gunshot", "gunshots", "explosion",
  "static", "dial", "phone", "doorbell", "bell", "birds", "dog", "engine", "horn", "honking", "whistle", "whistles",
  "whistling", "humming", "hums", "singing", "sings", "instrumental", "upbeat", "dramatic", "suspenseful", "tense",
  "soft", "gentle", "quiet", "loud", "distant", "background", "audience", "crowd", "door", "water", "splash",
  "breathing", "panting", "exhales", "inhales", "clapping", "claps", "snoring", "yawns", "sneezes", "hiccups",
  "theme", "jingle", "intro", "outro", "bleep", "bleeped", "censored", "silent", "laugh", "cough", "sigh",
  "sound", "sounds", "noise", "noises", "tone", "tones",
  // Spanish
  "música", "musica", "risas", "risa", "ríe", "rie", "aplausos", "aplauso", "gritos", "grito", "grita", "suspira",
  "suspiro", "tose", "tos", "llanto", "llora", "silencio", "pausa", "susurra", "susurros", "inaudible", "ininteligible",
  "murmullos", "ruido", "timbre", "teléfono", "puerta", "portazo", "lluvia", "truenos", "trueno", "sirena", "disparo",
  "disparos", "pasos", "canción", "cancion", "canta", "cantando", "tararea", "jadea", "ovación", "vítores",
  // German
  "musik", "lachen", "lacht", "gelächter", "applaus", "beifall", "klatschen", "jubel", "schreit", "schreie",
  "seufzt", "hustet", "husten", "weint", "stille", "pause", "flüstert", "unverständlich", "geräusch", "lärm",
  "klingeln", "klingelt", "telefon", "tür", "türknallen", "regen", "donner", "sirene", "schuss", "schüsse",
  "schritte", "gesang", "singt", "summt", "räuspert", "keucht", "stöhnt", "murmeln", "gemurmel",
  // French
  "musique", "rires", "rire", "rit", "applaudissements", "cris", "crie", "soupire", "soupir", "tousse", "toux",
  "pleure", "pleurs", "silence", "chuchote", "chuchotements", "inaudible", "incompréhensible", "bruit", "bruits",
  "sonnerie", "téléphone", "porte", "pluie", "tonnerre", "sirène", "coup", "pas", "chanson", "chante", "fredonne",
  "halète", "murmures", "acclamations", "huées",
  // Portuguese and Italian
  "risos", "aplausos", "música", "risate", "applausi", "musica", "silenzio",
]);

/** The first word of a description with what it describes: "door slams", "Tür knallt", "porte claque". */
const FIRST_WORD = /^[\p{L}'’-]+/u;

/** Whether bracketed words are a sound: the notation knows them, or captioners write them for sounds. */
export function isSoundWords(inner: string): boolean {
  const text = inner.trim().replace(/\s+/gu, " ");
  if (text === "") return false;
  if (parseCue(text, false)) return true;
  if (/^[♪♫\s]+$/u.test(text)) return true;
  const lower = text.toLowerCase();
  if (SOUND_WORDS.has(lower)) return true;
  const first = FIRST_WORD.exec(lower)?.[0];
  return first !== undefined && SOUND_WORDS.has(first);
}

/** "[speaking Spanish]", "(singing)", "(Through interpreter)": how a voice speaks, not a sound. */
export function isManner(inner: string): boolean {
  return parseManner(inner) !== undefined;
}

/**
 * Whether the bracket reads as a description rather than a name, on its spelling alone: lower
 * case ("door slams", "risas"), long, with digits or punctuation that names do not have.
 */
export function looksLikeDescription(inner: string): boolean {
  const text = inner.trim();
  if (isSoundWords(text)) return true;
  const words = text.split(/\s+/u);
  if (words.length > 4) return true;
  if (/[\d!?,;…"“”]/u.test(text)) return true;
  if (/^\p{Ll}/u.test(text)) return true;
  // Sentence case with more than one word, "Door slams", "Music playing": a description.
  const later = words.slice(1).filter((w) => !/^(?:de|da|del|della|di|du|dos|das|van|von|der|den|la|le|y|al|el|bin|ibn)$/u.test(w));
  if (later.some((w) => /^\p{Ll}/u.test(w))) return true;
  // A word in capitals ending like an English participle: "(SCREAMING)", "(MUSIC PLAYING)".
  return /ING\b/u.test(text) && text === text.toUpperCase();
}

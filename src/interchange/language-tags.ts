// A language as files, recognisers and editors write it, as a BCP 47 tag for the story's `lang`:
// Whisper writes "en" or "english", AssemblyAI "en_us", Amazon "en-US", a WebVTT header "en-us",
// whisper.cpp "auto" when it was told to detect and could not. Unknown values give undefined.

/** Whisper's language names (its own table, lower case) → ISO 639 codes. Aliases included. */
const WHISPER_NAMES: Record<string, string> = {
  english: "en", chinese: "zh", mandarin: "zh", german: "de", spanish: "es", castilian: "es", russian: "ru",
  korean: "ko", french: "fr", japanese: "ja", portuguese: "pt", turkish: "tr", polish: "pl", catalan: "ca",
  valencian: "ca", dutch: "nl", flemish: "nl", arabic: "ar", swedish: "sv", italian: "it", indonesian: "id",
  hindi: "hi", finnish: "fi", vietnamese: "vi", hebrew: "he", ukrainian: "uk", greek: "el", malay: "ms",
  czech: "cs", romanian: "ro", moldavian: "ro", moldovan: "ro", danish: "da", hungarian: "hu", tamil: "ta",
  norwegian: "no", thai: "th", urdu: "ur", croatian: "hr", bulgarian: "bg", lithuanian: "lt", latin: "la",
  maori: "mi", malayalam: "ml", welsh: "cy", slovak: "sk", telugu: "te", persian: "fa", latvian: "lv",
  bengali: "bn", serbian: "sr", azerbaijani: "az", slovenian: "sl", kannada: "kn", estonian: "et",
  macedonian: "mk", breton: "br", basque: "eu", icelandic: "is", armenian: "hy", nepali: "ne", mongolian: "mn",
  bosnian: "bs", kazakh: "kk", albanian: "sq", swahili: "sw", galician: "gl", marathi: "mr", punjabi: "pa",
  panjabi: "pa", sinhala: "si", sinhalese: "si", khmer: "km", shona: "sn", yoruba: "yo", somali: "so",
  afrikaans: "af", occitan: "oc", georgian: "ka", belarusian: "be", tajik: "tg", sindhi: "sd", gujarati: "gu",
  amharic: "am", yiddish: "yi", lao: "lo", uzbek: "uz", faroese: "fo", "haitian creole": "ht", haitian: "ht",
  pashto: "ps", pushto: "ps", turkmen: "tk", nynorsk: "nn", maltese: "mt", sanskrit: "sa", luxembourgish: "lb",
  letzeburgesch: "lb", myanmar: "my", burmese: "my", tibetan: "bo", tagalog: "tl", malagasy: "mg",
  assamese: "as", tatar: "tt", hawaiian: "haw", lingala: "ln", hausa: "ha", bashkir: "ba", javanese: "jv",
  sundanese: "su", cantonese: "yue",
};

/** Codes a recogniser uses that BCP 47 spells otherwise: Whisper's "jw" for Javanese. */
const CODE_FIXES: Record<string, string> = { jw: "jv" };

/** "english" → "en", "en_us" → "en-US", "pt-br" → "pt-BR"; undefined for "auto", "", or what is not a language. */
export function normaliseLanguage(raw: string | null | undefined): string | undefined {
  const value = raw?.trim().toLowerCase().replace(/_/gu, "-");
  if (!value || value === "auto" || value === "und") return undefined;
  const named = WHISPER_NAMES[value];
  if (named) return named;
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/u.test(value)) return undefined;
  const [primary = "", ...rest] = value.split("-");
  try {
    return Intl.getCanonicalLocales([CODE_FIXES[primary] ?? primary, ...rest].join("-"))[0];
  } catch {
    return undefined;
  }
}

/** Scripts written without spaces between words (Chinese, Japanese, Thai…): recognisers' words join without spaces. */
const UNSPACED = new Set(["zh", "ja", "th", "lo", "km", "my", "yue", "bo"]);

/** Whether a language's words are written without spaces between them. */
export function writtenWithoutSpaces(lang: string | undefined): boolean {
  return UNSPACED.has(lang?.split("-")[0] ?? "");
}

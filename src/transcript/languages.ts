// Language names as they appear in "(Speaking X)" → BCP 47 tags for the `lang` attribute.

const LANGUAGES: Record<string, string> = {
  afrikaans: "af", albanian: "sq", amharic: "am", arabic: "ar", armenian: "hy", bengali: "bn",
  bosnian: "bs", bulgarian: "bg", burmese: "my", cantonese: "yue", catalan: "ca", chinese: "zh",
  croatian: "hr", czech: "cs", danish: "da", dari: "prs", dutch: "nl", english: "en", estonian: "et",
  farsi: "fa", filipino: "fil", finnish: "fi", french: "fr", georgian: "ka", german: "de", greek: "el",
  gujarati: "gu", "haitian creole": "ht", hausa: "ha", hebrew: "he", hindi: "hi", hungarian: "hu",
  icelandic: "is", igbo: "ig", indonesian: "id", irish: "ga", italian: "it", japanese: "ja",
  kazakh: "kk", khmer: "km", korean: "ko", kurdish: "ku", lao: "lo", latin: "la", latvian: "lv",
  lithuanian: "lt", macedonian: "mk", malay: "ms", mandarin: "cmn", marathi: "mr", mongolian: "mn",
  nepali: "ne", norwegian: "no", pashto: "ps", persian: "fa", polish: "pl", portuguese: "pt",
  punjabi: "pa", quechua: "qu", romanian: "ro", russian: "ru", serbian: "sr", sinhala: "si",
  slovak: "sk", slovenian: "sl", somali: "so", spanish: "es", swahili: "sw", swedish: "sv",
  tagalog: "tl", tamil: "ta", telugu: "te", thai: "th", tigrinya: "ti", turkish: "tr",
  ukrainian: "uk", urdu: "ur", uzbek: "uz", vietnamese: "vi", welsh: "cy", wolof: "wo",
  yiddish: "yi", yoruba: "yo", zulu: "zu",
};

/** "Spanish" → "es"; undefined when the language is not known. */
export function languageTag(name: string): string | undefined {
  return LANGUAGES[name.trim().toLowerCase().replace(/\s+/g, " ")];
}

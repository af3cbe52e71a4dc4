// Words that end in a colon in prose, show notes and captions, and are not speakers: "NOTE:",
// "BREAKING NEWS:", "Remember:", "Wichtig:". One list for the notation's label-like lint and the
// importers: such words have a label's shape but introduce no one.

/** Lower case, spaces single. */
export const PROSE_HEADINGS: ReadonlySet<string> = new Set([
  "note", "notes", "nb", "warning", "caution", "important", "example", "examples", "update", "updated", "edit",
  "question", "questions", "answer", "answers", "q", "a", "tip", "tips", "step", "rule", "reminder", "disclaimer",
  "summary", "source", "sources", "credit", "credits", "transcript", "chapter", "part", "episode", "season",
  "title", "subject", "topic", "correction", "spoiler", "hint", "fact", "lesson", "problem", "solution", "result",
  "results", "conclusion", "introduction", "intro", "outro", "agenda", "today", "yesterday", "tomorrow", "now",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "listen", "look", "remember",
  "yes", "no", "okay", "ok", "so", "well", "also", "plus", "and", "but", "or", "then", "first", "second",
  "third", "finally", "next", "bonus", "news", "weather", "sports", "traffic", "music", "time", "date",
  "location", "website", "email", "phone", "address", "contact", "sponsor", "ad", "advertisement", "translation",
  "fun fact", "pro tip", "bottom line", "breaking news", "quick tip", "side note",
  // Spoken English that often ends in a colon: "Honestly: no." "Here's the thing: ..."
  "honestly", "seriously", "basically", "anyway", "wait", "hey", "oh", "yeah", "right", "sure", "fine", "good",
  "great", "exactly", "true", "false", "why", "what", "how", "who", "when", "where", "because", "whatever",
  "please", "sorry", "thanks", "hello", "hi", "imagine", "think", "consider", "guess", "spoiler alert", "story",
  "the rule", "the point", "the thing", "the problem", "the answer", "the question", "the truth", "the catch",
  // Spanish, German, French prose words before a colon
  "nota", "ojo", "atención", "aviso", "pregunta", "respuesta", "importante", "ejemplo", "recuerda", "recuerde",
  "mira", "oye", "bueno", "pues", "entonces", "primero", "segundo", "resumen", "fuente", "hoy", "ahora", "ojo al dato",
  "hinweis", "achtung", "frage", "antwort", "wichtig", "beispiel", "also", "hör", "schau", "zusammenfassung",
  "quelle", "heute", "jetzt", "erstens", "zweitens", "tipp", "vorsicht", "anmerkung",
  "attention", "remarque", "réponse", "exemple", "rappel", "écoute", "écoutez", "regarde", "regardez", "bon",
  "alors", "donc", "voilà", "résumé", "aujourd'hui", "maintenant", "d'abord", "ensuite", "enfin", "astuce",
]);

/**
 * Words no name holds, in the languages the importers meet: a verb or a pronoun makes the words
 * before a colon a sentence ("THE RULE IS SIMPLE:", "WE ARE LIVE:"), as all-caps captions write
 * them. Articles and "of" stay out: "THE ROLLING STONES", "PRINCE OF WALES" are names.
 */
const SENTENCE_WORDS = new Set([
  "is", "are", "was", "were", "be", "been", "am", "it", "it's", "its", "this", "that", "these", "those", "we",
  "you", "he", "she", "they", "i", "i'm", "my", "your", "our", "their", "his", "her", "do", "does", "did", "not",
  "ist", "sind", "war", "wir", "ich", "sie", "est", "sont", "nous", "vous", "je", "il", "elle", "es", "son", "está",
]);

/**
 * Whether words before a colon introduce no one: a prose heading, whole and in any case
 * ("BREAKING NEWS"), or a sentence ("THE RULE IS SIMPLE").
 */
export function isProseHeading(words: string): boolean {
  const lower = words.toLowerCase().replace(/[’]/gu, "'").replace(/\s+/gu, " ").trim();
  return PROSE_HEADINGS.has(lower) || lower.split(" ").some((w) => SENTENCE_WORDS.has(w));
}

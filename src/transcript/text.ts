// Case and slug helpers for text that arrives in capitals: broadcast labels and cues.
// Screen readers may spell out words in capitals, so names and cues are rendered in
// proper case and styled as capitals with CSS when a design wants that look.

/** Abbreviations that are written with a capital and lower-case letters. */
const ABBREVIATIONS = new Map(
  ["MR", "MRS", "MS", "DR", "ST", "SR", "JR", "LT", "SGT", "GEN", "GOV", "SEN", "REP", "PVT", "CPL",
    "CAPT", "COL", "CMDR", "ADM", "REV", "PROF", "FR", "MT", "FT", "VS"].map((a) => [a, a[0] + a.slice(1).toLowerCase()]),
);

/** Whether a word is a title or abbreviation written with a full stop ("Dr", "SEN", "Mr"), in any case. */
export function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toUpperCase());
}

/** Words that stay in capitals although they contain vowels. */
const ACRONYMS = new Set([
  "ABC", "ACLU", "AI", "AIDS", "AP", "BBC", "CBS", "CDC", "CEO", "CFO", "CIA", "CNN", "COO", "CTO", "DEA",
  "DJ", "EU", "FAA", "FBI", "FEMA", "EPA", "HIV", "ICE", "II", "III", "IV", "IX", "MC", "MTV", "NASA", "NATO",
  "NBA", "NBC", "NFL", "NHL", "NHS", "NPR", "NYPD", "OK", "PBS", "UCLA", "UK", "UN", "UNESCO", "UNICEF",
  "US", "USA", "VI", "VII", "VIII", "WHO", "XI", "XII",
]);

/** Particles that stay lower-case inside a personal name ("Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set(["van", "von", "de", "der", "den", "del", "della", "da", "di", "du", "la", "le", "ter", "ten", "bin", "ibn", "y"]);

/** Words that stay lower-case inside a title unless they open it. */
const TITLE_SMALL_WORDS = new Set(["a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to", "up", "via", "with"]);

const LETTER = /\p{L}/u;
const VOWEL = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ]/iu;

/** True when a word written in capitals should stay so: acronyms, initials, words with no vowel. */
export function isAcronym(word: string): boolean {
  const bare = word.replace(/[^\p{L}\d.]/gu, "");
  if (bare === "") return false;
  const upper = bare.toUpperCase();
  const core = upper.replace(/\./g, "");
  if (ABBREVIATIONS.has(core)) return false;
  if (ACRONYMS.has(core)) return true;
  if (/^(\p{Lu}\.)+\p{Lu}?\.?$/u.test(upper) && core.length > 0) return true; // U.S., J.R.
  return core.length > 1 && !VOWEL.test(core) && /^\p{Lu}+$/u.test(core);
}

function capitalise(part: string): string {
  const i = part.search(LETTER);
  if (i < 0) return part;
  return part.slice(0, i) + part.charAt(i).toUpperCase() + part.slice(i + 1).toLowerCase();
}

/** A word of a name that stays in capitals: a known acronym or initials ("DJ", "J.R."), never a
 *  short surname that merely lacks vowels ("NG"). */
function isNameAcronym(word: string): boolean {
  const core = word.replace(/[^\p{L}\d.]/gu, "").toUpperCase();
  return ACRONYMS.has(core.replace(/\./g, "")) || /^(\p{Lu}\.)+\p{Lu}?\.?$/u.test(core);
}

/** One word of a name in proper case: "MCDONALD" → "McDonald", "O'BRIEN" → "O'Brien", "JR." → "Jr.". */
function properWord(word: string, keep: (word: string) => boolean = isNameAcronym): string {
  if (!/\p{Lu}/u.test(word) || /\p{Ll}/u.test(word)) return word; // already mixed or no letters
  const core = word.replace(/[^\p{L}]/gu, "");
  const abbreviation = ABBREVIATIONS.get(core);
  if (abbreviation !== undefined) return word.replace(core, abbreviation);
  if (keep(word)) return word;
  return word
    .split(/(?<=[-'’])/u)
    .map((part) => {
      const cased = capitalise(part);
      return /^Mc\p{L}{2,}/u.test(cased) ? `Mc${capitalise(cased.slice(2))}` : cased;
    })
    .join("");
}

/** A personal or group name in proper case: "BRIAN MANN" → "Brian Mann". */
export function properCase(text: string): string {
  const words = text.trim().split(/\s+/u);
  return words
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (i > 0 && i < words.length - 1 && NAME_PARTICLES.has(lower) && word === word.toUpperCase()) return lower;
      return properWord(word);
    })
    .join(" ");
}

/** A title of a work in title case: "PAGAN POETRY" → "Pagan Poetry", "THE SOUND OF SILENCE" → "The Sound of Silence". */
export function titleCase(text: string): string {
  const words = text.trim().split(/\s+/u);
  return words
    .map((word, i) => {
      if (/\p{Ll}/u.test(word)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && i < words.length - 1 && TITLE_SMALL_WORDS.has(lower)) return lower;
      return properWord(word, isAcronym);
    })
    .join(" ");
}

/** Running text in sentence case, keeping acronyms: "ARCHIVED CBS BROADCAST" → "Archived CBS broadcast". */
export function sentenceCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return text.charAt(0).toUpperCase() + text.slice(1);
  const words = text.trim().split(/\s+/u).map((word) => (isAcronym(word) ? word : word.toLowerCase()));
  const first = words[0] ?? "";
  if (!isAcronym(first)) words[0] = capitalise(first);
  return words.join(" ");
}

/** Lower case except acronyms: "VICE PRESIDENTIAL CANDIDATE" → "vice presidential candidate". */
export function lowerCaseKeepingAcronyms(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  return text.trim().split(/\s+/u).map((word) => (isAcronym(word) ? word : word.toLowerCase())).join(" ");
}

/** A URL- and id-safe slug: "Björk Guðmundsdóttir" → "bjork-gudmundsdottir". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ð/g, "d")
    .replace(/[þ]/g, "th")
    .replace(/[æ]/g, "ae")
    .replace(/[ø]/g, "o")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Whitespace inside trimmed text that `collapseSpaces` would change: any but single spaces. */
const LOOSE_SPACE = /[^\S ]| {2}/u;

/**
 * Runs of whitespace as one space, ends trimmed (`text.replace(/\s+/gu, " ").trim()`: trimming
 * first is the same, as trim() and \s take the same characters). Most text is already so
 * (paragraphs are collapsed once, when read), and a test is cheaper than a replace that rebuilds
 * the string at every space.
 */
export function collapseSpaces(text: string): string {
  const trimmed = text.trim();
  return LOOSE_SPACE.test(trimmed) ? trimmed.replace(/\s+/gu, " ") : trimmed;
}

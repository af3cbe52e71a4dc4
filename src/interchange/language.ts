// The language of an imported transcript, so a screen reader reads it with the right voice. Taken
// from what the editor says (--lang), else from what the file says (a WebVTT `Language:` header, a
// JSON `language` field, a recogniser's detected language), else detected from the words with ELD
// (eld on npm: n-gram tables shipped in the package, no network, good on short text). A transcript
// never silently takes a language: when the words are too few or too mixed to tell, the importer
// says so and the story is left to the site's language.
//
// Speakers are checked too: a voice whose words read clearly as another language (an interview in
// Spanish inside an English story) gets that language, flagged for review.

import { eld } from "eld/medium";
import { normaliseLanguage } from "./language-tags.ts";
import type { ImportedBlock, ImportedSpeaker, ImportedTranscript, ImportWarning } from "./model.ts";

export type LanguageSource = "option" | "file" | "detected" | "unknown";

export interface LanguageDecision {
  /** BCP 47 tag, or undefined when it could not be told. */
  lang?: string;
  source: LanguageSource;
}

/** A paragraph needs this many letters to vote; fewer ("Yeah.", "Sí.") tell nothing. */
const MIN_LETTERS = 20;
/** The story needs this many letters of speech in all before a detection is trusted. */
const MIN_TOTAL_LETTERS = 60;
/** Share of the letters the leading language must hold for the story to be in it. */
const DOMINANT_SHARE = 0.6;
/** A speaker's own words need this many letters, and this share, to give them another language. */
const SPEAKER_MIN_LETTERS = 120;
const SPEAKER_SHARE = 0.8;
/** A file's declared language is questioned only when the words say otherwise this clearly. */
const MISMATCH_SHARE = 0.85;
/** At most this many letters are read: enough to tell, and a long file does not take long. */
const MAX_LETTERS = 40_000;

const LETTER = /\p{L}/gu;

/** The language names a reader knows, for messages: "es" → "Spanish". */
const display = new Intl.DisplayNames(["en"], { type: "language" });
export function languageName(tag: string): string {
  try {
    return display.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The primary language subtag: "pt-BR" → "pt". */
function primary(tag: string): string {
  return tag.split("-")[0]?.toLowerCase() ?? tag;
}

/** Speech without the sounds and notes: "(laughs)", "[inaudible]" say nothing of the language. */
function speechOf(text: string): string {
  return text.replace(/\([^()]*\)|\[[^[\]]*\]/gu, " ");
}

function letters(text: string): number {
  return text.match(LETTER)?.length ?? 0;
}

interface Tally {
  /** Letters per detected language. */
  byLang: Map<string, number>;
  total: number;
}

/** Each paragraph votes for its language with the number of its letters. */
function tally(paragraphs: Iterable<string>): Tally {
  const byLang = new Map<string, number>();
  let total = 0;
  for (const paragraph of paragraphs) {
    if (total >= MAX_LETTERS) break;
    const text = speechOf(paragraph);
    const count = letters(text);
    if (count < MIN_LETTERS) continue;
    const result = eld.detect(text);
    total += count;
    if (!result.language || !result.isReliable()) continue;
    byLang.set(result.language, (byLang.get(result.language) ?? 0) + count);
  }
  return { byLang, total };
}

/** The language holding the most letters, and its share of all the letters read. */
function leader(t: Tally): { lang: string; share: number } | undefined {
  let best: [string, number] | undefined;
  for (const entry of t.byLang) if (!best || entry[1] > best[1]) best = entry;
  return best && t.total > 0 ? { lang: best[0], share: best[1] / t.total } : undefined;
}

function paragraphsOf(blocks: readonly ImportedBlock[], speaker?: ImportedSpeaker): string[] {
  return blocks.flatMap((b) => (b.kind === "turn" && (speaker === undefined || b.speaker === speaker) ? b.paragraphs.map((p) => p.text) : []));
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Settles the transcript's language (meta.lang) and each speaker's, and returns where the story's
 * came from. Warnings go into the transcript's warnings.
 */
export function settleLanguage(transcript: ImportedTranscript, option?: string): LanguageDecision {
  const warnings = transcript.warnings;
  const fromFile = normaliseLanguage(transcript.meta.lang);
  const detected = tally(paragraphsOf(transcript.blocks));
  const lead = detected.total >= MIN_TOTAL_LETTERS ? leader(detected) : undefined;

  let decision: LanguageDecision;
  if (option) decision = { lang: option, source: "option" };
  else if (fromFile) decision = { lang: fromFile, source: "file" };
  else if (lead && lead.share >= DOMINANT_SHARE) decision = { lang: lead.lang, source: "detected" };
  else decision = bilingual(transcript.blocks, detected, warnings) ?? { source: "unknown" };

  if (decision.lang) transcript.meta.lang = decision.lang;
  else delete transcript.meta.lang;

  if (decision.source === "unknown") {
    const guess = lead ? ` (the words read most like ${languageName(lead.lang)}, ${percent(lead.share)} of them)` : "";
    const why = detected.total < MIN_TOTAL_LETTERS ? "there are too few words to tell it from" : "the words are in more than one language";
    warnings.push({
      message: `The file does not say its language and ${why}${guess}; the story will be read in the site's language. Pass --lang (for example --lang en) to set it.`,
      review: true,
    });
  } else if (decision.lang && lead && lead.share >= MISMATCH_SHARE && primary(lead.lang) !== primary(decision.lang)) {
    const said = decision.source === "option" ? "--lang says" : "the file says";
    warnings.push({
      message: `${said} the language is ${languageName(decision.lang)} (${decision.lang}), but ${percent(lead.share)} of the words read as ${languageName(lead.lang)} (${lead.lang}); check, and pass --lang ${lead.lang} if ${decision.source === "option" ? "that was meant" : "the file is wrong"}.`,
      review: true,
    });
  }
  if (decision.lang) settleSpeakers(transcript.blocks, decision.lang, warnings);
  return decision;
}

/** Each speaker's own language, where their words are enough and clearly in one language. */
function speakerLanguages(blocks: readonly ImportedBlock[]): Map<ImportedSpeaker, { lang: string; share: number }> {
  const out = new Map<ImportedSpeaker, { lang: string; share: number }>();
  const speakers = new Set<ImportedSpeaker>();
  for (const b of blocks) if (b.kind === "turn" && b.speaker) speakers.add(b.speaker);
  for (const speaker of speakers) {
    const own = tally(paragraphsOf(blocks, speaker));
    if (own.total < SPEAKER_MIN_LETTERS) continue;
    const lead = leader(own);
    if (lead && lead.share >= SPEAKER_SHARE) out.set(speaker, lead);
  }
  return out;
}

/**
 * A story in two languages with each voice in one of them (an interview through an interpreter, a
 * host and a guest who each keep to their own): the story takes the language of the first voice
 * that clearly speaks one, and the other voices get theirs. Undefined when the voices are mixed too.
 */
function bilingual(blocks: readonly ImportedBlock[], detected: Tally, warnings: ImportWarning[]): LanguageDecision | undefined {
  const languages = speakerLanguages(blocks);
  const consistent = [...languages.keys()];
  const voiced = new Set(blocks.flatMap((b) => (b.kind === "turn" && b.speaker ? [b.speaker] : [])));
  const mixed = [...voiced].some((s) => !languages.has(s) && letters(paragraphsOf(blocks, s).join(" ")) >= SPEAKER_MIN_LETTERS);
  const first = consistent[0];
  const lang = first ? languages.get(first)?.lang : undefined;
  if (!first || !lang || mixed) return undefined;
  const shares = [...detected.byLang].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${languageName(l)} ${percent(n / detected.total)}`);
  warnings.push({
    message: `The words are in more than one language (${shares.join(", ")}); the story is taken to be in ${languageName(lang)}, the language of ${first.name}, who speaks first. Check, and pass --lang if it is not.`,
    review: true,
  });
  return { lang, source: "detected" };
}

/** Gives a speaker whose words are clearly in another language that language, for review. */
function settleSpeakers(blocks: readonly ImportedBlock[], storyLang: string, warnings: ImportWarning[]): void {
  for (const [speaker, lead] of speakerLanguages(blocks)) {
    if (speaker.lang || primary(lead.lang) === primary(storyLang)) continue;
    speaker.lang = lead.lang;
    const first = blocks.find((b) => b.kind === "turn" && b.speaker === speaker);
    const line = first?.kind === "turn" ? first.paragraphs[0]?.line : undefined;
    warnings.push({
      ...(line ? { line } : {}),
      message: `${speaker.name} speaks ${languageName(lead.lang)} (${percent(lead.share)} of their words), so their turns are marked lang="${lead.lang}"; check.`,
      review: true,
    });
  }
}

// The last step of every speech-recognition importer: words → blocks through the shared core,
// the language the file reports, and an ImportError when nothing was said at all.

import { ImportError, type ImportFormat, type ImportSource, type ImportedTranscript, type ImportWarning } from "../../model.ts";
import { normaliseLanguage } from "../../language-tags.ts";
import { tokensToBlocks, type AsrOptions, type AsrToken } from "./words.ts";

export interface AsrFileFacts extends AsrOptions {
  /** The language field as the file writes it ("english", "en_us"). */
  language?: string | null;
  /** The JSON path of the language field, for the warning when it cannot be read. */
  languagePath?: string;
  /** Length of the audio in seconds, when the file says. */
  duration?: number | null;
  /** Warnings the importer gathered while reading. */
  warnings?: ImportWarning[];
  /** Where the words should have been, for the error when there are none. */
  emptyLine?: number;
  /** Says where the words are in this format, for the error when there are none. */
  emptyFix: string;
}

/** Builds the ImportedTranscript from the importer's tokens. */
export function asrTranscript(format: ImportFormat, source: ImportSource, tokens: AsrToken[], facts: AsrFileFacts, lines: Map<string, number>): ImportedTranscript {
  const result = tokensToBlocks(tokens, facts);
  if (result.blocks.length === 0) {
    throw new ImportError(source.file, facts.emptyLine, "The transcript has no words in it.", facts.emptyFix);
  }
  const warnings = [...(facts.warnings ?? []), ...result.warnings];
  const transcript: ImportedTranscript = { format, meta: {}, blocks: result.blocks, warnings };
  const lang = normaliseLanguage(facts.language);
  if (lang) transcript.meta.lang = lang;
  else if (facts.language && facts.language.trim() && facts.language.trim().toLowerCase() !== "auto") {
    const line = facts.languagePath ? lines.get(facts.languagePath) : undefined;
    warnings.push({ ...(line ? { line } : {}), message: `The language "${facts.language}" is not a language Verbatim recognises; the story has no lang. Pass --lang with a BCP 47 tag such as "en" or "es".` });
  }
  if (facts.duration && facts.duration > 0) transcript.meta.duration = facts.duration;
  return transcript;
}

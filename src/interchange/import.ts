// One transcript in, one story file out: decode the bytes, recognise the format from the
// content, read it, and write it in the notation. No file system here; see import-files.ts.

import { slugify, titleCase } from "../transcript/text.ts";
import { flagLowConfidence } from "./confidence.ts";
import { decodeBytes } from "./decode.ts";
import { detectImporter, IMPORTERS, importerFor } from "./importers/index.ts";
import { settleLanguage, type LanguageDecision } from "./language.ts";
import { ImportError, type ImportFormat, type ImportedTranscript, type ImportWarning } from "./model.ts";
import { summariseWarnings } from "./warnings.ts";
import type { SpeakerNaming } from "./speaker-mapping.ts";
import { nameSpeakers } from "./speaker-names.ts";
import { writeStoryFile, type WrittenStory } from "./writer/story-file.ts";

export interface ImportOptions {
  show?: string;
  title?: string;
  /** YYYY-MM-DD; the source's own date or today otherwise. */
  date?: string;
  /** BCP 47 language of the transcript, when the source does not say (Podlove, SRT never do). */
  lang?: string;
  /** Skip detection and read the input as this format. */
  format?: ImportFormat;
  /** Today's date, YYYY-MM-DD, for stories the source gives no date. */
  today: string;
  /** Words a recogniser gives a confidence below this (0–1) are listed for review; 0 lists none. Default in confidence.ts. */
  minConfidence?: number;
  /** Names for the file's voices, from --speakers (see speaker-mapping.ts). */
  speakers?: readonly SpeakerNaming[];
}

export interface ImportedStory {
  file: string;
  format: ImportFormat;
  formatName: string;
  encoding: string;
  /** File name for the story, without ".md". */
  slug: string;
  title: string;
  story: WrittenStory;
  transcript: ImportedTranscript;
  /** The story's language and where it came from: --lang, the file, detection, or unknown. */
  language: LanguageDecision;
  /** For the terminal: repeats summarised (warnings.ts). Every warning is in transcript.warnings. */
  warnings: ImportWarning[];
}

/** "rookie-mistakes_2024-01.vtt" → "Rookie Mistakes 2024 01". */
export function titleFromFileName(file: string): string {
  const base = file.split(/[\\/]/u).at(-1)?.replace(/\.[^.]+$/u, "") ?? file;
  return titleCase(base.replace(/[-_.]+/gu, " ").trim().toUpperCase());
}

function formatList(): string {
  return IMPORTERS.map((i) => i.name).join(", ");
}

export function importTranscript(bytes: Uint8Array, file: string, options: ImportOptions): ImportedStory {
  const decoded = decodeBytes(bytes);
  const source = { file, text: decoded.text };
  if (source.text.trim() === "") throw new ImportError(file, undefined, "The file is empty.", "check that it is the transcript you meant to import.");
  const importer = options.format ? importerFor(options.format) : detectImporter(source);
  if (!importer) {
    throw new ImportError(file, undefined, "This file is not in a transcript format Verbatim can read.", `Verbatim reads ${formatList()}; pass --format if the file is one of them.`);
  }
  // Steps after reading, each on the whole transcript, in this order.
  const transcript = nameSpeakers(importer.read(source), file, options.speakers);
  const language = settleLanguage(transcript, options.lang);
  flagLowConfidence(transcript, options.minConfidence);
  const show = options.show ?? transcript.meta.show;
  if (!show) throw new ImportError(file, undefined, "The story needs a show, and the file does not name one.", 'pass --show "Show name".');
  const title = options.title ?? transcript.meta.title ?? titleFromFileName(file);
  const slug = slugify(title);
  if (!slug) throw new ImportError(file, undefined, `The title "${title}" has no letters or digits to name the story file after.`, "pass --title with a title in words.");
  const story = writeStoryFile(transcript, {
    title,
    show,
    date: options.date ?? transcript.meta.date ?? options.today,
    source: file.split(/[\\/]/u).at(-1) ?? file,
    formatName: importer.name,
  });
  return { file, format: importer.format, formatName: importer.name, encoding: decoded.encoding, slug, title, story, transcript, language, warnings: summariseWarnings(transcript.warnings) };
}

// Words the recogniser was unsure of, listed for the editor: each run of words below the
// threshold becomes one "Check before publishing" line with the time to listen at and the
// source line, `0:42.3 "Maya Ortiz" (confidence 0.31–0.44)`.
//
// Default threshold 0.5. Every format read here gives word confidence as a 0–1 probability
// that the word is right (Deepgram documents its word confidence as a calibrated probability;
// AssemblyAI, Amazon Transcribe and Rev.ai give 0–1 scores where higher is more likely correct;
// Whisper's word probability is the mean probability of the word's tokens, WhisperX's score
// the aligner's). Below 0.5 the recogniser itself rates the word more likely wrong than right:
// that is the point where an editor should listen rather than trust. Names, which matter most,
// are what recognisers most often get wrong, and they fall below it first.
//
// A long file of noisy audio can have hundreds of such runs, which would bury everything else:
// a story lists at most MAX_LISTED runs, the least certain ones (shown in time order), and one
// line more says how many were left out and how to see fewer or more.

import { clockText } from "./importers/asr/clock.ts";
import type { ImportedTranscript, ImportedWord, ImportWarning } from "./model.ts";

/** Words below this confidence are listed for review unless --min-confidence says otherwise. */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** At most this many runs of doubtful words are listed per story. */
export const MAX_LISTED = 20;

/** Words shown of a long run before "…". */
const RUN_WORDS = 8;

/** A run of consecutive doubtful words in one paragraph. */
interface DoubtfulRun {
  words: ImportedWord[];
  /** Where to listen: the first word's start, or its paragraph's when the word has no time. */
  at?: number;
  line?: number;
  lowest: number;
  highest: number;
}

/**
 * Adds review warnings for the transcript's low-confidence words. Does nothing for formats
 * without word confidence, or when the threshold is 0.
 */
export function flagLowConfidence(transcript: ImportedTranscript, minConfidence = DEFAULT_MIN_CONFIDENCE): void {
  transcript.warnings.push(...lowConfidenceWarnings(transcript, minConfidence));
}

/** The review warnings for words below minConfidence: a heading line, one per run, and the count left out. */
export function lowConfidenceWarnings(transcript: ImportedTranscript, minConfidence = DEFAULT_MIN_CONFIDENCE): ImportWarning[] {
  if (!(minConfidence > 0)) return [];
  const runs = doubtfulRuns(transcript, minConfidence);
  if (runs.length === 0) return [];
  const listed = runs.length > MAX_LISTED ? leastCertain(runs, MAX_LISTED) : runs;
  const warnings: ImportWarning[] = [
    {
      message: `The recogniser was unsure of ${runs.length === 1 ? "one passage" : `${runs.length} passages`} (word confidence below ${minConfidence}): listen at ${runs.length === 1 ? "this time" : "these times"} and correct the words.`,
      review: true,
    },
  ];
  for (const run of listed) warnings.push({ ...(run.line ? { line: run.line } : {}), message: describeRun(run), review: true });
  const left = runs.length - listed.length;
  if (left > 0) {
    warnings.push({
      message: `…and ${left} more passage${left === 1 ? "" : "s"} below ${minConfidence}, not listed (the ${listed.length} least certain are). Pass a lower --min-confidence to list only the least certain words.`,
      review: true,
    });
  }
  return warnings;
}

/** Consecutive words below the threshold, run by run, in the transcript's order. */
function doubtfulRuns(transcript: ImportedTranscript, minConfidence: number): DoubtfulRun[] {
  const runs: DoubtfulRun[] = [];
  for (const block of transcript.blocks) {
    if (block.kind !== "turn") continue;
    for (const paragraph of block.paragraphs) {
      let run: DoubtfulRun | undefined;
      for (const word of paragraph.words ?? []) {
        const c = word.confidence;
        if (c === undefined || c >= minConfidence) {
          run = undefined;
          continue;
        }
        if (!run) {
          const at = word.start ?? paragraph.start;
          const line = word.line ?? paragraph.line;
          run = { words: [], lowest: c, highest: c, ...(at !== undefined ? { at } : {}), ...(line ? { line } : {}) };
          runs.push(run);
        }
        run.words.push(word);
        run.lowest = Math.min(run.lowest, c);
        run.highest = Math.max(run.highest, c);
      }
    }
  }
  return runs;
}

/** The `count` runs with the lowest confidence, back in time order. */
function leastCertain(runs: DoubtfulRun[], count: number): DoubtfulRun[] {
  const chosen = new Set(
    runs
      .map((run, index) => ({ run, index }))
      .sort((a, b) => a.run.lowest - b.run.lowest || a.index - b.index)
      .slice(0, count)
      .map((x) => x.run),
  );
  return runs.filter((run) => chosen.has(run));
}

/** `0:42.3 "Maya Ortiz" (confidence 0.31–0.44)`. */
function describeRun(run: DoubtfulRun): string {
  const texts = run.words.map((w) => w.text);
  const quoted = texts.length > RUN_WORDS ? `${texts.slice(0, RUN_WORDS).join(" ")}…` : texts.join(" ");
  const score = run.lowest === run.highest ? score2(run.lowest) : `${score2(run.lowest)}–${score2(run.highest)}`;
  return `${run.at !== undefined ? clockText(run.at) : "(no time)"} "${quoted}" (confidence ${score})`;
}

/** 0.3127 → "0.31". */
function score2(value: number): string {
  return (Math.floor(value * 100 + 1e-9) / 100).toFixed(2);
}

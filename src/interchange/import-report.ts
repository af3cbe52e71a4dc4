// What the import command prints for each file: where it went, then the facts an editor checks
// before publishing (format, language and where it came from, speakers, turns, cues, timing, and
// how many speaker labels are left inside speech), then every warning with its line. A loss is
// never hidden: a label left inside speech is a warning at its line in the written story.

import type { ImportResult } from "./import-files.ts";
import { languageName, type LanguageDecision } from "./language.ts";

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** "Spanish (es, detected)", "language unknown". */
export function languageFact(language: LanguageDecision): string {
  if (!language.lang) return "language unknown";
  const from = { option: "--lang", file: "from the file", detected: "detected", unknown: "" }[language.source];
  return `${languageName(language.lang)} (${language.lang}, ${from})`;
}

/** The lines printed for one file, its position among `total` shown when there are several. */
export function describeResult(result: ImportResult, index: number, total: number): string {
  const position = total > 1 ? `[${index + 1}/${total}] ` : "";
  if (!result.ok) {
    const { file, line, problem, fix } = result.error;
    return `${position}${file}${line ? `:${line}` : ""}: error: ${problem}\n  fix: ${fix}`;
  }
  const { imported, output } = result;
  const { story } = imported;
  const cues = imported.transcript.blocks.filter((b) => b.kind === "cue").length;
  const facts = [
    imported.formatName,
    languageFact(imported.language),
    count(story.speakers.length, "speaker"),
    count(story.turns, "turn"),
    count(cues, "cue"),
    story.timed ? "timed" : "untimed",
    `${count(story.labelLike.length, "label-like string")} left in speech`,
  ];
  const lines = [`${position}${result.input} → ${output}${result.replaced ? " (replaced)" : ""}  ${facts.join(" · ")}`];
  if (story.speakers.length) lines.push(`  speakers: ${story.speakers.join(", ")}`);
  for (const w of imported.warnings) lines.push(`  ${result.input}${w.line ? `:${w.line}` : ""}: ${w.review ? "check" : "warning"}: ${w.message}`);
  // Where the written story still has a speaker label inside speech, by the story's own line.
  for (const w of story.labelLike) lines.push(`  ${output}:${w.line}: warning: ${w.message}`);
  return lines.join("\n");
}

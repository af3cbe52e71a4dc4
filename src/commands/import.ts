// `npm run import` as a function (scripts/import.ts runs it in the terminal).
// npm run import -- <file or folder>... [--show S] [--title T] [--date YYYY-MM-DD] [--lang L] [--format F]
//   [--speakers "SPEAKER_00=Maya Ortiz, host; SPEAKER_01=Omar Haddad"] [--min-confidence 0.5] [--force] [--dry-run]
// Writes one story per transcript into content/stories/, in the notation, from NPR-style text,
// WebVTT, SRT, Podcasting 2.0 JSON or HTML, Podlove JSON or Markdown transcripts, the JSON of
// speech-recognition services (Whisper, WhisperX, whisper.cpp, AssemblyAI, Deepgram, Rev.ai, Amazon)
// and the text exports of Otter.ai and Descript. --speakers names the voices speech recognition only labelled.

import path from "node:path";
import { parseArgs } from "node:util";
import { IMPORTERS } from "../interchange/importers/index.ts";
import { importFiles, type ImportResult } from "../interchange/import-files.ts";
import { describeResult } from "../interchange/import-report.ts";
import { ImportError, type ImportFormat } from "../interchange/model.ts";
import { parseSpeakerMapping, SpeakerMappingError, type SpeakerNaming } from "../interchange/speaker-mapping.ts";
import { projectPaths } from "../site/paths.ts";
import type { CommandIo } from "./io.ts";

const USAGE = `Usage: npm run import -- <file or folder>... --show "Show name" [--title "Title"] [--date YYYY-MM-DD] [--lang de] [--format ${IMPORTERS.map((i) => i.format).join("|")}] [--speakers "SPEAKER_00=Maya Ortiz, host; SPEAKER_01=Omar Haddad"] [--min-confidence 0.5] [--force] [--dry-run]`;

export function runImportCommand(argv: string[], io: CommandIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        show: { type: "string" },
        title: { type: "string" },
        date: { type: "string" },
        lang: { type: "string" },
        format: { type: "string" },
        "min-confidence": { type: "string" },
        speakers: { type: "string" },
        force: { type: "boolean", default: false },
        "dry-run": { type: "boolean", default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    io.err(`Name at least one transcript file or folder.\n${USAGE}`);
    return 2;
  }
  const format = values.format as ImportFormat | undefined;
  if (format && !IMPORTERS.some((i) => i.format === format)) {
    io.err(`Unknown --format "${format}". Use one of: ${IMPORTERS.map((i) => i.format).join(", ")}.`);
    return 2;
  }
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/u.test(values.date)) {
    io.err(`--date "${values.date}" is not a date written YYYY-MM-DD.`);
    return 2;
  }
  if (values.lang && !/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/u.test(values.lang)) {
    io.err(`--lang "${values.lang}" is not a BCP 47 language tag such as "de" or "pt-BR".`);
    return 2;
  }
  const minConfidence = values["min-confidence"] === undefined ? undefined : Number(values["min-confidence"]);
  if (minConfidence !== undefined && !(values["min-confidence"]?.trim() && minConfidence >= 0 && minConfidence <= 1)) {
    io.err(`--min-confidence "${values["min-confidence"]}" is not a number from 0 to 1 (0.5 lists words the recogniser rates more likely wrong than right; 0 lists none).`);
    return 2;
  }
  let speakers: SpeakerNaming[] | undefined;
  try {
    speakers = values.speakers === undefined ? undefined : parseSpeakerMapping(values.speakers);
  } catch (error) {
    if (!(error instanceof SpeakerMappingError)) throw error;
    io.err(`error: ${error.problem}\n  fix: ${error.fix}`);
    return 2;
  }
  const paths = projectPaths(io.cwd);
  let results: ImportResult[];
  try {
    results = importFiles(
      positionals,
      {
        ...(values.show ? { show: values.show } : {}),
        ...(values.title ? { title: values.title } : {}),
        ...(values.date ? { date: values.date } : {}),
        ...(values.lang ? { lang: values.lang } : {}),
        ...(format ? { format } : {}),
        ...(minConfidence !== undefined ? { minConfidence } : {}),
        ...(speakers ? { speakers } : {}),
        today: new Date().toISOString().slice(0, 10),
        outDir: path.join(paths.root, paths.stories),
        outName: paths.stories,
        force: values.force,
        dryRun: values["dry-run"],
        cwd: io.cwd,
      },
      { done: (result, index, total) => io.out(describeResult(result, index, total)) },
    );
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.err(`${error.file}: error: ${error.problem}\n  fix: ${error.fix}`);
    return 2;
  }
  const failed = results.filter((r) => !r.ok).length;
  const verb = values["dry-run"] ? "checked (nothing written)" : "imported";
  io.out(`\n${results.length - failed} of ${results.length} file${results.length === 1 ? "" : "s"} ${verb}${failed ? `; ${failed} failed` : ""}.`);
  return failed ? 1 : 0;
}

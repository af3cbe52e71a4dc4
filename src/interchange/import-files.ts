// Importing from disk: files and folders in, story files out under content/stories/. Never
// replaces an existing story unless asked; one bad file does not stop the others.

import fs from "node:fs";
import path from "node:path";
import { importTranscript, type ImportedStory, type ImportOptions } from "./import.ts";
import { ImportError } from "./model.ts";

export interface ImportFilesOptions extends ImportOptions {
  /** Folder the stories are written to (absolute). */
  outDir: string;
  /** Shown in messages instead of the absolute folder: "content/stories". */
  outName: string;
  /** Replace stories that already exist. */
  force: boolean;
  /** Read and check everything, write nothing. */
  dryRun: boolean;
  /** The folder relative inputs are read from (default: the working folder); messages name them as given. */
  cwd?: string;
}

export type ImportResult =
  | { ok: true; input: string; output: string; imported: ImportedStory; replaced: boolean }
  | { ok: false; input: string; error: ImportError };

export interface ImportEvents {
  /** Before each file: its position and the total, for progress. */
  start?(input: string, index: number, total: number): void;
  done?(result: ImportResult, index: number, total: number): void;
}

const SKIP = /(^|[\\/])(\.|node_modules[\\/]|SOURCES\.md$|README\.md$|LICEN[CS]E)/u;

/** The files to import: each file given, and every file under each folder given (sorted, no hidden files). */
export function collectInputs(inputs: string[], cwd = process.cwd()): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.resolve(cwd, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (SKIP.test(entry.name) || SKIP.test(path.relative(dir, full))) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  for (const input of inputs) {
    const stat = fs.statSync(path.resolve(cwd, input), { throwIfNoEntry: false });
    if (!stat) throw new ImportError(input, undefined, "There is no such file or folder.", "check the path.");
    if (stat.isDirectory()) walk(input);
    else files.push(input);
  }
  return files;
}

function failure(input: string, error: unknown): ImportResult {
  if (error instanceof ImportError) return { ok: false, input, error };
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    input,
    error: new ImportError(input, undefined, `Verbatim could not import this file: ${message}`, "please report it with the file attached; set VERBATIM_DEBUG=1 for details."),
  };
}

export function importFiles(inputs: string[], options: ImportFilesOptions, events: ImportEvents = {}): ImportResult[] {
  const files = collectInputs(inputs, options.cwd);
  if (options.title && files.length > 1) {
    throw new ImportError(inputs.join(", "), undefined, `--title names one story, but ${files.length} files were given.`, "import one file at a time with --title, or leave --title out: each story is then named after its own title or its file.");
  }
  const written = new Set<string>();
  const results: ImportResult[] = [];
  files.forEach((input, index) => {
    events.start?.(input, index, files.length);
    let result: ImportResult;
    try {
      const imported = importTranscript(fs.readFileSync(path.resolve(options.cwd ?? process.cwd(), input)), input, options);
      let name = `${imported.slug}.md`;
      // Two inputs with the same title in one run each get their own story.
      for (let n = 2; written.has(name); n++) name = `${imported.slug}-${n}.md`;
      const target = path.join(options.outDir, name);
      const exists = fs.existsSync(target);
      if (exists && !options.force) {
        throw new ImportError(input, undefined, `${options.outName}/${name} already exists; nothing was written.`, "pass --force to replace it, or --title to import it under another name.");
      }
      written.add(name);
      if (!options.dryRun) {
        fs.mkdirSync(options.outDir, { recursive: true });
        fs.writeFileSync(target, imported.story.text);
      }
      result = { ok: true, input, output: `${options.outName}/${name}`, imported, replaced: exists };
    } catch (error) {
      result = failure(input, error);
    }
    results.push(result);
    events.done?.(result, index, files.length);
  });
  return results;
}

// The folders a build writes next to its output, named by its process id: `<output>.staging-<pid>`
// (the new site, rendered and audited) and `<output>.previous-<pid>` (the old site, for the moment
// of the swap). A build that was killed leaves them behind; the next build removes those whose
// process is gone, and never one whose process still runs (another build of the same site).

import fs from "node:fs";
import path from "node:path";

export const stagingFolder = (output: string, pid = process.pid): string => `${output}.staging-${pid}`;
export const previousFolder = (output: string, pid = process.pid): string => `${output}.previous-${pid}`;

/** True when no process has this id. A process that exists but is not ours (EPERM) is running. */
export function processGone(pid: number, kill: (pid: number, signal: 0) => unknown = process.kill): boolean {
  try {
    kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

export interface LeftFolder {
  kind: "staging" | "previous";
  pid: number;
  folder: string;
}

/** The staging and previous folders of any build of this output, with the process that made each. */
export function leftFolders(output: string): LeftFolder[] {
  const parent = path.dirname(output);
  const name = path.basename(output);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(parent, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: LeftFolder[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(`${name}.`)) continue;
    const match = /^(staging|previous)-([1-9]\d*)$/u.exec(entry.name.slice(name.length + 1));
    if (match) found.push({ kind: match[1] as LeftFolder["kind"], pid: Number(match[2]), folder: path.join(parent, entry.name) });
  }
  return found;
}

/** Removes a folder that something may still be writing into (a render stopped midway). */
export function removeFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
}

/**
 * Removes the folders left by builds whose process is gone (`gone` decides; by default, no process
 * has that id). A previous folder is the last complete site when a build died between its two
 * renames (the output is missing then): it is put back in place instead of being removed.
 * Returns what was done, one line per folder.
 */
export function removeLeftFolders(output: string, gone: (pid: number) => boolean = processGone): string[] {
  const done: string[] = [];
  const left = leftFolders(output).filter((f) => gone(f.pid));
  // The newest previous folder first: it is the one to restore if the output is missing.
  const byAge = (f: LeftFolder) => fs.statSync(f.folder, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  left.sort((a, b) => (a.kind === b.kind ? byAge(b) - byAge(a) : a.kind === "previous" ? -1 : 1));
  for (const f of left) {
    if (f.kind === "previous" && !fs.existsSync(output)) {
      fs.renameSync(f.folder, output);
      done.push(`restored ${f.folder} to ${output}`);
    } else {
      removeFolder(f.folder);
      done.push(`removed ${f.folder}`);
    }
  }
  return done;
}

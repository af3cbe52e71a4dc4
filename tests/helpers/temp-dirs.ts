// Throwaway folders for tests, removed after each test file (tests/helpers/setup.ts) unless
// VERBATIM_KEEP_TEST_DIRS is set, so a long run leaves nothing behind in the temporary folder.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const made: string[] = [];

/** A new empty folder under the system's temporary folder, removed when its test file ends. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  if (process.env.VERBATIM_KEEP_TEST_DIRS) return;
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

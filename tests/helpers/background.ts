// Slow, independent work a test file starts together before its first test (browser launches,
// audits, a spawned script), so it overlaps; each test then awaits its own piece and makes its
// assertions one test at a time, as before. Call at the top level of a test file.

import { beforeAll } from "vitest";

/** Registers `work` to start before the file's first test; the returned function gives its result. */
export function background<T>(work: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  const result = () => (promise ??= work());
  beforeAll(() => {
    // A failure is reported by the test that awaits it, not here.
    result().catch(() => {});
  });
  return result;
}

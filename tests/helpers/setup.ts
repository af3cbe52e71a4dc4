// Runs around every test file: removes the throwaway folders it made, and, when asked, tallies
// the suite's size (VERBATIM_COUNT_ASSERTIONS=tally.tsv appends one line per test: file, test,
// assertions; for comparing the suite before and after a change).

import fs from "node:fs";
import { afterAll, afterEach, expect } from "vitest";
import { removeTempDirs } from "./temp-dirs.ts";

afterAll(removeTempDirs);

const tally = process.env.VERBATIM_COUNT_ASSERTIONS;

if (tally) {
  afterEach((context) => {
    const file = context.task.file?.name ?? "";
    fs.appendFileSync(tally, `${file}\t${context.task.name.replace(/\s+/gu, " ")}\t${expect.getState().assertionCalls}\n`);
  });
}

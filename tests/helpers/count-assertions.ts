// Opt-in tally of the suite's size, for comparing it before and after a change:
// VERBATIM_COUNT_ASSERTIONS=tally.tsv npm test appends one line per test (file, test, assertions).
import fs from "node:fs";
import { afterEach, expect } from "vitest";

const target = process.env.VERBATIM_COUNT_ASSERTIONS;

if (target) {
  afterEach((context) => {
    const file = context.task.file?.name ?? "";
    fs.appendFileSync(target, `${file}\t${context.task.name.replace(/\s+/gu, " ")}\t${expect.getState().assertionCalls}\n`);
  });
}

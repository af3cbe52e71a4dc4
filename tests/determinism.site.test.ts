// Two builds of the same content are byte-identical: same files, same bytes (images and search
// index included), so a deploy changes only what the content changed.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { listFiles, makeProject, runBuild } from "./helpers/build.ts";
import { tempDir } from "./helpers/temp-dirs.ts";

function digest(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [file, crypto.createHash("sha256").update(fs.readFileSync(path.join(dir, file))).digest("hex")]));
}

it("builds the same content to the same bytes twice", async () => {
  const project = makeProject();
  const first = await runBuild(["--skip-audit"], project, tempDir("verbatim-a-"));
  const second = await runBuild(["--skip-audit"], project, tempDir("verbatim-b-"));
  expect(first.code, first.stderr).toBe(0);
  expect(second.code, second.stderr).toBe(0);
  const a = digest(first.output);
  const b = digest(second.output);
  expect([...a.keys()]).toEqual([...b.keys()]);
  expect([...a.keys()].filter((file) => a.get(file) !== b.get(file))).toEqual([]);
  expect(a.size).toBeGreaterThan(100);
});

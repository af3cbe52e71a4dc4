// npm run audit as a user runs it: exit codes, reports, shards and their merge, ignored rules.
// The ignored rules (in a folder of their own) and the script run for a malformed shard start
// before the first test and run beside the cache-and-shards chain; their tests check the results.

import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../src/audit/types.ts";
import { background } from "./helpers/background.ts";
import { runAudit } from "./helpers/commands.ts";
import { REPO } from "./helpers/build.ts";

const FIXTURES = path.join(REPO, "tests", "fixtures", "audit");
const ALL = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".html")).sort();

async function audit(cwd: string, ...args: string[]) {
  const run = await runAudit(args, cwd);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const readReport = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as AuditReport;

/** A folder to run the command in. */
function workingFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-audit-"));
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

let cwd: string;

beforeAll(() => {
  cwd = workingFolder();
});

/** scripts/audit.ts with a malformed shard, as the terminal runs it: its exit code and errors. */
const malformedShard = background(() => new Promise<{ code: number | null; stderr: string }>((resolve) => {
  const args = ["--import", "tsx", path.join(REPO, "scripts", "audit.ts"), "--site", FIXTURES, "--shard", "3/2"];
  execFile(process.execPath, args, { cwd: workingFolder(), encoding: "utf8" }, (error, _stdout, stderr) => {
    resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stderr });
  });
}));

/** Two audits of a page with a second h1: its rules ignored with reasons, then without one. */
const ignoring = background(async () => {
  const dir = workingFolder();
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-ignore-"));
  fs.copyFileSync(path.join(FIXTURES, "two-h1.html"), path.join(site, "two-h1.html"));
  fs.writeFileSync(path.join(dir, "audit.config.json"), JSON.stringify({ ignore: [{ rule: "verbatim-headings", reason: "This fixture shows a second h1 on purpose." }, { rule: "page-has-heading-one", reason: "Same second h1, as axe sees it." }] }));
  const withReasons = await audit(dir, "--site", site, "--report-dir", "ignored");
  const json = readReport(path.join(dir, "ignored/audit.json"));
  const html = fs.readFileSync(path.join(dir, "ignored/audit.html"), "utf8");
  fs.writeFileSync(path.join(dir, "audit.config.json"), JSON.stringify({ ignore: [{ rule: "verbatim-headings" }] }));
  const withoutReason = await audit(dir, "--site", site);
  fs.rmSync(path.join(dir, "audit.config.json"));
  return { withReasons, json, html, withoutReason };
});

describe("npm run audit", () => {
  it("exits 2 on accessibility errors, with progress, a summary per rule and both reports", async () => {
    const run = await audit(cwd, "--site", FIXTURES, "--report-dir", "all");
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`Auditing ${ALL.length} pages…`);
    expect(run.stdout).toContain(`[${ALL.length}/${ALL.length}]`);
    expect(run.stdout).toMatch(new RegExp(`accessibility errors? on \\d+ of ${ALL.length} pages`));
    expect(run.stdout).toMatch(/\n +\d+ × verbatim-turn-speaker-first \(verbatim\) on 2 pages: /);
    const report = readReport(path.join(cwd, "all/audit.json"));
    expect(report.pages.map((p) => p.page)).toEqual(ALL);
    const html = fs.readFileSync(path.join(cwd, "all/audit.html"), "utf8");
    expect(html).toContain("<h2>By rule</h2>");
    expect(html).toContain("<h2>By page</h2>");
    expect(html).toContain('id="page-image-without-alt.html"');
    expect(html).toContain("&lt;img src=");
  });

  it("uses the cache the second time, and --full ignores it", async () => {
    expect((await audit(cwd, "--site", FIXTURES, "--report-dir", "all")).stdout).toContain(`Auditing 0 pages (${ALL.length} unchanged since their last audit)`);
    expect((await audit(cwd, "--site", FIXTURES, "--report-dir", "all", "--full")).stdout).toContain(`Auditing ${ALL.length} pages…`);
  });

  it("splits pages into deterministic shards whose reports merge into one", async () => {
    const one = await audit(cwd, "--site", FIXTURES, "--report-dir", "shards", "--shard", "1/2");
    const two = await audit(cwd, "--site", FIXTURES, "--report-dir", "shards", "--shard", "2/2");
    expect([one.code, two.code]).toEqual([2, 2]);
    const a = readReport(path.join(cwd, "shards/audit-shard-1-of-2.json")).pages.map((p) => p.page);
    const b = readReport(path.join(cwd, "shards/audit-shard-2-of-2.json")).pages.map((p) => p.page);
    expect(a.filter((p) => b.includes(p))).toEqual([]);
    expect([...a, ...b].sort()).toEqual(ALL);
    await audit(cwd, "--site", FIXTURES, "--report-dir", "again", "--shard", "1/2");
    expect(readReport(path.join(cwd, "again/audit-shard-1-of-2.json")).pages.map((p) => p.page)).toEqual(a);

    const merged = await audit(cwd, "--report-dir", "shards", "--merge", "shards/audit-shard-1-of-2.json", "shards/audit-shard-2-of-2.json");
    expect(merged.code).toBe(2);
    expect(readReport(path.join(cwd, "shards/audit.json")).pages.map((p) => p.page)).toEqual(ALL);

    const partial = await audit(cwd, "--report-dir", "shards", "--merge", "shards/audit-shard-1-of-2.json");
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain("Only 1 of 2 shards were given.");
  });

  it("rejects a malformed shard (the script itself, as the terminal runs it)", async () => {
    const run = await malformedShard();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--shard 3/2: write it as i/n");
  });
});

describe("ignored rules", () => {
  it("need a written reason, and the reports list them", async () => {
    const { withReasons: run, json, html } = await ignoring();
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("ignored verbatim-headings: This fixture shows a second h1 on purpose.");
    expect(json.ignored[0]?.rule).toBe("verbatim-headings");
    expect(html).toContain("This fixture shows a second h1 on purpose.");
  });

  it("without a reason are refused, naming the file", async () => {
    const { withoutReason: run } = await ignoring();
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^audit\.config\.json: The audit setting "ignore\.0\.reason" is not valid/);
    expect(run.stderr).toContain("every ignored rule needs a written reason");
  });
});

// npm run audit as a user runs it: exit codes, reports, shards and their merge, ignored rules.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { withoutTimings } from "../src/audit/report/json.ts";
import type { AuditReport } from "../src/audit/types.ts";
import { runAudit } from "./helpers/commands.ts";
import { REPO } from "./helpers/build.ts";

const FIXTURES = path.join(REPO, "tests", "fixtures", "audit");
const ALL = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".html")).sort();

async function audit(cwd: string, ...args: string[]) {
  const run = await runAudit(args, cwd);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const readReport = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as AuditReport;
let cwd: string;

beforeAll(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-audit-"));
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(cwd, "node_modules"));
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

  it("merges 3 shards of 6 pages into the report of one unsharded run, timings aside", async () => {
    const site = path.join(cwd, "six-site");
    fs.mkdirSync(site);
    const six = ["clean.html", "image-without-alt.html", "low-contrast.html", "missing-lang.html", "two-h1.html", "untyped-cue.html"];
    for (const page of six) fs.copyFileSync(path.join(FIXTURES, page), path.join(site, page));
    expect((await audit(cwd, "--site", site, "--report-dir", "six", "--full")).code).toBe(2);
    for (const shard of ["1/3", "2/3", "3/3"]) await audit(cwd, "--site", site, "--report-dir", "six-shards", "--full", "--shard", shard);
    const shards = [1, 2, 3].map((i) => `six-shards/audit-shard-${i}-of-3.json`);
    expect(shards.map((file) => readReport(path.join(cwd, file)).pages.length)).toEqual([2, 2, 2]);
    expect((await audit(cwd, "--report-dir", "six-merged", "--merge", ...shards)).code).toBe(2);
    const single = withoutTimings(readReport(path.join(cwd, "six/audit.json")));
    expect(single.pages.map((p) => p.page)).toEqual(six);
    expect(single.pages.filter((p) => p.issues.some((i) => i.type === "error")).length).toBeGreaterThanOrEqual(4);
    expect(withoutTimings(readReport(path.join(cwd, "six-merged/audit.json")))).toEqual(single);
  });

  it("rejects a malformed shard (the script itself, as the terminal runs it)", () => {
    const script = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "scripts", "audit.ts"), "--site", FIXTURES, "--shard", "3/2"], { cwd, encoding: "utf8" });
    const run = { code: script.status, stderr: script.stderr };
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--shard 3/2: write it as i/n");
  });
});

describe("ignored rules", () => {
  let site: string;
  beforeAll(() => {
    site = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-ignore-"));
    fs.copyFileSync(path.join(FIXTURES, "two-h1.html"), path.join(site, "two-h1.html"));
  });

  it("need a written reason, and the reports list them", async () => {
    fs.writeFileSync(path.join(cwd, "audit.config.json"), JSON.stringify({ ignore: [{ rule: "verbatim-headings", reason: "This fixture shows a second h1 on purpose." }, { rule: "page-has-heading-one", reason: "Same second h1, as axe sees it." }] }));
    const run = await audit(cwd, "--site", site, "--report-dir", "ignored");
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("ignored verbatim-headings: This fixture shows a second h1 on purpose.");
    expect(readReport(path.join(cwd, "ignored/audit.json")).ignored[0]?.rule).toBe("verbatim-headings");
    expect(fs.readFileSync(path.join(cwd, "ignored/audit.html"), "utf8")).toContain("This fixture shows a second h1 on purpose.");
  });

  it("without a reason are refused, naming the file", async () => {
    fs.writeFileSync(path.join(cwd, "audit.config.json"), JSON.stringify({ ignore: [{ rule: "verbatim-headings" }] }));
    const run = await audit(cwd, "--site", site);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^audit\.config\.json: The audit setting "ignore\.0\.reason" is not valid/);
    expect(run.stderr).toContain("every ignored rule needs a written reason");
    fs.rmSync(path.join(cwd, "audit.config.json"));
  });
});

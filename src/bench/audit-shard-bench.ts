// The sharding benchmark, as steps: generate and build N story pages; audit them all in one
// `npm run audit -- --full`; audit them again as n shards (`--shard i/n`), one after another, each
// measured with its browser; merge the shards' reports (`--merge`) and compare the result with the
// unsharded report, timings aside. Also measured: the fixed cost of one audit process (start,
// browser, server, one small page), which every extra shard pays again.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { listPages } from "../audit/pages.ts";
import { readJson, withoutTimings } from "../audit/report/json.ts";
import { toolVersions } from "../audit/run.ts";
import { buildSite } from "./audit-bench.ts";
import { auditCommand } from "./audit-site-bench.ts";
import type { Measured } from "./measure.ts";
import { makeBenchProject } from "./project.ts";

export interface ShardRun {
  pages: number;
  seconds: number;
  cpuSeconds: number;
  exitCode: number;
}

export interface AuditShardBenchResult {
  stories: number;
  pages: number;
  single: ShardRun;
  shards: ShardRun[];
  /** The sum of the shards' CPU seconds over the single run's. */
  cpuRatio: number;
  /** One audit process with one small page: start, browser, server, the page. */
  fixed: { seconds: number; cpuSeconds: number };
  /** Pages whose merged result differs from the unsharded one (timings aside); none when they agree. */
  differences: string[];
  mergedEqual: boolean;
  machine: Record<string, string>;
}

function shardRun(run: Measured, pages: number, what: string, log: (line: string) => void): ShardRun {
  if (run.exitCode === 1) log(`Note: ${what} reported a technical fault:\n${run.stdout.slice(-1500)}${run.stderr.slice(-1500)}`);
  return { pages, seconds: run.seconds, cpuSeconds: run.cpuSeconds, exitCode: run.exitCode };
}

export async function benchAuditShards(repo: string, log: (line: string) => void, count = 1000, shards = 4): Promise<AuditShardBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-shards-"));
  try {
    log(`Generating ${count} stories and building them…`);
    makeBenchProject(repo, dir, count);
    buildSite(repo, dir);
    const pages = listPages(path.join(dir, "_site")).length;

    log(`Auditing all ${pages} pages in one run…`);
    const single = shardRun(await auditCommand(repo, dir, ["--full", "--report-dir", "reports/single"]), pages, "the unsharded audit", log);
    const runs: ShardRun[] = [];
    for (let i = 1; i <= shards; i++) {
      log(`Auditing shard ${i}/${shards}…`);
      const run = await auditCommand(repo, dir, ["--full", "--shard", `${i}/${shards}`, "--report-dir", "reports/shards"]);
      const report = readJson(path.join(dir, `reports/shards/audit-shard-${i}-of-${shards}.json`));
      runs.push(shardRun(run, report.pages.length, `shard ${i}/${shards}`, log));
    }
    const files = Array.from({ length: shards }, (_, i) => `reports/shards/audit-shard-${i + 1}-of-${shards}.json`);
    const merge = await auditCommand(repo, dir, ["--merge", "--report-dir", "reports/merged", ...files]);
    if (merge.exitCode === 1) throw new Error(`the shards' reports did not merge:\n${merge.stderr}`);

    const one = withoutTimings(readJson(path.join(dir, "reports/single/audit.json")));
    const merged = withoutTimings(readJson(path.join(dir, "reports/merged/audit.json")));
    const byPage = new Map(merged.pages.map((p) => [p.page, p]));
    const differences = one.pages.filter((p) => !isDeepStrictEqual(p, byPage.get(p.page))).map((p) => p.page);
    if (merged.pages.length !== one.pages.length) differences.push(`${merged.pages.length} pages merged, ${one.pages.length} audited unsharded`);

    log("Measuring the fixed cost of one audit process (one small page)…");
    const small = path.join(dir, "one-page");
    fs.mkdirSync(small);
    fs.copyFileSync(path.join(dir, "_site/404.html"), path.join(small, "404.html"));
    fs.cpSync(path.join(dir, "_site/assets"), path.join(small, "assets"), { recursive: true });
    const fixed = await auditCommand(repo, dir, ["--full", "--site", small, "--report-dir", "reports/one-page"]);

    const shardCpu = runs.reduce((sum, r) => sum + r.cpuSeconds, 0);
    return {
      stories: count,
      pages,
      single,
      shards: runs,
      cpuRatio: shardCpu / single.cpuSeconds,
      fixed: { seconds: fixed.seconds, cpuSeconds: fixed.cpuSeconds },
      differences,
      mergedEqual: differences.length === 0 && isDeepStrictEqual(merged, one),
      machine: { cores: String(os.cpus().length), node: process.version, ...toolVersions() },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

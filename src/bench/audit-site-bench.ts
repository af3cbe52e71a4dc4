// The audit benchmark on the sample site's own pages, as steps: copy this repository's content/
// into a throwaway project and build it; run `npm run audit -- --full` there as a user would (a
// process of its own, measured with its browser); then audit the same pages with pa11y-ci at its
// defaults; all in one run, on one machine, as a ratio.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AUDIT_CONFIG_FILE } from "../audit/config.ts";
import { listPages } from "../audit/pages.ts";
import { readJson } from "../audit/report/json.ts";
import { toolVersions } from "../audit/run.ts";
import { buildSite, pa11yCi, type Pa11yCiRun } from "./audit-bench.ts";
import { measure } from "./measure.ts";

export interface AuditSiteBenchResult {
  pages: number;
  ours: { seconds: number; cpuSeconds: number; exitCode: number };
  /** Our audit's slowest pages, as its report gives them (seconds from load to last check). */
  slowest: Array<{ page: string; seconds: number }>;
  pa11yCi: Pa11yCiRun;
  ratio: number;
  machine: Record<string, string>;
}

/** A throwaway project holding this repository's code (linked) and a copy of its content. */
export function makeSiteProject(repo: string, dir: string): void {
  for (const name of ["src", "node_modules", "scripts", "layouts"]) fs.symlinkSync(path.join(repo, name), path.join(dir, name));
  for (const name of [".eleventy.ts", "package.json", AUDIT_CONFIG_FILE]) {
    if (fs.existsSync(path.join(repo, name))) fs.copyFileSync(path.join(repo, name), path.join(dir, name));
  }
  fs.cpSync(path.join(repo, "content"), path.join(dir, "content"), { recursive: true });
}

/** `npm run audit` in `dir`, as its script runs it, measured with every process it starts. */
export function auditCommand(repo: string, dir: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  return measure(process.execPath, ["--import", "tsx", path.join(repo, "scripts/audit.ts"), ...args], { cwd: dir, env });
}

export async function benchAuditSite(repo: string, log: (line: string) => void): Promise<AuditSiteBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-site-"));
  // Served from the root, as both auditors read it from the same local server.
  const env = { ...process.env, VERBATIM_BASE_URL: "" };
  try {
    log("Copying the sample site's content and building it…");
    makeSiteProject(repo, dir);
    buildSite(repo, dir, env);
    const site = path.join(dir, "_site");
    const pages = listPages(site);

    log(`Running npm run audit -- --full on the sample site's ${pages.length} pages…`);
    const ours = await auditCommand(repo, dir, ["--full"], env);
    if (ours.exitCode !== 0) log(`Note: the audit exited with ${ours.exitCode}:\n${ours.stdout.slice(-1500)}${ours.stderr.slice(-1500)}`);
    const report = readJson(path.join(dir, "reports/audit.json"));
    const slowest = report.pages.map((p) => ({ page: p.page, seconds: p.seconds })).sort((a, b) => b.seconds - a.seconds).slice(0, 5);

    const ci = await pa11yCi(dir, site, pages, log);
    return {
      pages: pages.length,
      ours: { seconds: ours.seconds, cpuSeconds: ours.cpuSeconds, exitCode: ours.exitCode },
      slowest,
      pa11yCi: ci,
      ratio: ci.seconds / ours.seconds,
      machine: { cores: String(os.cpus().length), node: process.version, ...toolVersions() },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

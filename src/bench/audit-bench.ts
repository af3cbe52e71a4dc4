// The audit benchmark, as steps: generate 200 story pages, audit them cold with this audit, edit
// one story and audit again (warm), then audit the same pages with pa11y-ci at its defaults (both
// runners) installed into a temporary folder; all in one run, on one machine, as ratios.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_FLAGS, chromiumPath } from "../audit/browser.ts";
import { DEFAULTS } from "../audit/config.ts";
import { pageUrl } from "../audit/pages.ts";
import { runAudit, toolVersions } from "../audit/run.ts";
import { serveStatic } from "../audit/serve.ts";
import { exitCodeOf } from "../audit/types.ts";
import { generateStory } from "./generate.ts";
import { makeBenchProject } from "./project.ts";

export const PA11Y_CI_VERSION = "4.1.1";

export interface AuditBenchResult {
  pages: number;
  /** Average words of transcript per generated story. */
  words: number;
  tabs: number;
  cold: { seconds: number; perPage: number; exitCode: number };
  warm: { seconds: number; audited: number; exitCode: number };
  pa11yCi: { seconds: number; perPage: number; exitCode: number; summary: string };
  ratio: number;
  machine: Record<string, string>;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

export function buildSite(repo: string, dir: string, env: NodeJS.ProcessEnv = process.env): void {
  const result = run(process.execPath, ["--import", "tsx", path.join(repo, "scripts/build.ts"), "--skip-audit"], dir, env);
  if (result.status !== 0) throw new Error(`the benchmark site did not build:\n${result.stderr}`);
}

function storyPages(site: string): string[] {
  return fs.readdirSync(path.join(site, "stories")).sort().map((slug) => `stories/${slug}/index.html`);
}

export interface Pa11yCiRun {
  seconds: number;
  perPage: number;
  exitCode: number;
  summary: string;
}

/** Audits `pages` of `site` with pa11y-ci at its defaults (both runners), installed into `dir` with npm. */
export async function pa11yCi(dir: string, site: string, pages: string[], log: (line: string) => void): Promise<Pa11yCiRun> {
  const tool = path.join(dir, "pa11y-ci");
  fs.mkdirSync(tool);
  fs.writeFileSync(path.join(tool, "package.json"), '{ "private": true }\n');
  log(`Installing pa11y-ci ${PA11Y_CI_VERSION} into a temporary folder…`);
  const install = run("npm", ["install", "--no-audit", "--no-fund", `pa11y-ci@${PA11Y_CI_VERSION}`], tool, { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" });
  if (install.status !== 0) throw new Error(`pa11y-ci did not install:\n${install.stderr}`);
  const server = await serveStatic(site, "/");
  try {
    const config = {
      defaults: { runners: ["axe", "htmlcs"], chromeLaunchConfig: { executablePath: chromiumPath(), args: CHROMIUM_FLAGS } },
      urls: pages.map((page) => pageUrl(server.url, page)),
    };
    fs.writeFileSync(path.join(tool, "config.json"), JSON.stringify(config, null, 2));
    log(`Auditing ${pages.length} pages with pa11y-ci (one at a time, its default)…`);
    const result = await new Promise<{ seconds: number; status: number | null; stdout: string }>((resolve) => {
      // Asynchronous, so this process keeps serving the pages while pa11y-ci reads them.
      const started = performance.now();
      const bin = path.join(tool, "node_modules/pa11y-ci/bin/pa11y-ci.js");
      const child = spawn(process.execPath, [bin, "--config", "config.json"], { cwd: tool, stdio: ["ignore", "pipe", "inherit"] });
      let stdout = "";
      child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.on("close", (status: number | null) => resolve({ seconds: (performance.now() - started) / 1000, status, stdout }));
    });
    const summary = /(\d+\/\d+ URLs passed)/u.exec(result.stdout)?.[1] ?? result.stdout.trim().split("\n").at(-1) ?? "";
    return { seconds: result.seconds, perPage: result.seconds / pages.length, exitCode: result.status ?? -1, summary };
  } finally {
    await server.close();
  }
}

export async function benchAudit(repo: string, log: (line: string) => void, count = 200): Promise<AuditBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-"));
  try {
    log(`Generating ${count} stories and building them…`);
    makeBenchProject(repo, dir, count);
    buildSite(repo, dir);
    const site = path.join(dir, "_site");
    const pages = storyPages(site);
    const words = Math.round(Array.from({ length: count }, (_, i) => generateStory(i + 1).text.split(/\s+/u).length).reduce((a, b) => a + b, 0) / count);
    const cacheFile = path.join(dir, ".cache/bench.json");
    const options = { siteDir: site, pathPrefix: "/", config: DEFAULTS, pages, cacheFile };

    log(`Auditing ${pages.length} story pages cold (no cache, ${DEFAULTS.concurrency} tabs in one browser)…`);
    let started = performance.now();
    const cold = await runAudit({ ...options, full: true });
    const coldSeconds = (performance.now() - started) / 1000;

    log("Editing one story, rebuilding, and auditing again…");
    const edited = path.join(dir, "content/stories", `${generateStory(1).slug}.md`);
    fs.appendFileSync(edited, "\nOne more paragraph of the last turn, added to measure a warm audit.\n");
    buildSite(repo, dir);
    started = performance.now();
    const warm = await runAudit(options);
    const warmSeconds = (performance.now() - started) / 1000;
    const reaudited = warm.pages.filter((p) => !p.cached);
    if (reaudited.length !== 1) log(`Note: the warm audit re-audited ${reaudited.length} pages: ${reaudited.slice(0, 5).map((p) => `${p.page}${p.fault ? ` (${p.fault})` : ""}`).join(", ")}`);
    for (const page of [...cold.pages, ...warm.pages].filter((p) => p.fault)) log(`Fault: ${page.page}: ${page.fault}`);

    const ci = await pa11yCi(dir, site, pages, log);
    return {
      pages: pages.length,
      words,
      tabs: DEFAULTS.concurrency,
      cold: { seconds: coldSeconds, perPage: coldSeconds / pages.length, exitCode: exitCodeOf(cold.pages) },
      warm: { seconds: warmSeconds, audited: warm.pages.filter((p) => !p.cached).length, exitCode: exitCodeOf(warm.pages) },
      pa11yCi: ci,
      ratio: ci.seconds / coldSeconds,
      machine: { cores: String(os.cpus().length), node: process.version, ...toolVersions() },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

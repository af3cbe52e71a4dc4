// Auditing a built site, as steps: read the settings, audit every page but the statement,
// write the results into the statement page and audit it too, then write the reports.

import path from "node:path";
import { loadAuditConfig } from "./config.ts";
import { listPages, shardPages } from "./pages.ts";
import { writeHtml } from "./report/html.ts";
import { writeJson } from "./report/json.ts";
import { STATEMENT_PAGE, withoutResults, writeStatement } from "./report/statement.ts";
import type { TerminalReporter } from "./report/terminal.ts";
import { defaultCacheFile, runAudit } from "./run.ts";
import { exitCodeOf, type AuditReport, type ExitCode } from "./types.ts";

export interface SiteAuditOptions {
  root: string;
  siteDir: string;
  pathPrefix: string;
  full?: boolean;
  shard?: { index: number; count: number };
  reportDir: string;
  reporter?: TerminalReporter;
  /** Stops the audit: the browser and the server close, and no report is written. */
  signal?: AbortSignal;
}

export interface SiteAuditResult {
  report: AuditReport;
  exitCode: ExitCode;
  files: { json: string; html: string };
}

export function reportFiles(reportDir: string, shard?: { index: number; count: number }) {
  const name = shard ? `audit-shard-${shard.index}-of-${shard.count}` : "audit";
  return { json: path.join(reportDir, `${name}.json`), html: path.join(reportDir, `${name}.html`) };
}

export async function auditSite(options: SiteAuditOptions): Promise<SiteAuditResult> {
  const config = loadAuditConfig(options.root);
  const all = listPages(options.siteDir);
  const mine = shardPages(all, options.shard);
  const common = {
    siteDir: options.siteDir,
    pathPrefix: options.pathPrefix,
    config,
    cacheFile: defaultCacheFile(options.root),
    ...(options.full ? { full: true } : {}),
    ...(options.reporter ? { onStart: options.reporter.start, onProgress: options.reporter.progress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const withStatement = mine.includes(STATEMENT_PAGE) && !options.shard;
  let report = await runAudit({
    ...common,
    pages: mine.filter((p) => !withStatement || p !== STATEMENT_PAGE),
    ...(withStatement
      ? { lastPage: { page: STATEMENT_PAGE, prepare: (provisional: AuditReport) => void writeStatement(options.siteDir, provisional, all.length), normalise: withoutResults } }
      : {}),
  });
  if (options.shard) report = { ...report, shard: options.shard };
  const files = reportFiles(options.reportDir, options.shard);
  writeJson(files.json, report);
  writeHtml(files.html, report);
  options.reporter?.summary(report);
  return { report, exitCode: exitCodeOf(report.pages), files };
}

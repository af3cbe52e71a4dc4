// The JSON report, and merging the reports of shards into one.

import fs from "node:fs";
import path from "node:path";
import { InputError } from "../../story/errors.ts";
import type { AuditReport } from "../types.ts";

export function writeJson(file: string, report: AuditReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}

export function readJson(file: string): AuditReport {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8")) as AuditReport;
    if (!Array.isArray(report.pages) || typeof report.date !== "string") throw new Error("not an audit report");
    return report;
  } catch (error) {
    throw new InputError(file, undefined, `This is not an audit report (${(error as Error).message}).`, "pass the JSON files written by npm run audit -- --shard i/n.");
  }
}

/** A report without what changes from run to run (its date, each page's seconds, which shard):
 *  two audits of the same pages with the same tools give equal reports once both pass through. */
export function withoutTimings(report: AuditReport): AuditReport {
  const { shard: _shard, ...rest } = report;
  return { ...rest, date: "", pages: report.pages.map((page) => ({ ...page, seconds: 0 })) };
}

/** One report from shard reports: pages joined (each page once), the latest date, shared settings. */
export function mergeReports(reports: AuditReport[], files: string[]): AuditReport {
  const first = reports[0];
  if (!first) throw new InputError("--merge", undefined, "No reports to merge.", "pass the shard reports' file names after --merge.");
  const pages = new Map<string, AuditReport["pages"][number]>();
  reports.forEach((report, i) => {
    if (JSON.stringify(report.tools) !== JSON.stringify(first.tools) || report.standard !== first.standard) {
      throw new InputError(files[i] ?? "", undefined, "This shard was audited with other tools or another standard.", "audit every shard with the same version of the project.");
    }
    for (const page of report.pages) pages.set(page.page, page);
  });
  const counts = reports.map((r) => r.shard?.count).filter((c) => c !== undefined);
  const missing = counts.length === reports.length && counts.every((c) => c === counts[0]) && reports.length < (counts[0] ?? 0);
  if (missing) {
    throw new InputError(files.join(", "), undefined, `Only ${reports.length} of ${counts[0]} shards were given.`, "pass every shard's report, or the merged report would hide unaudited pages.");
  }
  return {
    date: reports.map((r) => r.date).sort().at(-1) ?? first.date,
    standard: first.standard,
    tools: first.tools,
    ignored: first.ignored,
    pages: [...pages.values()].sort((a, b) => a.page.localeCompare(b.page)),
  };
}

// Numbers a report is read by: pages, faults, errors, and a line per rule.

import type { AuditReport, Issue } from "../types.ts";

export interface RuleSummary {
  rule: string;
  runner: string;
  /** Errors under this rule, over all pages. */
  count: number;
  pages: string[];
  message: string;
}

export interface Summary {
  pages: number;
  audited: number;
  cached: number;
  faults: Array<{ page: string; fault: string }>;
  errors: number;
  warnings: number;
  pagesWithErrors: number;
  rules: RuleSummary[];
}

export function summarise(report: AuditReport): Summary {
  const rules = new Map<string, RuleSummary>();
  const add = (page: string, issue: Issue) => {
    const rule = rules.get(issue.code) ?? { rule: issue.code, runner: issue.runner, count: 0, pages: [], message: issue.message };
    rule.count++;
    if (!rule.pages.includes(page)) rule.pages.push(page);
    rules.set(issue.code, rule);
  };
  for (const page of report.pages) for (const issue of page.issues) if (issue.type === "error") add(page.page, issue);
  const errors = report.pages.flatMap((p) => p.issues.filter((i) => i.type === "error"));
  return {
    pages: report.pages.length,
    audited: report.pages.filter((p) => !p.cached && !p.fault).length,
    cached: report.pages.filter((p) => p.cached).length,
    faults: report.pages.filter((p) => p.fault).map((p) => ({ page: p.page, fault: p.fault ?? "" })),
    errors: errors.length,
    warnings: report.pages.flatMap((p) => p.issues.filter((i) => i.type === "warning")).length,
    pagesWithErrors: report.pages.filter((p) => p.issues.some((i) => i.type === "error")).length,
    rules: [...rules.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
  };
}

/** One sentence for the statement page and the terminal. */
export function resultSentence(summary: Summary): string {
  if (summary.faults.length) return `${summary.faults.length} page${summary.faults.length === 1 ? "" : "s"} could not be audited (technical fault).`;
  if (summary.errors === 0) return `No accessibility errors found on ${summary.pages} page${summary.pages === 1 ? "" : "s"}.`;
  return `${summary.errors} accessibility error${summary.errors === 1 ? "" : "s"} on ${summary.pagesWithErrors} of ${summary.pages} pages.`;
}

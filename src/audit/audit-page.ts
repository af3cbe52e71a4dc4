// Audits one page in one tab: load it, run pa11y (axe + HTML_CodeSniffer, WCAG2AA), axe's
// WCAG 2.2 rules, then the transcript checks. Faults (failed load, time limit) are thrown.

import pa11y from "pa11y";
import type { Page } from "puppeteer-core";
import type { Browser } from "puppeteer-core";
import { transcriptChecks } from "./checks/index.ts";
import type { Issue, IssueType } from "./types.ts";

export const STANDARD = "WCAG2AA";
export const RUNNERS = ["axe", "htmlcs"];
/** axe tags added to pa11y's WCAG2AA set (wcag2a, wcag21a, wcag2aa, wcag21aa, best-practice). */
export const AXE_WCAG22_TAGS = ["wcag22a", "wcag22aa"];

/** A page that could not be audited: it is reported as a technical fault, never as a pass. */
export class AuditFault extends Error {
  override readonly name = "AuditFault";
  constructor(message: string, readonly retry: boolean) {
    super(message);
  }
}

const SILENT = { debug() {}, error() {}, info() {} };

const AXE_WCAG22 = `(async () => {
  const impact = { critical: "error", serious: "error", moderate: "warning", minor: "notice" };
  const result = await window.axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(AXE_WCAG22_TAGS)} }, resultTypes: ["violations"] });
  return result.violations.flatMap((v) => v.nodes.map((n) => ({
    code: v.id, type: impact[v.impact] || "error", message: v.help + " (" + v.helpUrl + ")",
    selector: n.target.join(" "), context: n.html.slice(0, 200), runner: "axe" })));
})()`;

export function isIgnored(code: string, ignore: string[]): boolean {
  return ignore.some((rule) => code === rule || code.startsWith(`${rule}.`));
}

export async function auditPage(browser: Browser, tab: Page, url: string, ignore: string[]): Promise<Issue[]> {
  let response;
  try {
    response = await tab.goto(url, { waitUntil: "load", timeout: 0 });
  } catch (error) {
    const message = (error as Error).message;
    throw new AuditFault(`the page did not load (${message})`, /closed|crash|disconnected|Target/iu.test(message));
  }
  if (!response || !response.ok()) throw new AuditFault(`the page did not load (HTTP ${response?.status() ?? "no response"})`, false);

  const results = await pa11y(url, { browser, page: tab, ignoreUrl: true, runners: RUNNERS, standard: STANDARD, ignore, log: SILENT });
  const fromPa11y: Issue[] = results.issues.map((i) => ({
    code: i.code, type: i.type as IssueType, message: i.message, selector: i.selector, context: i.context ?? "", runner: i.runner,
  }));
  const wcag22 = (await tab.evaluate(AXE_WCAG22)) as Issue[];
  const ours = await transcriptChecks(tab);
  return [...fromPa11y, ...wcag22, ...ours].filter((issue) => issue.type !== "notice" && !isIgnored(issue.code, ignore));
}

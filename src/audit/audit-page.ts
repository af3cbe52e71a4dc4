// Audits one page in one tab: load it, run pa11y (axe + HTML_CodeSniffer, WCAG2AA, with axe's
// WCAG 2.2 tags added), then the transcript checks. Faults (failed load, time limit) are thrown.

import pa11y from "pa11y";
import type { Page } from "puppeteer-core";
import type { Browser } from "puppeteer-core";
import { transcriptChecks } from "./checks/index.ts";
import { pa11yView } from "./runner-scripts.ts";
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

/**
 * pa11y runs axe with the tags of WCAG2AA and has no option for more (its \`rules\` option is shared
 * with HTML_CodeSniffer, which rejects axe rule ids). This script, installed in each tab before
 * any page loads, catches the axe object when pa11y injects it and adds the WCAG 2.2 tags to the
 * tags pa11y asks for: one axe pass per page instead of two. tests/fixtures/audit/small-target.html
 * proves the WCAG 2.2 rules still run.
 */
export const ADD_WCAG22_TAGS = `(() => {
  const extra = ${JSON.stringify(AXE_WCAG22_TAGS)};
  const widen = (options) => {
    const only = options && options.runOnly;
    if (!only || !/^tags?$/.test(only.type) || !Array.isArray(only.values)) return options;
    return { ...options, runOnly: { ...only, values: [...new Set([...only.values, ...extra])] } };
  };
  let current;
  Object.defineProperty(window, "axe", {
    configurable: true,
    get() { return current; },
    set(axe) {
      current = axe;
      if (!axe || typeof axe !== "object" || Object.prototype.hasOwnProperty.call(axe, "run")) return;
      // axe assigns window.axe before it defines axe.run: catch the assignment of run.
      let run;
      Object.defineProperty(axe, "run", {
        configurable: true,
        enumerable: true,
        get() { return run && function (context, options, callback) { return run.call(this, context, widen(options), callback); }; },
        set(fn) { run = fn; },
      });
    },
  });
})();`;

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

  const results = await pa11y(url, { browser, page: pa11yView(tab), ignoreUrl: true, runners: RUNNERS, standard: STANDARD, ignore, log: SILENT });
  const fromPa11y: Issue[] = results.issues.map((i) => ({
    code: i.code, type: i.type as IssueType, message: i.message, selector: i.selector, context: i.context ?? "", runner: i.runner,
  }));
  const ours = await transcriptChecks(tab);
  return [...fromPa11y, ...ours].filter((issue) => issue.type !== "notice" && !isIgnored(issue.code, ignore));
}

// Reader-experience tests in a real browser: playwright-core driving Debian's Chromium over the
// built site, served on 127.0.0.1, with axe-core for a check of each state the page goes through.

import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, chromiumPath } from "../../src/audit/browser.ts";
import { serveStatic, type StaticServer } from "../../src/audit/serve.ts";
import { REPO } from "./build.ts";

export async function launchReaderBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS.filter((f) => f !== "--headless"), headless: true });
}

export async function serveSite(dir: string, pathPrefix = "/"): Promise<StaticServer> {
  return serveStatic(dir, pathPrefix);
}

const AXE = fs.readFileSync(path.join(REPO, "node_modules", "axe-core", "axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/**
 * axe-core's WCAG 2.x A/AA (and 2.2) rules on the page as it is now, in whatever state it is in.
 * axe is injected once per document; resultTypes ["violations"] spares axe building selectors for
 * every passing node (its documented performance option) and leaves the violations as they are.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(`(async () => {
    const result = await axe.run(document, { resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  })()`);
}

/** The focused element's outline or box-shadow is visible (not "none" and not zero width). */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    return outline || (s.boxShadow && s.boxShadow !== "none");
  })()`);
}

// The public accessibility statement: the site's page (layouts/pages/accessibility.njk) holds a
// marked slot that the audit fills with the date, standard, tools, pages audited and the result.

import fs from "node:fs";
import path from "node:path";
import type { AuditReport } from "../types.ts";
import { escapeHtml as escape } from "./escape.ts";
import { resultSentence, summarise } from "./summary.ts";

export const STATEMENT_PAGE = "accessibility/index.html";
const SLOT = /<!--verbatim:audit-result-->[\s\S]*?<!--\/verbatim:audit-result-->/u;


export function statementFacts(report: AuditReport, pages: number): string {
  const s = summarise(report);
  const when = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(new Date(report.date));
  const tools = `pa11y ${report.tools.pa11y} running axe-core ${report.tools["axe-core"]} and HTML_CodeSniffer ${report.tools.HTML_CodeSniffer}${report.tools.Chromium ? ` in Chromium ${report.tools.Chromium}` : ""}, and Verbatim's own transcript checks`;
  const ignored = report.ignored.length
    ? `<ul>${report.ignored.map((i) => `<li><code>${escape(i.rule)}</code>: ${escape(i.reason)}</li>`).join("")}</ul>`
    : "None.";
  return `<!--verbatim:audit-result-->
<dl class="audit-facts">
<dt>Last audit</dt><dd><time datetime="${escape(report.date)}">${escape(when)} UTC</time></dd>
<dt>Standard</dt><dd>WCAG 2.2, level AA</dd>
<dt>Tools</dt><dd>${escape(tools)}</dd>
<dt>Pages audited</dt><dd>${pages}</dd>
<dt>Result</dt><dd>${escape(resultSentence({ ...s, pages }))}</dd>
<dt>Rules set aside</dt><dd>${ignored}</dd>
</dl>
<!--/verbatim:audit-result-->`;
}

/** The statement's HTML with the results left out: what its audit cache key is made of. */
export function withoutResults(html: string): string {
  return html.replace(SLOT, "<!--verbatim:audit-result--><!--/verbatim:audit-result-->");
}

/** Fills the statement page's slot; false when the site has no statement page. */
export function writeStatement(siteDir: string, report: AuditReport, pages: number): boolean {
  const file = path.join(siteDir, STATEMENT_PAGE);
  if (!fs.existsSync(file)) return false;
  const html = fs.readFileSync(file, "utf8");
  if (!SLOT.test(html)) return false;
  fs.writeFileSync(file, html.replace(SLOT, statementFacts(report, pages)));
  return true;
}

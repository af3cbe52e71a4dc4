// The readable HTML report: faults first, then issues grouped by rule and by page, each with
// its selector and the markup it found. Self-contained, and accessible itself.

import fs from "node:fs";
import path from "node:path";
import type { AuditReport, Issue } from "../types.ts";
import { escapeHtml as escape } from "./escape.ts";
import { resultSentence, summarise } from "./summary.ts";


function issueItem(issue: Issue, label: string): string {
  return `<li><p>${label}</p><p>Selector: <code>${escape(issue.selector)}</code></p>${issue.context ? `<pre><code>${escape(issue.context)}</code></pre>` : ""}</li>`;
}

export function renderHtmlReport(report: AuditReport): string {
  const s = summarise(report);
  const byRule = s.rules
    .map((rule) => {
      const items = report.pages.flatMap((page) =>
        page.issues
          .filter((i) => i.code === rule.rule && i.type === "error")
          .map((i) => issueItem(i, `<a href="#page-${escape(page.page)}">${escape(page.page)}</a>${i.message === rule.message ? "" : `: ${escape(i.message)}`}`)),
      );
      return `<section><h3 id="rule-${escape(rule.rule)}">${escape(rule.rule)} <small>(${escape(rule.runner)}, ${rule.count} on ${rule.pages.length} page${rule.pages.length === 1 ? "" : "s"})</small></h3><p>${escape(rule.message)}</p><ul>${items.join("")}</ul></section>`;
    })
    .join("\n");
  const byPage = report.pages
    .filter((page) => page.issues.some((i) => i.type === "error"))
    .map((page) => {
      const items = page.issues.filter((i) => i.type === "error").map((i) => issueItem(i, `<a href="#rule-${escape(i.code)}">${escape(i.code)}</a>: ${escape(i.message)}`));
      return `<section><h3 id="page-${escape(page.page)}">${escape(page.page)}</h3><ul>${items.join("")}</ul></section>`;
    })
    .join("\n");
  const faults = s.faults.map((f) => `<li><strong>${escape(f.page)}</strong>: ${escape(f.fault)}</li>`).join("");
  const ignored = report.ignored.map((i) => `<li><code>${escape(i.rule)}</code>: ${escape(i.reason)}</li>`).join("");
  const tools = Object.entries(report.tools).map(([name, version]) => `${escape(name)} ${escape(version)}`).join(", ");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accessibility audit: ${escape(resultSentence(s))}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1b1b1b; background: #fff; }
pre { white-space: pre-wrap; background: #f3f3f3; padding: 0.5rem; }
code { font-size: 0.9em; }
small { font-weight: normal; color: #444; }
a { color: #0b57a4; }
@media (prefers-color-scheme: dark) { body { background: #15140f; color: #eeeae2; } pre { background: #24221c; } small { color: #c4bfb4; } a { color: #8cc4ff; } }
</style>
</head>
<body>
<main>
<h1>Accessibility audit</h1>
<p><strong>${escape(resultSentence(s))}</strong></p>
<dl>
<dt>Finished</dt><dd><time datetime="${escape(report.date)}">${escape(report.date)}</time></dd>
<dt>Standard</dt><dd>${escape(report.standard)}</dd>
<dt>Tools</dt><dd>${tools}</dd>
<dt>Pages</dt><dd>${s.pages} (${s.audited} audited now, ${s.cached} unchanged since their last audit)${report.shard ? `, shard ${report.shard.index} of ${report.shard.count}` : ""}</dd>
</dl>
${faults ? `<h2>Pages that could not be audited</h2><ul>${faults}</ul>` : ""}
<h2>Ignored rules</h2>
${ignored ? `<ul>${ignored}</ul>` : "<p>None.</p>"}
<h2>By rule</h2>
${byRule || "<p>No errors.</p>"}
<h2>By page</h2>
${byPage || "<p>No errors.</p>"}
</main>
</body>
</html>
`;
}

export function writeHtml(file: string, report: AuditReport): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderHtmlReport(report));
}

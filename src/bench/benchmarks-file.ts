// BENCHMARKS.md: one section per benchmark between markers, rewritten by each run.

import fs from "node:fs";
import type { AuditBenchResult } from "./audit-bench.ts";
import { PA11Y_CI_VERSION } from "./audit-bench.ts";

const HEADER = `# Benchmarks

Written by \`npm run bench\`; each section is replaced when its benchmark runs again. Figures are
ratios against an anchor measured in the same run on the same machine (shared and noisy), never
absolute targets checked by a timed test.
`;

export function updateBenchmarks(file: string, name: string, section: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${section.trim()}\n${end}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : HEADER;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`, "u");
  fs.writeFileSync(file, pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}\n`);
}

const s = (n: number) => n.toFixed(2);
const pass = (ok: boolean) => (ok ? "met" : "NOT met");

export function auditSection(r: AuditBenchResult, date: Date): string {
  const machine = Object.entries(r.machine).map(([k, v]) => `${k} ${v}`).join(", ");
  return `## Audit (\`npm run bench:audit\`)

${date.toISOString().slice(0, 10)} · ${r.pages} generated story pages of about ${r.words} words each (a typical radio news piece) · ${machine}

| run | seconds | seconds per page | exit code |
|---|---:|---:|---:|
| this audit, cold (no cache, ${r.tabs} tabs in one browser) | ${s(r.cold.seconds)} | ${s(r.cold.perPage)} | ${r.cold.exitCode} |
| this audit, warm after editing one story (${r.warm.audited} page${r.warm.audited === 1 ? "" : "s"} audited) | ${s(r.warm.seconds)} | – | ${r.warm.exitCode} |
| pa11y-ci ${PA11Y_CI_VERSION} at its defaults, runners axe + htmlcs (${r.pa11yCi.summary}) | ${s(r.pa11yCi.seconds)} | ${s(r.pa11yCi.perPage)} | ${r.pa11yCi.exitCode} |

- Cold speed-up over pa11y-ci: **${r.ratio.toFixed(1)}×** (target at least 5×: ${pass(r.ratio >= 5)}).
- One-story re-audit: **${s(r.warm.seconds)} s** of audit work, browser start included (target within 3 s: ${pass(r.warm.seconds <= 3)}).
`;
}

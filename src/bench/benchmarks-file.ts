// BENCHMARKS.md: one section per benchmark between markers, rewritten by each run.

import fs from "node:fs";
import type { AuditBenchResult } from "./audit-bench.ts";
import { PA11Y_CI_VERSION } from "./audit-bench.ts";
import type { AuditShardBenchResult } from "./audit-shard-bench.ts";
import type { AuditSiteBenchResult } from "./audit-site-bench.ts";

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

const machineLine = (machine: Record<string, string>) => Object.entries(machine).map(([k, v]) => `${k} ${v}`).join(", ");

export function auditSiteSection(r: AuditSiteBenchResult, date: Date): string {
  return `## Audit of the sample site (\`npm run bench:audit\`)

${date.toISOString().slice(0, 10)} · the sample site's own ${r.pages} pages (content/: stories, home, archive, tags, speakers, shows, search, statement), served from the root · ${machineLine(r.machine)}

| run | seconds | CPU seconds | seconds per page | exit code |
|---|---:|---:|---:|---:|
| \`npm run audit -- --full\` (its own process, browser start included) | ${s(r.ours.seconds)} | ${s(r.ours.cpuSeconds)} | ${s(r.ours.seconds / r.pages)} | ${r.ours.exitCode} |
| pa11y-ci ${PA11Y_CI_VERSION} at its defaults, runners axe + htmlcs (${r.pa11yCi.summary}) | ${s(r.pa11yCi.seconds)} | – | ${s(r.pa11yCi.perPage)} | ${r.pa11yCi.exitCode} |

- Speed-up over pa11y-ci: **${r.ratio.toFixed(1)}×** (target at least 5×: ${pass(r.ratio >= 5)}).
- Our slowest pages (seconds from load to the last check, with other tabs at work beside them): ${r.slowest.map((p) => `${p.page} ${p.seconds.toFixed(1)} s`).join(", ")}.
`;
}

export function auditShardSection(r: AuditShardBenchResult, date: Date): string {
  const n = r.shards.length;
  const shardCpu = r.shards.reduce((sum, x) => sum + x.cpuSeconds, 0);
  const shardSeconds = r.shards.reduce((sum, x) => sum + x.seconds, 0);
  const rows = r.shards.map((x, i) => `| shard ${i + 1}/${n} | ${x.pages} | ${s(x.seconds)} | ${s(x.cpuSeconds)} | ${x.exitCode} |`).join("\n");
  const extra = (r.fixed.cpuSeconds * (n - 1)) / r.single.cpuSeconds;
  return `## Audit in shards (\`npm run bench -- --only audit-shards\`)

${date.toISOString().slice(0, 10)} · ${r.pages} pages of ${r.stories} generated stories, audited with \`--full\` once whole and once as ${n} shards run one after another on the same machine; CPU is the user + system time of each audit process and every process it starts (its Chromium), from /proc · ${machineLine(r.machine)}

| run | pages | seconds | CPU seconds | exit code |
|---|---:|---:|---:|---:|
| unsharded | ${r.single.pages} | ${s(r.single.seconds)} | ${s(r.single.cpuSeconds)} | ${r.single.exitCode} |
${rows}
| all ${n} shards | ${r.shards.reduce((sum, x) => sum + x.pages, 0)} | ${s(shardSeconds)} | ${s(shardCpu)} | – |
| one audit process with one small page (the fixed cost each shard pays) | 1 | ${s(r.fixed.seconds)} | ${s(r.fixed.cpuSeconds)} | – |

- CPU of ${n} shards over one run: **${r.cpuRatio.toFixed(3)}** (target within 10%: ${pass(Math.abs(r.cpuRatio - 1) <= 0.1)}); the ${n - 1} extra fixed costs come to ${(extra * 100).toFixed(1)} % of the unsharded CPU.
- The merged report (\`--merge\`) equals the unsharded one, dates and seconds aside: **${r.mergedEqual ? "yes" : `no (${r.differences.slice(0, 5).join(", ")})`}**.
`;
}

// Progress while the audit runs (pages done of total) and a summary per rule at the end.

import type { AuditReport, PageResult } from "../types.ts";
import { resultSentence, summarise } from "./summary.ts";

export interface TerminalReporter {
  start(toAudit: number, cached: number): void;
  progress(result: PageResult, done: number, total: number): void;
  summary(report: AuditReport): void;
}

export function terminalReporter(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): TerminalReporter {
  return {
    start(toAudit, cached) {
      write(`Auditing ${toAudit} page${toAudit === 1 ? "" : "s"}${cached ? ` (${cached} unchanged since their last audit)` : ""}…`);
    },
    progress(result, done, total) {
      const errors = result.issues.filter((i) => i.type === "error").length;
      const status = result.fault ? `FAULT: ${result.fault}` : errors ? `${errors} error${errors === 1 ? "" : "s"}` : "ok";
      write(`  [${done}/${total}] ${result.page}: ${status} (${result.seconds.toFixed(1)} s)`);
    },
    summary(report) {
      const s = summarise(report);
      write(`\n${resultSentence(s)} ${s.audited} audited, ${s.cached} unchanged.`);
      for (const fault of s.faults) write(`  fault  ${fault.page}: ${fault.fault}`);
      for (const rule of s.rules) write(`  ${String(rule.count).padStart(4)} × ${rule.rule} (${rule.runner}) on ${rule.pages.length} page${rule.pages.length === 1 ? "" : "s"}: ${rule.message.slice(0, 120)}`);
      for (const ignored of report.ignored) write(`  ignored ${ignored.rule}: ${ignored.reason}`);
    },
  };
}

// The publishing benchmark reads the build's own audit line; if the line's wording changes, the
// benchmark must fail, not report nothing.

import { describe, expect, it } from "vitest";
import { terminalReporter } from "../src/audit/report/terminal.ts";
import { auditCounts, newStory } from "../src/bench/publish-bench.ts";

describe("publishing benchmark", () => {
  it("reads the counts from the audit's own opening line, cached or not, one page or many", () => {
    for (const [toAudit, cached] of [[124, 10698], [1, 0], [0, 45], [1114, 0]] as const) {
      const lines: string[] = [];
      terminalReporter((line) => lines.push(line)).start(toAudit, cached);
      expect(auditCounts(`Building…\n${lines.join("\n")}\n  [1/1] index.html: ok (0.4 s)\n`)).toEqual({ audited: toAudit, unchanged: cached });
    }
  });

  it("fails, quoting the output, when the build did not say what it audited", () => {
    expect(() => auditCounts("warning: the audit was skipped (--skip-audit)")).toThrow(/did not say how many pages it audited/);
  });

  it("dates the new story today, and nothing else of it changes", () => {
    const story = newStory(1001, "2026-12-02");
    expect(story.text).toMatch(/^date: 2026-12-02$/mu);
    expect(story.text.match(/^date: /gmu)).toHaveLength(1);
    expect(story.slug).toBe("generated-1001");
  });
});

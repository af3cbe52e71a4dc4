// The build audits before it publishes: incremental re-audits, and an audit failure keeps _site/.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles, makeProject, runBuild } from "./helpers/build.ts";

let project: string;
let output: string;

const audited = (stdout: string) => Number(/ (\d+) audited, (\d+) unchanged\./.exec(stdout)?.[1] ?? -1);

beforeAll(() => {
  project = makeProject({ copyLayouts: true, stories: ["night-ferry-returns"] });
  output = path.join(project, "_site");
});

describe("an audited build", () => {
  it("audits every page the first time, then only pages whose HTML changed", async () => {
    const cold = await runBuild([], project, output);
    expect(cold.code, cold.stderr + cold.stdout).toBe(0);
    const pages = listFiles(output).filter((f) => f.endsWith(".html")).length;
    expect(audited(cold.stdout)).toBe(pages);

    const warm = await runBuild([], project, output);
    expect(warm.code).toBe(0);
    expect(audited(warm.stdout)).toBe(0);

    const story = path.join(project, "content/stories/night-ferry-returns/index.md");
    fs.writeFileSync(story, fs.readFileSync(story, "utf8").replace("Nobody seems to mind.", "Nobody seems to mind at all."));
    const edited = await runBuild([], project, output);
    expect(edited.code).toBe(0);
    expect(audited(edited.stdout)).toBe(1);
    expect(edited.stdout).toMatch(/stories\/night-ferry-returns\/index\.html: ok/);

    const full = await runBuild(["--full-audit"], project, output);
    expect(audited(full.stdout)).toBe(pages);
  });

  it("re-audits every page that loads a stylesheet when the stylesheet changes, and fails on low contrast, keeping _site/", async () => {
    const hash = (dir: string) => crypto.createHash("sha256").update(listFiles(dir).map((f) => f + fs.readFileSync(path.join(dir, f), "utf8")).join()).digest("hex");
    const before = hash(output);
    const css = path.join(project, "layouts/assets/verbatim.css");
    const original = fs.readFileSync(css, "utf8");
    fs.writeFileSync(css, original.replace("--muted: #4a4a4a;", "--muted: #b0b0b0;"));
    try {
      const run = await runBuild([], project, output);
      expect(run.code).toBe(2);
      expect(run.stdout).toMatch(/color-contrast \(axe\)/);
      expect(run.stderr).toMatch(/Build failed: the audit found accessibility errors\. \S*_site\/ was left as it was\./);
      expect(hash(output)).toBe(before);
      const report = fs.readFileSync(path.join(project, "reports/audit.html"), "utf8");
      expect(report).toContain("color-contrast");
      expect(fs.readdirSync(project).filter((f) => f.includes("staging"))).toEqual([]);
    } finally {
      fs.writeFileSync(css, original);
    }
  });
});

// The build command on a throwaway project: clear errors, nothing lost, nothing stale.

import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listFiles, makeProject, REPO, runBuild } from "./helpers/build.ts";

function fingerprint(dir: string): string {
  const hash = crypto.createHash("sha256");
  for (const file of listFiles(dir)) hash.update(file).update(fs.readFileSync(path.join(dir, file)));
  return hash.digest("hex");
}

let project: string;
let output: string;

beforeAll(async () => {
  project = makeProject();
  output = path.join(project, "_site");
  const first = await runBuild(["--skip-audit"], project, output);
  expect(first.code, first.stderr).toBe(0);
});

function write(relative: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(project, relative)), { recursive: true });
  fs.writeFileSync(path.join(project, relative), text);
}

describe("a build with mistakes in the content", () => {
  it("names every file and line with the fix, prints no stack trace, and leaves _site/ exactly as it was", async () => {
    const before = fingerprint(output);
    write("content/stories/broken-date.md", "---\ntitle: Broken\nshow: Night Desk\ndate: 2026-02-30\n---\nANA LOPEZ, HOST: Hi.\n");
    write("content/stories/unknown-label.md", "---\ntitle: Label\nshow: Night Desk\ndate: 2026-02-03\n---\nIntro.\n\nMANN: Hello.\n");
    try {
      const run = await runBuild(["--skip-audit"], project, output);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("Build failed. ");
      expect(run.stderr).toContain("2 problems in the content");
      expect(run.stderr).toMatch(/content\/stories\/broken-date\.md:4: The field "date" "2026-02-30" is not a real date written YYYY-MM-DD\.\n {2}Fix: /);
      expect(run.stderr).toMatch(/content\/stories\/unknown-label\.md:8: Unknown speaker label "MANN:"[^\n]*\n {2}Fix: introduce the speaker/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stderr).not.toContain("[object Object]");
      expect(fingerprint(output)).toBe(before);
      expect(fs.readdirSync(project).filter((f) => f.includes("staging"))).toEqual([]);
    } finally {
      fs.rmSync(path.join(project, "content/stories/broken-date.md"));
      fs.rmSync(path.join(project, "content/stories/unknown-label.md"));
    }
  });

  it("warns instead of failing when a story opts into lenient mode", async () => {
    write("content/stories/lenient.md", "---\ntitle: Lenient\nshow: Night Desk\ndate: 2026-02-03\nlenient: true\n---\nIntro.\n\nMANN: Hello.\n");
    try {
      const run = await runBuild(["--skip-audit"], project, output);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/content\/stories\/lenient\.md:9: warning: Unknown speaker label "MANN:"/);
    } finally {
      fs.rmSync(path.join(project, "content/stories/lenient.md"));
    }
  });

  it("fails on a missing audio file, naming the story", async () => {
    write("content/stories/no-audio.md", "---\ntitle: A\nshow: S\ndate: 2026-02-03\naudio: missing.mp3\n---\nANA LOPEZ, HOST: Hi.\n");
    try {
      const run = await runBuild(["--skip-audit"], project, output);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("content/stories/no-audio.md:5: The audio file content/stories/missing.mp3 does not exist.");
    } finally {
      fs.rmSync(path.join(project, "content/stories/no-audio.md"));
    }
  });
});

describe("a good build", () => {
  it("removes pages of stories that were deleted, and leaves drafts out", async () => {
    write("content/stories/short-lived.md", "---\ntitle: Short\nshow: Pop-up Show\ndate: 2026-02-03\n---\nANA LOPEZ, HOST: Hi.\n");
    expect((await runBuild(["--skip-audit"], project, output)).code).toBe(0);
    expect(fs.existsSync(path.join(output, "stories/short-lived/index.html"))).toBe(true);
    expect(fs.existsSync(path.join(output, "shows/pop-up-show/index.html"))).toBe(true);
    fs.writeFileSync(path.join(project, "content/stories/short-lived.md"), "---\ntitle: Short\nshow: Pop-up Show\ndate: 2026-02-03\ndraft: true\n---\nANA LOPEZ, HOST: Hi.\n");
    const run = await runBuild(["--skip-audit"], project, output);
    expect(run.stdout).toMatch(/\(1 draft left out\)/);
    expect(fs.existsSync(path.join(output, "stories/short-lived/index.html"))).toBe(false);
    expect(fs.existsSync(path.join(output, "shows/pop-up-show/index.html"))).toBe(false);
    expect(fs.readFileSync(path.join(output, "sitemap.xml"), "utf8")).not.toContain("short-lived");
    fs.rmSync(path.join(project, "content/stories/short-lived.md"));
  });
});

describe("npm run new", () => {
  const runNew = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "scripts", "new.ts"), ...args], { cwd: project, encoding: "utf8" });

  it("scaffolds a draft story that builds, and never overwrites one", async () => {
    const made = runNew("--show", "Night Desk", "--title", "The Bridge Opens", "--date", "2026-06-01");
    expect(made.status, made.stderr).toBe(0);
    const file = path.join(project, "content/stories/the-bridge-opens.md");
    expect(fs.readFileSync(file, "utf8")).toMatch(/^---\ntitle: The Bridge Opens\nshow: Night Desk\ndate: 2026-06-01\n/);
    const again = runNew("--show", "Night Desk", "--title", "The Bridge Opens");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("content/stories/the-bridge-opens.md already exists; nothing was written.");
    expect((await runBuild(["--skip-audit"], project, output)).code).toBe(0);
    fs.rmSync(file);
  });

  it("explains its usage when an option is missing", () => {
    const run = runNew("--title", "X");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: npm run new");
  });
});

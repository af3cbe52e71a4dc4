// `npm run import` as an editor runs it: files and folders in, stories out, progress and
// warnings printed, nothing replaced without --force, a bad file reported without stopping the rest.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeProject, REPO, runBuild } from "./helpers/build.ts";
import { runImport as runImportCommand } from "./helpers/commands.ts";

const CAPTIONS = path.join(REPO, "tests", "fixtures", "import", "captions");

async function runImport(cwd: string, args: string[]) {
  const result = await runImportCommand(args, cwd);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run import", () => {
  it("writes a story that builds, and never replaces one without --force", async () => {
    const project = makeProject({ stories: [] });
    const vtt = path.join(CAPTIONS, "riverside-market.vtt");
    const first = await runImport(project, [vtt, "--show", "Night Desk", "--title", "Riverside Market", "--date", "2026-11-02"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/riverside-market\.vtt → content\/stories\/riverside-market\.md {2}WebVTT · English \(en, from the file\) · 3 speakers · 7 turns · 3 cues · timed/u);
    const story = fs.readFileSync(path.join(project, "content", "stories", "riverside-market.md"), "utf8");
    expect(story).toMatch(/^---\n# Imported by Verbatim from riverside-market\.vtt \(WebVTT\)\.\n/u);
    expect(story).toContain("title: Riverside Market\nshow: Night Desk\ndate: 2026-11-02\n");

    const again = await runImport(project, [vtt, "--show", "Night Desk", "--title", "Riverside Market"]);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("content/stories/riverside-market.md already exists; nothing was written.");
    expect(again.stdout).toContain("fix: pass --force to replace it");
    expect(fs.readFileSync(path.join(project, "content", "stories", "riverside-market.md"), "utf8")).toBe(story);

    const forced = await runImport(project, [vtt, "--show", "Night Desk", "--title", "Riverside Market", "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("(replaced)");

    const built = await runBuild(["--skip-audit"], project);
    expect(built.stderr.replace(/warning: the audit was skipped.*\n?/u, "")).toBe("");
    expect(built.code).toBe(0);
    expect(fs.existsSync(path.join(built.output, "stories", "riverside-market", "index.html"))).toBe(true);
  });

  it("imports a folder with progress, reports a bad file by name and carries on", async () => {
    const project = makeProject({ stories: [] });
    const inbox = path.join(project, "inbox");
    fs.mkdirSync(inbox);
    fs.copyFileSync(path.join(CAPTIONS, "riverside-market.vtt"), path.join(inbox, "a-market.vtt"));
    fs.copyFileSync(path.join(CAPTIONS, "riverside-unnumbered.srt"), path.join(inbox, "b-unnumbered.srt"));
    fs.writeFileSync(path.join(inbox, "c-broken.json"), '{"version": "1.0.0", "segments": [{"startTime": "soon", "body": "Hi"}]}');
    fs.writeFileSync(path.join(inbox, ".hidden.vtt"), "not read");
    const run = await runImport(project, ["inbox", "--show", "Night Desk"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\[1\/3\] inbox\/a-market\.vtt → content\/stories\/a-market\.md/mu);
    expect(run.stdout).toMatch(/^\[2\/3\] inbox\/b-unnumbered\.srt → content\/stories\/b-unnumbered\.md {2}SubRip \(SRT\)/mu);
    expect(run.stdout).toMatch(/^\[3\/3\] inbox\/c-broken\.json(:\d+)?: error: .*segments\[0\]\.startTime/mu);
    expect(run.stdout).toContain("2 of 3 files imported; 1 failed.");
    expect(run.stdout).not.toMatch(/\[object Object\]|\n\s+at /u);
    expect(fs.readdirSync(path.join(project, "content", "stories")).sort()).toEqual(["a-market.md", "b-unnumbered.md"]);
  });

  it("sets the story's language when the source cannot say it", async () => {
    const project = makeProject({ stories: [] });
    const podlove = path.join(REPO, "tests", "fixtures", "import", "structured", "podlove-podlovers-ep3-de.json");
    const run = await runImport(project, [podlove, "--show", "Podlovers", "--title", "Folge 3", "--lang", "de"]);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(project, "content", "stories", "folge-3.md"), "utf8")).toMatch(/^lang: de$/mu);
    const bad = await runImport(project, [podlove, "--show", "Podlovers", "--lang", "German"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang "German" is not a BCP 47 language tag');
  });

  it("explains what it cannot read, and rejects --title for many files", async () => {
    const project = makeProject({ stories: [] });
    fs.writeFileSync(path.join(project, "notes.txt"), "just some words with no labels at all\n");
    const unknown = await runImport(project, ["notes.txt", "--show", "Night Desk"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain("notes.txt: error: ");
    expect(unknown.stdout).toContain("fix: ");

    const noShow = await runImport(project, [path.join(CAPTIONS, "riverside-market.vtt")]);
    expect(noShow.code).toBe(1);
    expect(noShow.stdout).toContain('fix: pass --show "Show name".');

    const many = await runImport(project, [CAPTIONS, "--show", "Night Desk", "--title", "One"]);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain("--title names one story");
  });

  it("runs from the terminal as scripts/import.ts, explaining its usage", () => {
    const script = spawnSync(process.execPath, ["--import", "tsx", path.join(REPO, "scripts", "import.ts")], { cwd: REPO, encoding: "utf8" });
    expect(script.status).toBe(2);
    expect(script.stderr).toContain("Name at least one transcript file or folder.\nUsage: npm run import -- ");
  });
});

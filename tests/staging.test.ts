// The folders a killed build leaves next to its output: removed when their process is gone, kept
// while it runs, and nothing else touched.

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeStaleProfiles } from "../src/audit/browser.ts";
import { leftFolders, previousFolder, processGone, removeLeftFolders, stagingFolder } from "../src/build/staging.ts";

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

let alive: ChildProcess;

beforeAll(() => {
  alive = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
});

afterAll(() => {
  alive.kill("SIGKILL");
});

function makeSite(): { parent: string; output: string } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-staging-"));
  const output = path.join(parent, "_site");
  fs.mkdirSync(output);
  fs.writeFileSync(path.join(output, "index.html"), "current");
  return { parent, output };
}

function folder(dir: string, content: string): string {
  fs.mkdirSync(path.join(dir, "stories"), { recursive: true });
  fs.writeFileSync(path.join(dir, "stories", "index.html"), content);
  return dir;
}

describe("processGone", () => {
  it("says a process that ended is gone, and one that runs is not", () => {
    expect(processGone(deadPid())).toBe(true);
    expect(processGone(process.pid)).toBe(false);
    expect(processGone(alive.pid ?? 0)).toBe(false);
  });

  it("counts a process we may not signal (EPERM) as running, and only ESRCH as gone", () => {
    const failing = (code: string) => () => {
      throw Object.assign(new Error(code), { code });
    };
    expect(processGone(1, failing("EPERM"))).toBe(false);
    expect(processGone(1, failing("ESRCH"))).toBe(true);
    expect(processGone(1, () => true)).toBe(false);
  });
});

describe("removeLeftFolders", () => {
  it("removes the staging and previous folders of a dead build, keeps a running build's, and touches nothing else", () => {
    const { parent, output } = makeSite();
    const dead = deadPid();
    const live = alive.pid ?? 0;
    const deadStaging = folder(stagingFolder(output, dead), "half-rendered");
    const deadPrevious = folder(previousFolder(output, dead), "old");
    const liveStaging = folder(stagingFolder(output, live), "rendering now");
    const livePrevious = folder(previousFolder(output, live), "being swapped");
    const others = [
      folder(path.join(parent, "_site.staging-notapid"), "x"),
      folder(path.join(parent, "_site2.staging-" + dead), "another site"),
      folder(path.join(parent, "_site.staging-" + dead + "-copy"), "x"),
      folder(path.join(parent, "reports"), "x"),
    ];
    const file = path.join(parent, `_site.staging-${dead}.txt`);
    fs.writeFileSync(file, "a file, not a folder");

    expect(leftFolders(output).map((f) => `${f.kind} ${f.pid}`).sort()).toEqual(
      [`previous ${dead}`, `previous ${live}`, `staging ${dead}`, `staging ${live}`].sort(),
    );
    const done = removeLeftFolders(output);
    expect(done.sort()).toEqual([`removed ${deadPrevious}`, `removed ${deadStaging}`].sort());
    expect(fs.existsSync(deadStaging)).toBe(false);
    expect(fs.existsSync(deadPrevious)).toBe(false);
    expect(fs.readFileSync(path.join(liveStaging, "stories", "index.html"), "utf8")).toBe("rendering now");
    expect(fs.readFileSync(path.join(livePrevious, "stories", "index.html"), "utf8")).toBe("being swapped");
    for (const other of others) expect(fs.existsSync(path.join(other, "stories", "index.html"))).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readFileSync(path.join(output, "index.html"), "utf8")).toBe("current");
    fs.rmSync(parent, { recursive: true });
  });

  it("puts a dead build's previous folder back when it died between its two renames (no output)", () => {
    const { parent, output } = makeSite();
    const dead = deadPid();
    fs.renameSync(output, previousFolder(output, dead));
    folder(stagingFolder(output, dead), "new, never swapped in");
    const done = removeLeftFolders(output);
    expect(done).toEqual([`restored ${previousFolder(output, dead)} to ${output}`, `removed ${stagingFolder(output, dead)}`]);
    expect(fs.readdirSync(parent)).toEqual(["_site"]);
    expect(fs.readFileSync(path.join(output, "index.html"), "utf8")).toBe("current");
    fs.rmSync(parent, { recursive: true });
  });

  it("decides by the test it is given: a stopping build removes its own folders only", () => {
    const { parent, output } = makeSite();
    const dead = deadPid();
    const mine = folder(stagingFolder(output), "mine");
    const theirs = folder(stagingFolder(output, dead), "theirs");
    expect(removeLeftFolders(output, (pid) => pid === process.pid)).toEqual([`removed ${mine}`]);
    expect(fs.existsSync(theirs)).toBe(true);
    fs.rmSync(parent, { recursive: true });
  });

  it("does nothing when the output's folder does not exist", () => {
    expect(removeLeftFolders(path.join(os.tmpdir(), "verbatim-no-such-folder", "_site"))).toEqual([]);
  });
});

describe("removeStaleProfiles", () => {
  it("removes the Chromium profiles of dead processes, keeps those of running ones, and touches nothing else", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-profiles-"));
    const dead = folder(path.join(tmp, `verbatim-chromium-${deadPid()}-abc123`), "x");
    const live = folder(path.join(tmp, `verbatim-chromium-${alive.pid}-def456`), "x");
    const mine = folder(path.join(tmp, `verbatim-chromium-${process.pid}-ghi789`), "x");
    const other = folder(path.join(tmp, "puppeteer_dev_chrome_profile-XYZ"), "x");
    removeStaleProfiles(tmp);
    expect(fs.existsSync(dead)).toBe(false);
    for (const kept of [live, mine, other]) expect(fs.existsSync(path.join(kept, "stories", "index.html"))).toBe(true);
    fs.rmSync(tmp, { recursive: true });
  });
});

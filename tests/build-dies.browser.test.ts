// A build stopped midway, as a user or a CI runner stops it: real builds killed while they render
// and while they audit, with SIGINT, SIGTERM and SIGKILL. The output folder is never touched;
// Ctrl-C and SIGTERM leave no staging folder; after SIGKILL no process the build started survives
// it, and the next build removes the staging folder it left.

import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { procStatFields } from "../src/bench/measure.ts";
import { listFiles, makeProject, REPO, TEST_IMAGE_CACHE } from "./helpers/build.ts";

// This machine is slow and shared: wait long, poll often.
const PHASE_LIMIT_MS = 240_000;
const TEST_TIMEOUT_MS = 600_000;

/** Every build started, so a failed test leaves none running. */
const builds: ChildProcess[] = [];

interface Running {
  child: ChildProcess;
  pid: number;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs scripts/build.ts as runBuild does, or (`viaNpm`) as `npm run build` runs it, through
 * scripts/with-memory.mjs, in a process group of its own like a terminal's foreground job.
 */
function startBuild(project: string, output: string, args: string[], viaNpm = false): Running {
  const script = [path.join(REPO, "scripts", "build.ts"), "--output", output, ...args];
  const command = viaNpm ? [path.join(REPO, "scripts", "with-memory.mjs"), ...script] : ["--import", "tsx", ...script];
  const child = spawn(process.execPath, command, {
    cwd: project,
    env: { ...process.env, VERBATIM_BASE_URL: "", VERBATIM_IMAGE_CACHE: TEST_IMAGE_CACHE },
    stdio: ["ignore", "pipe", "pipe"],
    detached: viaNpm,
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  if (child.pid === undefined) throw new Error("the build did not start");
  builds.push(child);
  return { child, pid: child.pid, stdout: () => stdout, stderr: () => stderr, exited };
}

async function waitFor(what: string, test: () => boolean, run: Running, limitMs = PHASE_LIMIT_MS): Promise<void> {
  const started = Date.now();
  let ended = false;
  void run.exited.then(() => (ended = true));
  while (!test()) {
    if (ended) throw new Error(`the build ended before ${what}:\n${run.stdout()}\n${run.stderr()}`);
    if (Date.now() - started > limitMs) throw new Error(`no ${what} within ${limitMs / 1000} s:\n${run.stdout()}\n${run.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function within(limitMs: number, test: () => boolean): Promise<boolean> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > limitMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

// ---- processes, read from /proc -------------------------------------------------------------

interface Proc {
  pid: number;
  ppid: number;
  /** R, S, Z (a zombie: ended, not yet reaped), … */
  state: string;
  /** Clock ticks since boot when it started: with the pid, it names one process for ever. */
  start: string;
  cmdline: string;
}

function readProc(pid: number): Proc | undefined {
  try {
    const fields = procStatFields(pid);
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    return { pid, state: fields[0] ?? "", ppid: Number(fields[1]), start: fields[19] ?? "", cmdline };
  } catch {
    return undefined;
  }
}

function processes(): Proc[] {
  return fs.readdirSync("/proc").filter((name) => /^\d+$/u.test(name)).map((name) => readProc(Number(name))).filter((p): p is Proc => p !== undefined);
}

/** Every process started by this one, directly or not. */
function descendants(pid: number): Proc[] {
  const all = processes();
  const found: Proc[] = [];
  let parents = new Set([pid]);
  while (parents.size) {
    const children = all.filter((p) => parents.has(p.ppid));
    found.push(...children);
    parents = new Set(children.map((p) => p.pid));
  }
  return found;
}

/** Chromium processes launched by this build: their profile folder is named after the build's pid. */
function chromiumOf(buildPid: number): Proc[] {
  const marker = `--user-data-dir=${path.join(os.tmpdir(), `verbatim-chromium-${buildPid}-`)}`;
  return processes().filter((p) => p.cmdline.includes(marker));
}

function stillRunning(procs: Proc[]): Proc[] {
  return procs.filter((p) => {
    const now = readProc(p.pid);
    return now !== undefined && now.start === p.start && now.state !== "Z";
  });
}

// ---- the project ------------------------------------------------------------------------------

let project: string;
let output: string;

const digest = (dir: string) =>
  crypto.createHash("sha256").update(listFiles(dir).map((f) => `${f}\0${fs.readFileSync(path.join(dir, f)).toString("base64")}`).join("\0")).digest("hex");

const leftovers = () => fs.readdirSync(project).filter((f) => /^_site\.(staging|previous)-/u.test(f)).sort();

beforeAll(() => {
  project = makeProject({ stories: ["night-ferry-returns"] });
  output = path.join(project, "_site");
});

let before: { digest: string; inode: number };

beforeEach(() => {
  // The output of an earlier build, with a marker no build would write.
  fs.rmSync(output, { recursive: true, force: true });
  fs.mkdirSync(path.join(output, "stories", "old"), { recursive: true });
  fs.writeFileSync(path.join(output, "index.html"), "<!doctype html><title>An earlier build</title>");
  fs.writeFileSync(path.join(output, "stories", "old", "index.html"), "<!doctype html><title>Old story</title>");
  fs.writeFileSync(path.join(output, "marker.txt"), crypto.randomUUID());
  fs.rmSync(path.join(project, "reports"), { recursive: true, force: true });
  for (const left of leftovers()) fs.rmSync(path.join(project, left), { recursive: true, force: true });
  before = { digest: digest(output), inode: fs.statSync(output).ino };
});

afterEach(async () => {
  for (const child of builds.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const ended = new Promise((resolve) => child.once("exit", resolve));
      // A build run like npm's leads its own process group: end the whole group.
      if (child.spawnargs.some((arg) => arg.endsWith("with-memory.mjs"))) process.kill(-(child.pid ?? 0), "SIGKILL");
      else child.kill("SIGKILL");
      await ended;
    }
  }
});

function expectOutputUnchanged(): void {
  expect(fs.statSync(output).ino).toBe(before.inode);
  expect(digest(output)).toBe(before.digest);
}

type Phase = "rendering" | "auditing";

/** Starts a full build (every page audited, so the browser runs) and waits for the phase. */
async function buildUntil(phase: Phase): Promise<Running> {
  const run = startBuild(project, output, ["--full-audit"]);
  const staging = `${output}.staging-${run.pid}`;
  if (phase === "rendering") {
    await waitFor("staging folder", () => fs.existsSync(staging), run);
    expect(run.stdout(), "still rendering").not.toContain("Auditing");
  } else {
    await waitFor("browser of the audit", () => run.stdout().includes("Auditing") && chromiumOf(run.pid).length > 0, run);
  }
  return run;
}

describe("a build stopped by Ctrl-C or SIGTERM", () => {
  const cases: [NodeJS.Signals, Phase, number, RegExp][] = [
    ["SIGINT", "rendering", 130, /interrupted \(Ctrl-C\)/u],
    ["SIGTERM", "rendering", 143, /terminated \(SIGTERM\)/u],
    ["SIGINT", "auditing", 130, /interrupted \(Ctrl-C\)/u],
    ["SIGTERM", "auditing", 143, /terminated \(SIGTERM\)/u],
  ];
  it.each(cases)("%s while %s: exits %i, says so in one line, removes its staging folder, leaves the output and no process behind", async (signal, phase, code, reason) => {
    const run = await buildUntil(phase);
    const started = [...descendants(run.pid), ...chromiumOf(run.pid)];
    if (phase === "auditing") expect(started.some((p) => p.cmdline.includes("chromium"))).toBe(true);
    run.child.kill(signal);
    const end = await run.exited;

    expect(end, run.stderr()).toEqual({ code, signal: null });
    const stopped = run.stderr().split("\n").filter((line) => line.startsWith("Build stopped"));
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatch(reason);
    expect(stopped[0]).toContain(`${output}/ was left as it was.`);
    expect(run.stderr()).not.toMatch(/Build failed|at .*\.ts:\d+/u);
    expect(run.stdout()).not.toMatch(/FAULT|Built /u);
    expect(leftovers()).toEqual([]);
    expectOutputUnchanged();
    // A stopped audit writes no report (the last one stays the last complete audit).
    expect(fs.existsSync(path.join(project, "reports", "audit.json"))).toBe(false);
    expect(await within(15_000, () => stillRunning(started).length === 0 && chromiumOf(run.pid).length === 0), JSON.stringify(stillRunning(started))).toBe(true);
  }, TEST_TIMEOUT_MS);
});

describe("Ctrl-C in the terminal running npm run build", () => {
  it("reaches every process of the job, the build stops once, and the job exits 130", async () => {
    const run = startBuild(project, output, ["--full-audit"], true);
    const build = () => descendants(run.pid).find((p) => p.cmdline.includes("scripts/build.ts"));
    await waitFor("browser of the audit", () => run.stdout().includes("Auditing") && chromiumOf(build()?.pid ?? -1).length > 0, run);
    const started = [...descendants(run.pid), ...chromiumOf(build()?.pid ?? -1)];
    // What a terminal does on Ctrl-C: SIGINT to the whole foreground process group; with-memory
    // passes it on as well, so the build receives it twice.
    process.kill(-run.pid, "SIGINT");
    expect(await run.exited, run.stderr()).toEqual({ code: 130, signal: null });
    expect(run.stderr().split("\n").filter((line) => line.startsWith("Build stopped"))).toEqual([
      `Build stopped: interrupted (Ctrl-C). ${output}/ was left as it was.`,
    ]);
    expect(leftovers()).toEqual([]);
    expectOutputUnchanged();
    expect(await within(15_000, () => stillRunning(started).length === 0), JSON.stringify(stillRunning(started))).toBe(true);
  }, TEST_TIMEOUT_MS);
});

describe("a build killed with SIGKILL", () => {
  it.each(["rendering", "auditing"] as Phase[])("while %s: leaves the output alone and no process running; the next build removes its staging folder", async (phase) => {
    const run = await buildUntil(phase);
    // Chromium with its helper processes (they start one after another on a loaded machine).
    if (phase === "auditing") expect(await within(20_000, () => chromiumOf(run.pid).length > 1)).toBe(true);
    const started = [...descendants(run.pid), ...chromiumOf(run.pid)];
    run.child.kill("SIGKILL");
    expect(await run.exited).toEqual({ code: null, signal: "SIGKILL" });

    // Chromium, its helpers and any other child end with the build: nothing is left running.
    expect(await within(20_000, () => stillRunning(started).length === 0 && chromiumOf(run.pid).length === 0), JSON.stringify(stillRunning(started))).toBe(true);
    const stale = `_site.staging-${run.pid}`;
    expect(leftovers()).toEqual([stale]);
    expectOutputUnchanged();

    // The next build clears it first thing, before its own staging folder appears.
    const next = startBuild(project, output, ["--full-audit"]);
    await waitFor("the next build's staging folder", () => fs.existsSync(`${output}.staging-${next.pid}`), next);
    expect(leftovers()).toEqual([`_site.staging-${next.pid}`]);
    next.child.kill("SIGINT");
    expect((await next.exited).code).toBe(130);
    expect(leftovers()).toEqual([]);
    expectOutputUnchanged();
  }, TEST_TIMEOUT_MS);
});

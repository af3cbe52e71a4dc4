// The scale benchmark, as steps: generate N stories; build them once with an empty image cache
// (cold); then, in alternating rounds, a plain Eleventy build of the same Markdown files and this
// build with the images cached, each into an empty folder; report medians and ratios.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { measure, type Measured } from "./measure.ts";
import { makeBenchProject } from "./project.ts";

export interface ScaleRun {
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
}

export interface ScaleBenchResult {
  stories: number;
  timed: number;
  words: number;
  files: { plain: number; ours: number };
  rounds: number;
  cold: ScaleRun;
  plain: ScaleRun;
  ours: ScaleRun;
  time: number;
  memory: number;
  machine: Record<string, string>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function summarise(runs: Measured[]): ScaleRun {
  return { seconds: median(runs.map((r) => r.seconds)), cpuSeconds: median(runs.map((r) => r.cpuSeconds)), peakBytes: median(runs.map((r) => r.peakBytes)) };
}

function countFiles(dir: string): number {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).length;
}

function check(run: Measured, what: string): Measured {
  if (run.exitCode !== 0) throw new Error(`${what} failed (exit code ${run.exitCode}):\n${run.stderr.slice(-2000)}`);
  return run;
}

export async function benchScale(repo: string, count: number, log: (line: string) => void, rounds = 3): Promise<ScaleBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-scale-"));
  try {
    log(`Generating ${count} stories…`);
    makeBenchProject(repo, dir, count);
    const stories = path.join(dir, "content/stories");
    const plainDir = path.join(dir, "plain");
    fs.cpSync(stories, path.join(plainDir, "stories"), { recursive: true });
    const texts = fs.readdirSync(stories).map((file) => fs.readFileSync(path.join(stories, file), "utf8"));
    const words = Math.round(texts.reduce((sum, text) => sum + text.split(/\s+/u).length, 0) / count);
    const timed = texts.filter((text) => /^audio: /mu.test(text)).length;

    const env = { ...process.env, VERBATIM_BASE_URL: "", VERBATIM_IMAGE_CACHE: path.join(dir, ".image-cache") };
    const ours = (output: string) =>
      measure(process.execPath, ["--import", "tsx", path.join(repo, "scripts/build.ts"), "--skip-audit", "--output", output], { cwd: dir, env });
    const plain = (output: string) =>
      measure(process.execPath, [path.join(repo, "node_modules/@11ty/eleventy/cmd.cjs"), "--input=stories", `--output=${output}`, "--quiet"], { cwd: plainDir, env: process.env });

    log(`Building ${count} stories with an empty image cache (cold)…`);
    const coldOut = path.join(dir, "out-cold");
    const cold = check(await ours(coldOut), "the cold build");
    const files = { ours: countFiles(coldOut), plain: 0 };
    fs.rmSync(coldOut, { recursive: true, force: true });

    const plainRuns: Measured[] = [];
    const ourRuns: Measured[] = [];
    for (let round = 1; round <= rounds; round++) {
      // Alternate which goes first, so neither always runs on a warmer disk cache.
      const order = round % 2 === 1 ? (["plain", "ours"] as const) : (["ours", "plain"] as const);
      for (const which of order) {
        const output = path.join(dir, `out-${which}-${round}`);
        const run = which === "plain" ? check(await plain(output), "the plain Eleventy build") : check(await ours(output), "the build");
        (which === "plain" ? plainRuns : ourRuns).push(run);
        if (which === "plain") files.plain = countFiles(output);
        log(`  round ${round}: ${which === "plain" ? "plain Eleventy" : "Verbatim"} ${run.seconds.toFixed(1)} s, ${(run.peakBytes / 2 ** 20).toFixed(0)} MiB`);
        fs.rmSync(output, { recursive: true, force: true });
      }
    }
    const p = summarise(plainRuns);
    const o = summarise(ourRuns);
    return {
      stories: count,
      timed,
      words,
      files,
      rounds,
      cold: summarise([cold]),
      plain: p,
      ours: o,
      time: o.seconds / p.seconds,
      memory: o.peakBytes / p.peakBytes,
      machine: { cores: String(os.cpus().length), node: process.version, eleventy: "3.1.8" },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

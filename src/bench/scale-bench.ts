// The scale benchmark, as steps: generate N stories; build them once with an empty image cache
// (cold); then, in alternating rounds, a plain Eleventy build of the same Markdown files and this
// build with the images cached, each into an empty folder; report medians and ratios.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { measure, type Measured } from "./measure.ts";
import { makeBenchProject } from "./project.ts";

export interface ScaleRun {
  /** Why the build failed ("JavaScript heap out of memory"), when it did. */
  failed?: string;
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
}

export interface ScaleBenchResult {
  /** What our build said about its own steps, from its median run: "Search: …", "Images: …". */
  steps: string[];
  stories: number;
  timed: number;
  words: number;
  files: { plain: number; ours: number };
  rounds: number;
  cold: ScaleRun;
  plain: ScaleRun;
  ours: ScaleRun;
  /** Ratios to the plain build; undefined when it failed. */
  time?: number;
  memory?: number;
  machine: Record<string, string>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The last line of a failed build's error output that says why. */
function whyFailed(run: Measured): string {
  const lines = run.stderr.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines.find((line) => /heap out of memory|allocation failed/iu.test(line)) ?? lines.at(-1) ?? `exit code ${run.exitCode}`;
}

function summarise(runs: Measured[]): ScaleRun {
  const failure = runs.find((run) => run.exitCode !== 0);
  if (failure) return { failed: whyFailed(failure), seconds: failure.seconds, cpuSeconds: failure.cpuSeconds, peakBytes: failure.peakBytes };
  return { seconds: median(runs.map((r) => r.seconds)), cpuSeconds: median(runs.map((r) => r.cpuSeconds)), peakBytes: median(runs.map((r) => r.peakBytes)) };
}

function eleventyVersion(repo: string): string {
  return (JSON.parse(fs.readFileSync(path.join(repo, "node_modules/@11ty/eleventy/package.json"), "utf8")) as { version: string }).version;
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
      measure(process.execPath, [path.join(repo, "scripts/with-memory.mjs"), path.join(repo, "scripts/build.ts"), "--skip-audit", "--output", output], { cwd: dir, env });
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
        // The anchor may fail (plain Eleventy runs out of memory on large sites): that is a result.
        const run = which === "plain" ? await plain(output) : check(await ours(output), "the build");
        (which === "plain" ? plainRuns : ourRuns).push(run);
        if (which === "plain" && run.exitCode === 0) files.plain = countFiles(output);
        log(`  round ${round}: ${which === "plain" ? "plain Eleventy" : "Verbatim"} ${run.seconds.toFixed(1)} s, ${(run.peakBytes / 2 ** 20).toFixed(0)} MiB${run.exitCode ? `, failed: ${whyFailed(run)}` : ""}`);
        fs.rmSync(output, { recursive: true, force: true });
      }
    }
    const p = summarise(plainRuns);
    const o = summarise(ourRuns);
    const medianRun = [...ourRuns].sort((a, b) => a.seconds - b.seconds)[Math.floor(ourRuns.length / 2)];
    const steps = (medianRun?.stdout ?? "").split("\n").filter((line) => /^(Images|Search|Stories):|Wrote \d+ files/u.test(line)).map((line) => line.replace(/^\[11ty\] /u, "Eleventy: "));
    return {
      steps,
      stories: count,
      timed,
      words,
      files,
      rounds,
      cold: summarise([cold]),
      plain: p,
      ours: o,
      ...(p.failed ? {} : { time: o.seconds / p.seconds, memory: o.peakBytes / p.peakBytes }),
      machine: { cores: String(os.cpus().length), node: process.version, eleventy: eleventyVersion(repo) },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const sec = (n: number) => n.toFixed(1);
const verdict = (ratio: number | undefined, target: number) =>
  ratio === undefined ? `no ratio: the plain build failed (target at most ${target}×)` : `**${ratio.toFixed(2)}×** (target at most ${target}×: ${ratio <= target ? "met" : "NOT met"})`;
const row = (label: string, run: ScaleRun, files: number) =>
  run.failed ? `| ${label} | failed after ${sec(run.seconds)}: ${run.failed} | ${sec(run.cpuSeconds)} | ${mib(run.peakBytes)} | – |` : `| ${label} | ${sec(run.seconds)} | ${sec(run.cpuSeconds)} | ${mib(run.peakBytes)} | ${files} |`;

/** Issue 14's targets: at most 2× plain Eleventy's time and memory; from 50,000 stories, a peak under 4 GiB (Node's default heap, an ordinary CI runner). */
export const TARGETS = { time: 2.0, memory: 2.0, bigArchive: 50_000, bigArchivePeak: 4 * 2 ** 30, cachedImagesSeconds: 3, cachedImagesAt: 10_000, searchShare: 0.1 };

function memoryVerdict(r: ScaleBenchResult): string {
  if (r.stories < TARGETS.bigArchive) return verdict(r.memory, TARGETS.memory);
  const met = !r.ours.failed && r.ours.peakBytes < TARGETS.bigArchivePeak;
  return `${verdict(r.memory, TARGETS.memory)}; peak **${(r.ours.peakBytes / 2 ** 30).toFixed(2)} GiB** (target under 4 GiB: ${met ? "met" : "NOT met"})`;
}

/** A number of seconds the build reported in one of its lines, found by `pattern` (one capture). */
function reported(r: ScaleBenchResult, pattern: RegExp): number | undefined {
  for (const step of r.steps) {
    const match = pattern.exec(step);
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}

function imagesVerdict(r: ScaleBenchResult): string {
  const seconds = reported(r, /^Images: 0 rendered, \d+ from cache in ([\d.]+) s/u);
  if (seconds === undefined) return "Cached images: not reported.";
  if (r.stories < TARGETS.cachedImagesAt) return `Cached images: **${sec(seconds)} s** (the target, at most 3 s, is set at 10,000 stories).`;
  const target = (TARGETS.cachedImagesSeconds * r.stories) / TARGETS.cachedImagesAt;
  return `Cached images: **${sec(seconds)} s** (target at most ${sec(target)} s, 3 s per 10,000 stories: ${seconds <= target ? "met" : "NOT met"}).`;
}

function searchVerdict(r: ScaleBenchResult): string {
  const waited = reported(r, /waited ([\d.]+) s for it/u);
  if (waited === undefined) return "Search: not reported.";
  const share = waited / r.ours.seconds;
  return `Search: the pages waited **${sec(waited)} s** for pagefind, ${(share * 100).toFixed(0)}% of the build (target at most 10%: ${share <= TARGETS.searchShare ? "met" : "NOT met"}).`;
}

export function scaleSection(r: ScaleBenchResult, date: Date): string {
  const machine = Object.entries(r.machine).map(([k, v]) => `${k} ${v}`).join(", ");
  return `### ${r.stories.toLocaleString("en-US")} stories

${date.toISOString().slice(0, 10)} · ${r.stories} generated stories of about ${r.words} words, ${r.timed} of them timed · medians of ${r.rounds} alternating rounds · ${machine}

| build, into an empty folder | seconds | CPU seconds | peak memory, MiB | files written |
|---|---:|---:|---:|---:|
${row("plain Eleventy, the same Markdown files, no configuration", r.plain, r.files.plain)}
${row("Verbatim (`npm run build -- --skip-audit`), images cached", r.ours, r.files.ours)}
${row("Verbatim, first build (empty image cache)", r.cold, r.files.ours)}

- Time: ${verdict(r.time, TARGETS.time)}${r.plain.failed ? "" : `; first build ${(r.cold.seconds / r.plain.seconds).toFixed(2)}×`}.
- Memory: ${memoryVerdict(r)}${r.plain.failed ? "" : `; first build ${(r.cold.peakBytes / r.plain.peakBytes).toFixed(2)}×`}.
- ${imagesVerdict(r)}
- ${searchVerdict(r)}
- Verbatim's own account of its steps (median run): ${r.steps.map((step) => `“${step}”`).join("; ") || "–"}.
`;
}

/** What every scale section compares, written once above them. */
export function scaleIntro(): string {
  return `## Scale (\`npm run bench -- --only scale --stories 1000,10000\`)

The same generated stories (real notation: full and short labels, cues, tape, \`(ph)\`,
\`[expletive]\`, headings, tags, declared speakers; one in four timed, with audio) are built by a
plain Eleventy of the same version with no configuration (Markdown through Liquid and
markdown-it, no layout), and by Verbatim's build. Each build starts from an empty output folder,
as on a CI machine; the rounds alternate which goes first. Peak memory is the largest sum of
resident memory over the build's process and every process it starts (pagefind's indexer),
sampled every 50 ms. Verbatim's build does more than the plain one: a page per story with its
layout, JSON-LD and downloads links; four transcript files per timed story and two per untimed
one; tag, show, speaker and archive pages; a feed per show; a social card per story; the search
index. The audit is left out (\`--skip-audit\`): it has its own benchmark above, and after the
first build it re-audits only the pages that changed.
`;
}

// Runs a command and measures what it costs: wall-clock seconds, CPU seconds and peak memory.
// Peak memory is the largest sum of resident memory over the process and every process it
// starts (pagefind's indexer, for one), sampled from /proc every 50 ms: Linux only, like the
// machines the benchmarks run on.

import { spawn } from "node:child_process";
import fs from "node:fs";

export interface Measured {
  exitCode: number;
  seconds: number;
  /** User + system CPU seconds of the process tree (from /proc, at the last sample). */
  cpuSeconds: number;
  peakBytes: number;
  stdout: string;
  stderr: string;
}

const PAGE = 4096;
const TICKS = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  rssBytes: number;
  cpuSeconds: number;
}

/**
 * The fields of /proc/<pid>/stat after the command name, from the state on (fields[0] is the state,
 * fields[1] the parent's pid; `man 5 proc` numbers them from 3). Throws if the process is gone.
 */
export function procStatFields(pid: number | string): string[] {
  const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may hold spaces and parentheses: fields start after the last ")".
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

function readStat(pid: string): ProcStat | undefined {
  try {
    const fields = procStatFields(pid);
    return {
      pid: Number(pid),
      ppid: Number(fields[1]),
      // utime + stime, and the same for its children that ended (already waited for).
      cpuSeconds: (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS,
      rssBytes: Number(fields[21]) * PAGE,
    };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** Resident bytes and CPU seconds of `root` and all its descendants, now. */
function sampleTree(root: number): { rssBytes: number; cpuSeconds: number } {
  const stats = fs.readdirSync("/proc").filter((name) => /^\d+$/u.test(name)).map(readStat).filter((s): s is ProcStat => !!s);
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let rssBytes = 0;
  let cpuSeconds = 0;
  const queue = stats.filter((s) => s.pid === root);
  for (let stat = queue.shift(); stat; stat = queue.shift()) {
    rssBytes += stat.rssBytes;
    cpuSeconds += stat.cpuSeconds;
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return { rssBytes, cpuSeconds };
}

export function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  if (!fs.existsSync("/proc/self/stat")) throw new Error("the scale benchmark measures memory from /proc: run it on Linux.");
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    let peakBytes = 0;
    let cpuSeconds = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const now = sampleTree(child.pid);
      peakBytes = Math.max(peakBytes, now.rssBytes);
      if (now.cpuSeconds > 0) cpuSeconds = Math.max(cpuSeconds, now.cpuSeconds);
    };
    const timer = setInterval(sample, 50);
    child.on("error", (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ exitCode: code ?? 1, seconds: (performance.now() - started) / 1000, cpuSeconds, peakBytes, stdout, stderr });
    });
  });
}

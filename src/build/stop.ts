// Ctrl-C (SIGINT) and SIGTERM during a build: the build is told to stop (its AbortSignal), which
// closes the browser and the audit's server and stops before the swap; then its staging folder is
// removed, one line says so, and the process exits 130 or 143, the output left as it was.
// Rendering cannot be interrupted midway, so a build that has not stopped after a few seconds is
// stopped anyway (the browser is killed on exit; the staging folder is removed all the same).

import { leftFolders, removeLeftFolders } from "./staging.ts";

const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNALS;

const REASONS: Record<StopSignal, string> = { SIGINT: "interrupted (Ctrl-C)", SIGTERM: "terminated (SIGTERM)" };

/** The reason a stopped build's promise rejects with. */
export class BuildStopped extends Error {
  override readonly name = "BuildStopped";
  constructor(readonly signal: StopSignal) {
    super(`the build was ${REASONS[signal]}`);
  }
}

export interface StopOptions {
  /** The output folder, absolute (its staging folders are named after it). */
  output: string;
  /** The output folder as the user named it, for the message. */
  shown: string;
  /** How long the build may take to stop by itself before it is stopped anyway. */
  graceMs?: number;
  write?: (line: string) => void;
  exit?: (code: number) => void;
}

export interface BuildStop {
  /** Aborted on the first signal; hand it to the build. */
  signal: AbortSignal;
  /** Removes this process's staging folder, prints the line and exits. Only once stopped. */
  finish(): void;
  /** Stops listening (the build is over). */
  dispose(): void;
}

export function stopOnSignals(options: StopOptions): BuildStop {
  const controller = new AbortController();
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let received: StopSignal | undefined;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;

  const finish = () => {
    if (!received || finished) return;
    finished = true;
    clearTimeout(timer);
    // Only this process's folders: another build of the same site may be running.
    const mine = (pid: number) => pid === process.pid;
    // A render stopped midway may have writes already in Node's thread pool, which can land while
    // the folder is being removed ("directory not empty"): wait a moment (blocking, so that no new
    // one starts) and remove again, for up to about two seconds.
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        removeLeftFolders(options.output, mine);
      } catch {
        // Something landed meanwhile; the next round removes it.
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      if (leftFolders(options.output).every((f) => !mine(f.pid))) break;
    }
    write(`Build stopped: ${REASONS[received]}. ${options.shown}/ was left as it was.`);
    exit(SIGNALS[received]);
  };
  // A terminal's Ctrl-C reaches npm, scripts/with-memory.mjs and the build, which may each pass it
  // on: the first signal counts, the others are ignored while the build stops.
  const onSignal = (signal: StopSignal) => {
    if (received) return;
    received = signal;
    controller.abort(new BuildStopped(signal));
    timer = setTimeout(finish, options.graceMs ?? 3000);
  };
  const listeners = (Object.keys(SIGNALS) as StopSignal[]).map((signal) => {
    const listener = () => onSignal(signal);
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  return {
    signal: controller.signal,
    finish,
    dispose() {
      clearTimeout(timer);
      for (const [signal, listener] of listeners) process.off(signal, listener);
    },
  };
}

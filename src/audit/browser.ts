// Launches Debian's Chromium headless, with the flags this machine needs (root, closed network).
// It talks to us over a pipe, not a port: when our process ends, even killed with SIGKILL, the
// pipe closes and Chromium exits with every process it started. A stopped audit kills it at once.
// Its profile lives in a temporary folder named after our process, removed when the browser
// closes; one left by a process that was killed is removed by the next launch.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { processGone } from "../build/staging.ts";

export const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/**
 * V8's settings for an audit's browser: no optimising compilers (Maglev, TurboFan), only the
 * interpreter and the baseline compiler. Each audited page is a new document, so axe-core and
 * HTML_CodeSniffer (900 KB of script) start cold on every page and their hot functions were
 * optimised again and again, then thrown away with the page: on the sample site that
 * recompilation was a third of the renderer's CPU (V8.Maglev* on its worker threads in a trace).
 * Measured one tab at a time, per page: a 750-element story 3.18 → 2.23 s of CPU, a tag page
 * 0.81 → 0.56 s. The code runs the same; only how it is compiled changes.
 */
export const AUDIT_JS_FLAGS = "--js-flags=--no-maglev --no-opt";

const PROFILE_PREFIX = "verbatim-chromium-";

export function chromiumPath(): string {
  return process.env.VERBATIM_CHROMIUM || process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium";
}

/** Removes the profiles of browsers whose process (ours, which launched them) is gone. */
export function removeStaleProfiles(tmp: string): void {
  for (const name of fs.readdirSync(tmp)) {
    const pid = new RegExp(`^${PROFILE_PREFIX}(\\d+)-`, "u").exec(name)?.[1];
    if (pid && processGone(Number(pid))) fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

/** Launches a browser; aborting `signal` kills it (its whole process group) at once. */
export async function launchBrowser(options: { signal?: AbortSignal | undefined } = {}): Promise<Browser> {
  const tmp = os.tmpdir();
  removeStaleProfiles(tmp);
  const profile = fs.mkdtempSync(path.join(tmp, `${PROFILE_PREFIX}${process.pid}-`));
  try {
    const browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      args: [...CHROMIUM_FLAGS, AUDIT_JS_FLAGS],
      headless: true,
      userDataDir: profile,
      pipe: true,
      // Whoever runs the browser decides what a signal means (the build stops cleanly); on exit,
      // puppeteer kills the browser's process group.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    browser.once("disconnected", () => {
      const chromium = browser.process();
      const remove = () => fs.rm(profile, { recursive: true, force: true, maxRetries: 3 }, () => {});
      if (chromium && chromium.exitCode === null && chromium.signalCode === null) chromium.once("exit", remove);
      else remove();
    });
    return browser;
  } catch (error) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

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
      args: CHROMIUM_FLAGS,
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

// Runs before the tests and builds: makes sure Debian's Chromium and the social cards' fonts are
// there. As root on Debian it installs what is missing with apt-get, in one go; anywhere else it
// says what to do.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromiumPath } from "../src/audit/browser.ts";
import { fontAdvice, missingFontPackages } from "./ensure-fonts.ts";

const BROWSER_PACKAGES = ["chromium", "fonts-dejavu-core"];

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
}

function main(): number {
  const browser = chromiumPath();
  const needBrowser = !fs.existsSync(browser);
  const fonts = missingFontPackages();
  if (!needBrowser && fonts.length === 0) return 0;
  const canInstall = process.platform === "linux" && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
  const packages = [...new Set([...(needBrowser && browser === "/usr/bin/chromium" ? BROWSER_PACKAGES : []), ...fonts])];
  if (canInstall && packages.length > 0) {
    console.log(`Installing Debian's ${packages.join(", ")} (a minute or two)…`);
    if (run("apt-get", ["update", "-qq"])) run("apt-get", ["install", "-y", "-qq", ...packages]);
  }
  // fontconfig was asked before the install: ask again in a fresh process's terms.
  const stillMissing = fonts.length > 0 ? missingFontPackages() : [];
  if (stillMissing.length > 0) console.warn(fontAdvice(stillMissing));
  if (fs.existsSync(browser)) return 0;
  console.error(
    `Chromium was not found at ${browser}.\n  Fix: install it (Debian: sudo apt-get install chromium fonts-dejavu-core), or point VERBATIM_CHROMIUM at a Chromium or Chrome binary.`,
  );
  return 1;
}

process.exitCode = main();

// Runs before the tests (and, from the audit on, before builds): makes sure Debian's Chromium is
// there. As root on Debian it installs it with apt-get; anywhere else it says what to do.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { chromiumPath } from "../src/audit/browser.ts";

const PACKAGES = ["chromium", "fonts-dejavu-core"];

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
}

function main(): number {
  const browser = chromiumPath();
  if (fs.existsSync(browser)) return 0;
  const canInstall = process.platform === "linux" && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
  if (canInstall && browser === "/usr/bin/chromium") {
    console.log(`Chromium is not installed; installing Debian's ${PACKAGES.join(" and ")} (about a minute)…`);
    if (run("apt-get", ["update", "-qq"]) && run("apt-get", ["install", "-y", "-qq", ...PACKAGES]) && fs.existsSync(browser)) return 0;
  }
  console.error(
    `Chromium was not found at ${browser}.\n  Fix: install it (Debian: sudo apt-get install chromium fonts-dejavu-core), or point VERBATIM_CHROMIUM at a Chromium or Chrome binary.`,
  );
  return 1;
}

process.exitCode = main();

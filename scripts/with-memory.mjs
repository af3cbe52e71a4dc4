// node scripts/with-memory.mjs <script.ts> [args…]: runs a TypeScript entry point (through tsx)
// with a heap limit of three quarters of this machine's memory. Node's default limit (about 4 GiB
// however much memory there is) is what large Eleventy builds run out of; an archive of 50,000
// stories needs more than that. Plain JavaScript, so it starts in milliseconds, before tsx.

import { spawn } from "node:child_process";
import os from "node:os";

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node scripts/with-memory.mjs <script.ts> [args…]");
  process.exit(1);
}
const megabytes = Math.floor((os.totalmem() * 0.75) / 2 ** 20);
const child = spawn(process.execPath, [`--max-old-space-size=${megabytes}`, "--import", "tsx", script, ...args], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});

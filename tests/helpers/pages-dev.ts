// Serves a built site with Cloudflare Pages' own local runtime (`wrangler pages dev`: the Pages
// asset server in workerd, which reads `_headers` as the host does), on 127.0.0.1, with no account,
// no metrics and no state outside a throwaway folder.

import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { tempDir } from "./temp-dirs.ts";

const require = createRequire(import.meta.url);
const wranglerRoot = path.dirname(require.resolve("wrangler/package.json"));

/** workerd, as wrangler itself finds it: the binary's path and the newest compatibility date it supports. */
async function workerd(): Promise<{ binary: string; compatibilityDate: string }> {
  const main = createRequire(path.join(wranglerRoot, "package.json")).resolve("workerd");
  const loaded = (await import(pathToFileURL(main).href)) as { default: string; compatibilityDate: string };
  return { binary: loaded.default, compatibilityDate: loaded.compatibilityDate };
}

/** Whether the workerd binary runs on this machine; the reason when it does not. */
export async function workerdProblem(): Promise<string | undefined> {
  let binary: string;
  try {
    binary = (await workerd()).binary;
  } catch (error) {
    return `the workerd package cannot be loaded (${(error as Error).message})`;
  }
  const run = spawnSync(binary, ["--version"], { encoding: "utf8", timeout: 20_000 });
  if (run.error) return `${binary} cannot run: ${run.error.message}`;
  if (run.status !== 0) return `${binary} --version exited ${run.status}: ${run.stderr.trim()}`;
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PagesDev {
  url: string;
  /** What wrangler printed, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts `wrangler pages dev <site>` and waits until it answers. */
export async function servePages(site: string): Promise<PagesDev> {
  const { compatibilityDate } = await workerd();
  const wrangler = path.join(wranglerRoot, "bin", "wrangler.js");
  const home = tempDir("verbatim-wrangler-");
  const port = await freePort();
  // Its own DevTools port too: two servers at once would both ask for the default one.
  const inspector = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, [wrangler, "pages", "dev", path.resolve(site), "--ip", "127.0.0.1", "--port", String(port), "--compatibility-date", compatibilityDate, "--inspector-port", String(inspector), "--show-interactive-dev-session=false"], {
    cwd: home,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", HOME: home, XDG_CONFIG_HOME: path.join(home, ".config"), NO_COLOR: "1" },
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (!gone && child.pid) process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (!gone && child.pid) process.kill(-child.pid, "SIGKILL");
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (gone) throw new Error(`wrangler pages dev exited before serving ${site}:\n${output}`);
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`wrangler pages dev did not answer within 90 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { url, log: () => output, stop };
}

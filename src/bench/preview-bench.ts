// The preview benchmark (issue 14, target 4): `npm start` on N generated stories, as an editor
// uses it. Steps: start the preview and time the first start; wait for the background work (images,
// search) to end; then edit a story, add one, rename one and delete one, each timed from the
// file operation to the reload event the open browser receives, and each checked on disk (the
// page changed, the listings it appears on changed). A step whose result is wrong fails the bench.

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { makeBenchProject } from "./project.ts";

export interface PreviewStep {
  name: string;
  seconds: number;
  /** What was checked on disk after the reload. */
  checked: string;
}

export interface PreviewBenchResult {
  stories: number;
  /** From starting `npm start` to the preview serving every page (the story pages written). */
  firstStartSeconds: number;
  /** From starting to the background work (images, search) done. */
  settledSeconds: number;
  steps: PreviewStep[];
  machine: Record<string, string>;
}

/** Issue 14's target: a saved story shows in the open browser within 2 s of the save. */
export const PREVIEW_TARGET_SECONDS = 2;

const STEP_TIMEOUT_MS = 120_000;
const START_TIMEOUT_MS = 900_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** The preview's terminal, line by line, with a way to wait for a line. */
class Terminal {
  readonly lines: string[] = [];
  private waiters: Array<{ pattern: RegExp; from: number; resolve: (line: string) => void }> = [];

  constructor(child: ChildProcess) {
    for (const stream of [child.stdout, child.stderr]) {
      let rest = "";
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        const parts = (rest + chunk).split("\n");
        rest = parts.pop() ?? "";
        for (const line of parts) this.add(line);
      });
    }
  }

  private add(line: string): void {
    this.lines.push(line);
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.pattern.test(line)) return true;
      waiter.resolve(line);
      return false;
    });
  }

  /** The next line from `from` on that matches (an earlier one counts). */
  waitFor(pattern: RegExp, from: number, timeoutMs: number): Promise<string> {
    const seen = this.lines.slice(from).find((line) => pattern.test(line));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the preview did not print ${pattern} within ${timeoutMs / 1000} s. Its last lines:\n${this.lines.slice(-15).join("\n")}`)), timeoutMs);
      this.waiters.push({ pattern, from, resolve: (line) => (clearTimeout(timer), resolve(line)) });
    });
  }
}

/** The open browser's view of the preview: the reload events its WebSocket receives. */
async function reloadListener(port: number): Promise<{ next(timeoutMs: number): Promise<number>; close(): void }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise((resolve, reject) => (socket.once("open", resolve), socket.once("error", reject)));
  let waiting: ((at: number) => void) | undefined;
  socket.on("message", (data) => {
    const { type } = JSON.parse(String(data)) as { type?: string };
    if (type === "eleventy.reload" && waiting) waiting(performance.now());
  });
  return {
    next: (timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => ((waiting = undefined), reject(new Error(`no reload event within ${timeoutMs / 1000} s`))), timeoutMs);
        waiting = (at) => {
          clearTimeout(timer);
          waiting = undefined;
          resolve(at);
        };
      }),
    close: () => socket.close(),
  };
}

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`after the reload, ${what}`);
}

/** A generated story's slug, title and first topic. */
function storyFacts(dir: string, slug: string): { title: string; tag: string } {
  const text = read(path.join(dir, "content/stories", `${slug}.md`));
  const title = /^title: "(.*)"$/mu.exec(text)?.[1] ?? "";
  const tag = /^tags: \[([^,\]]+)/mu.exec(text)?.[1]?.trim() ?? "";
  return { title, tag };
}

interface Operation {
  name: string;
  /** Changes the content; returns the checks to run once the browser is told to reload. */
  run(): () => string;
}

function operations(dir: string): Operation[] {
  const stories = path.join(dir, "content/stories");
  const site = path.join(dir, "_site");
  const page = (slug: string) => path.join(site, "stories", slug, "index.html");
  const tagPage = (tag: string) => path.join(site, "tags", tag, "index.html");
  const source = (slug: string) => path.join(stories, `${slug}.md`);
  const slugs = fs.readdirSync(stories).map((file) => file.replace(/\.md$/u, "")).sort();
  const pick = (share: number) => slugs[Math.floor(slugs.length * share)] ?? "";
  const [edited, renamed, deleted] = [pick(1 / 2), pick(1 / 3), pick(1 / 4)];
  return [
    {
      name: "edit a story (save)",
      run: () => {
        fs.writeFileSync(source(edited), read(source(edited)).replace(/\n$/u, " Saved in the preview bench.\n"));
        return () => {
          expect(read(page(edited)).includes("Saved in the preview bench."), `${page(edited)} does not show the edit`);
          return "the story page shows the edit";
        };
      },
    },
    {
      name: "add a story",
      run: () => {
        const text = read(source(edited)).replace(/^title: ".*"$/mu, 'title: "A story added in the preview"').replace(/^date: .*$/mu, "date: 2099-01-01");
        const { tag } = storyFacts(dir, edited);
        fs.writeFileSync(source("added-in-preview"), text);
        return () => {
          expect(read(page("added-in-preview")).includes("A story added in the preview"), "the new story has no page");
          expect(read(path.join(site, "index.html")).includes("A story added in the preview"), "the home page does not list the new story");
          expect(read(tagPage(tag)).includes("/stories/added-in-preview/"), `its topic's page (${tag}) does not list it`);
          return `its page, the home page and its topic's first page list it`;
        };
      },
    },
    {
      name: "rename a story",
      run: () => {
        const { tag } = storyFacts(dir, renamed);
        fs.renameSync(source(renamed), source(`${renamed}-renamed`));
        return () => {
          expect(fs.existsSync(page(`${renamed}-renamed`)), "the renamed story has no page at its new address");
          expect(!fs.existsSync(path.dirname(page(renamed))), "the old address still has a page or its transcripts");
          const pages = fs.readdirSync(path.join(site, "tags", tag), { recursive: true }).filter((f) => String(f).endsWith("index.html"));
          const listing = pages.map((f) => read(path.join(site, "tags", tag, String(f)))).join("");
          expect(listing.includes(`/stories/${renamed}-renamed/`) && !listing.includes(`/stories/${renamed}/"`), `its topic's pages (${tag}) do not link the new address only`);
          return "the new address has the page, the old one none; its topic's pages link the new address";
        };
      },
    },
    {
      name: "delete a story",
      run: () => {
        const { tag } = storyFacts(dir, deleted);
        fs.rmSync(source(deleted));
        return () => {
          expect(!fs.existsSync(path.dirname(page(deleted))), "the deleted story's page or transcripts are still there");
          const pages = fs.readdirSync(path.join(site, "tags", tag), { recursive: true }).filter((f) => String(f).endsWith("index.html"));
          expect(!pages.some((f) => read(path.join(site, "tags", tag, String(f))).includes(`/stories/${deleted}/"`)), `its topic's pages (${tag}) still link it`);
          return "its page is gone and its topic's pages no longer link it";
        };
      },
    },
  ];
}

/** Ends the preview as Ctrl-C would, and waits for it to exit. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

export async function benchPreview(repo: string, count: number, log: (line: string) => void): Promise<PreviewBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-preview-"));
  let child: ChildProcess | undefined;
  try {
    log(`Generating ${count} stories…`);
    makeBenchProject(repo, dir, count);
    const port = await freePort();
    const env = { ...process.env, VERBATIM_BASE_URL: "", VERBATIM_IMAGE_CACHE: path.join(dir, ".image-cache") };
    log(`Starting the preview (npm start) on ${count} stories…`);
    const started = performance.now();
    child = spawn(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--serve", "--quiet", `--port=${port}`], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    const terminal = new Terminal(child);
    // PREVIEW_DEBUG=1 shows the preview's own terminal, for a step that fails or takes long.
    if (process.env.PREVIEW_DEBUG) for (const stream of [child.stdout, child.stderr]) stream?.on("data", (data) => process.stdout.write(`[preview] ${data}`));
    await terminal.waitFor(/Server at/u, 0, START_TIMEOUT_MS);
    await terminal.waitFor(/^Stories: \d+ of \d+ pages/u, 0, START_TIMEOUT_MS);
    const firstStartSeconds = (performance.now() - started) / 1000;
    log(`  first start: ${firstStartSeconds.toFixed(1)} s; waiting for the images and the search index…`);
    await terminal.waitFor(/^Images: \d+ rendered/u, 0, START_TIMEOUT_MS);
    await terminal.waitFor(/^Search: .* in the background/u, 0, START_TIMEOUT_MS);
    const settledSeconds = (performance.now() - started) / 1000;

    const browser = await reloadListener(port);
    const steps: PreviewStep[] = [];
    try {
      for (const operation of operations(dir)) {
        const from = terminal.lines.length;
        const reloaded = browser.next(STEP_TIMEOUT_MS);
        const at = performance.now();
        const verify = operation.run();
        const seconds = ((await reloaded) - at) / 1000;
        const checked = verify();
        steps.push({ name: operation.name, seconds, checked });
        log(`  ${operation.name}: ${seconds.toFixed(2)} s to the reload event; ${checked}`);
        // The next step starts on a quiet preview: the search index rebuilt in the background has finished.
        await terminal.waitFor(/^Search: .* in the background/u, from, START_TIMEOUT_MS);
      }
    } finally {
      browser.close();
    }
    return { stories: count, firstStartSeconds, settledSeconds, steps, machine: { cores: String(os.cpus().length), node: process.version } };
  } finally {
    if (child) await stop(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function previewSection(results: PreviewBenchResult[], date: Date): string {
  const machine = results[0] ? Object.entries(results[0].machine).map(([k, v]) => `${k} ${v}`).join(", ") : "";
  const rows = results.flatMap((r) => [
    `| ${r.stories.toLocaleString("en-US")} | first start (every page served) | ${r.firstStartSeconds.toFixed(1)} | – |`,
    `| ${r.stories.toLocaleString("en-US")} | first start, images and search done in the background | ${r.settledSeconds.toFixed(1)} | – |`,
    ...r.steps.map((s) => `| ${r.stories.toLocaleString("en-US")} | ${s.name} → reload event | **${s.seconds.toFixed(2)}** (target at most ${PREVIEW_TARGET_SECONDS} s: ${s.seconds <= PREVIEW_TARGET_SECONDS ? "met" : "NOT met"}) | ${s.checked} |`),
  ]);
  return `## Preview (\`npm run bench -- --only preview --stories 1000,10000\`)

${date.toISOString().slice(0, 10)} · ${machine} · generated stories, images rendered into an empty cache during the first start

\`npm start\` as an editor uses it: the preview is started, and once its background work (images,
search index) is done, a story is edited, one added, one renamed and one deleted. Each step is
timed from the file operation to the reload event the open browser's WebSocket receives, and
checked on the preview's disk afterwards; a wrong result fails the benchmark. Each step starts
once the previous step's background search index has finished.

| stories | step | seconds | checked after the reload |
|---:|---|---:|---|
${rows.join("\n")}
`;
}

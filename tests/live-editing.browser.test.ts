// Editing live: during `npm start`, a broken save shows its problems (file, line, fix) in the
// terminal and in the open page, the server keeps running, and the next good save brings the page
// back; a deleted story leaves the open listing. The real command runs on a throwaway project; Chromium keeps a story open throughout,
// under the pages' real Content-Security-Policy.

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBuildFailure, errorPage, failureForTerminal } from "../src/site/dev-errors.ts";
import { makeProject, TEST_IMAGE_CACHE } from "./helpers/build.ts";
import { launchReaderBrowser } from "./helpers/reader.ts";

const WAIT = 120_000;
const BREAD = "content/stories/bread-that-remembers.md";
const LATE = "content/stories/late-night.md";
const SAID = "The ovens never went cold, not even on Christmas Day.";
const TURN = `KIRWAN: ${SAID}`;
const NEW_TEXT = "He kept the light on Gull Rock for twenty-two winters.";

/** Everything the server prints, and a way to wait for what it prints next. */
class Terminal {
  text = "";
  #waiters = new Set<() => void>();

  constructor(child: ChildProcess) {
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        this.text += chunk;
        for (const wake of this.#waiters) wake();
      });
    }
    child.on("exit", () => {
      for (const wake of this.#waiters) wake();
    });
  }

  /** Resolves with the output from `from` on once `test` holds for it. */
  waitFor(test: (output: string) => boolean, from = 0, what = "output"): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const output = this.text.slice(from);
        if (!test(output)) return false;
        done();
        resolve(output);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out waiting for ${what}. The server printed:\n${this.text}`));
      }, WAIT);
      const wake = () => void check();
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(wake);
      };
      this.#waiters.add(wake);
      check();
    });
  }
}

/** A port nobody listens on now (the dev server moves to the next one if it is taken meanwhile). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let project: string;
let server: ChildProcess;
let terminal: Terminal;
let origin: string;
let browser: Browser;
let launching: Promise<Browser> | undefined;
let page: Page;
const cspViolations: string[] = [];

const write = (file: string, text: string) => fs.writeFileSync(path.join(project, file), text);
const read = (file: string) => fs.readFileSync(path.join(project, file), "utf8");
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
const lineOf = (text: string, start: string) => text.split("\n").findIndex((line) => line.startsWith(start)) + 1;

function lateNight(date: string): string {
  return [
    "---",
    'title: "Late Night at the Bakery"',
    "show: The Long Table",
    `date: ${date}`,
    "---",
    "The ovens are warm and the street is quiet.",
    "",
  ].join("\n");
}

beforeAll(async () => {
  project = makeProject({ stories: ["bread-that-remembers"] });
  // The test's own turn, so the edits below have a line to break and mend.
  write(BREAD, `${read(BREAD).trimEnd()}\n\n${TURN}\n`);
  server = spawn(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--serve", "--quiet", `--port=${await freePort()}`],
    {
      cwd: project,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, VERBATIM_ROOT: project, VERBATIM_BASE_URL: "", VERBATIM_IMAGE_CACHE: TEST_IMAGE_CACHE, NO_COLOR: "1" },
    },
  );
  terminal = new Terminal(server);
  // Chromium starts while the server builds the site.
  launching = launchReaderBrowser();
  launching.catch(() => undefined);
  const started = await terminal.waitFor((out) => /Server at (http:\/\/\S+?)\/?\s/u.test(out) || server.exitCode !== null, 0, "the server to start");
  browser = await launching;
  const url = /Server at (http:\/\/\S+?)\/?\s/u.exec(started)?.[1];
  expect(url, started).toBeDefined();
  origin = url!.replace("localhost", "127.0.0.1");
  page = await browser.newPage();
  page.on("console", (message) => {
    if (/Content.Security.Policy/iu.test(message.text())) cspViolations.push(message.text());
  });
});

afterAll(async () => {
  await (browser ?? (await launching?.catch(() => undefined)))?.close();
  if (server?.pid && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    await exited;
  }
  // The project's src/ and node_modules/ are symlinks: removing the folder leaves their targets alone.
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

it("shows a broken save's problems in the terminal and the open page, and recovers on a good save", async () => {
  await page.goto(`${origin}/stories/bread-that-remembers/`);
  await page.getByText(SAID).waitFor({ timeout: WAIT });
  expect(await page.title()).toContain("Bread That Remembers");

  // (1) A broken save: an unknown speaker in one story, a date that does not exist in a new one.
  const brokenAt = terminal.text.length;
  const bread = read(BREAD).replace(TURN, `KELLY: ${SAID}`);
  const kellyLine = lineOf(bread, "KELLY:");
  write(BREAD, bread);
  write(LATE, lateNight("2026-02-30"));
  const dateLine = lineOf(lateNight("2026-02-30"), "date:");
  const breadAt = `${BREAD}:${kellyLine}:`;
  const lateAt = `${LATE}:${dateLine}:`;

  const printed = await terminal.waitFor((out) => out.includes(breadAt) && out.includes(lateAt), brokenAt, "both problems in the terminal");
  expect(printed).toMatch(new RegExp(`${literally(breadAt)}.*KELLY.*\\n  Fix: `, "u"));
  expect(printed).toMatch(new RegExp(`${literally(lateAt)}.*\\n  Fix: `, "u"));
  expect(printed).not.toMatch(/^\s+at /mu);
  expect(printed).not.toContain("Problem writing Eleventy templates");
  expect(printed).not.toContain("(via ContentErrors)");

  // The open page turns into the error by itself: the test does not reload it.
  const alert = page.getByRole("alert", { name: "Build failed" });
  await alert.filter({ hasText: breadAt.slice(0, -1) }).filter({ hasText: lateAt.slice(0, -1) }).waitFor({ timeout: WAIT });
  const shown = await alert.innerText();
  expect(shown).toContain("Unknown speaker label \"KELLY:\"");
  expect(shown).toMatch(/Fix: Introduce the speaker/u);
  expect(shown).toMatch(/Fix: Write it like/u);
  expect(page.url()).toBe(`${origin}/stories/bread-that-remembers/`);
  expect(await page.title()).toMatch(/^Build failed/u);
  expect(await page.getAttribute("html", "lang")).toBe("en");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("build-failed");

  // (2) The server is still running, and any page it serves shows the problems.
  expect(server.exitCode).toBeNull();
  const other = await browser.newPage();
  const response = await other.goto(`${origin}/archive/`);
  expect(response?.status()).toBe(500);
  expect(await other.getByRole("alert", { name: "Build failed" }).innerText()).toContain(breadAt.slice(0, -1));
  await other.close();
  const status = (await (await fetch(`${origin}/.verbatim/build-status.json`)).json()) as { ok: boolean };
  expect(status.ok).toBe(false);

  // (3) A good save: the page comes back by itself, with the new text and no error.
  const fixedAt = terminal.text.length;
  write(LATE, lateNight("2026-02-28"));
  write(BREAD, bread.replace(`KELLY: ${SAID}`, `KIRWAN: ${NEW_TEXT}`));
  await page.getByText(NEW_TEXT).waitFor({ timeout: WAIT });
  expect(await page.getByRole("alert").count()).toBe(0);
  expect(await page.title()).toContain("Bread That Remembers");
  await terminal.waitFor((out) => /Wrote [1-9]\d* files/u.test(out), fixedAt, "the rebuild line");
  expect(server.exitCode).toBeNull();

  // The dev script and its websocket run under the pages' own Content-Security-Policy.
  expect(cspViolations).toEqual([]);
});

it("takes a deleted story off the open listing and removes its page (Eleventy itself only logs a deletion)", async () => {
  // The story added in the test above is published now.
  await page.goto(`${origin}/shows/the-long-table/`);
  const listed = page.getByRole("link", { name: "Late Night at the Bakery" });
  await listed.waitFor({ timeout: WAIT });
  expect(fs.existsSync(path.join(project, "_site/stories/late-night/index.html"))).toBe(true);

  fs.rmSync(path.join(project, LATE));
  // The open page reloads by itself without the story.
  await listed.waitFor({ state: "detached", timeout: WAIT });
  expect(await page.getByRole("link", { name: "Bread That Remembers" }).count()).toBe(1);
  expect(fs.existsSync(path.join(project, "_site/stories/late-night"))).toBe(false);
  expect((await fetch(`${origin}/stories/late-night/`)).status).toBe(404);
  expect(server.exitCode).toBeNull();
});

it("shows a template's error, wrapped the way Eleventy wraps it, as its message", () => {
  const nunjucks = new Error("(./content/_pages/story.njk) [Line 4, Column 3]\n  Error: filter not found: <nosuchfilter>");
  const wrapper = Object.assign(new Error("Having trouble rendering njk template ./content/_pages/story.njk"), { originalError: nunjucks });
  const failure = describeBuildFailure(wrapper);
  expect(failure.kind).toBe("technical");
  const html = errorPage(failure, { version: 3, scripts: ["/.verbatim/live-errors.js"] });
  expect(html).toContain("<title>Build failed: an error</title>");
  expect(html).toContain("Having trouble rendering njk template ./content/_pages/story.njk\n(./content/_pages/story.njk) [Line 4, Column 3]");
  expect(html).toContain("filter not found: &#60;nosuchfilter&#62;");
  expect(html).not.toContain("<nosuchfilter>");
  expect(failureForTerminal(failure)).toContain("filter not found");
});

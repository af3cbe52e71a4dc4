// Site search, search inside a transcript, reading options and the Content-Security-Policy, in
// real Chromium over the built sample site: by keyboard, with axe in each state, and without JS.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../src/audit/serve.ts";
import { contentSecurityPolicy, remoteAudioOrigins } from "../src/site/csp.ts";
import { buildSearchIndex } from "../src/site/search.ts";
import type { Story } from "../src/story/story.ts";
import { listFiles, makeProject, REPO, runBuild } from "./helpers/build.ts";
import { axeViolations, focusIsVisible, launchReaderBrowser, serveSite } from "./helpers/reader.ts";

const SHOTS = path.join(REPO, "reports", "reader-search");
const STORY = "stories/night-ferry-returns/";

let output: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const project = makeProject();
  output = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-search-"));
  // Chromium starts in its own process while the build runs in this one.
  const [run, launched] = await Promise.all([runBuild(["--skip-audit"], project, output), launchReaderBrowser()]);
  browser = launched;
  expect(run.code, run.stderr).toBe(0);
  server = await serveSite(output);
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page in a fresh context; axe is injected as an inline script, so its contexts bypass the CSP. */
async function open(url: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  const page = await context.newPage();
  await page.goto(server.url + url);
  return { page, context };
}

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page), state).toEqual([]);
}

/** Presses Tab until `selector` has focus (at most `limit` times): the keyboard route to it. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const status = (page: Page, selector: string) => page.locator(selector).textContent();

describe("the search index", () => {
  it("indexes every story page and nothing else, with show, topic and speaker filters", async () => {
    const entry = JSON.parse(fs.readFileSync(path.join(output, "pagefind", "pagefind-entry.json"), "utf8"));
    const stories = listFiles(path.join(output, "stories")).filter((f) => /^[^/]+\/index\.html$/.test(f));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(stories.length);
    expect(Object.keys(entry.languages)).toEqual(["en"]);
    // pagefind's own interfaces are not published; the site has its own.
    expect(fs.existsSync(path.join(output, "pagefind", "pagefind-ui.js"))).toBe(false);
    const { page, context } = await open("search/");
    // A string, so the test runner does not rewrite the import.
    const filters = await page.evaluate<Record<string, Record<string, number>>>(`import("/pagefind/pagefind.js").then((p) => p.filters())`);
    expect(Object.keys(filters.show ?? {})).toEqual(["Night Desk", "The Long Table"]);
    expect(filters.tag).toHaveProperty("memory", 3);
    expect(filters.speaker).toHaveProperty("Elena Voss", 1);
    await context.close();
  });

  it("only story pages carry data-pagefind-body", () => {
    for (const file of listFiles(output).filter((f) => f.endsWith(".html"))) {
      const html = fs.readFileSync(path.join(output, file), "utf8");
      expect(html.includes("data-pagefind-body"), file).toBe(/^stories\/[^/]+\/index\.html$/.test(file));
    }
  });
});

describe("site search, by keyboard", () => {
  it("finds stories as the reader types, announces the count, narrows by show, and opens a result with Enter", async () => {
    const { page, context } = await open("search/");
    expect(await page.locator(".search-needs-js").isVisible()).toBe(false);
    await tabTo(page, "#search-term");
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.type("ferry");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /found/.test(document.querySelector(".search-status")?.textContent ?? ""));
    expect(await status(page, ".search-status")).toBe("2 stories found for “ferry”.");
    expect(await page.locator(".search-results a").count()).toBe(2);
    expect(await page.locator(".search-result-excerpt mark").count()).toBeGreaterThan(0);
    // Excerpts quote the transcript, not the page around it (player, downloads, speaker list).
    for (const text of await page.locator(".search-result-excerpt").allTextContents()) expect(text).not.toMatch(/Download|In this story|Topics\./);
    // No focus theft: the reader is still in the field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-term");
    await expectNoAxeViolations(page, "search page with results");

    await tabTo(page, "#search-show");
    await page.selectOption("#search-show", "Night Desk"); // what arrow keys on a focused select do
    await page.waitForFunction(() => /show Night Desk/.test(document.querySelector(".search-status")?.textContent ?? ""));
    expect(await status(page, ".search-status")).toBe("1 story found for “ferry”, with show Night Desk.");
    expect(await page.locator(".search-results a").count()).toBe(1);
    expect(page.url()).toMatch(/\?q=ferry&show=Night\+Desk$/);

    await tabTo(page, ".search-results a");
    expect(await focusIsVisible(page)).toBe(true);
    await Promise.all([page.waitForURL(/\/stories\/night-ferry-returns\/$/), page.keyboard.press("Enter")]);
    await context.close();
  });

  it("runs the search in the address on arrival, and says so when nothing matches", async () => {
    const { page, context } = await open("search/?q=zzzqqq");
    await page.waitForFunction(() => /found/.test(document.querySelector(".search-status")?.textContent ?? ""));
    expect(await status(page, ".search-status")).toBe("No stories found for “zzzqqq”.");
    expect(await page.locator(".search-results").isVisible()).toBe(false);
    await context.close();
  });
});

describe("an archive indexed in parts", () => {
  it("is searched as one: every part's stories are found and its filters merged", async () => {
    // The sample site in parts of 2 stories, as a large archive is in parts of thousands.
    const split = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-parts-"));
    fs.cpSync(output, split, { recursive: true });
    const report = await buildSearchIndex(split, "en", { partSize: 2 });
    const stories = listFiles(path.join(split, "stories")).filter((f) => /^[^/]+\/index\.html$/.test(f));
    expect(report.pages).toBe(stories.length);
    const { parts } = JSON.parse(fs.readFileSync(path.join(split, "pagefind", "parts.json"), "utf8"));
    expect(parts).toEqual(["part-2/", "part-3/"]);
    expect(fs.readdirSync(split).filter((f) => f.startsWith(".search-part"))).toEqual([]);
    const splitServer = await serveSite(split);
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${splitServer.url}search/?q=ferry`);
      await page.waitForFunction(() => /found/.test(document.querySelector(".search-status")?.textContent ?? ""));
      expect(await status(page, ".search-status")).toBe("2 stories found for “ferry”.");
      const shows = await page.locator("#search-show option").allTextContents();
      expect(shows).toEqual(expect.arrayContaining(["Night Desk", "The Long Table"]));
    } finally {
      await context.close();
      await splitServer.close();
    }
  });
});

describe("site search under a path prefix", () => {
  it("loads the index and links results under the prefix", async () => {
    const prefixed = await runBuild(["--skip-audit", "--base-url", "https://example.org/radio/"], makeProject());
    expect(prefixed.code, prefixed.stderr).toBe(0);
    const radio = await serveSite(prefixed.output, "/radio/");
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${radio.url}search/?q=ferry`);
      await page.waitForFunction(() => /found/.test(document.querySelector(".search-status")?.textContent ?? ""));
      const hrefs = await page.locator(".search-results a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs).toHaveLength(2);
      for (const href of hrefs) expect(href).toMatch(/^\/radio\/stories\/[a-z-]+\/$/);
      await Promise.all([page.waitForURL(/\/radio\/stories\//), page.locator(".search-results a").first().click()]);
      expect(await page.locator("h1").count()).toBe(1);
    } finally {
      await context.close();
      await radio.close();
    }
  });
});

describe("search inside a transcript", () => {
  it("highlights every match, announces “3 of N matches”, moves with Next and Previous, and Escape clears", async () => {
    const { page, context } = await open(STORY);
    // The transcript's markup, leaving out the search form itself.
    const markup = () => page.evaluate(() => [...document.querySelectorAll(".transcript > :not(.reader-tools)")].map((el) => el.outerHTML).join("\n"));
    const before = await markup();
    await tabTo(page, "#transcript-search-term", 80);
    await page.keyboard.type("ferry");
    await page.keyboard.press("Enter");
    const total = await page.locator(".transcript mark.transcript-match").count();
    expect(total).toBeGreaterThan(3);
    expect(await status(page, ".transcript-search-status")).toBe(`1 of ${total} matches`);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    expect(await status(page, ".transcript-search-status")).toBe(`3 of ${total} matches`);
    const current = () => page.evaluate(() => [...document.querySelectorAll("mark.transcript-match")].findIndex((m) => m.classList.contains("transcript-match-current")));
    expect(await current()).toBe(2);
    expect(await page.locator("mark.transcript-match-current").count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("transcript-search-term");
    await expectNoAxeViolations(page, "transcript with matches");

    await tabTo(page, ".transcript-search button[data-step='1']");
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press("Enter");
    expect(await current()).toBe(3);
    expect(await status(page, ".transcript-search-status")).toBe(`4 of ${total} matches`);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    expect(await current()).toBe(2);

    await page.keyboard.press("Escape");
    expect(await page.locator("mark").count()).toBe(0);
    expect(await page.inputValue("#transcript-search-term")).toBe("");
    expect(await status(page, ".transcript-search-status")).toBe("Search cleared");
    expect(await markup()).toBe(before);
    await context.close();
  });

  it("says when there is no match", async () => {
    const { page, context } = await open(STORY);
    await page.fill("#transcript-search-term", "zzzqqq");
    await page.press("#transcript-search-term", "Enter");
    expect(await status(page, ".transcript-search-status")).toBe("No matches for “zzzqqq”");
    await context.close();
  });
});

describe("reading options", () => {
  it("change the text size and hide cues and timestamps, are remembered, and apply before the first paint", async () => {
    const { page, context } = await open(STORY);
    const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const cueShown = () => page.locator(".transcript .v-cue").first().isVisible();
    const base = await fontSize();
    expect(await cueShown()).toBe(true);

    await tabTo(page, ".reader-controls summary", 80);
    await page.keyboard.press("Enter");
    expect(await page.locator(".reader-controls fieldset").first().isVisible()).toBe(true);
    // This story has no times: nothing to show or hide.
    expect(await page.locator(".reader-controls input[name=times]").isVisible()).toBe(false);
    await tabTo(page, ".reader-controls input[name=size]:checked");
    await page.keyboard.press("ArrowDown"); // Large
    await page.keyboard.press("ArrowDown"); // Larger
    expect(await fontSize()).toBe(base * 1.25);
    await page.check(".reader-controls input[name=spacing][value='1']");
    await tabTo(page, ".reader-controls input[name=cues]");
    await page.keyboard.press("Space");
    expect(await cueShown()).toBe(false);
    await expectNoAxeViolations(page, "reading options open, changed");
    await page.screenshot({ path: path.join(SHOTS, "reader-controls-1280.png") });

    // After a reload the classes are on <html> when <body> first appears: nothing flashes.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { classesAtBody: string }).classesAtBody = document.documentElement.className;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { classesAtBody: string }).classesAtBody)).toBe("reader-size-2 reader-spacing-1 hide-cues");
    expect(await fontSize()).toBe(base * 1.25);
    expect(await cueShown()).toBe(false);
    expect(await page.isChecked(".reader-controls input[name=size][value='2']")).toBe(true);
    expect(await page.isChecked(".reader-controls input[name=cues]")).toBe(false);
    // Other pages keep the text size too.
    await page.goto(server.url);
    expect(await fontSize()).toBe(base * 1.25);
    await context.close();
  });

  it("hide timestamps on a timed story", async () => {
    const { page, context } = await open("stories/captain-moreau/");
    const times = page.locator(".transcript .v-play, .transcript .v-time, .transcript .v-moment");
    expect(await times.count()).toBeGreaterThan(0);
    expect(await times.first().isVisible()).toBe(true);
    await page.click(".reader-controls summary");
    const checkbox = page.locator(".reader-controls input[name=times]");
    expect(await checkbox.isVisible()).toBe(true);
    await checkbox.uncheck();
    expect(await page.evaluate(() => document.documentElement.classList.contains("hide-times"))).toBe(true);
    for (const el of await times.all()) expect(await el.isVisible()).toBe(false);
    await context.close();
  });
});

describe("the Content-Security-Policy", () => {
  it("is the site's own, with remote audio origins added", () => {
    const stories = [{ audio: { url: "https://cdn.example.org/a/x.mp3" } }, { audio: { url: "/stories/y/y.mp3" } }, {}, { audio: { url: "https://cdn.example.org/b.mp3" } }] as unknown as Story[];
    expect(remoteAudioOrigins(stories)).toEqual(["https://cdn.example.org"]);
    expect(contentSecurityPolicy(stories)).toContain("media-src 'self' https://cdn.example.org;");
    const html = fs.readFileSync(path.join(output, "index.html"), "utf8");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39; &#39;wasm-unsafe-eval&#39;; style-src &#39;self&#39;; img-src &#39;self&#39; data:; media-src &#39;self&#39;; object-src &#39;none&#39;; base-uri &#39;self&#39;; form-action &#39;self&#39;">`);
  });

  it("is never violated on the home, story, show, topic and search pages, even while searching", async () => {
    const context = await browser.newContext();
    const violations: string[] = [];
    // Every page of the context reports to the same list; the pages are independent, so they load side by side.
    await context.exposeFunction("reportViolation", (v: string) => violations.push(v));
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const visit = async (url: string): Promise<Page> => {
      const page = await context.newPage();
      page.on("console", (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
      page.on("pageerror", (e) => violations.push(`page error: ${e.message}`));
      await page.goto(server.url + url, { waitUntil: "load" });
      if (url === STORY) {
        await page.fill("#transcript-search-term", "ferry");
        await page.press("#transcript-search-term", "Enter");
        await page.click(".reader-controls summary");
        await page.check(".reader-controls input[name=size][value='1']");
      }
      if (url.startsWith("search/")) {
        await page.waitForFunction(() => /found/.test(document.querySelector(".search-status")?.textContent ?? ""));
        expect(await page.locator(".search-results a").count()).toBeGreaterThan(0);
      }
      return page;
    };
    // As when visited one after another, the later pages open with the text size the story page set.
    await Promise.all(["", "stories/captain-moreau/", STORY].map(visit));
    const pages = await Promise.all(["shows/night-desk/", "tags/", "search/?q=ferry"].map(visit));
    const page = pages.at(-1)!;
    expect(violations).toEqual([]);

    // The listener does hear a violation: an inline script is refused.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.body.append(script);
    });
    await page.waitForTimeout(100);
    expect(violations.join()).toMatch(/script-src/);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("a story page reads in full, with no dead controls", async () => {
    const [{ page, context }, withJs] = await Promise.all([open(STORY, { javaScriptEnabled: false }), open(STORY)]);
    await withJs.page.evaluate(() => document.querySelectorAll(".reader-tools").forEach((el) => el.remove()));
    expect(await page.locator(".transcript").innerText()).toBe(await withJs.page.locator(".transcript").innerText());
    expect(await page.locator(".transcript .v-turn").count()).toBeGreaterThan(5);
    expect(await page.locator(".transcript-search").isVisible()).toBe(false);
    expect(await page.locator(".reader-controls").isVisible()).toBe(false);
    await withJs.context.close();
    await context.close();
  });

  it("the search page explains that search needs JavaScript and links to the other ways in", async () => {
    const { page, context } = await open("search/", { javaScriptEnabled: false });
    const note = page.locator(".search-needs-js");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/needs JavaScript/);
    const links = await note.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(["/shows/", "/tags/", "/speakers/", "/archive/"]);
    await context.close();
  });
});

describe("screenshots", () => {
  for (const [name, options] of [
    ["320", { viewport: { width: 320, height: 800 } }],
    ["1280", { viewport: { width: 1280, height: 900 } }],
    ["dark", { viewport: { width: 1280, height: 900 }, colorScheme: "dark" as const }],
  ] as const) {
    it(`search results and reading options at ${name}, without sideways scrolling`, async () => {
      const { page, context } = await open("search/?q=memory", options);
      const overflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      // The search results and the story's reader tools: two pages, driven side by side.
      const story = context.newPage().then(async (p) => { await p.goto(server.url + STORY); return p; });
      await page.waitForFunction(() => /found/.test(document.querySelector(".search-status")?.textContent ?? ""));
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `search-${name}.png`), fullPage: true });
      const tools = await story;
      await tools.click(".reader-controls summary");
      await tools.fill("#transcript-search-term", "ferry");
      await tools.press("#transcript-search-term", "Enter");
      expect(await overflow(tools)).toBeLessThanOrEqual(0);
      await tools.locator(".reader-tools").scrollIntoViewIfNeeded();
      await tools.locator(".reader-tools").screenshot({ path: path.join(SHOTS, `reader-tools-${name}.png`) });
      if (name === "dark") await expectNoAxeViolations(tools, "dark mode, reader tools open");
      await context.close();
    });
  }
});

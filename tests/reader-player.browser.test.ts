// Issue 6, the reader's player: play from any moment, follow along, one Tab stop for the
// transcript's controls, permalinks. The sample site is built for real and driven in Chromium,
// keyboard first; axe checks every state the page goes through.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { byteRange, type StaticServer } from "../src/audit/serve.ts";
import { makeProject, runBuild } from "./helpers/build.ts";
import { axeViolations, focusIsVisible, launchReaderBrowser, serveSite } from "./helpers/reader.ts";

const STORY = "stories/captain-moreau/";
const SHOTS = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-player-shots-"));

let browser: Browser;
let server: StaticServer;
let site: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const project = makeProject({ stories: ["captain-moreau", "night-ferry-returns"] });
  // Chromium starts in its own process while the build runs in this one.
  const [build, launched] = await Promise.all([runBuild(["--skip-audit"], project), launchReaderBrowser()]);
  browser = launched;
  expect(build.code, build.stderr).toBe(0);
  site = build.output;
  server = await serveSite(site);
});

/** Each test's pages close with it: a page left playing audio would take CPU from the next test. */
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await browser?.close();
  await server?.close();
  console.log(`reader-player screenshots: ${SHOTS}`);
});

async function open(options: Parameters<Browser["newContext"]>[0] = {}, suffix = ""): Promise<Page> {
  // The site's CSP forbids inline scripts, so axe could not be injected; one test below runs the
  // player under the CSP itself.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true, ...options });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}${STORY}${suffix}`);
  return page;
}

/** Start times and speakers of the timed turns, read from the page. */
async function turns(page: Page): Promise<Array<{ id: string; start: number }>> {
  return page.$$eval(".v-turn[data-start]", (els) => els.map((el) => ({ id: el.id, start: Number(el.getAttribute("data-start")) })));
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return { tag: el.tagName, cls: el.className, text: el.textContent ?? "", turn: el.closest(".v-turn")?.id ?? "" };
  });

/** The focused element is not hidden, even in part, under the sticky player (WCAG 2.4.11). */
const focusClearOfPlayer = (page: Page) =>
  page.evaluate(() => {
    const playerEl = document.querySelector(".player")!;
    if (playerEl.contains(document.activeElement)) return true;
    const player = playerEl.getBoundingClientRect();
    const el = document.activeElement!.getBoundingClientRect();
    const overlaps = el.bottom > player.top + 0.5 && el.top < player.bottom - 0.5;
    return !overlaps && el.top >= 0 && el.bottom <= window.innerHeight ? true : `${document.activeElement!.outerHTML.slice(0, 120)} ${JSON.stringify(el)} player ${JSON.stringify(player)}`;
  });

const audioState = (page: Page) =>
  page.$eval("audio", (a) => ({ time: (a as HTMLAudioElement).currentTime, paused: (a as HTMLAudioElement).paused }));

/**
 * Waits until the page has stopped scrolling (focus and hash scrolls are smooth without reduced
 * motion): scrollY read on every animation frame, unchanged for 100 ms and at least 4 frames (a
 * smooth scroll moves it on each frame), within 6 s at most. Resolves with scrollY then.
 */
async function settled(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const begun = performance.now();
    let last = window.scrollY;
    let since = begun;
    let frames = 0;
    const frame = (now: number) => {
      const y = window.scrollY;
      if (y !== last) {
        last = y;
        since = now;
        frames = 0;
      } else frames += 1;
      if ((now - since >= 100 && frames >= 4) || now - begun > 6000) resolve(y);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }));
}

/** Sets the audio's time and waits for its `seeked` event, by which the player's handler has run. */
const seek = (page: Page, time: number) =>
  page.$eval("audio", (a, t) => new Promise<void>((resolve) => {
    a.addEventListener("seeked", () => resolve(), { once: true });
    (a as HTMLAudioElement).currentTime = t;
  }), time);

async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page), state).toEqual([]);
}

describe("without JavaScript", () => {
  it("each timed turn's time is a link to the audio at that moment, named for what it does", async () => {
    // The same page without the player's script, for axe (which needs JavaScript), loads meanwhile.
    const unscriptedContext = await browser.newContext({ bypassCSP: true });
    contexts.push(unscriptedContext);
    await unscriptedContext.route("**/player.js", (route) => route.abort());
    const [page, unscripted] = await Promise.all([
      open({ javaScriptEnabled: false }),
      unscriptedContext.newPage().then(async (p) => { await p.goto(`${server.url}${STORY}`); return p; }),
    ]);
    const links = await page.$$eval(".v-turn[data-start]", (els) =>
      els.map((turn) => ({ start: turn.getAttribute("data-start"), href: turn.querySelector(".v-moment a.v-play")?.getAttribute("href") })));
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(link.href).toBe(`/stories/captain-moreau/audio.mp3#t=${link.start}`);
    await expect(page.getByRole("link", { name: "Play from 0:36, Adaeze Okafor", exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: "Link to this moment, 0:36, Adaeze Okafor", exact: true }).count()).resolves.toBe(1);
    // Controls that need the script stay out of the way.
    expect(await page.locator(".player-follow").isVisible()).toBe(false);
    expect(await page.locator("#v-keys").isVisible()).toBe(false);
    expect(await page.$$eval(".v-turn", (els) => els.every((el) => el.textContent!.trim().startsWith(el.querySelector(".v-speaker")!.textContent!)))).toBe(true);
    // axe needs JavaScript: check the same page with the player's script refused instead.
    expect(await unscripted.locator(".v-moment a.v-play").count()).toBe(links.length);
    // Each chapter in the contents list is a link to the audio at the chapter's start, too.
    await expect(page.getByRole("link", { name: "Play from 3:00, Hortense Writes Back", exact: true }).getAttribute("href")).resolves.toBe("/stories/captain-moreau/audio.mp3#t=180.2");
    await expectNoAxeViolations(unscripted, "without the player's script");
  });

  it("an untimed story with audio gets neither the controls nor the script", async () => {
    const page = await open({}, "../night-ferry-returns/");
    expect(await page.locator(".v-moment").count()).toBe(0);
    expect(await page.locator('script[src$="player.js"]').count()).toBe(0);
  });
});

describe("with JavaScript, keyboard only", () => {
  it("skip link, one Tab stop for the transcript's controls, arrows between turns, Enter plays from the turn", async () => {
    const page = await open();
    await page.$eval("audio", (a) => { (a as HTMLAudioElement).muted = true; });
    const timed = await turns(page);

    await page.keyboard.press("Tab");
    expect((await focused(page)).text).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    // Tab until the first turn's play control, past the contents list's chapter buttons (each its
    // own Tab stop); nothing on the way is hidden under the player. Focus in
    // the native audio controls is drawn by Chromium inside its closed shadow tree, where no style
    // can be read (its own ring shows in screenshots), so those stops are only checked for place.
    let stops = 0;
    // One read of the focused element per stop (scrolling does not move focus).
    let now = await focused(page);
    while (!(now.cls.includes("v-play") && now.turn) && stops < 60) {
      await page.keyboard.press("Tab");
      stops += 1;
      now = await focused(page);
      const where = `Tab stop ${stops}: ${now.tag}`;
      if (now.tag !== "AUDIO") expect(await focusIsVisible(page), where).toBe(true);
      await settled(page);
      expect(await focusClearOfPlayer(page), `Tab stop ${stops}`).toBe(true);
    }
    expect(now.tag).toBe("BUTTON");
    expect(now.turn).toBe(timed[0]!.id);
    await expectNoAxeViolations(page, "first play button focused");

    // Arrows move between turns and between a turn's two controls, focus visible and clear.
    const steps: Array<[string, string, string]> = [
      ["ArrowDown", timed[1]!.id, "v-play"],
      ["ArrowDown", timed[2]!.id, "v-play"],
      ["ArrowRight", timed[2]!.id, "v-permalink"],
      ["ArrowUp", timed[1]!.id, "v-permalink"],
      ["ArrowLeft", timed[1]!.id, "v-play"],
      ["End", timed.at(-1)!.id, "v-play"],
      ["Home", timed[0]!.id, "v-play"],
      ["ArrowDown", timed[1]!.id, "v-play"],
      ["ArrowDown", timed[2]!.id, "v-play"],
      ["ArrowDown", timed[3]!.id, "v-play"],
    ];
    for (const [key, turn, cls] of steps) {
      await page.keyboard.press(key);
      now = await focused(page);
      expect([key, now.turn, now.cls]).toEqual([key, turn, cls]);
      expect(await focusIsVisible(page), key).toBe(true);
      await settled(page);
      expect(await focusClearOfPlayer(page), key).toBe(true);
    }
    // Exactly one of the transcript's controls is in the Tab order: the focused one.
    expect(await page.$$eval(".v-moment [tabindex='0']", (els) => els.map((el) => el.closest(".v-turn")!.id))).toEqual([timed[3]!.id]);

    // Enter plays from that turn, and focus stays where it was.
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !(document.querySelector("audio") as HTMLAudioElement).paused);
    const audio = await audioState(page);
    expect(audio.time).toBeGreaterThanOrEqual(timed[3]!.start - 0.1);
    expect(audio.time).toBeLessThan(timed[3]!.start + 3);
    expect((await focused(page)).turn).toBe(timed[3]!.id);

    // Tab leaves the transcript's controls in one step; Shift+Tab comes back to the same one.
    await page.keyboard.press("Tab");
    now = await focused(page);
    expect(now.cls).not.toMatch(/v-play|v-permalink/);
    await page.keyboard.press("Shift+Tab");
    now = await focused(page);
    expect([now.turn, now.cls]).toEqual([timed[3]!.id, "v-play"]);
    await expectNoAxeViolations(page, "playing");

    // An arrow key onto a control that sits under the sticky player (but inside the window, so
    // the browser alone would not scroll) brings it out from under the player.
    await page.evaluate((id) => {
      const button = document.querySelector(`#${id} .v-play`)!;
      window.scrollTo({ top: window.scrollY + button.getBoundingClientRect().top - 30, behavior: "instant" });
    }, timed[5]!.id);
    await page.evaluate((id) => (document.querySelector(`#${id} .v-play`) as HTMLElement).focus({ preventScroll: true }), timed[6]!.id);
    await page.keyboard.press("ArrowUp");
    await settled(page);
    expect((await focused(page)).turn).toBe(timed[5]!.id);
    expect(await focusClearOfPlayer(page)).toBe(true);
  });

  it("runs under the site's Content-Security-Policy, with no violations", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error" && !/favicon/.test(m.location().url)) errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}${STORY}`);
    expect(await page.locator("button.v-play").count()).toBeGreaterThan(10);
    await page.locator(".player-follow").click();
    await page.locator("button.v-play").nth(2).click();
    await page.waitForFunction(() => document.querySelector(".v-turn[aria-current='true']"));
    expect(errors).toEqual([]);
  });

  it("each chapter in the contents list plays from its start: a button named with the chapter, focus kept", async () => {
    const page = await open();
    await page.$eval("audio", (a) => { (a as HTMLAudioElement).muted = true; });
    const chapter = page.getByRole("button", { name: "Play from 3:00, Hortense Writes Back", exact: true });
    await expect(chapter.count()).resolves.toBe(1);
    await expect(page.locator(".v-contents a.v-play").count()).resolves.toBe(0);
    expect(await page.$$eval(".v-contents button.v-play", (els) => els.map((el) => el.getAttribute("aria-label")))).toEqual([
      "Play from 0:00, Opening",
      "Play from 0:41, The First Letter",
      "Play from 3:00, Hortense Writes Back",
      "Play from 4:41, Finding the Voice",
    ]);
    await chapter.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !(document.querySelector("audio") as HTMLAudioElement).paused);
    const audio = await audioState(page);
    expect(audio.time).toBeGreaterThanOrEqual(180.2 - 0.1);
    expect(audio.time).toBeLessThan(180.2 + 3);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Play from 3:00, Hortense Writes Back");
    expect(await focusIsVisible(page)).toBe(true);
    // Tab moves on to the next chapter, its heading's link and then its button: the contents list
    // is not part of the turns' grid.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Finding the Voice");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Play from 4:41, Finding the Voice");
    const sizes = await page.$$eval(".v-contents button.v-play", (els) => els.map((el) => el.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    await expectNoAxeViolations(page, "chapter playing");
  });

  it("the play controls are buttons named with the time shown, the speaker and what they do", async () => {
    const page = await open();
    await expect(page.getByRole("button", { name: "Play from 0:36, Adaeze Okafor", exact: true }).count()).resolves.toBe(1);
    await expect(page.locator("a.v-play").count()).resolves.toBe(0);
    const sizes = await page.$$eval(".v-moment button, .v-moment a, .player button:not([hidden])", (els) =>
      els.map((el) => el.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
  });
});

describe("follow along", () => {
  it("is off until pressed; then aria-current follows the audio and the page follows the turn, until the reader scrolls", async () => {
    const page = await open();
    await page.$eval("audio", (a) => { (a as HTMLAudioElement).muted = true; });
    const timed = await turns(page);
    const follow = page.locator(".player-follow");
    expect(await follow.getAttribute("aria-pressed")).toBe("false");

    // Playing without follow mode marks nothing and scrolls nothing.
    await page.getByRole("button", { name: "Play from 0:00, Adaeze Okafor", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !(document.querySelector("audio") as HTMLAudioElement).paused);
    const scrollBefore = await settled(page);
    await seek(page, timed[20]!.start + 0.5);
    // Any scroll the seek started would have to end before the page counts as settled.
    await settled(page);
    expect(await page.locator("[aria-current='true'].v-turn").count()).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

    await follow.focus();
    await page.keyboard.press("Enter");
    expect(await follow.getAttribute("aria-pressed")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("player-follow");
    const current = () => page.$$eval(".v-turn[aria-current='true']", (els) => els.map((el) => el.id));

    for (const n of [10, 11, 18]) {
      await page.$eval("audio", (a, t) => { (a as HTMLAudioElement).currentTime = t; }, timed[n]!.start + 0.5);
      await page.waitForFunction((id) => document.getElementById(id)?.getAttribute("aria-current") === "true", timed[n]!.id);
      expect(await current()).toEqual([timed[n]!.id]);
      // Auto-scroll brought it into view, below the player; focus never moved.
      await page.waitForFunction((id) => {
        const r = document.getElementById(id)!.getBoundingClientRect();
        return r.top >= document.querySelector(".player")!.getBoundingClientRect().bottom - 1 && r.top < window.innerHeight;
      }, timed[n]!.id);
      expect(await page.evaluate(() => document.activeElement?.className)).toBe("player-follow");
    }
    // Not by colour alone: the current turn shows "Now playing" and a thick border.
    const marker = await page.$eval(".v-turn[aria-current='true']", (el) => ({
      text: getComputedStyle(el.querySelector(".v-moment")!, "::after").content,
      border: parseFloat(getComputedStyle(el).borderLeftWidth),
    }));
    expect(marker.text).toContain("Now playing");
    expect(marker.border).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: path.join(SHOTS, "follow-1280.png") });
    await expectNoAxeViolations(page, "follow mode on");

    // The reader scrolls by hand: the mark still moves, the page does not.
    await page.mouse.move(640, 600);
    await page.mouse.wheel(0, -3000);
    await page.locator(".player-resume").waitFor();
    await settled(page);
    await expect(page.locator(".player-resume").isVisible()).resolves.toBe(true);
    const held = await page.evaluate(() => window.scrollY);
    await page.$eval("audio", (a, t) => { (a as HTMLAudioElement).currentTime = t; }, timed[33]!.start + 0.5);
    await page.waitForFunction((id) => document.getElementById(id)?.getAttribute("aria-current") === "true", timed[33]!.id);
    await settled(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(held);
    // "Back to now playing" resumes it.
    await page.locator(".player-resume").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    }, timed[33]!.id);

    // Follow mode off: nothing is marked.
    await follow.focus();
    await page.keyboard.press("Enter");
    expect(await follow.getAttribute("aria-pressed")).toBe("false");
    expect(await current()).toEqual([]);
    await expectNoAxeViolations(page, "follow mode off");
  });

  it("pausing the audio pauses auto-scroll", async () => {
    const page = await open();
    await page.$eval("audio", (a) => { (a as HTMLAudioElement).muted = true; });
    const timed = await turns(page);
    await page.locator(".player-follow").click();
    await page.$eval("audio", (a) => (a as HTMLAudioElement).play());
    await page.$eval("audio", (a) => { (a as HTMLAudioElement).pause(); });
    const before = await page.evaluate(() => window.scrollY);
    await page.$eval("audio", (a, t) => { (a as HTMLAudioElement).currentTime = t; }, timed[22]!.start + 0.5);
    await page.waitForFunction((id) => document.getElementById(id)?.getAttribute("aria-current") === "true", timed[22]!.id);
    await settled(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
  });

  it("with reduced motion, the follow scroll is instant", async () => {
    const page = await open({ reducedMotion: "reduce" });
    await page.$eval("audio", (a) => { (a as HTMLAudioElement).muted = true; });
    const timed = await turns(page);
    await page.locator(".player-follow").click();
    await page.$eval("audio", (a) => (a as HTMLAudioElement).play());
    // Measured in the same task as the seek's handler: a smooth scroll would still be under way.
    const landed = await page.$eval("audio", (a, [t, id]) => new Promise<boolean>((resolve) => {
      a.addEventListener("seeked", () => setTimeout(() => {
        const r = document.getElementById(id as string)!.getBoundingClientRect();
        resolve(r.top >= 0 && r.top < window.innerHeight);
      }, 0), { once: true });
      (a as HTMLAudioElement).currentTime = t as number;
    }), [timed[28]!.start + 0.5, timed[28]!.id] as const);
    expect(landed).toBe(true);
  });
});

describe("permalinks", () => {
  it("opening the page at a turn scrolls to it, clear of the player, and cues the audio there without playing", async () => {
    const page = await open({}, "#v-turn-12");
    await page.waitForFunction(() => (document.querySelector("audio") as HTMLAudioElement).currentTime > 0);
    const start = Number(await page.getAttribute("#v-turn-12", "data-start"));
    await page.waitForFunction(() => {
      const r = document.getElementById("v-turn-12")!.getBoundingClientRect();
      return r.top >= document.querySelector(".player")!.getBoundingClientRect().bottom - 1 && r.top < window.innerHeight / 2;
    });
    const audio = await audioState(page);
    expect(audio.time).toBeCloseTo(start, 1);
    expect(audio.paused).toBe(true);
    // Tab into the transcript's controls lands on this turn.
    expect(await page.$eval(".v-moment [tabindex='0']", (el) => el.closest(".v-turn")!.id)).toBe("v-turn-12");
    await page.screenshot({ path: path.join(SHOTS, "permalink-1280.png") });
  });

  it("?t= and #t= cue the audio to that time without playing", async () => {
    // The two addresses are independent pages, checked side by side.
    await Promise.all(["?t=100", "#t=2:05"].map(async (suffix) => {
      const page = await open({}, suffix);
      await page.waitForFunction(() => (document.querySelector("audio") as HTMLAudioElement).currentTime > 0);
      const audio = await audioState(page);
      expect(audio.time, suffix).toBeCloseTo(suffix === "?t=100" ? 100 : 125, 1);
      expect(audio.paused).toBe(true);
    }));
  });

  it("'Link to this moment' goes to the turn, copies its address and says so in the status region", async () => {
    const page = await open();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const link = page.getByRole("link", { name: "Link to this moment, 0:36, Adaeze Okafor", exact: true });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".player-status[role='status']")?.textContent === "Link copied");
    expect(new URL(page.url()).hash).toBe("#v-turn-3");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}${STORY}#v-turn-3`);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("v-permalink");
    await expectNoAxeViolations(page, "link copied");
  });
});

describe("screenshots", () => {
  it("at 320 px, at 1280 px and in dark mode, with follow mode on", async () => {
    const cases = [
      { name: "320-light", viewport: { width: 320, height: 640 }, colorScheme: "light" as const },
      { name: "1280-light", viewport: { width: 1280, height: 800 }, colorScheme: "light" as const },
      { name: "1280-dark", viewport: { width: 1280, height: 800 }, colorScheme: "dark" as const },
      { name: "320-dark", viewport: { width: 320, height: 640 }, colorScheme: "dark" as const },
    ];
    // Four independent pages, each in its own context, driven side by side.
    await Promise.all(cases.map(async (c) => {
      const page = await open({ viewport: c.viewport, colorScheme: c.colorScheme });
      await page.$eval("audio", (a) => { (a as HTMLAudioElement).muted = true; });
      const timed = await turns(page);
      await page.locator(".player-follow").click();
      await page.$eval("audio", (a) => (a as HTMLAudioElement).play());
      await page.$eval("audio", (a, t) => { (a as HTMLAudioElement).currentTime = t; }, timed[6]!.start + 0.5);
      await page.waitForFunction((id) => document.getElementById(id)?.getAttribute("aria-current") === "true", timed[6]!.id);
      await page.$eval("audio", (a) => { (a as HTMLAudioElement).pause(); });
      // Focus a control so the focus indicator is in the picture too.
      await page.locator(`#${timed[7]!.id} .v-play`).focus();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowUp");
      await settled(page);
      await page.screenshot({ path: path.join(SHOTS, `${c.name}.png`) });
      // Sticky where there is room, and then its height is the page's scroll padding (WCAG 2.4.11).
      const layout = await page.evaluate(() => {
        const player = document.querySelector(".player") as HTMLElement;
        return { position: getComputedStyle(player).position, height: player.offsetHeight, padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) };
      });
      if (c.viewport.width >= 1280) {
        expect(layout.position).toBe("sticky");
        expect(layout.padding).toBeCloseTo(layout.height + 8, 0);
      } else {
        expect(layout.position).toBe("static");
        expect(layout.padding).toBeCloseTo(8, 0);
      }
      // Reflow: no horizontal scrolling at 320 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectNoAxeViolations(page, c.name);
    }));
    expect(fs.readdirSync(SHOTS).filter((f) => f.endsWith(".png")).length).toBeGreaterThanOrEqual(4);
  });
});

describe("the audit's static server serves byte ranges, so audio can be sought", () => {
  it("answers Range requests with 206 and the exact bytes, and unsatisfiable ones with 416", async () => {
    const file = fs.readFileSync(path.join(site, STORY, "audio.mp3"));
    const url = `${server.url}${STORY}audio.mp3`;
    const part = await fetch(url, { headers: { range: "bytes=1000-1999" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${file.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(file.subarray(1000, 2000))).toBe(true);
    const tail = await fetch(url, { headers: { range: "bytes=-10" } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(file.subarray(file.length - 10))).toBe(true);
    expect((await fetch(url, { headers: { range: `bytes=${file.length}-` } })).status).toBe(416);
    const whole = await fetch(url);
    expect([whole.status, whole.headers.get("accept-ranges")]).toEqual([200, "bytes"]);
    expect(byteRange("bytes=5-", 10)).toEqual({ start: 5, end: 9 });
    expect(byteRange("items=1-2", 10)).toBeUndefined();
  });

  it("Chromium knows the audio's length: it is a file, not a live stream", async () => {
    const page = await open();
    await page.$eval("audio", (a) => { (a as HTMLAudioElement).preload = "auto"; (a as HTMLAudioElement).load(); });
    await page.waitForFunction(() => (document.querySelector("audio") as HTMLAudioElement).readyState >= 1);
    const duration = await page.$eval("audio", (a) => (a as HTMLAudioElement).duration);
    expect(duration).toBeGreaterThan(350);
    expect(duration).toBeLessThan(365);
  });
});

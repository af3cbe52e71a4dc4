// The WebVTT export as Chromium's own parser reads it: every caption, its times, voices and language.

import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../src/audit/browser.ts";
import { captionsOf } from "../src/interchange/exporters/captions.ts";
import { writeChaptersVtt } from "../src/interchange/exporters/chapters-vtt.ts";
import { LIGHTHOUSE, TIMED_STORIES, write } from "./helpers/export-stories.ts";

describe("WebVTT in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let vtt = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (pathname === "/player.html") {
        void request.respond({
          contentType: "text/html; charset=utf-8",
          body: '<!doctype html><html lang="en"><title>Player</title><video controls><track kind="captions" srclang="en" label="English" src="/transcript.vtt" default></video>',
        });
      } else if (pathname === "/transcript.vtt") {
        void request.respond({ contentType: "text/vtt; charset=utf-8", body: vtt });
      } else void request.abort();
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  interface LoadedCaption {
    start: number;
    end: number;
    text: string;
    html: string;
    shown: string;
  }

  async function load(file: string): Promise<{ status: string; mode: string; captions: LoadedCaption[] }> {
    vtt = file;
    await page.goto("http://verbatim.test/player.html", { waitUntil: "load" });
    return page.evaluate(async () => {
      const element = document.querySelector("track");
      if (!element) return { status: "no track", mode: "", captions: [] };
      const loaded = new Promise<string>((resolve) => {
        if (element.readyState === 2) resolve("load");
        element.addEventListener("load", () => resolve("load"));
        element.addEventListener("error", () => resolve("error"));
      });
      if (element.track.mode === "disabled") element.track.mode = "hidden";
      const status = await loaded;
      const captions = Array.from(element.track.cues ?? []).map((cue) => {
        const vttCue = cue as VTTCue;
        const holder = document.createElement("div");
        holder.append(vttCue.getCueAsHTML());
        return { start: vttCue.startTime, end: vttCue.endTime, text: vttCue.text, html: holder.innerHTML, shown: holder.textContent ?? "" };
      });
      return { status, mode: element.track.mode, captions };
    });
  }

  it.each(TIMED_STORIES)("reads every caption of the %s export, with its times, voices and language", async (_, s) => {
    const file = write("vtt", s);
    const written = captionsOf(s);
    const { status, mode, captions } = await load(file);
    expect(status).toBe("load");
    expect(["hidden", "showing"]).toContain(mode);
    expect(captions.length).toBe(written.length);
    expect(captions.length).toBe(file.match(/ --> /gu)?.length);
    for (const [i, caption] of written.entries()) {
      const loaded = captions[i];
      expect(loaded?.start).toBeCloseTo(caption.start, 3);
      expect(loaded?.end).toBeCloseTo(caption.end, 3);
      expect(loaded?.shown.replace(/\n/gu, " ")).toBe(caption.lead + caption.text);
      const name = caption.passage.type === "speech" ? caption.passage.speaker?.name : undefined;
      if (name) {
        expect(loaded?.text.startsWith(`<v ${name}>`)).toBe(true);
        expect(loaded?.html).toContain(`<span title="${name}">`);
      } else expect(loaded?.html).not.toContain("title=");
      if (caption.passage.lang) expect(loaded?.html).toContain(`<span lang="${caption.passage.lang}">`);
    }
  });

  it("shows the first caption's speaker as a voice span", async () => {
    const { captions } = await load(write("vtt", LIGHTHOUSE));
    expect(captions[0]?.text).toContain("<v Selma Arnaut>");
    expect(captions[0]?.html).toMatch(/^<span title="Selma Arnaut">Good evening\. Tonight: light, salt &amp; the people/u);
    expect(captions.find((c) => c.shown.includes("Keepers"))?.shown).toContain("Keepers < machines");
  });

  it("reads every chapter of a WebVTT chapters track, with its times and its title as written", async () => {
    const chapters = [
      { title: "Opening", start: 0, end: 41.3 },
      { title: "Keepers < machines & --> salt", start: 41.3, end: 180.2 },
      { title: "The end", start: 180.2, end: 3723.5 },
    ];
    const { status, captions } = await load(writeChaptersVtt("Lights & <Salt>", chapters));
    expect(status).toBe("load");
    expect(captions.map((c) => [c.start, c.end, c.shown])).toEqual(chapters.map((c) => [c.start, c.end, c.title]));
  });
});

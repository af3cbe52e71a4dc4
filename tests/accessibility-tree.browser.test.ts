// Reads story pages' accessibility trees in real Chromium: what a screen reader is given.

import fs from "node:fs";
import path from "node:path";
import type { Browser, Page, SerializedAXNode } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../src/audit/browser.ts";
import { serveStatic, type StaticServer } from "../src/audit/serve.ts";
import { loadSite } from "../src/site/load.ts";
import { projectPaths } from "../src/site/paths.ts";
import type { SiteModel } from "../src/story/site.ts";
import { REPO, runBuild } from "./helpers/build.ts";

let server: StaticServer;
let browser: Browser;
let site: SiteModel;

beforeAll(async () => {
  const run = await runBuild(["--skip-audit"]);
  expect(run.code, run.stderr).toBe(0);
  site = loadSite(projectPaths(REPO));
  server = await serveStatic(run.output, "/");
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text a screen reader reads for a node: its text leaves, in order. */
function spokenText(node: SerializedAXNode | null | undefined): string {
  if (!node) return "";
  if (node.role === "StaticText" || node.role === "text") return node.name ?? "";
  return (node.children ?? []).map(spokenText).join("");
}

function findAll(node: SerializedAXNode | null | undefined, test: (n: SerializedAXNode) => boolean): SerializedAXNode[] {
  if (!node) return [];
  return [...(test(node) ? [node] : []), ...(node.children ?? []).flatMap((c) => findAll(c, test))];
}

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(new URL(url.replace(/^\//, ""), server.url).href, { waitUntil: "load" });
  return page;
}

describe("a story page's accessibility tree", () => {
  it("starts every turn's accessible text with the speaker's name, on every story", async () => {
    // The stories are independent: each in its own tab, all at once.
    await Promise.all(site.stories.map(async (story) => {
      const names = new Map(story.speakers.map((s) => [s.id, s.name]));
      const page = await open(story.url);
      const turns = await page.$$(".v-turn > p:first-child");
      expect(turns.length, story.url).toBe(story.turns);
      // One snapshot of the whole page, each turn's subtree found in it by its DOM node: what
      // snapshot({ root: paragraph }) returns, without fetching the page's full tree once per turn.
      const whole = await page.accessibility.snapshot({ interestingOnly: false });
      // Each node carries its DOM node's backendNodeId (at run time; puppeteer's type leaves it
      // out). Were it ever gone, no turn would be found and the role check below would fail.
      const byNode = new Map<number, SerializedAXNode>();
      for (const node of findAll(whole, () => true)) {
        const id = (node as SerializedAXNode & { backendNodeId?: number }).backendNodeId;
        // The first in document order, as snapshot({ root }) finds it.
        if (id !== undefined && !byNode.has(id)) byNode.set(id, node);
      }
      const speakerIds = await page.$$eval(".v-turn > p:first-child", (ps) => ps.map((p) => p.parentElement?.dataset.speaker ?? ""));
      const texts = await Promise.all(
        turns.map(async (paragraph, i) => {
          const tree = byNode.get(await paragraph.backendNodeId());
          expect(tree?.role).toBe("paragraph");
          return { name: names.get(speakerIds[i] ?? "") ?? "(unknown speaker)", text: spokenText(tree) };
        }),
      );
      for (const { name, text } of texts) {
        // A titled speaker's first turn reads "President Nicolas Sarkozy:"; the name follows the title.
        const title = story.speakers.find((s) => s.name === name)?.title;
        const expected = text.startsWith(`${title} `) ? `${title} ${name}` : name;
        expect(text.startsWith(expected), `${story.url}: "${text.slice(0, 60)}" starts with ${name}`).toBe(true);
        expect(text.slice(expected.length)).toMatch(/^(,[^:]+)?(\s\([^)]*\))?[^:]*:\s/u);
      }
      await page.close();
    }));
  });

  it("has landmarks, one h1 and a Transcript heading, and reads (ph) as its meaning", async () => {
    const story = site.stories.find((s) => s.html.includes("v-ph"));
    expect(story).toBeDefined();
    const page = await open(story?.url ?? "/");
    const tree = await page.accessibility.snapshot({ interestingOnly: false });
    const roles = findAll(tree, () => true).map((n) => `${n.role}:${n.name ?? ""}`);
    expect(roles).toContain("main:");
    expect(roles).toContain("navigation:Site");
    expect(roles).toContain("region:Transcript");
    expect(findAll(tree, (n) => n.role === "heading" && n.level === 1)).toHaveLength(1);
    expect(findAll(tree, (n) => n.role === "heading" && n.name === "Transcript" && n.level === 2)).toHaveLength(1);
    const text = spokenText(tree);
    expect(text).toContain("(phonetic spelling, unverified)");
    expect(text).not.toContain("(ph)");
    await page.close();
  });

  it("labels tape groups so a listener knows the voices are taped", async () => {
    const story = site.stories.find((s) => s.html.includes('data-cue="song"'));
    const page = await open(story?.url ?? "/");
    const tree = await page.accessibility.snapshot({ interestingOnly: false });
    const groups = findAll(tree, (n) => n.role === "group").map((n) => n.name);
    expect(groups).toContain("Archived broadcast");
    expect(groups).toContain("Song: Harbor Lights, by Margit Ostergaard");
    await page.close();
  });

  it("names the audio controls and the download link", async () => {
    const story = site.stories.find((s) => s.audio);
    const page = await open(story?.url ?? "/");
    const audioOk = await page.$eval("audio", (a) => (a as HTMLAudioElement).error === null);
    expect(audioOk).toBe(true);
    const tree = await page.accessibility.snapshot({ interestingOnly: true });
    const links = findAll(tree, (n) => n.role === "link").map((n) => n.name ?? "");
    expect(links.some((name) => name.startsWith("Download audio of"))).toBe(true);
    expect(fs.existsSync(path.join(REPO, story?.audio?.file ?? "missing"))).toBe(true);
    await page.close();
  });
});

// Listing pages of a large archive: topics, shows, speakers and years in pages of 100 stories,
// with a page list a screen-reader user can find and follow. Pure paging, then a real build of
// 420 generated stories, read as HTML and in Chromium.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaticServer } from "../src/audit/serve.ts";
import { makeBenchProject } from "../src/bench/project.ts";
import { LIST_PAGE_SIZE, paginate, visiblePages } from "../src/story/listing.ts";
import { listFiles, REPO, runBuild } from "./helpers/build.ts";
import { axeViolations, launchReaderBrowser, serveSite } from "./helpers/reader.ts";

describe("paging", () => {
  it("cuts a listing into pages of at most the page size, the first at the listing's own address", () => {
    const pages = paginate("music", "/tags/music/", Array.from({ length: 230 }, (_, i) => i));
    expect(pages.map((p) => [p.url, p.items.length, p.number, p.count])).toEqual([
      ["/tags/music/", 100, 1, 3],
      ["/tags/music/2/", 100, 2, 3],
      ["/tags/music/3/", 30, 3, 3],
    ]);
    expect(pages[0]?.previous).toBeUndefined();
    expect(pages[1]?.previous?.url).toBe("/tags/music/");
    expect(pages[1]?.next?.url).toBe("/tags/music/3/");
    expect(pages[2]?.next).toBeUndefined();
  });

  it("gives a short listing one page and no page list", () => {
    const [only, ...rest] = paginate("x", "/tags/x/", [1, 2, 3]);
    expect(rest).toEqual([]);
    expect(only?.pages).toEqual([]);
    expect(paginate("x", "/tags/x/", [])).toHaveLength(1);
  });

  it("shows the first, the last and two either side of the current page, with gaps", () => {
    const pages = paginate("x", "/x/", Array.from({ length: 100 * LIST_PAGE_SIZE }, (_, i) => i))[0]?.pages ?? [];
    const numbers = (current: number) => visiblePages(pages, current).map((p) => p?.number ?? "…");
    expect(numbers(1)).toEqual([1, 2, 3, "…", 100]);
    expect(numbers(50)).toEqual([1, "…", 48, 49, 50, 51, 52, "…", 100]);
    expect(numbers(99)).toEqual([1, "…", 97, 98, 99, 100]);
    expect(visiblePages(pages.slice(0, 4), 2).map((p) => p?.number)).toEqual([1, 2, 3, 4]);
  });
});

describe("a built archive of 420 stories", () => {
  let output: string;
  let server: StaticServer;
  const html = (file: string) => parseHTML(fs.readFileSync(path.join(output, file), "utf8")).document;

  beforeAll(async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-listing-"));
    makeBenchProject(REPO, project, 420);
    output = path.join(project, "_site");
    const run = await runBuild(["--skip-audit"], project, output);
    expect(run.code, run.stderr).toBe(0);
    server = await serveSite(output);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
  });

  it("pages every long listing and no page lists more than the page size", () => {
    const files = listFiles(output).filter((f) => /^(tags|shows|speakers|archive)\/.+index\.html$/.test(f));
    expect(files).toContain("shows/night-desk/index.html");
    expect(files).toContain("archive/2020/index.html");
    for (const file of files) {
      const cards = html(file).querySelectorAll(".story-card").length;
      expect(cards, file).toBeLessThanOrEqual(LIST_PAGE_SIZE);
    }
    // 420 stories over 4 shows: 105 each, two pages; the years and topics fit on one.
    const paged = files.filter((f) => /\/2\/index\.html$/.test(f));
    expect(paged.sort()).toEqual(["shows/harbor-hours/2/index.html", "shows/night-desk/2/index.html", "shows/the-long-table/2/index.html", "shows/weekend-edition-local/2/index.html"]);
    expect(html("shows/night-desk/2/index.html").querySelectorAll(".story-card").length).toBe(5);
  });

  it("names each page in its title and heading text, and links the pages both ways", () => {
    const second = listFiles(output).find((f) => /^shows\/[^/]+\/2\/index\.html$/.test(f)) ?? "";
    const doc = html(second);
    expect(doc.title).toMatch(/^[^–]+ \(page 2 of 2\) – /);
    expect(doc.querySelector("main p")?.textContent).toBe("105 stories, newest first; page 2 of 2.");
    const nav = doc.querySelector("nav.page-list");
    expect(nav?.getAttribute("aria-label")).toBe(`Pages of ${doc.querySelector("h1")?.textContent}`);
    expect(nav?.querySelector('a[aria-current="page"]')?.textContent).toBe("Page 2");
    expect(nav?.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe(`/${second.replace(/2\/index\.html$/, "")}`);
    const first = html(second.replace(/2\/index\.html$/, "index.html"));
    expect(first.querySelector('nav.page-list a[rel="next"]')?.getAttribute("href")).toBe(`/${second.replace(/index\.html$/, "")}`);
    // Every page of every listing is in the sitemap.
    const sitemap = fs.readFileSync(path.join(output, "sitemap.xml"), "utf8");
    expect(sitemap).toContain(`/${second.replace(/index\.html$/, "")}</loc>`);
  });

  it("lists the years on the archive page, each year its own listing", () => {
    const archive = html("archive/index.html");
    const years = [...archive.querySelectorAll(".group-list a")].map((a) => a.getAttribute("href"));
    expect(years).toEqual(["/archive/2025/", "/archive/2024/", "/archive/2023/", "/archive/2022/", "/archive/2021/", "/archive/2020/", "/archive/2019/", "/archive/2018/", "/archive/2017/", "/archive/2016/"]);
    expect(html("archive/2020/index.html").querySelectorAll(".story-card").length).toBe(42);
  });

  it("passes axe on a middle page, and the page list is reachable and named in the accessibility tree", async () => {
    const browser = await launchReaderBrowser();
    try {
      // A context that lets axe in past the page's CSP.
      const page = await (await browser.newContext({ bypassCSP: true })).newPage();
      const second = listFiles(output).find((f) => /^shows\/[^/]+\/2\/index\.html$/.test(f)) ?? "";
      await page.goto(server.url + second.replace(/index\.html$/, ""));
      expect(await axeViolations(page)).toEqual([]);
      const nav = page.getByRole("navigation", { name: /^Pages of / });
      expect(await nav.getByRole("link", { name: "Page 2" }).getAttribute("aria-current")).toBe("page");
      expect(await nav.getByRole("link", { name: "Previous page" }).count()).toBe(1);
      const box = await nav.getByRole("link", { name: "Page 1" }).boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(24);
      expect(box?.height).toBeGreaterThanOrEqual(24);
    } finally {
      await browser.close();
    }
  });
});

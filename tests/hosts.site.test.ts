// The `_headers` file read by a real host's runtime: a built site served by Cloudflare Pages' local
// runtime (`wrangler pages dev`, workerd), fetched as a web player and a reader would. Beside it,
// the same site without `_headers`, to show that what is asserted comes from the file and not
// from the host's defaults.

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeProject, runBuild } from "./helpers/build.ts";
import { servePages, workerdProblem, type PagesDev } from "./helpers/pages-dev.ts";
import { tempDir } from "./helpers/temp-dirs.ts";

const STORY = "/stories/captain-moreau/";
const FEED = "/shows/the-long-table/feed.xml";

const problem = await workerdProblem();
if (problem) console.warn(`tests/hosts.site.test.ts is skipped: Cloudflare's runtime cannot run here: ${problem}`);

describe.skipIf(problem !== undefined)("the site served by Cloudflare Pages' runtime (wrangler pages dev)", () => {
  let site: string;
  let host: PagesDev;
  let bare: PagesDev;

  beforeAll(async () => {
    const project = makeProject({ stories: ["captain-moreau", "bread-that-remembers"] });
    const run = await runBuild(["--skip-audit"], project);
    expect(run.code, run.stderr).toBe(0);
    site = run.output;
    const without = tempDir("verbatim-no-headers-");
    fs.cpSync(site, without, { recursive: true });
    fs.rmSync(path.join(without, "_headers"));
    // Both at once; if one does not start, the other is stopped before the error is reported.
    const started = await Promise.allSettled([servePages(site), servePages(without)]);
    const failed = started.find((result) => result.status === "rejected");
    if (failed) {
      await Promise.all(started.map((result) => (result.status === "fulfilled" ? result.value.stop() : undefined)));
      throw failed.reason;
    }
    [host, bare] = started.map((result) => (result as PromiseFulfilledResult<PagesDev>).value) as [PagesDev, PagesDev];
  });

  afterAll(async () => {
    await Promise.all([host?.stop(), bare?.stop()]);
  });

  const get = async (server: PagesDev, url: string) => {
    const response = await fetch(`${server.url}${url}`, { headers: { Origin: "https://player.example.net" } });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };

  it("parses every rule of _headers (none ignored)", () => {
    const rules = fs.readFileSync(path.join(site, "_headers"), "utf8").split("\n").filter((line) => line.startsWith("/")).length;
    expect(host.log()).toContain(`Parsed ${rules} valid header rules`);
    expect(host.log()).not.toMatch(/invalid|Ignoring line|Maximum number of rules/iu);
  });

  it("sends a transcript to a player on another origin with its type, CORS and an hour's lifetime", async () => {
    const vtt = await get(host, `${STORY}transcript.vtt`);
    expect(vtt.status).toBe(200);
    expect(vtt.body.startsWith("WEBVTT")).toBe(true);
    expect(vtt.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(vtt.headers.get("access-control-allow-origin")).toBe("*");
    expect(vtt.headers.get("cache-control")).toBe("public, max-age=3600");
    const srt = await get(host, `${STORY}transcript.srt`);
    expect(srt.headers.get("content-type")).toBe("application/x-subrip; charset=utf-8");
    const json = await get(host, `${STORY}transcript.json`);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("sends a feed with CORS and an hour's lifetime", async () => {
    const feed = await get(host, FEED);
    expect(feed.status).toBe(200);
    expect(feed.body).toContain("<rss");
    expect(feed.headers.get("access-control-allow-origin")).toBe("*");
    expect(feed.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("sends a page its own policy as a header, with frame-ancestors, and the host's revalidating lifetime", async () => {
    const page = await get(host, STORY);
    expect(page.status).toBe(200);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/u.exec(page.body)?.[1];
    expect(meta).toBeDefined();
    expect(page.headers.get("content-security-policy")).toBe(`${meta!.replaceAll("&#39;", "'")}; frame-ancestors 'self'`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
  });

  it("answers a missing page with 404 and the site's own 404 page, under the same policy", async () => {
    const missing = await get(host, "/no/such/page/");
    expect(missing.status).toBe(404);
    expect(missing.body).toContain("<h1>Page not found</h1>");
    expect(missing.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
  });

  it("keeps images, named by their content's hash, for a year", async () => {
    const image = /<img[^>]+src="([^"]+)"/u.exec((await get(host, STORY)).body)?.[1];
    expect(image).toMatch(/^\/images\/.*-[0-9a-f]{10}\.jpg$/u);
    const response = await get(host, image!);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    // Without _headers the same image gets no such promise (below).
    expect((await get(bare, image!)).headers.get("cache-control")).not.toContain("immutable");
  });

  it("without _headers, the same host sends none of it (so the checks above can fail)", async () => {
    const vtt = await get(bare, `${STORY}transcript.vtt`);
    expect(vtt.status).toBe(200);
    expect(vtt.headers.get("cache-control")).not.toBe("public, max-age=3600");
    expect((await get(bare, `${STORY}transcript.srt`)).headers.get("content-type")).not.toBe("application/x-subrip; charset=utf-8");
    expect((await get(bare, STORY)).headers.get("content-security-policy")).toBeNull();
    expect((await get(bare, FEED)).headers.get("cache-control")).not.toBe("public, max-age=3600");
  });
});

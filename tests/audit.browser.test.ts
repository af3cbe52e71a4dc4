// The audit in real Chromium against pages with known faults: each check is proven to fail on the
// fault it is for, a clean page passes, and crashes or endless loads are faults, never passes.
// Every audit here starts before the first test and they run side by side (most of their time is
// spent waiting: browser launches, a crash, a time limit); the tests then check their results.

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { background } from "./helpers/background.ts";
import { ADD_WCAG22_TAGS, auditPage } from "../src/audit/audit-page.ts";
import { launchBrowser } from "../src/audit/browser.ts";
import { DEFAULTS } from "../src/audit/config.ts";
import { pageUrl } from "../src/audit/pages.ts";
import { serveStatic } from "../src/audit/serve.ts";
import { runAudit } from "../src/audit/run.ts";
import { exitCodeOf, type AuditReport } from "../src/audit/types.ts";
import { renderTranscript } from "../src/transcript/index.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "audit");
const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".html")).sort();

function expected(file: string): string[] {
  const html = fs.readFileSync(path.join(FIXTURES, file), "utf8");
  return (/<meta name="verbatim-expect" content="([^"]*)">/.exec(html)?.[1] ?? "").split(/\s+/).filter(Boolean);
}

const fixtureAudit = background(() => runAudit({ siteDir: FIXTURES, pathPrefix: "/", config: DEFAULTS }));

const LABEL_LIKE_BODY = [
  "DANA PRICE, HOST: Good morning. NOTE: the gates close at 5:30 in the U.S. We asked NASA: Nobody knew.",
  "",
  "BRIAN MANN, BYLINE: Thanks, Dana. We start at the *top*.PRICE: Today the ferry goes north.",
  "It is cold here",
  "MANN: Very cold. (LAUGHTER) OMAR HADDAD, GUEST: Hello.",
  "",
  "LUCIA ARRIAGA: (Speaking Spanish) Buenas noches. Ernst Falko (ph) said \"STOP: not yet.\"",
  "",
  "(SOUNDBITE OF ARCHIVED BROADCAST)",
  "",
  "UNIDENTIFIED REPORTER: The gates have closed.HADDAD: Indeed.",
].join("\n");

/** The notation's warnings for LABEL_LIKE_BODY, and what the audit finds on the page it renders. */
const labelLikeAudit = background(async () => {
  const rendered = renderTranscript(LABEL_LIKE_BODY);
  const warned = rendered.summary.warnings.map((w) => /^"([^"]+):"/.exec(w.message)?.[1]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-label-like-"));
  try {
    const page = fs.readFileSync(path.join(FIXTURES, "clean.html"), "utf8").replace(/<section class="transcript"[\s\S]*<\/section>/u, () => `<section class="transcript" aria-labelledby="t"><h2 id="t">Transcript</h2>\n${rendered.html}</section>`);
    fs.writeFileSync(path.join(dir, "story.html"), page);
    const result = await runAudit({ siteDir: dir, pathPrefix: "/", config: { ...DEFAULTS, concurrency: 1 }, pages: ["story.html"] });
    const found = result.pages[0]?.issues.filter((i) => i.code === "verbatim-label-inside-paragraph").map((i) => /^"([^"]+):"/.exec(i.message)?.[1]);
    return { warned, found };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** The browser killed once, at the first page. */
const killedOnce = background(async () => {
  let kills = 0;
  const result = await runAudit({
    siteDir: FIXTURES, pathPrefix: "/", config: { ...DEFAULTS, concurrency: 1 }, pages: ["clean.html", "two-h1.html"],
    hooks: { beforePage: (page, browser) => { if (page === "clean.html" && kills++ === 0) browser.process()?.kill("SIGKILL"); } },
  });
  return { kills, result };
});

/** The browser killed at every attempt at the second page. */
const killedAlways = background(() => runAudit({
  siteDir: FIXTURES, pathPrefix: "/", config: { ...DEFAULTS, concurrency: 1 }, pages: ["clean.html", "two-h1.html", "untyped-cue.html"],
  hooks: { beforePage: (page, browser) => { if (page === "two-h1.html") browser.process()?.kill("SIGKILL"); } },
}));

/** A page whose response never ends, with a time limit of 1 s (the lowest audit.config.json allows). */
const endlessLoad = background(async () => {
  const server = http.createServer((request, response) => {
    if (request.url === "/hang.html") {
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<!doctype html><html lang=en><title>x</title><h1>Never done");
      return; // never ends
    }
    response.writeHead(200, { "content-type": "text/html" }).end(fs.readFileSync(path.join(FIXTURES, "clean.html")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  fs.writeFileSync(path.join(FIXTURES, "..", "hang.html"), "");
  try {
    return await runAudit({
      siteDir: path.join(FIXTURES, ".."), pathPrefix: "/", baseUrl: base, pages: ["hang.html"],
      config: { ...DEFAULTS, timeoutSeconds: 1 },
    });
  } finally {
    fs.rmSync(path.join(FIXTURES, "..", "hang.html"));
    server.closeAllConnections();
    server.close();
  }
});

/** Nothing listens on port 9. */
const refused = background(() => runAudit({ siteDir: FIXTURES, pathPrefix: "/", config: DEFAULTS, pages: ["clean.html"], baseUrl: "http://127.0.0.1:9/" }));

let report: AuditReport;

/** Three fault fixtures audited one after another in one tab, counting the scripts sent to it. */
const oneTab = background(async () => {
  const server = await serveStatic(FIXTURES, "/");
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    await tab.evaluateOnNewDocument(ADD_WCAG22_TAGS);
    let sent = 0;
    const evaluate = tab.evaluate.bind(tab);
    tab.evaluate = ((script: unknown, ...args: unknown[]) => {
      if (typeof script === "string" && script.length > 100_000) sent++;
      return (evaluate as (...a: unknown[]) => Promise<unknown>)(script, ...args);
    }) as typeof tab.evaluate;
    const pages = ["two-h1.html", "low-contrast.html", "image-without-alt.html"];
    const found: string[][] = [];
    for (const page of pages) found.push((await auditPage(browser, tab, pageUrl(server.url, page), [])).map((i) => i.code));
    return { pages, found, sent };
  } finally {
    await browser.close();
    await server.close();
  }
});

describe("pa11y's scripts", () => {
  it("are sent to a tab with its first page only (axe-core, HTML_CodeSniffer), and every page after still finds its fault", async () => {
    const { pages, found, sent } = await oneTab();
    expect(sent).toBe(2);
    pages.forEach((page, i) => {
      for (const rule of expected(page)) expect(found[i]?.some((code) => code === rule || code.includes(`.${rule}`)), `${page}: ${rule} in ${found[i]?.join(", ")}`).toBe(true);
    });
  });
});

describe("fault fixtures", () => {
  beforeAll(async () => {
    report = await fixtureAudit();
  });

  it("are all audited, without technical faults", () => {
    expect(report.pages.map((p) => p.page)).toEqual(fixtures);
    expect(report.pages.filter((p) => p.fault)).toEqual([]);
  });

  for (const file of fixtures) {
    const rules = expected(file);
    if (rules.length === 0) {
      it(`${file} passes every check`, () => {
        expect(report.pages.find((p) => p.page === file)?.issues).toEqual([]);
      });
      continue;
    }
    it(`${file} fails with ${rules.join(" and ")}`, () => {
      const codes = report.pages.find((p) => p.page === file)?.issues.filter((i) => i.type === "error").map((i) => i.code) ?? [];
      for (const rule of rules) expect(codes.some((code) => code === rule || code.includes(`.${rule}`)), `${file}: ${rule} in ${codes.join(", ")}`).toBe(true);
    });
  }

  it("exits 2 for accessibility errors", () => expect(exitCodeOf(report.pages)).toBe(2));

  it("says when CSS makes a speaker's name reach screen readers in capitals", () => {
    const issues = report.pages.find((p) => p.page === "capitals-label.html")?.issues ?? [];
    expect(issues.map((i) => i.message)).toContainEqual(expect.stringContaining('reaches screen readers in capitals ("ANA LOPEZ, HOST:")'));
  });

  it("finds each speaker label inside a paragraph, saying whose words the speech after it becomes", () => {
    const findings = report.pages.find((p) => p.page === "label-inside-paragraph.html")?.issues.filter((i) => i.code === "verbatim-label-inside-paragraph") ?? [];
    expect(findings.map((i) => i.message)).toEqual([
      expect.stringMatching(/^"PRICE:" inside this paragraph looks like a speaker label \(Dana Price\), but the words after it are published as Brian Mann's/),
      expect.stringMatching(/^"ALBA REYES, SINGER:" inside this paragraph looks like a speaker label, but the words after it are published as Brian Mann's/),
    ]);
    expect(findings.map((i) => i.selector)).toEqual(["div:nth-of-type(3) > p:nth-of-type(1)", "div:nth-of-type(3) > p:nth-of-type(2)"].map((s) => expect.stringContaining(s)));
  });

  it("says where and what for every issue", () => {
    for (const issue of report.pages.flatMap((p) => p.issues)) {
      expect(issue.message.length).toBeGreaterThan(10);
      expect(issue.selector).not.toBe("");
      expect(["axe", "htmlcs", "verbatim"]).toContain(issue.runner);
    }
  });
});

describe("the audit and the build warning agree", () => {
  it("finds on the rendered page every label-like run the notation warns about, and nothing else", async () => {
    const { warned, found } = await labelLikeAudit();
    expect(warned).toEqual(["PRICE", "MANN", "OMAR HADDAD, GUEST", "HADDAD"]);
    expect(found).toEqual(warned);
  });
});

describe("technical faults", () => {
  it("retries a page once after the browser is killed, then audits it", async () => {
    const { kills, result } = await killedOnce();
    // One assertion, so a failure shows both how often the hook ran and what the pages got.
    expect({ kills, pages: result.pages.map((p) => [p.page, p.fault, p.issues.length > 0]) })
      .toEqual({ kills: 2, pages: [["clean.html", undefined, false], ["two-h1.html", undefined, true]] });
  });

  it("reports a browser that dies on every attempt as a fault naming the page: exit 1", async () => {
    const result = await killedAlways();
    const faulty = result.pages.filter((p) => p.fault);
    expect(faulty.map((p) => p.page)).toEqual(["two-h1.html"]);
    expect(faulty[0]?.fault).toMatch(/browser crashed.*after one retry/);
    expect(result.pages.find((p) => p.page === "untyped-cue.html")?.issues.length).toBeGreaterThan(0);
    expect(exitCodeOf(result.pages)).toBe(1);
  });

  it("reports a page that never finishes loading as a fault: exit 1", async () => {
    const result = await endlessLoad();
    expect(result.pages[0]?.fault).toMatch(/time limit of 1 s/);
    expect(exitCodeOf(result.pages)).toBe(1);
  });

  it("reports a page that fails to load (HTTP 404) as a fault", async () => {
    const result = await refused();
    expect(result.pages[0]?.fault).toMatch(/did not load/);
  });
});

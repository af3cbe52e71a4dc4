// The audit, as a list of steps: choose the pages, skip those already audited, audit the rest in
// one browser with a tab per worker (a time limit per page, one retry after a crash), remember
// the results, and gather the report. Stopped (its AbortSignal), it closes the browser and the
// server at once, keeps what it has learnt in the cache, and rejects.

import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, Page } from "puppeteer-core";
import type { AuditConfig } from "./config.ts";
import { ADD_WCAG22_TAGS, AuditFault, AXE_WCAG22_TAGS, auditPage, RUNNERS, STANDARD } from "./audit-page.ts";
import { chromiumPath, launchBrowser } from "./browser.ts";
import { BrowserPool, discardTab } from "./browser-pool.ts";
import { AuditCache, pageKey } from "./cache.ts";
import { largestFirst, listPages, pageUrl, shardPages } from "./pages.ts";
import { serveStatic, type StaticServer } from "./serve.ts";
import type { AuditReport, Issue, PageResult } from "./types.ts";

export interface AuditHooks {
  /** Called before each attempt at a page (tests use it to crash the browser). */
  beforePage?: (page: string, browser: Browser) => Promise<void> | void;
}

export interface AuditOptions {
  /** The built site. */
  siteDir: string;
  pathPrefix: string;
  config: AuditConfig;
  /** Where the cache lives; no cache when undefined. */
  cacheFile?: string;
  /** Ignore the cache. */
  full?: boolean;
  shard?: { index: number; count: number };
  /** Audit only these pages (paths inside the site). */
  pages?: string[];
  /** Audit a site served elsewhere instead of serving siteDir. */
  baseUrl?: string;
  hooks?: AuditHooks;
  /** A page audited last, never from the cache, after \`prepare\` has seen every other result
   *  (the accessibility statement, which reports the audit it is part of). */
  lastPage?: { page: string; prepare: (report: AuditReport) => void; normalise?: (html: string) => string };
  onProgress?: (result: PageResult, done: number, total: number) => void;
  onStart?: (toAudit: number, cached: number) => void;
  signal?: AbortSignal;
}

const require = createRequire(import.meta.url);
const versionOf = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

let chromium: string | undefined;

/** The browser's version, read once ("156.0.8078.73"); part of the cache key, so an upgrade re-audits. */
function chromiumVersion(): string {
  try {
    chromium ??= /(\d+\.[\d.]+)/u.exec(execFileSync(chromiumPath(), ["--version"], { encoding: "utf8", timeout: 20_000, stdio: ["ignore", "pipe", "ignore"] }))?.[1] ?? "unknown";
  } catch {
    chromium = "unknown";
  }
  return chromium;
}

export function toolVersions(): Record<string, string> {
  return {
    pa11y: versionOf("pa11y"),
    "axe-core": versionOf("axe-core"),
    HTML_CodeSniffer: versionOf("@pa11y/html_codesniffer"),
    Chromium: chromiumVersion(),
  };
}

function configHash(config: AuditConfig, tools: Record<string, string>): string {
  const checks = fs.readFileSync(new URL("./checks/in-page.js", import.meta.url));
  return crypto
    .createHash("sha256")
    .update(JSON.stringify({ STANDARD, RUNNERS, AXE_WCAG22_TAGS, ignore: config.ignore, tools }))
    .update(checks)
    .update(fs.readFileSync(new URL("./checks/index.ts", import.meta.url)))
    // The label-inside-paragraph check reads pages with the notation's own detector.
    .update(fs.readFileSync(new URL("./checks/label-like.ts", import.meta.url)))
    .update(fs.readFileSync(new URL("../transcript/label-like.ts", import.meta.url)))
    .update(fs.readFileSync(new URL("../transcript/labels.ts", import.meta.url)))
    .update(fs.readFileSync(new URL("../transcript/speakers.ts", import.meta.url)))
    .update(ADD_WCAG22_TAGS)
    .digest("hex");
}

function withTimeLimit<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AuditFault(`the time limit of ${seconds} s per page ran out`, false)), seconds * 1000);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Rejects when the tab crashes or the browser goes away, so no result is silently dropped. */
function crashOf(tab: Page, browser: Browser): { promise: Promise<never>; dispose: () => void } {
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<never>((_, r) => (reject = r));
  const onCrash = () => reject(new AuditFault("the tab crashed", true));
  const onGone = () => reject(new AuditFault("the browser crashed or was closed", true));
  tab.on("error", onCrash);
  browser.on("disconnected", onGone);
  promise.catch(() => {});
  return { promise, dispose: () => { tab.off("error", onCrash); browser.off("disconnected", onGone); } };
}

class Worker {
  private tab: Page | undefined;

  constructor(private readonly pool: BrowserPool, private readonly options: AuditOptions, private readonly ignore: string[]) {}

  async audit(page: string, url: string): Promise<{ issues: Issue[] } | { fault: string }> {
    for (let attempt = 1; ; attempt++) {
      let watch: ReturnType<typeof crashOf> | undefined;
      let browser: Browser | undefined;
      try {
        browser = await this.pool.get();
        this.tab ??= await this.pool.newTab(ADD_WCAG22_TAGS);
        watch = crashOf(this.tab, browser);
        await this.options.hooks?.beforePage?.(page, browser);
        const work = auditPage(browser, this.tab, url, this.ignore);
        return { issues: await withTimeLimit(Promise.race([work, watch.promise]), this.options.config.timeoutSeconds) };
      } catch (error) {
        let fault = error instanceof AuditFault ? error : new AuditFault((error as Error).message, true);
        // A killed browser fails the page in many ways ("frame was detached", no response…), and
        // which comes first is a race: a browser that is gone always earns the page its retry.
        if (!fault.retry && browser && !browser.connected) fault = new AuditFault(`${fault.message}; the browser crashed or was closed`, true);
        await discardTab(this.tab);
        this.tab = undefined;
        if (!fault.retry || attempt >= 2) return { fault: attempt >= 2 ? `${fault.message} (after one retry)` : fault.message };
      } finally {
        watch?.dispose();
      }
    }
  }

  async close(): Promise<void> {
    await discardTab(this.tab);
  }
}

/**
 * The page's address in the report: its real URL when the site is served elsewhere, else its path
 * on the site ("/radio/stories/x/"), never the throwaway port of the local server, so two audits
 * of the same pages (a run and its shards, merged) report the same thing, and a cached result too.
 */
function reportedUrl(page: string, options: AuditOptions): string {
  return options.baseUrl ? pageUrl(options.baseUrl, page) : new URL(pageUrl(new URL(options.pathPrefix, "http://site").href, page)).pathname;
}

async function auditAll(pool: BrowserPool, todo: string[], base: string, options: AuditOptions, record: (result: PageResult) => void): Promise<void> {
  const queue = largestFirst(options.siteDir, todo);
  const ignore = options.config.ignore.map((i) => i.rule);
  const workers = Array.from({ length: Math.min(options.config.concurrency, todo.length) }, () => new Worker(pool, options, ignore));
  await Promise.all(
    workers.map(async (worker) => {
      for (let page = queue.shift(); page !== undefined && !options.signal?.aborted; page = queue.shift()) {
        const started = performance.now();
        const outcome = await worker.audit(page, pageUrl(base, page));
        const seconds = (performance.now() - started) / 1000;
        record({ page, url: reportedUrl(page, options), cached: false, seconds, ...("fault" in outcome ? { issues: [], fault: outcome.fault } : { issues: outcome.issues }) });
      }
      await worker.close();
    }),
  );
}

/** Pages whose key is in the cache get their remembered results; the others are to audit. */
function partitionByCache(pages: string[], hash: string, cache: AuditCache | undefined, options: AuditOptions) {
  const results = new Map<string, PageResult>();
  const keys = new Map<string, string>();
  const todo: string[] = [];
  for (const page of pages) {
    const key = pageKey(options.siteDir, page, hash, options.pathPrefix);
    keys.set(page, key);
    const cached = options.full ? undefined : cache?.get(page, key);
    if (cached) results.set(page, { page, url: reportedUrl(page, options), issues: cached, cached: true, seconds: 0 });
    else todo.push(page);
  }
  return { results, keys, todo };
}

export async function runAudit(options: AuditOptions): Promise<AuditReport> {
  const tools = toolVersions();
  const hash = configHash(options.config, tools);
  const pages = shardPages(options.pages ?? listPages(options.siteDir), options.shard);
  const cache = options.cacheFile ? new AuditCache(options.cacheFile) : undefined;

  const { results, keys, todo } = partitionByCache(pages, hash, cache, options);
  options.onStart?.(todo.length, pages.length - todo.length);

  // The last page (the statement) is keyed on its HTML before its results are written in, so it
  // is audited again only when its template or the audit configuration changes.
  const last = options.lastPage;
  if (last) keys.set(last.page, pageKey(options.siteDir, last.page, hash, options.pathPrefix, last.normalise));
  const lastCached = last && !options.full ? cache?.get(last.page, keys.get(last.page) ?? "") : undefined;

  let server: StaticServer | undefined;
  // A stop kills the browser at once (a graceful close can take seconds on a busy machine).
  const pool = new BrowserPool(() => launchBrowser({ signal: options.signal }));
  let done = pages.length - todo.length;
  const total = pages.length + (last ? 1 : 0);
  const record = (result: PageResult) => {
    // After a stop, pages fail because their browser was closed: those results are not results.
    if (options.signal?.aborted) return;
    results.set(result.page, result);
    if (!result.fault && !result.cached) cache?.set(result.page, keys.get(result.page) ?? "", result.issues);
    options.onProgress?.(result, ++done, total);
  };
  const stop = () => {
    void pool.close();
    void server?.close();
  };
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    options.signal?.throwIfAborted();
    const needBrowser = todo.length > 0 || (last !== undefined && !lastCached);
    server = needBrowser && !options.baseUrl ? await serveStatic(options.siteDir, options.pathPrefix) : undefined;
    const base = options.baseUrl ?? server?.url ?? "";
    if (todo.length) await auditAll(pool, todo, base, options, record);
    options.signal?.throwIfAborted();
    if (last) {
      last.prepare(makeReport(pages));
      if (lastCached) record({ page: last.page, url: reportedUrl(last.page, options), issues: lastCached, cached: true, seconds: 0 });
      else await auditAll(pool, [last.page], base, options, record);
    }
    options.signal?.throwIfAborted();
  } finally {
    options.signal?.removeEventListener("abort", stop);
    await pool.close();
    await server?.close();
    cache?.save();
  }
  return makeReport(options.lastPage ? [...pages, options.lastPage.page].sort() : pages);

  function makeReport(list: string[]): AuditReport {
    return {
      date: new Date().toISOString(),
      standard: `WCAG 2.2 AA: pa11y ${STANDARD} with ${RUNNERS.join(" and ")}, axe tags ${AXE_WCAG22_TAGS.join(", ")}, and Verbatim's transcript checks`,
      tools,
      ignored: options.config.ignore,
      ...(options.shard ? { shard: options.shard } : {}),
      pages: list.map((page) => results.get(page) ?? { page, url: reportedUrl(page, options), issues: [], fault: "not audited", cached: false, seconds: 0 }),
    };
  }
}

export const defaultCacheFile = (root: string) => path.join(root, ".cache", "audit.json");

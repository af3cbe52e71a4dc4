// Checks that pages run none of what editors wrote: each page is loaded in Chromium with every
// request logged and every request to another host stopped, its DOM is inspected for markup the
// site never writes (event-handler attributes, unknown scripts, javascript: and data: URLs,
// frames, <base>, resources from other hosts), events are fired at every element so an attribute
// handler would run, and afterwards the sentinel window.__verbatimPwned must still be unset.
// The injection payloads all set that sentinel and ask evil.invalid for something.

import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, chromiumPath } from "../../src/audit/browser.ts";

export type FindingKind = "sentinel" | "outside-request" | "dialog" | "csp-violation" | "page-error" | "dom";

export interface Finding {
  /** The page's path on the site: "/stories/x/". */
  page: string;
  kind: FindingKind;
  detail: string;
}

export interface CheckOptions {
  /**
   * Ignore the pages' Content-Security-Policy, so escaping alone is what is tested: a handler or
   * script that got through would run instead of being blocked (and reported) by the CSP.
   */
  bypassCSP?: boolean;
  /** Fire events at every element and move the mouse over payload text (default true). */
  interact?: boolean;
  /** Script src paths the site itself loads; any other <script> is a finding. */
  siteScripts?: readonly string[];
  /** Origins a page may name in <audio src> (remote audio, which preload="none" never fetches). */
  mediaOrigins?: readonly string[];
  /** After load, before the checks: drive the page (fill a search box, say). */
  drive?: (page: Page, pagePath: string) => Promise<void>;
  /** Pages open at once. */
  concurrency?: number;
}

export const SITE_SCRIPTS = ["/assets/reader-prefs.js", "/assets/player.js", "/assets/transcript-search.js", "/assets/reader-controls.js", "/assets/search.js"] as const;

/** The name of the global every payload sets. */
export const SENTINEL = "__verbatimPwned";

/**
 * Events fired at every element: whatever an injected on* attribute could listen for. "click" is
 * fired only at elements that do nothing when clicked (not links, buttons, form controls or
 * <summary>), so the site's own controls do not start playing or navigating.
 */
const EVENTS = [
  "mouseover", "mouseenter", "mousemove", "mouseout", "pointerover", "pointerenter", "pointermove", "focus", "focusin",
  "blur", "focusout", "toggle", "load", "error", "animationstart", "animationend", "transitionend", "input", "change",
  "scroll", "wheel", "copy", "cut", "paste", "beforeinput", "auxclick", "contextmenu", "keyup",
];

/** Runs in the page: what is on it that the site never writes. */
function domProblems(args: { siteScripts: string[]; mediaOrigins: string[] }): string[] {
  const problems: string[] = [];
  const here = location.origin;
  const unsafeScheme = /^[\s\u0000-\u001f]*(javascript|vbscript|data|blob|file|filesystem):/iu;
  const describe = (el: Element) => el.outerHTML.slice(0, 160);
  const urlOf = (value: string) => {
    try {
      return new URL(value, document.baseURI);
    } catch {
      return undefined;
    }
  };
  for (const el of Array.from(document.querySelectorAll("*"))) {
    const tag = el.localName;
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`event-handler attribute ${name} on ${describe(el)}`);
      if (name === "style" && el !== document.documentElement) problems.push(`inline style on ${describe(el)}`);
      if (["href", "src", "action", "formaction", "data", "poster", "background", "xlink:href", "srcdoc", "ping"].includes(name) || name === "srcset") {
        const values = name === "srcset" ? attr.value.split(",").map((c) => c.trim().split(/\s+/u)[0] ?? "") : [attr.value];
        for (const value of values) {
          if (name === "srcdoc") problems.push(`srcdoc on ${describe(el)}`);
          else if (unsafeScheme.test(value)) problems.push(`${name}="${value.slice(0, 80)}" on <${tag}>`);
        }
      }
    }
    if (["iframe", "frame", "object", "embed", "base", "applet", "portal", "style", "svg", "math", "template", "noscript", "video", "image"].includes(tag)) {
      problems.push(`<${tag}> element: ${describe(el)}`);
    }
    if (tag === "meta" && el.hasAttribute("http-equiv") && el.getAttribute("http-equiv")?.toLowerCase() !== "content-security-policy") {
      problems.push(`<meta http-equiv>: ${describe(el)}`);
    }
    if (tag === "script") {
      const src = el.getAttribute("src");
      const type = el.getAttribute("type");
      if (src === null ? type !== "application/ld+json" : !args.siteScripts.includes(new URL(src, location.href).pathname)) {
        problems.push(`a script the site does not load: ${describe(el)}`);
      }
    }
    if (tag === "form") {
      const action = urlOf(el.getAttribute("action") ?? "");
      if (!action || action.origin !== here) problems.push(`a form sending elsewhere: ${describe(el)}`);
    }
    // What loads by itself must come from this site (remote audio only from its named origins).
    const loads: string[] = [];
    if (["img", "source", "script", "input", "track", "audio", "video"].includes(tag)) {
      for (const name of ["src", "srcset"]) {
        const value = el.getAttribute(name);
        if (value) loads.push(...(name === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/u)[0] ?? "") : [value]));
      }
    }
    if (tag === "link" && el.getAttribute("rel") !== "canonical" && el.getAttribute("rel") !== "alternate") loads.push(el.getAttribute("href") ?? "");
    for (const value of loads) {
      const url = urlOf(value);
      if (!url) continue;
      const allowed = url.origin === here || (tag === "audio" && args.mediaOrigins.includes(url.origin)) || url.protocol === "data:";
      if (!allowed) problems.push(`<${tag}> loads from another host: ${value.slice(0, 100)}`);
    }
  }
  if (document.querySelectorAll('script[type="application/ld+json"]').length > 1) problems.push("more than one JSON-LD block");
  if (document.querySelectorAll("title").length !== 1) problems.push(`${document.querySelectorAll("title").length} <title> elements`);
  return problems;
}

/** Runs in the page: fires every event at every element; clicks only what does nothing when clicked. */
function fireEvents(events: string[]): number {
  const inert = (el: Element) => !el.closest("a, button, input, select, textarea, summary, label, audio, video, details, form");
  let fired = 0;
  for (const el of Array.from(document.querySelectorAll("*"))) {
    for (const type of events) {
      el.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
      fired += 1;
    }
    if (inert(el)) {
      el.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
      fired += 1;
    }
  }
  return fired;
}

/** Runs in the page: the centres of visible elements whose own text mentions a payload. */
function payloadPoints(): Array<{ x: number; y: number }> {
  const points: Array<{ x: number; y: number }> = [];
  for (const el of Array.from(document.querySelectorAll("body *"))) {
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? "").join("");
    if (!/pwned|evil\.invalid|javascript:/iu.test(own)) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) points.push({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    if (points.length >= 12) break;
  }
  return points;
}

type Settings = Required<Omit<CheckOptions, "drive">> & Pick<CheckOptions, "drive">;

/**
 * One tab that visits pages in turn (a new tab per page costs more than the page): what it sees
 * is put down to the page it is on.
 */
async function openTab(context: BrowserContext, origin: string, findings: Finding[]): Promise<{ page: Page; visit: (pagePath: string) => void }> {
  const page = await context.newPage();
  let current = "";
  const add = (kind: FindingKind, detail: string) => findings.push({ page: current, kind, detail });
  page.on("dialog", (dialog) => {
    add("dialog", `${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/iu.test(message.text())) add("csp-violation", message.text());
  });
  page.on("pageerror", (error) => add("page-error", error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith("data:")) add("outside-request", `${request.resourceType()} ${request.url()}`);
  });
  return { page, visit: (pagePath) => void (current = pagePath) };
}

async function checkPage(tab: { page: Page; visit: (pagePath: string) => void }, origin: string, pagePath: string, settings: Settings, findings: Finding[]): Promise<void> {
  const { page } = tab;
  const add = (kind: FindingKind, detail: string) => findings.push({ page: pagePath, kind, detail });
  tab.visit(pagePath);
  await page.goto(`${origin}${pagePath}`, { waitUntil: "load" });
  if (settings.drive) await settings.drive(page, pagePath);
  for (const problem of await page.evaluate(domProblems, { siteScripts: [...settings.siteScripts], mediaOrigins: [...settings.mediaOrigins] })) add("dom", problem);
  if (settings.interact) {
    for (const point of await page.evaluate(payloadPoints)) await page.mouse.move(point.x, point.y);
    await page.evaluate(fireEvents, EVENTS);
  }
  // A moment for anything the events started (a timer, a request) to show itself.
  await page.waitForTimeout(30);
  const sentinel = await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], SENTINEL);
  if (sentinel !== undefined) add("sentinel", `window.${SENTINEL} = ${JSON.stringify(sentinel)}`);
  const url = page.url();
  const here = `${origin}${pagePath}`;
  if (url !== here && !url.startsWith(`${here}?`) && !url.startsWith(`${here}#`)) add("outside-request", `the page navigated to ${url}`);
}

const sealed = new WeakSet<Browser>();

/**
 * A Chromium that can reach 127.0.0.1 and nothing else: every other request goes to a proxy on a
 * port where nothing listens, and fails. (A route in the context would stop them too, but routing
 * turns the browser's cache off and sends every request of every page through this process.)
 */
export async function launchSealedBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_FLAGS.filter((f) => f !== "--headless"),
    headless: true,
    proxy: { server: "http://127.0.0.1:9", bypass: "127.0.0.1" },
  });
  sealed.add(browser);
  return browser;
}

/**
 * Loads each page (site paths, "/stories/x/") from the server at `origin` and returns everything
 * suspicious it saw. Requests to other hosts are logged, and fail: the browser must come from
 * launchSealedBrowser, so nothing ever leaves the machine.
 */
export async function checkPages(browser: Browser, origin: string, pagePaths: readonly string[], options: CheckOptions = {}): Promise<Finding[]> {
  const settings: Settings = {
    bypassCSP: options.bypassCSP ?? false,
    interact: options.interact ?? true,
    siteScripts: options.siteScripts ?? SITE_SCRIPTS,
    mediaOrigins: options.mediaOrigins ?? [],
    concurrency: options.concurrency ?? 2,
    drive: options.drive,
  };
  if (!sealed.has(browser)) throw new Error("checkPages needs a browser from launchSealedBrowser (one that reaches no other host)");
  const base = origin.replace(/\/+$/u, "");
  const context = await browser.newContext({ bypassCSP: settings.bypassCSP, serviceWorkers: "block" });
  // tsx (esbuild's keepNames) wraps named inner functions in __name(); the page needs it too.
  await context.addInitScript("globalThis.__name ??= (fn) => fn;");
  const findings: Finding[] = [];
  const queue = [...pagePaths];
  try {
    await Promise.all(
      Array.from({ length: Math.max(1, settings.concurrency) }, async () => {
        const tab = await openTab(context, base, findings);
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) await checkPage(tab, base, next, settings, findings);
        await tab.page.close();
      }),
    );
  } finally {
    await context.close();
  }
  return findings;
}

/** Every HTML page of a built site, as the paths a browser asks for ("/", "/stories/x/", "/404.html"). */
export function htmlPages(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file.endsWith(".html"))
    .map((file) => `/${file.replace(/(^|\/)index\.html$/u, "$1")}`)
    .sort();
}

// One browser shared by every worker, relaunched after a crash, one tab per worker. Once closed
// (the audit is over or was stopped) it launches no browser again.

import type { Browser, Page } from "puppeteer-core";
import { launchBrowser } from "./browser.ts";

export class BrowserPool {
  private browser: Promise<Browser> | undefined;
  private closed = false;

  constructor(private readonly launch: () => Promise<Browser> = launchBrowser) {}

  /** The running browser, launched (again) when there is none or it died. */
  async get(): Promise<Browser> {
    const current = this.browser ? await this.browser.catch(() => undefined) : undefined;
    if (current?.connected) return current;
    if (this.closed) throw new Error("the browser was closed");
    this.browser = this.launch();
    return this.browser;
  }

  /** A new tab, with a script that runs before every page it loads. */
  async newTab(beforeEachPage?: string): Promise<Page> {
    const page = await (await this.get()).newPage();
    if (beforeEachPage) await page.evaluateOnNewDocument(beforeEachPage);
    return page;
  }

  async version(): Promise<string> {
    return (await this.get()).version();
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = await this.browser?.catch(() => undefined);
    await browser?.close().catch(() => {});
  }
}

/** Closes a tab without waiting long for a tab that may be stuck. */
export async function discardTab(page: Page | undefined): Promise<void> {
  if (!page) return;
  await Promise.race([page.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000))]);
}

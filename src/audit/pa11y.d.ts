// The part of pa11y 9 this project calls (pa11y ships no types; @types/pa11y is stale).
declare module "pa11y" {
  import type { Browser, Page } from "puppeteer-core";

  interface Pa11yIssue {
    code: string;
    type: "error" | "warning" | "notice";
    typeCode: number;
    message: string;
    context: string;
    selector: string;
    runner: string;
  }

  interface Pa11yResults {
    documentTitle: string;
    pageUrl: string;
    issues: Pa11yIssue[];
  }

  interface Pa11yOptions {
    browser: Browser;
    page: Page;
    ignoreUrl: true;
    runners: string[];
    standard: "WCAG2A" | "WCAG2AA" | "WCAG2AAA";
    ignore?: string[];
    includeWarnings?: boolean;
    includeNotices?: boolean;
    timeout?: number;
    log?: { debug(message: string): void; error(message: string): void; info(message: string): void };
  }

  function pa11y(url: string, options: Pa11yOptions): Promise<Pa11yResults>;
  export default pa11y;
}

// What an audit produces: issues per page, faults, and the report that gathers them.

export type IssueType = "error" | "warning" | "notice";

export interface Issue {
  /** Rule: an axe rule id ("color-contrast"), an HTML_CodeSniffer code, or "verbatim-…". */
  code: string;
  type: IssueType;
  message: string;
  selector: string;
  context: string;
  /** "axe", "htmlcs" or "verbatim". */
  runner: string;
}

export interface PageResult {
  /** Path of the page in the built site: "stories/ferry/index.html". */
  page: string;
  /** Where the page is: its path on the site ("/radio/stories/ferry/"), or its full URL when the
   *  audit read a site served elsewhere. */
  url: string;
  issues: Issue[];
  /** A technical fault (crash, timeout, failed load): the page was not audited. Never a pass. */
  fault?: string;
  cached: boolean;
  seconds: number;
}

export interface IgnoredRule {
  rule: string;
  reason: string;
}

export interface AuditReport {
  /** ISO time the audit finished. */
  date: string;
  standard: string;
  tools: Record<string, string>;
  ignored: IgnoredRule[];
  shard?: { index: number; count: number };
  pages: PageResult[];
}

/** pa11y's exit codes: 0 clean, 1 technical fault, 2 accessibility errors. */
export type ExitCode = 0 | 1 | 2;

export function exitCodeOf(pages: PageResult[]): ExitCode {
  if (pages.some((p) => p.fault)) return 1;
  return pages.some((p) => p.issues.some((i) => i.type === "error")) ? 2 : 0;
}

// The `_headers` file that Netlify and Cloudflare Pages read from the root of the folder they
// publish: the Content-Security-Policy as a header (where `frame-ancestors` works), CORS, types and
// cache lifetimes for the files web players fetch from other origins, and long lifetimes for
// images whose names carry their content's hash. Pure: a rule table in, text out.
//
// Paths are as the host sees them when `_site/` is what it publishes, so without the site's path
// prefix: a host only reads `_headers` at the root of what it publishes, which it serves at "/"
// (a site under a sub-path reaches it through a proxy that takes the prefix off; see
// docs/publishing.md). The host sends its own 404.html for a missing path: no rule needed.
//
// No two rules that can match the same path set the same header: where several rules match,
// Cloudflare joins their values with commas (Netlify's order is not documented), which would turn
// two Cache-Controls into one contradictory header. So pages keep the hosts' default lifetime
// (`public, max-age=0, must-revalidate` on both), and `/*` sets only what every file shares.

import { EXPORT_FORMATS } from "../interchange/exporters/index.ts";

/** One `_headers` rule: a path pattern (`*` matches anything, once) and the headers it adds. */
export interface HeaderRule {
  path: string;
  headers: readonly (readonly [name: string, value: string])[];
  /** Written above the rule as a comment. */
  why: string;
}

/** The documented limits: Cloudflare Pages reads at most 100 rules and ignores a line over 2,000 characters. */
export const HEADER_LIMITS = { rules: 100, lineLength: 2000 } as const;

/** Frames of these pages are allowed on the site's own pages only (clickjacking). */
export const FRAME_ANCESTORS = "frame-ancestors 'self'";

/** Files players may fetch again within an hour: a corrected transcript or a new episode shows up within it. */
export const SHORT_LIFETIME = "public, max-age=3600";
/** A file whose name carries its content's hash never changes: a new content is a new name. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

const CORS: readonly [string, string] = ["Access-Control-Allow-Origin", "*"];

/**
 * "card-3f9a2b1c0d.jpg", "cover-640-0a1b2c3d4e.avif": a name that carries a hash of eight or more hex
 * digits before its extension (the image pipeline names every image so, src/images/names.ts).
 */
export const HASHED_NAME = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/u;

export function isHashedName(file: string): boolean {
  return HASHED_NAME.test(file.slice(file.lastIndexOf("/") + 1));
}

/** Transcript downloads beside each story page, with the type each format is linked with (src/interchange/exporters). */
function transcriptRules(): HeaderRule[] {
  return EXPORT_FORMATS.map((format) => ({
    path: `/stories/*/${format.file}`,
    headers: [["Content-Type", `${format.mime}; charset=utf-8`], CORS, ["Cache-Control", SHORT_LIFETIME]],
    why: `${format.label} transcripts: fetched by web players on other sites`,
  }));
}

/** Chapters beside each story page (Podcasting 2.0's JSON chapters and WebVTT chapters). */
function chapterRules(): HeaderRule[] {
  return [
    { path: "/stories/*/chapters.json", headers: [["Content-Type", "application/json+chapters; charset=utf-8"], CORS, ["Cache-Control", SHORT_LIFETIME]], why: "Podcasting 2.0 chapters" },
    { path: "/stories/*/chapters.vtt", headers: [["Content-Type", "text/vtt; charset=utf-8"], CORS, ["Cache-Control", SHORT_LIFETIME]], why: "WebVTT chapters" },
  ];
}

/** The podcast feeds: a show's, and the site's. */
function feedRules(): HeaderRule[] {
  return [
    { path: "/shows/*/feed.xml", headers: [CORS, ["Cache-Control", SHORT_LIFETIME]], why: "Each show's podcast feed" },
    { path: "/feed.xml", headers: [CORS, ["Cache-Control", SHORT_LIFETIME]], why: "The site's feed" },
  ];
}

/** The files under one folder of the output (its path relative to the output, without slashes around it). */
export interface HashedFiles {
  folder: string;
  files: readonly string[];
  isHashed?: (file: string) => boolean;
}

/**
 * The fewest paths that cover the hashed files and nothing else: a folder whose files are all
 * hashed as `/folder/*` (the highest such folder, never above `folder`), a hashed file beside
 * unhashed ones by its own path. At most `budget` of them, those covering the most files first.
 */
export function hashedPaths(input: HashedFiles, budget: number): string[] {
  const isHashed = input.isHashed ?? isHashedName;
  const root = input.folder.replace(/^\/+|\/+$/gu, "");
  const files = input.files.map((f) => f.replace(/^\/+/u, "")).filter((f) => f.startsWith(`${root}/`));
  /** "images", "images/stories", "images/stories/x" for "images/stories/x/card.png": highest first. */
  const foldersOf = (file: string) => {
    const parts = file.slice(root.length + 1).split("/").slice(0, -1);
    return [root, ...parts.map((_, i) => `${root}/${parts.slice(0, i + 1).join("/")}`)];
  };
  const unhashed = new Set(files.filter((file) => !isHashed(file)).flatMap(foldersOf));
  const covered = new Map<string, number>();
  for (const file of files.filter(isHashed)) {
    const top = foldersOf(file).find((folder) => !unhashed.has(folder));
    const rule = top === undefined ? `/${file}` : `/${top}/*`;
    covered.set(rule, (covered.get(rule) ?? 0) + 1);
  }
  const most = [...covered].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : 1));
  return most.slice(0, Math.max(0, budget)).map(([rule]) => rule).sort();
}

export interface HostHeadersInput {
  /** The policy every page carries in its <meta> (src/site/csp.ts). */
  policy: string;
  /** Output files that may carry hashed names (the site's images). */
  hashed?: HashedFiles;
}

export interface HostHeaders {
  rules: HeaderRule[];
  text: string;
  /** What the build should say: a header left out because a host would ignore it. */
  warnings: string[];
}

function headerLine(name: string, value: string): string {
  return `  ${name}: ${value}`;
}

/** The rules and the `_headers` text for a site. */
export function hostHeaders(input: HostHeadersInput): HostHeaders {
  const warnings: string[] = [];
  const csp = `${input.policy}; ${FRAME_ANCESTORS}`;
  const everything: [string, string][] = [["X-Content-Type-Options", "nosniff"]];
  if (headerLine("Content-Security-Policy", csp).length <= HEADER_LIMITS.lineLength) everything.unshift(["Content-Security-Policy", csp]);
  else
    warnings.push(
      `_headers: the Content-Security-Policy is longer than the ${HEADER_LIMITS.lineLength} characters a host reads on one line (stories name many audio hosts), so it is sent only in each page's <meta>, without frame-ancestors.`,
    );
  const fixed: HeaderRule[] = [
    { path: "/*", headers: everything, why: "Every file: the pages' policy, with frame-ancestors (which only a header can carry)" },
    ...transcriptRules(),
    ...chapterRules(),
    ...feedRules(),
  ];
  const hashed = input.hashed ? hashedPaths(input.hashed, HEADER_LIMITS.rules - fixed.length) : [];
  const rules = [...fixed, ...hashed.map((path) => ({ path, headers: [["Cache-Control", IMMUTABLE]] as const, why: "Named by their content's hash: a new content is a new name" }))];
  const problems = checkRules(rules);
  if (problems.length) throw new Error(`_headers: ${problems.join(" ")}`);
  return { rules, text: renderHeaders(rules), warnings };
}

export function renderHeaders(rules: readonly HeaderRule[]): string {
  const blocks = rules.map((rule) => [`# ${rule.why}`, rule.path, ...rule.headers.map(([name, value]) => headerLine(name, value))].join("\n"));
  return `# Response headers for Netlify and Cloudflare Pages, written by Verbatim's build (docs/publishing.md).\n\n${blocks.join("\n\n")}\n`;
}

/** Whether a rule's path matches a request path, as both hosts read `*`: any characters, slashes included. */
export function pathMatches(pattern: string, path: string): boolean {
  const [head = "", ...rest] = pattern.split("*");
  if (rest.length === 0) return pattern === path;
  const tail = rest.join("*");
  return path.length >= head.length + tail.length && path.startsWith(head) && path.endsWith(tail);
}

/** Whether some path matches both patterns (enough for patterns with at most one `*`). */
function overlap(a: string, b: string): boolean {
  return pathMatches(a, b.replace("*", "x")) || pathMatches(b, a.replace("*", "x")) || (a.includes("*") && b.includes("*") && pathMatches(a, b.replace("*", "")));
}

/** What a host would reject or read differently: too many rules, long lines, two splats, empty values, one header set by overlapping rules. */
export function checkRules(rules: readonly HeaderRule[]): string[] {
  const problems: string[] = [];
  if (rules.length > HEADER_LIMITS.rules) problems.push(`${rules.length} rules, more than the ${HEADER_LIMITS.rules} a host reads.`);
  for (const rule of rules) {
    if (!rule.path.startsWith("/")) problems.push(`The path "${rule.path}" does not start with "/".`);
    if ((rule.path.match(/\*/gu) ?? []).length > 1) problems.push(`The path "${rule.path}" has more than one "*".`);
    if (/\s/u.test(rule.path)) problems.push(`The path "${rule.path}" holds a space.`);
    if (rule.path.length > HEADER_LIMITS.lineLength) problems.push(`The path "${rule.path.slice(0, 40)}…" is longer than ${HEADER_LIMITS.lineLength} characters.`);
    for (const [name, value] of rule.headers) {
      if (!/^[A-Za-z0-9-]+$/u.test(name)) problems.push(`The header name "${name}" on ${rule.path} is not a plain token.`);
      if (!value.trim() || /[\r\n]/u.test(value)) problems.push(`The header ${name} on ${rule.path} is empty or spans lines.`);
      if (headerLine(name, value).length > HEADER_LIMITS.lineLength) problems.push(`The header ${name} on ${rule.path} is longer than ${HEADER_LIMITS.lineLength} characters.`);
    }
  }
  for (const [i, a] of rules.entries()) {
    for (const b of rules.slice(i + 1)) {
      if (!overlap(a.path, b.path)) continue;
      const names = new Set(a.headers.map(([name]) => name.toLowerCase()));
      const both = b.headers.map(([name]) => name).filter((name) => names.has(name.toLowerCase()));
      if (both.length) problems.push(`${a.path} and ${b.path} can match the same path and both set ${both.join(", ")}.`);
    }
  }
  return problems;
}

/** `_headers` at the root of the output: a virtual template, out of the collections (so not in the sitemap). */
export const HEADERS_TEMPLATE = {
  path: "_hosts/headers.njk",
  content: "{{ verbatim.stories | hostHeaders(images) | safe }}",
  data: { permalink: "_headers", eleventyExcludeFromCollections: true },
};

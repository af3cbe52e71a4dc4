// The publishing benchmark (issue 14, target 5): one new story published to an archive, with the
// caches a CI job restores. Steps: generate N stories; build and audit them once (the archive's
// first build, which fills the image cache and the audit cache in the project's .cache/); add one
// story dated today; build and audit again into an empty folder, as a CI job does, with those
// caches. Then compare the two sites page by page: the pages whose bytes changed are the ones the
// second audit must have audited, no more and no fewer.

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { STATEMENT_PAGE } from "../audit/report/statement.ts";
import { generateStory } from "./generate.ts";
import { measure, type Measured } from "./measure.ts";
import { makeBenchProject } from "./project.ts";

export interface PublishRun {
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
  audited: number;
  unchanged: number;
}

export interface PublishBenchResult {
  stories: number;
  first: PublishRun;
  publish: PublishRun;
  /** HTML pages of the second site but the statement: new, changed (bytes differ), unchanged. */
  pages: { total: number; added: number; changed: number; same: number };
  /** A few of the changed pages, to say which kinds change. */
  examples: string[];
  machine: Record<string, string>;
}

/** "Auditing 12 pages (1105 unchanged since their last audit)…", as the build's audit says it. */
export function auditCounts(stdout: string): { audited: number; unchanged: number } {
  const match = /^Auditing (\d+) pages?(?: \((\d+) unchanged since their last audit\))?/mu.exec(stdout);
  if (!match) throw new Error(`the build did not say how many pages it audited:\n${stdout.slice(-2000)}`);
  return { audited: Number(match[1]), unchanged: Number(match[2] ?? 0) };
}

/**
 * Each HTML page of a site by its path, as a hash of its bytes; not the accessibility statement,
 * which carries the audit's results and is audited apart, after the others.
 */
function pageHashes(site: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const file of fs.readdirSync(site, { recursive: true }) as string[]) {
    const page = file.split(path.sep).join("/");
    if (!page.endsWith(".html") || page === STATEMENT_PAGE) continue;
    pages.set(page, crypto.createHash("sha256").update(fs.readFileSync(path.join(site, file))).digest("hex"));
  }
  return pages;
}

/** Story number `n` of the generator, dated `today` (YYYY-MM-DD): the newest story of the archive. */
export function newStory(n: number, today: string): { slug: string; text: string } {
  const story = generateStory(n);
  return { slug: story.slug, text: story.text.replace(/^date: .*$/mu, `date: ${today}`) };
}

function run(measured: Measured, what: string): PublishRun {
  if (measured.exitCode !== 0) throw new Error(`${what} failed (exit code ${measured.exitCode}):\n${measured.stdout.slice(-1500)}\n${measured.stderr.slice(-1500)}`);
  return { seconds: measured.seconds, cpuSeconds: measured.cpuSeconds, peakBytes: measured.peakBytes, ...auditCounts(measured.stdout) };
}

export async function benchPublish(repo: string, count: number, log: (line: string) => void): Promise<PublishBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-publish-"));
  try {
    log(`Generating ${count} stories…`);
    makeBenchProject(repo, dir, count);
    const env = { ...process.env, VERBATIM_BASE_URL: "" };
    const build = (output: string) => measure(process.execPath, [path.join(repo, "scripts/with-memory.mjs"), path.join(repo, "scripts/build.ts"), "--output", output], { cwd: dir, env });

    log(`Building and auditing ${count} stories, every cache empty (the archive's first build)…`);
    const firstSite = path.join(dir, "site-first");
    const first = run(await build(firstSite), "the first build");
    log(`  ${first.seconds.toFixed(1)} s, ${first.audited} pages audited`);

    const today = new Date().toISOString().slice(0, 10);
    const story = newStory(count + 1, today);
    fs.writeFileSync(path.join(dir, "content/stories", `${story.slug}.md`), story.text);
    log(`Publishing one story dated ${today}: building and auditing again into an empty folder, with the caches…`);
    const secondSite = path.join(dir, "site-publish");
    const publish = run(await build(secondSite), "the publishing build");
    log(`  ${publish.seconds.toFixed(1)} s, ${publish.audited} pages audited, ${publish.unchanged} unchanged`);

    const before = pageHashes(firstSite);
    const after = pageHashes(secondSite);
    const added = [...after.keys()].filter((page) => !before.has(page));
    const changed = [...after].filter(([page, hash]) => before.has(page) && before.get(page) !== hash).map(([page]) => page);
    return {
      stories: count,
      first,
      publish,
      pages: { total: after.size, added: added.length, changed: changed.length, same: after.size - added.length - changed.length },
      examples: [...added, ...changed].sort().slice(0, 12),
      machine: { cores: String(os.cpus().length), node: process.version },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function publishSection(r: PublishBenchResult, date: Date): string {
  const machine = Object.entries(r.machine).map(([k, v]) => `${k} ${v}`).join(", ");
  const changedPages = r.pages.added + r.pages.changed;
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  const exact = r.publish.audited === changedPages;
  return `## Publishing one story (\`npm run bench -- --only publish --stories ${r.stories}\`)

${date.toISOString().slice(0, 10)} · ${r.stories.toLocaleString("en-US")} generated stories, then one more dated today · ${machine}

The archive is built and audited once with every cache empty; one story is added; the site is
built and audited again into an empty folder with the image and audit caches of the first build,
as a CI job that restores its caches does. The two sites are then compared page by page.

| build and audit | seconds | CPU seconds | peak memory, MiB | pages audited | pages unchanged since their last audit |
|---|---:|---:|---:|---:|---:|
| the archive's first build, caches empty | ${r.first.seconds.toFixed(1)} | ${r.first.cpuSeconds.toFixed(1)} | ${mib(r.first.peakBytes)} | ${r.first.audited} | ${r.first.unchanged} |
| publishing one new story, caches restored | ${r.publish.seconds.toFixed(1)} | ${r.publish.cpuSeconds.toFixed(1)} | ${mib(r.publish.peakBytes)} | ${r.publish.audited} | ${r.publish.unchanged} |

- Pages of the new site, the statement aside: ${r.pages.total}; new ${r.pages.added}, changed ${r.pages.changed}, the same ${r.pages.same}.
- Audited again: **${r.publish.audited}** pages for ${changedPages} new or changed (${exact ? "exactly the pages that changed" : "NOT exactly the pages that changed"}; the accessibility statement, which carries the results, is audited apart when its template changes).
- Publishing took **${(r.publish.seconds / r.first.seconds * 100).toFixed(0)}%** of the first build's time.
- Some of the pages that changed: ${r.examples.map((page) => `\`${page}\``).join(", ")}.
`;
}

// The build, as a list of steps: check the content, render into a staging folder, audit it, then
// swap it into place. A failed or stopped build (content, rendering or audit) leaves the previous
// output exactly as it was.

import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import type { TerminalReporter } from "../audit/report/terminal.ts";
import type { SiteAuditResult } from "../audit/site-audit.ts";
import type { SiteModel } from "../story/site.ts";
import { createContext, loadModel, type BuildContext, type BuildLog } from "../site/context.ts";
import { configureEleventy, eleventyOptions } from "../site/eleventy-config.ts";
import { fromWorkingFolder } from "../site/plugin.ts";
import { checkSiteImages, imagesSettled } from "../site/images.ts";
import { checkSiteFeeds } from "../site/feed-checks.ts";
import type { FeedProblem } from "../feeds/checks.ts";
import type { EleventyConfig } from "../site/eleventy.ts";
import type { ProjectPaths } from "../site/paths.ts";
import { previousFolder, removeLeftFolders, stagingFolder } from "./staging.ts";

export interface BuildOptions {
  paths: ProjectPaths;
  /** Overrides the base URL from the settings file (a preview deploy under another path). */
  baseUrl?: string;
  /** Audit every page again, ignoring the cache. */
  fullAudit?: boolean;
  /** Leave the audit out (tests of the build's mechanics only; says so loudly). */
  skipAudit?: boolean;
  reportDir?: string;
  reporter?: TerminalReporter;
  /** Where rendered images are kept (default `.cache/images` in the project). */
  imageCacheDir?: string;
  /** Where the build's own lines go (default: the terminal). */
  log?: BuildLog;
  /** Stops the build (Ctrl-C): the audit closes its browser, and nothing is swapped into place. */
  signal?: AbortSignal;
}

export interface BuildResult {
  site: SiteModel;
  output: string;
  files: number;
  seconds: number;
  /** Undefined when the audit was skipped. */
  audit?: SiteAuditResult;
  /** What the podcast feeds lack that directories recommend (required problems stop the build). */
  feedWarnings: FeedProblem[];
}

/** Every story, show, image and podcast feed, checked before anything is written; every problem at once. */
async function checkContent(context: BuildContext): Promise<{ site: SiteModel; feedWarnings: FeedProblem[] }> {
  const site = loadModel(context);
  context.images.planned = await checkSiteImages(site, context.paths);
  return { site, feedWarnings: checkSiteFeeds(context, site, context.images.planned) };
}

async function renderInto(context: BuildContext): Promise<void> {
  const { content } = context.paths;
  // No configuration file: the context is handed over as it is (see src/site/eleventy-config.ts).
  const eleventy = new Eleventy(fromWorkingFolder(context, content), context.outputDir, {
    configPath: false,
    config: (config: EleventyConfig) => configureEleventy(config, context),
    quietMode: true,
  });
  // Eleventy's own lines ("[11ty] Wrote 48 files", its errors) go where the build's lines go.
  const { info, warn } = context.log;
  eleventy.logger.overrideLogger({ log: info, info: warn, warn, error: warn });
  await eleventy.initializeConfig(eleventyOptions(context));
  eleventy.setIsVerbose(false);
  await eleventy.write();
}

function countFiles(dir: string): number {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).length;
}

/** Replaces the output folder by the staging folder with two renames on the same disk. */
function swapIntoPlace(staging: string, output: string): void {
  const previous = previousFolder(output);
  const hadOutput = fs.existsSync(output);
  if (hadOutput) fs.renameSync(output, previous);
  try {
    fs.renameSync(staging, output);
  } catch (error) {
    if (hadOutput) fs.renameSync(previous, output);
    throw error;
  }
  if (hadOutput) fs.rmSync(previous, { recursive: true, force: true });
}

async function auditStaging(staging: string, site: SiteModel, options: BuildOptions): Promise<SiteAuditResult | undefined> {
  if (options.skipAudit) return undefined;
  // Loaded only when needed: the browser and both runners weigh more than the rest of the build.
  const { auditSite } = await import("../audit/site-audit.ts");
  return auditSite({
    root: options.paths.root,
    siteDir: staging,
    pathPrefix: site.settings.pathPrefix,
    reportDir: options.reportDir ?? path.join(options.paths.root, "reports"),
    ...(options.fullAudit ? { full: true } : {}),
    ...(options.reporter ? { reporter: options.reporter } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const output = path.resolve(options.paths.root, options.paths.output);
  const staging = stagingFolder(output);
  // What builds that were killed left behind (never a running build's folders).
  removeLeftFolders(output);
  const context = createContext({
    paths: options.paths,
    outputDir: staging,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.imageCacheDir ? { imageCacheDir: options.imageCacheDir } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const { site, feedWarnings } = await checkContent(context);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    options.signal?.throwIfAborted();
    await renderInto(context);
    options.signal?.throwIfAborted();
    const files = countFiles(staging);
    const audit = await auditStaging(staging, site, options);
    options.signal?.throwIfAborted();
    if (!audit || audit.exitCode === 0) swapIntoPlace(staging, output);
    return { site, output, files, seconds: (performance.now() - started) / 1000, ...(audit ? { audit } : {}), feedWarnings };
  } finally {
    // A failed render may leave images still being written into the staging folder.
    await imagesSettled(context);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

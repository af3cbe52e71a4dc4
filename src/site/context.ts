// Everything one build (or one `npm start` session) knows, in one object handed to the Verbatim
// plugin: the project's paths and settings, the site model, the caches kept between rebuilds,
// where Eleventy writes, and where messages go. The site layer keeps no state of its own: two
// builds in one process (the tests, a preview beside a build) never see each other's.

import path from "node:path";
import type { SiteSettings } from "../story/settings.ts";
import type { SiteModel } from "../story/site.ts";
import { BuildState } from "./dev-errors.ts";
import type { ImageReport } from "../images/index.ts";
import type { SiteImages } from "./images.ts";
import { loadSettings, loadSite, StoryCache } from "./load.ts";
import type { ProjectPaths } from "./paths.ts";
import type { PageEngine } from "./page-maker.ts";
import type { PreviewPages } from "./preview-pages.ts";

/** Where the build's own lines go (images, search): the terminal, or a test's transcript. */
export interface BuildLog {
  info(line: string): void;
  warn(line: string): void;
}

export const consoleLog: BuildLog = {
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
};

/** The images of the current run: planned and the cached ones placed before Eleventy writes; the rest drawn beside it. */
export interface ImageRun {
  planned?: SiteImages;
  rendering?: Promise<ImageReport>;
  started: number;
  /** How long putting the cached images in place took (before the pages). */
  cachedMs?: number;
  /** Under `npm start`: the images in the output folder, by the cache key of what they hold. */
  placed: Map<string, string>;
}

export interface BuildContext {
  readonly paths: ProjectPaths;
  readonly settings: SiteSettings;
  /** "serve" under `npm start` (the live error page, rebuilds on save), else "build". */
  readonly mode: "build" | "serve";
  /** Rendered images, named by their content (several projects or CI jobs may share it). */
  readonly imageCacheDir: string;
  /** Parsed stories, reused while a file and the settings are unchanged (every rebuild reads them). */
  readonly stories: StoryCache;
  readonly log: BuildLog;
  /** `npm start` only: the last rebuild's outcome, shown by the preview's error page. */
  readonly live: BuildState;
  /** The folder Eleventy writes into: a build's staging folder, or the output folder when serving. */
  outputDir: string;
  /** The site model of the current run, loaded before Eleventy writes (see `loadModel`). */
  model?: SiteModel;
  images: ImageRun;
  /** `npm start` only: which story pages are on disk and what they were made from. */
  previewPages?: PreviewPages;
  /** Eleventy's Nunjucks environment and HTML transforms, for the pages Verbatim writes itself. */
  engine: PageEngine;
}

export interface ContextOptions {
  paths: ProjectPaths;
  mode?: "build" | "serve";
  /** Overrides the settings file's base URL (a preview deploy under another path). */
  baseUrl?: string;
  imageCacheDir?: string;
  /** Defaults to the output folder of `paths`. */
  outputDir?: string;
  log?: BuildLog;
}

export function createContext(options: ContextOptions): BuildContext {
  const { paths } = options;
  return {
    paths,
    settings: loadSettings(paths, options.baseUrl),
    mode: options.mode ?? "build",
    imageCacheDir: options.imageCacheDir || path.join(paths.root, ".cache", "images"),
    stories: new StoryCache(),
    log: options.log ?? consoleLog,
    live: new BuildState(),
    outputDir: path.resolve(paths.root, options.outputDir ?? paths.output),
    images: { started: 0, placed: new Map() },
    engine: {},
  };
}

/** Reads the content again (unchanged stories come from the cache) for this run; ContentErrors if it is wrong. */
export function loadModel(context: BuildContext): SiteModel {
  context.model = loadSite(context.paths, context.settings, context.stories);
  return context.model;
}

/**
 * Before Eleventy writes: a build reads its content once (what was checked is what is written);
 * under `npm start` each rebuild reads it again (unchanged stories come from the cache).
 */
export function refreshModel(context: BuildContext): SiteModel {
  return context.mode === "serve" ? loadModel(context) : currentModel(context);
}

/** The model of the current run (loaded by the first step before Eleventy writes). */
export function currentModel(context: BuildContext): SiteModel {
  return context.model ?? loadModel(context);
}

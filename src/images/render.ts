// renderImages, as steps: key every job (hashing each source once) → group jobs with one key →
// place the cached ones → render the rest in a pool → place them. A warm run stops before sharp.
// The first three are `placeCachedImages`, quick and awaited by a build before it writes pages;
// what is left to draw runs beside the pages (`renderRest`).

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { cacheKey, entryPath, Folders, Placer, SourceHashes, writeAtomic } from "./cache.ts";
import { renderContext, renderJob } from "./encode.ts";
import { ImageError } from "./errors.ts";
import { nameKey } from "./names.ts";
import { runPool } from "./pool.ts";
import type { ImageJob, ImageReport } from "./types.ts";

export interface RenderOptions {
  outputDir: string;
  cacheDir: string;
  /** Images drawn at once (default: the CPU cores). */
  concurrency?: number;
  /**
   * Outputs already in the site folder, by the cache key of what they hold (a preview's earlier
   * rebuild): left as they are when the key is the same. Updated with what this run places.
   */
  placed?: Map<string, string>;
  /**
   * The output folder is new and nothing serves it yet (a build's staging folder): outputs are
   * copied straight to their names. Otherwise each is copied beside its name and renamed over it,
   * so a browser never gets half an image.
   */
  fresh?: boolean;
}

interface Group {
  key: string;
  entry: string;
  /** Jobs with one key: drawn once, written to each output. */
  jobs: ImageJob[];
  outputs: string[];
}

/** Hashing and file copies are I/O: more at once than there are cores. */
const IO_CONCURRENCY = 16;

function outputPath(outputDir: string, job: ImageJob): string {
  const file = path.resolve(outputDir, job.output);
  if (path.isAbsolute(job.output) || !file.startsWith(`${outputDir}${path.sep}`)) {
    throw new ImageError(undefined, `the image output "${job.output}" is not a path inside the site folder.`, 'Give outputs as relative paths such as "images/shows/night-desk/cover-640.avif".');
  }
  return file;
}

async function groupJobs(jobs: ImageJob[], options: RenderOptions, hashes: SourceHashes): Promise<Group[]> {
  const outputDir = path.resolve(options.outputDir);
  const cacheDir = path.resolve(options.cacheDir);
  const keys: string[] = new Array<string>(jobs.length);
  await runPool([...jobs.keys()], IO_CONCURRENCY, async (i) => {
    keys[i] = await cacheKey(jobs[i] as ImageJob, hashes);
  });
  const groups = new Map<string, Group>();
  const written = new Map<string, string>();
  jobs.forEach((job, i) => {
    const key = keys[i] as string;
    const output = outputPath(outputDir, job);
    // A name that promises a content (a year's caching) must hold that content: a source that
    // changed since the images were planned would put new bytes under the old name.
    const named = nameKey(job.output);
    if (named !== undefined && !key.startsWith(named)) {
      throw new ImageError(job.source, `changed while the site was being built (${job.output} was planned from its earlier bytes).`, "Build again.");
    }
    const earlier = written.get(output);
    if (earlier !== undefined && earlier !== key) {
      throw new ImageError(undefined, `two different images would be written to ${job.output}.`, "Give each image job its own output path.");
    }
    written.set(output, key);
    let group = groups.get(key);
    if (!group) {
      group = { key, entry: entryPath(cacheDir, key, job), jobs: [], outputs: [] };
      groups.set(key, group);
    }
    group.jobs.push(job);
    if (earlier === undefined) group.outputs.push(output);
  });
  return [...groups.values()];
}

/** libvips threads per image, so that images at once × threads stays within the cores. */
export function threadsPerImage(concurrency: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.floor(cores / Math.max(1, concurrency)));
}

/** A run with every cached image in place; `renderRest` draws the others. */
export interface ImageRenderRun {
  /** Jobs written from the cache. */
  cached: number;
  /** Jobs left to draw. */
  missing: number;
  /** Draws and places the images the cache lacked; reports the whole run. */
  renderRest(): Promise<ImageReport>;
}

/**
 * Under a preview: the images an earlier run placed that no job names any more are removed. Names
 * carry their content's hash, so an edited title or new art leaves its old card behind otherwise.
 */
async function removeReplaced(placed: Map<string, string>, groups: Group[]): Promise<void> {
  const named = new Set(groups.flatMap((group) => group.outputs));
  const replaced = [...placed.keys()].filter((output) => !named.has(output));
  for (const output of replaced) placed.delete(output);
  await Promise.all(replaced.map((output) => fs.promises.rm(output, { force: true })));
}

/** Keys every job, places what the cache has, and leaves the rest to `renderRest`. */
export async function placeCachedImages(jobs: ImageJob[], options: RenderOptions): Promise<ImageRenderRun> {
  const started = performance.now();
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? os.availableParallelism()));
  const hashes = new SourceHashes();
  const folders = new Folders();
  const placer = new Placer(folders, { atomic: !options.fresh });
  const groups = await groupJobs(jobs, options, hashes);
  const placed = options.placed;
  // Existence checks are synchronous: a stat is microseconds, and 20,000 of them through the
  // thread pool cost seconds of the event loop, beside a preview's pages.
  const inPlace = (group: Group) => !!placed && group.outputs.every((output) => placed.get(output) === group.key && fs.existsSync(output));
  const cached: Group[] = [];
  const missing: Group[] = [];
  for (const group of groups) {
    if (inPlace(group)) continue;
    (fs.existsSync(group.entry) ? cached : missing).push(group);
  }
  const place = (group: Group) =>
    Promise.all(
      group.outputs.map(async (output) => {
        await placer.place(group.entry, output);
        placed?.set(output, group.key);
      }),
    );
  await runPool(cached, IO_CONCURRENCY, async (group) => {
    await place(group);
  });
  if (placed) await removeReplaced(placed, groups);
  const missingJobs = missing.reduce((sum, group) => sum + group.jobs.length, 0);

  const renderRest = async (): Promise<ImageReport> => {
    if (missing.length > 0) {
      const context = renderContext();
      const threads = sharp.concurrency();
      sharp.concurrency(threadsPerImage(concurrency));
      try {
        await runPool(missing, concurrency, async (group) => {
          const data = await renderJob(group.jobs[0] as ImageJob, context);
          await writeAtomic(group.entry, data, folders);
          await place(group);
        });
      } finally {
        sharp.concurrency(threads);
      }
    }
    return { rendered: missing.length, cached: jobs.length - missing.length, ms: Math.round(performance.now() - started) };
  };
  return { cached: jobs.length - missingJobs, missing: missingJobs, renderRest };
}

export async function renderImages(jobs: ImageJob[], options: RenderOptions): Promise<ImageReport> {
  return (await placeCachedImages(jobs, options)).renderRest();
}

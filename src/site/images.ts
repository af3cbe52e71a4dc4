// The site's images, planned from the site model and rendered before Eleventy writes pages:
// each show's art as a responsive picture and as podcast-app artwork, each story's cover (its own,
// or its show's art) and its social card. Templates read the plan as the global `images`.

import path from "node:path";
import {
  checkCardFont,
  ImageError,
  imageInfo,
  planCard,
  planCover,
  planFeedArt,
  renderImages,
  type ImageJob,
  type ImageReport,
  type Picture,
} from "../images/index.ts";
import { InputError } from "../story/errors.ts";
import type { ImageRef } from "../story/image-ref.ts";
import type { ShowGroup, SiteModel } from "../story/site.ts";
import type { Story } from "../story/story.ts";
import { readableDate } from "./dates.ts";
import type { EleventyConfig } from "./eleventy.ts";
import { ContentErrors } from "./load.ts";
import type { ProjectPaths } from "./paths.ts";

/** An image as a page shows it: the picture and its text alternative ("" when decorative). */
export interface ShownImage {
  picture: Picture;
  alt: string;
}

export interface SocialCard {
  /** Site path of the 1200×630 PNG. */
  url: string;
  width: number;
  height: number;
  /** What the card shows, for og:image:alt and twitter:image:alt. */
  alt: string;
}

export interface SiteImages {
  shows: Record<string, { art?: ShownImage; feedArt?: { url: string; size: number } }>;
  stories: Record<string, { cover?: ShownImage; card: SocialCard }>;
  jobs: ImageJob[];
}

/** Collects image problems, each blamed on the file that points at the image. */
class Problems {
  readonly errors: InputError[] = [];
  constructor(private readonly paths: ProjectPaths) {}

  /** Runs `plan`; an ImageError becomes an InputError on `owner` and the result is undefined. */
  async attempt<T>(owner: string, line: number | undefined, image: string, plan: () => Promise<T>): Promise<T | undefined> {
    try {
      return await plan();
    } catch (error) {
      if (!(error instanceof ImageError)) throw error;
      const name = path.relative(this.paths.root, error.file ?? path.join(this.paths.root, image)).split(path.sep).join("/");
      this.errors.push(new InputError(owner, line, `The image ${name} ${error.problem.replace(/^./u, (c) => c.toLowerCase())}`, error.fix));
      return undefined;
    }
  }
}

async function shown(ref: ImageRef, owner: string, line: number | undefined, base: string, context: Context): Promise<ShownImage | undefined> {
  const file = path.join(context.paths.root, ref.file);
  return context.problems.attempt(owner, line, ref.file, async () => {
    const info = await imageInfo(file);
    const cover = planCover({ file, width: info.width, height: info.height }, base);
    context.jobs.push(...cover.jobs);
    return { picture: cover.picture, alt: ref.alt };
  });
}

interface Context {
  paths: ProjectPaths;
  jobs: ImageJob[];
  problems: Problems;
}

async function showImages(show: ShowGroup, context: Context): Promise<SiteImages["shows"][string]> {
  if (!show.art) return {};
  const owner = `${context.paths.shows}/${show.slug}/show.yml`;
  const base = `images/shows/${show.slug}`;
  const art = await shown(show.art, owner, show.artLine, `${base}/art`, context);
  const file = path.join(context.paths.root, show.art.file);
  const feedArt = art && (await context.problems.attempt(owner, show.artLine, show.art.file, async () => {
    const info = await imageInfo(file);
    const feed = planFeedArt({ file, width: info.width, height: info.height }, `${base}/feed`);
    context.jobs.push(...feed.jobs);
    return { url: feed.url, size: feed.size };
  }));
  return { ...(art ? { art } : {}), ...(feedArt ? { feedArt } : {}) };
}

function cardAlt(story: Story, lang: string): string {
  return `${story.title} – ${story.show.name}, ${readableDate(story.date, lang)}`;
}

/** Plans every image of the site; throws ContentErrors naming every file behind a bad image. */
export async function planSiteImages(site: SiteModel, paths: ProjectPaths): Promise<SiteImages> {
  const jobs: ImageJob[] = [];
  const context: Context = { paths, jobs, problems: new Problems(paths) };
  const images: SiteImages = { shows: {}, stories: {}, jobs };
  const shows = new Map(site.shows.map((show) => [show.slug, show]));
  for (const show of site.shows) images.shows[show.slug] = await showImages(show, context);
  for (const story of site.stories) {
    const show = shows.get(story.show.slug);
    const base = `images/stories/${story.slug}`;
    const cover = story.cover ? await shown(story.cover, story.file, story.lines.cover, `${base}/cover`, context) : images.shows[story.show.slug]?.art;
    const date = readableDate(story.date, story.lang);
    const card = planCard({ title: story.title, show: story.show.name, date, ...(show?.art ? { art: path.join(paths.root, show.art.file) } : {}) }, `${base}/card`);
    jobs.push(...card.jobs);
    images.stories[story.slug] = {
      ...(cover ? { cover } : {}),
      card: { url: card.url, width: card.width, height: card.height, alt: cardAlt(story, story.lang) },
    };
  }
  if (context.problems.errors.length) throw new ContentErrors(context.problems.errors);
  // A show's art serves its stories too: render each output once.
  const unique = new Map(jobs.map((job) => [job.output, job]));
  images.jobs = [...unique.values()];
  return images;
}

/**
 * Where rendered images are kept: `.cache/images` in the project, or VERBATIM_IMAGE_CACHE (several
 * projects, or CI jobs, may share one: entries are named by their content).
 */
export function imageCacheDir(paths: ProjectPaths): string {
  return process.env.VERBATIM_IMAGE_CACHE || path.join(paths.root, ".cache", "images");
}

/** The font the cards need is installed, and every image can be read and is large enough. */
export async function checkSiteImages(site: SiteModel, paths: ProjectPaths): Promise<SiteImages> {
  checkCardFont();
  return planSiteImages(site, paths);
}

/** The images still rendering, if any; a failed build waits for them before removing its folder. */
let inFlight: Promise<unknown> = Promise.resolve();

export async function imagesSettled(): Promise<void> {
  await inFlight.catch(() => undefined);
}

/**
 * Eleventy glue: images are planned before each build and offered to templates as `images`; their
 * rendering starts then and the build waits for it at the end. (It makes progress only when
 * Eleventy lets the event loop turn, which a large build rarely does: most of the work still
 * comes after the pages. A worker thread would make it truly parallel.)
 */
export function addImages(config: EleventyConfig, paths: ProjectPaths, loadModel: () => SiteModel): void {
  let images: SiteImages | undefined;
  let rendering: Promise<ImageReport> | undefined;
  let started = 0;
  config.on("eleventy.before", async (...args: unknown[]) => {
    const event = args[0] as { directories?: { output?: string } } | undefined;
    const outputDir = path.resolve(paths.root, event?.directories?.output ?? paths.output);
    started = performance.now();
    images = await checkSiteImages(loadModel(), paths);
    rendering = renderImages(images.jobs, { outputDir, cacheDir: imageCacheDir(paths) });
    // Awaited in eleventy.after; until then a failure must not count as unhandled.
    inFlight = rendering.catch(() => undefined);
  });
  config.on("eleventy.after", async () => {
    if (!rendering) return;
    const { rendered, cached } = await rendering;
    rendering = undefined;
    console.log(`Images: ${rendered} rendered, ${cached} from cache in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
  config.addGlobalData("images", () => images);
  config.addWatchTarget(`${paths.shows}/`);
}

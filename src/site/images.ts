// The site's images, planned from the site model and rendered before Eleventy writes pages:
// each show's art as a responsive picture and as podcast-app artwork, each story's cover (its own,
// or its show's art) and its social card. Templates read the plan as the global `images`.

import path from "node:path";
import {
  cardFormat,
  cardTexts,
  checkCardFont,
  describeMissing,
  ImageError,
  imageInfo,
  missingGlyphs,
  planCard,
  planChapterArt,
  planCover,
  type ChapterArt,
  planFeedArt,
  placeCachedImages,
  type ImageJob,
  type ImageRenderRun,
  type ImageReport,
  type Picture,
  type PlannedCard,
} from "../images/index.ts";
import { InputError } from "../story/errors.ts";
import type { ImageRef } from "../story/image-ref.ts";
import type { ShowGroup, SiteModel } from "../story/site.ts";
import type { Story } from "../story/story.ts";
import { readableDate } from "../story/dates.ts";
import { currentModel, type BuildContext } from "./context.ts";
import { ContentErrors } from "./load.ts";
import type { ProjectPaths } from "./paths.ts";

/** An image as a page shows it: the picture and its text alternative ("" when decorative). */
export interface ShownImage {
  picture: Picture;
  alt: string;
}

export interface SocialCard {
  /** Site path of the 1200×630 JPEG or PNG, named by its content's hash. */
  url: string;
  /** Its MIME type, "image/jpeg" or "image/png", for og:image:type. */
  type: string;
  width: number;
  height: number;
  /** What the card shows, for og:image:alt and twitter:image:alt. */
  alt: string;
}

/** A show's podcast artwork as planned, and what its source image is (for the feed checks). */
export interface FeedArt {
  url: string;
  /** The square side in pixels. */
  size: number;
  source: { file: string; width: number; height: number; space?: string; hasAlpha?: boolean };
}

export interface SiteImages {
  shows: Record<string, { art?: ShownImage; feedArt?: FeedArt }>;
  stories: Record<string, { cover?: ShownImage; card: SocialCard }>;
  jobs: ImageJob[];
  /** By story slug, for a story with a chapter image: each chapter's image by its index in `story.chapters`, with its alt text. */
  chapters: Record<string, Array<(ChapterArt & { alt: string }) | undefined>>;
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
    const cover = planCover({ file, width: info.width, height: info.height, hash: info.hash }, base);
    context.jobs.push(...cover.jobs);
    return { picture: cover.picture, alt: ref.alt };
  });
}

interface Context {
  paths: ProjectPaths;
  jobs: ImageJob[];
  problems: Problems;
  /** Each show's art as its stories' cards use it, by show slug. */
  cardArt: Map<string, { file: string; hash: string; format: "png" | "jpeg" }>;
}

async function showImages(show: ShowGroup, context: Context): Promise<SiteImages["shows"][string]> {
  if (!show.art) return {};
  const owner = `${context.paths.shows}/${show.slug}/show.yml`;
  const base = `images/shows/${show.slug}`;
  const art = await shown(show.art, owner, show.artLine, `${base}/art`, context);
  const file = path.join(context.paths.root, show.art.file);
  const feedArt = art && (await context.problems.attempt(owner, show.artLine, show.art.file, async () => {
    const info = await imageInfo(file);
    // The cards' format follows the art (card-format.ts): decided once per show.
    context.cardArt.set(show.slug, { file, hash: info.hash, format: await cardFormat({ file, hash: info.hash }) });
    const feed = planFeedArt({ file, width: info.width, height: info.height, hash: info.hash }, `${base}/feed`);
    context.jobs.push(...feed.jobs);
    const source = { file: show.art?.file ?? "", width: info.width, height: info.height, ...(info.space ? { space: info.space } : {}), ...(info.hasAlpha ? { hasAlpha: true } : {}) };
    return { url: feed.url, size: feed.size, source };
  }));
  return { ...(art ? { art } : {}), ...(feedArt ? { feedArt } : {}) };
}

/** Each chapter's image, by the chapter's index; undefined when no chapter has one. */
async function chapterImages(story: Story, base: string, context: Context): Promise<Array<(ChapterArt & { alt: string }) | undefined> | undefined> {
  if (!story.chapters.some((chapter) => chapter.image)) return undefined;
  const planned: Array<(ChapterArt & { alt: string }) | undefined> = [];
  for (const [index, chapter] of story.chapters.entries()) {
    const image = chapter.image;
    if (!image) {
      planned.push(undefined);
      continue;
    }
    const file = path.join(context.paths.root, image.file);
    planned.push(await context.problems.attempt(story.file, chapter.entryLine, image.file, async () => {
      const info = await imageInfo(file);
      const { jobs, ...art } = planChapterArt({ file, width: info.width, height: info.height, hash: info.hash }, `${base}/chapter-${index + 1}`);
      context.jobs.push(...jobs);
      return { ...art, alt: image.alt };
    }));
  }
  return planned;
}

function cardAlt(story: Story, lang: string): string {
  return `${story.title} – ${story.show.name}, ${readableDate(story.date, lang)}`;
}

/** Never a box on a card: each character of its texts that no card font draws, as the story's error. */
function glyphErrors(story: Story, card: { title: string; show: string; date: string; lang: string }): InputError[] {
  const lines = { title: story.lines.title, show: story.lines.show, date: undefined };
  return missingGlyphs(cardTexts(card), card.lang).map((glyph) => {
    const { problem, fix } = describeMissing(glyph);
    return new InputError(story.file, lines[glyph.field], problem, fix.replace(/^./u, (c) => c.toUpperCase()));
  });
}

type CardArt = Context["cardArt"] extends Map<string, infer A> ? A : never;

/**
 * A story's card and the errors of its texts, remembered with the story (a Story object is parsed
 * again when its file changes, src/site/load.ts) and the art the card shows. Under `npm start`
 * every save plans every story's images again; at 10,000 stories the glyph check and the card's
 * cache key were 0.2 s of each save, for cards that had not changed.
 */
const cards = new WeakMap<Story, { show: string; art: string; base: string; glyphs: InputError[]; card: PlannedCard | undefined }>();

function storyCard(story: Story, art: CardArt | undefined, base: string): { glyphs: InputError[]; card: PlannedCard | undefined } {
  const artKey = art ? `${art.format}:${art.hash}:${art.file}` : "";
  const known = cards.get(story);
  if (known && known.show === story.show.name && known.art === artKey && known.base === base) return known;
  const text = { title: story.title, show: story.show.name, date: readableDate(story.date, story.lang), lang: story.lang };
  const glyphs = glyphErrors(story, text);
  const card = glyphs.length ? undefined : planCard({ ...text, format: art?.format ?? "png", ...(art ? { art: art.file } : {}) }, base, art?.hash);
  cards.set(story, { show: story.show.name, art: artKey, base, glyphs, card });
  return { glyphs, card };
}

/** Plans every image of the site; throws ContentErrors naming every file behind a bad image. */
export async function planSiteImages(site: SiteModel, paths: ProjectPaths): Promise<SiteImages> {
  const jobs: ImageJob[] = [];
  const context: Context = { paths, jobs, problems: new Problems(paths), cardArt: new Map() };
  const images: SiteImages = { shows: {}, stories: {}, jobs, chapters: {} };
  const shows = new Map(site.shows.map((show) => [show.slug, show]));
  for (const show of site.shows) images.shows[show.slug] = await showImages(show, context);
  for (const story of site.stories) {
    const show = shows.get(story.show.slug);
    const base = `images/stories/${story.slug}`;
    const cover = story.cover ? await shown(story.cover, story.file, story.lines.cover, `${base}/cover`, context) : images.shows[story.show.slug]?.art;
    const art = context.cardArt.get(story.show.slug);
    const { glyphs, card } = storyCard(story, art, `${base}/card`);
    context.problems.errors.push(...glyphs);
    // Show art that could not be read is reported on its show.yml; the story's card waits for it.
    if (!card || (show?.art && !art)) continue;
    jobs.push(...card.jobs);
    const chapters = await chapterImages(story, base, context);
    if (chapters) images.chapters[story.slug] = chapters;
    images.stories[story.slug] = {
      ...(cover ? { cover } : {}),
      card: { url: card.url, type: card.type, width: card.width, height: card.height, alt: cardAlt(story, story.lang) },
    };
  }
  if (context.problems.errors.length) throw new ContentErrors(context.problems.errors);
  // A show's art serves its stories too: render each output once.
  const unique = new Map(jobs.map((job) => [job.output, job]));
  images.jobs = [...unique.values()];
  return images;
}

/** The font the cards need is installed, and every image can be read and is large enough. */
export async function checkSiteImages(site: SiteModel, paths: ProjectPaths): Promise<SiteImages> {
  checkCardFont();
  return planSiteImages(site, paths);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The cached images are in place: says so and starts drawing the rest, if any. */
function renderBeside(context: BuildContext, placed: ImageRenderRun): Promise<ImageReport> | undefined {
  const run = context.images;
  run.cachedMs = performance.now() - run.started;
  if (placed.missing > 0) return placed.renderRest();
  context.log.info(`Images: 0 rendered, ${placed.cached} from cache in ${seconds(run.cachedMs)}`);
  return undefined;
}

/**
 * Before Eleventy writes: plans the images (templates read the plan as `images`), puts every
 * cached one in place (awaited: quick, and done before the pages keep the event loop busy) and
 * starts drawing the rest, which goes on beside the pages. Under `npm start` nothing waits: the
 * page shows first and the images catch up.
 */
export async function startImages(context: BuildContext): Promise<void> {
  const run = context.images;
  run.started = performance.now();
  delete run.cachedMs;
  // A build planned them when it checked the content; a rebuild under `npm start` plans again.
  if (context.mode === "serve" || !run.planned) run.planned = await checkSiteImages(currentModel(context), context.paths);
  const placing = placeCachedImages(run.planned.jobs, {
    outputDir: context.outputDir,
    cacheDir: context.imageCacheDir,
    // A rebuild under `npm start` copies only the images that changed; a build writes into a
    // folder nothing serves yet.
    ...(context.mode === "serve" ? { placed: run.placed } : { fresh: true }),
  });
  const rendering = context.mode === "serve" ? placing.then((placed) => placed.renderRest()) : renderBeside(context, await placing);
  if (!rendering) return;
  // Awaited by finishImages; until then a failure must not count as unhandled.
  rendering.catch(() => undefined);
  run.rendering = rendering;
}

/**
 * After Eleventy writes: waits for the images still being drawn and says how many there were.
 * Under `npm start` the page is shown first: the images finish in the background.
 */
export async function finishImages(context: BuildContext): Promise<void> {
  const run = context.images;
  if (!run.rendering) return;
  const rendering = run.rendering;
  const finished = rendering.finally(() => {
    if (run.rendering === rendering) delete run.rendering;
  });
  if (context.mode === "serve") {
    finished.then(
      (report) => reportImages(context, report),
      (error: unknown) => context.log.warn(`Images: ${(error as Error).message}; the next save tries again.`),
    );
    return;
  }
  reportImages(context, await finished);
}

function reportImages(context: BuildContext, { rendered, cached }: ImageReport): void {
  const run = context.images;
  context.log.info(`Images: ${rendered} rendered, ${cached} from cache in ${seconds(performance.now() - run.started)}${run.cachedMs === undefined ? "" : ` (the cached ones placed in ${seconds(run.cachedMs)})`}`);
}

/** The images still rendering, if any: a failed build waits for them before removing its folder. */
export async function imagesSettled(context: BuildContext): Promise<void> {
  await context.images.rendering?.catch(() => undefined);
}

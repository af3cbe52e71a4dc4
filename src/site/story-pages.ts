// The pages Verbatim writes itself, after Eleventy has written its own dozen: every story page with
// its transcript files, each handed to the search index as it is made (pagefind indexes it in its
// own process beside the next pages), then every listing page while pagefind catches up. Under
// `npm start` only the pages a save changed are written (src/site/preview-pages.ts).

import path from "node:path";
import type { Story } from "../story/story.ts";
import { currentModel, type BuildContext } from "./context.ts";
import { transcriptFiles } from "./exports.ts";
import { chapterFiles } from "./chapter-files.ts";
import { FileWriter } from "./file-writer.ts";
import type { ListingPage } from "../story/listing.ts";
import { listingPage, listingPages, type ListingKind } from "./listing-pages.ts";
import { PageMaker, pageFile } from "./page-maker.ts";
import { SearchIndexer } from "./search.ts";

/** The layout every story page is rendered with (in the project's layouts folder). */
export const STORY_LAYOUT = "story.njk";

/** Seconds since `started` (a performance.now()), for the build's lines. */
export const since = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/** A story page's file, as an Eleventy permalink "stories/<slug>/" would give. */
export function storyPageFile(outputDir: string, story: Pick<Story, "url">): string {
  return pageFile(outputDir, story.url);
}

const bySlug = (a: Story, b: Story) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** One story's page and transcript files, made and handed to the writer; returns the page and the files written. */
export async function writeStory(context: BuildContext, maker: PageMaker, story: Story, writer: FileWriter): Promise<{ html: string; files: string[] }> {
  const data = { verbatim: currentModel(context), images: context.images.planned, story };
  const { file, html } = await maker.make({ layout: STORY_LAYOUT, url: story.url, data, source: story.file });
  await writer.write(file, html);
  const files = [file];
  for (const download of [...transcriptFiles(story), ...chapterFiles(context, story, context.images.planned)]) {
    const name = path.join(path.dirname(file), download.file);
    await writer.write(name, download.text);
    files.push(name);
  }
  return { html, files };
}

/** One listing page, made and handed to the writer. */
export async function writeListing(context: BuildContext, maker: PageMaker, kind: ListingKind, listing: ListingPage<unknown, unknown>, writer: FileWriter): Promise<void> {
  const { file, html } = await maker.make(listingPage(kind, listing, currentModel(context), context.images.planned));
  await writer.write(file, html);
}

/**
 * After Eleventy writes its pages (a build): every story's page, transcript files and search
 * entry, and every listing page. pagefind is the slowest part (its own process, on the other
 * core), so the listing pages are made while the story pages wait for it, and while it writes the
 * index's last part. The build reports how long the pages waited with nothing else to do: what
 * search added to the build.
 */
export async function writeStoryPages(context: BuildContext): Promise<void> {
  const maker = new PageMaker(context.engine, context.outputDir);
  const started = performance.now();
  const model = currentModel(context);
  const stories = [...model.stories].sort(bySlug);
  const writer = new FileWriter();
  const search = new SearchIndexer(context.outputDir, context.settings.language, stories.length);
  let listings = 0;
  let listingsDone = false;
  let idleMs = 0;
  let failed = false;
  const listingsMade = (async () => {
    for (const { kind, listing } of listingPages(model)) {
      if (failed) return;
      await writeListing(context, maker, kind, listing, writer);
      listings++;
    }
    listingsDone = true;
  })();
  // Awaited below; a failure meanwhile must not count as unhandled.
  listingsMade.catch(() => undefined);
  try {
    for (const story of stories) {
      const waited = await search.add(story.url, (await writeStory(context, maker, story, writer)).html);
      if (listingsDone) idleMs += waited;
    }
    const indexed = search.finish();
    indexed.catch(() => undefined);
    await listingsMade;
    const waiting = performance.now();
    const written = await writer.finish();
    const index = await indexed;
    idleMs += performance.now() - waiting;
    context.log.info(`Stories: ${stories.length} pages, ${written - stories.length - listings} transcript files and ${listings} listing pages written in ${since(started)}`);
    context.log.info(`Search: ${index.pages} stories indexed, ${(index.bytes / 1024).toFixed(0)} KiB, beside the pages (which waited ${(idleMs / 1000).toFixed(1)} s for it)`);
  } catch (error) {
    failed = true;
    await Promise.allSettled([listingsMade, writer.finish(), search.abandon()]);
    throw error;
  }
}

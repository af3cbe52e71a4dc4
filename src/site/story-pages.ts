// The story pages, made by Verbatim rather than as Eleventy pages: one pass over the stories that
// renders each page with Eleventy's own Nunjucks environment (the same layouts, filters and
// settings, so the same bytes), runs Eleventy's HTML transforms (the path prefix), writes the page
// and its transcript files, and hands the page to the search index, which builds in pagefind's
// process beside the next pages. Nothing is kept: an archive's pages pass through memory one at a
// time, where Eleventy would hold every rendered page until the build ends.

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Story } from "../story/story.ts";
import { currentModel, type BuildContext } from "./context.ts";
import { transcriptFiles } from "./exports.ts";
import { chapterFiles } from "./chapter-files.ts";
import { FileWriter } from "./file-writer.ts";
import { contentSecurityPolicy } from "./csp.ts";
import { buildSearchIndex, SearchIndexer } from "./search.ts";

/** A compiled Nunjucks template. */
interface Layout {
  render(context: object): string;
}

/** The part of Nunjucks' Environment this module uses. */
export interface NunjucksEnvironment {
  getTemplate(name: string, eagerCompile: true): Layout;
}

/** Seconds since `started` (a performance.now()), for the build's lines. */
const since = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/** Eleventy's HTML transforms (the path prefix), as its transform step runs them on every page. */
export interface HtmlTransformer {
  transformContent(outputPath: string, content: string, context: { url: string; outputPath: string; inputPath: string }): Promise<string>;
}

/** What the story pages need from Eleventy, handed over by the plugin once Eleventy has made it. */
export interface PageEngine {
  nunjucks?: NunjucksEnvironment;
  html?: HtmlTransformer;
}

/** The layout every story page is rendered with (in the project's layouts folder). */
export const STORY_LAYOUT = "story.njk";

/** A story page's address and file, as an Eleventy permalink "stories/<slug>/" would give. */
export function storyPageFile(outputDir: string, story: Pick<Story, "slug">): string {
  return path.join(outputDir, "stories", story.slug, "index.html");
}

/** Renders one story's page; a failure names the story (a layout's mistake shows on the first). */
function render(layout: Layout, data: object, story: Story): string {
  try {
    return layout.render(data);
  } catch (error) {
    throw new Error(`The page of ${story.file} could not be rendered with ${STORY_LAYOUT}: ${(error as Error).message}`, { cause: error });
  }
}

const bySlug = (a: Story, b: Story) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** One story's page and transcript files, rendered and handed to the writer; returns the page. */
async function writeStory(context: BuildContext, layout: Layout, html: HtmlTransformer, story: Story, writer: FileWriter): Promise<string> {
  const file = storyPageFile(context.outputDir, story);
  const page = { url: story.url, outputPath: file, inputPath: story.file };
  const data = { verbatim: currentModel(context), images: context.images.planned, story, page };
  const rendered = await html.transformContent(file, render(layout, data, story), page);
  await writer.write(file, rendered);
  for (const download of [...transcriptFiles(story), ...chapterFiles(context, story, context.images.planned)]) {
    await writer.write(path.join(path.dirname(file), download.file), download.text);
  }
  return rendered;
}

/** What the layouts say: every Nunjucks file under the layouts folder, hashed (a dozen small files). */
function layoutsKey(dir: string): string {
  const hash = createHash("sha256");
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((file) => file.endsWith(".njk")).sort();
  for (const file of files) hash.update(file).update("\0").update(fs.readFileSync(path.join(dir, file))).update("\0");
  return hash.digest("hex");
}

/**
 * Under `npm start`: what each story's page was made from at the last rebuild, so that a save
 * rewrites only the pages it changed. A page is made from its story (a new object whenever the
 * file or the settings change: src/site/load.ts), its images, the layouts and what every page
 * shares (settings, the security policy).
 */
export class PreviewPages {
  private layouts = "";
  private shared = "";
  private made = new WeakMap<Story, string>();
  private searching: AbortController | undefined;
  private indexing: Promise<void> = Promise.resolve();

  /** The stories whose pages must be made again. */
  changed(context: BuildContext, stories: readonly Story[]): Story[] {
    const shared = JSON.stringify(context.settings) + contentSecurityPolicy(stories);
    const layouts = layoutsKey(path.join(context.paths.root, context.paths.layouts));
    if (layouts !== this.layouts || shared !== this.shared) {
      this.layouts = layouts;
      this.shared = shared;
      this.made = new WeakMap();
    }
    return stories.filter((story) => {
      const key = JSON.stringify(context.images.planned?.stories[story.slug] ?? null);
      if (this.made.get(story) === key && fs.existsSync(storyPageFile(context.outputDir, story))) return false;
      this.made.set(story, key);
      return true;
    });
  }

  /** `npm start` is stopping: the background index stops too, so the process can end. */
  stop(): void {
    this.searching?.abort();
  }

  /** After a failed rebuild: nothing is known to be on disk. */
  forget(): void {
    this.made = new WeakMap();
  }

  /**
   * Indexes the site again in the background. A newer save stops an earlier run that has not
   * finished, and starts once that run has ended its pagefind process (pagefind runs one at a time).
   */
  reindex(context: BuildContext): void {
    this.searching?.abort();
    const searching = new AbortController();
    this.searching = searching;
    this.indexing = this.indexing.then(async () => {
      if (searching.signal.aborted) return;
      const started = performance.now();
      try {
        const index = await buildSearchIndex(context.outputDir, context.settings.language, { signal: searching.signal, swap: true });
        context.log.info(`Search: ${index.pages} stories indexed, ${(index.bytes / 1024).toFixed(0)} KiB, in the background in ${since(started)}`);
      } catch (error) {
        if (!searching.signal.aborted) context.log.warn(`Search: the index could not be rebuilt (${(error as Error).message}); it will be on the next save.`);
      }
    });
  }
}

/** Under `npm start`: the pages a save changed, at once; the search index catches up in the background. */
async function writePreviewPages(context: BuildContext, layout: Layout, html: HtmlTransformer): Promise<void> {
  const started = performance.now();
  const stories = currentModel(context).stories;
  const writer = new FileWriter();
  const preview = (context.previewPages ??= new PreviewPages());
  const changed = preview.changed(context, stories);
  try {
    for (const story of changed) await writeStory(context, layout, html, story, writer);
    await writer.finish();
  } catch (error) {
    preview.forget();
    await writer.finish().catch(() => undefined);
    throw error;
  }
  context.log.info(`Stories: ${changed.length} of ${stories.length} pages written in ${since(started)}`);
  preview.reindex(context);
}

/** After Eleventy writes its pages: every story's page, transcript files and search entry. */
export async function writeStoryPages(context: BuildContext): Promise<void> {
  const { nunjucks, html } = context.engine;
  if (!nunjucks || !html) throw new Error("Eleventy's Nunjucks environment was not handed to Verbatim before the story pages.");
  const layout = nunjucks.getTemplate(STORY_LAYOUT, true);
  if (context.mode === "serve") return writePreviewPages(context, layout, html);
  const started = performance.now();
  const stories = [...currentModel(context).stories].sort(bySlug);
  const writer = new FileWriter();
  const search = new SearchIndexer(context.outputDir, context.settings.language, stories.length);
  try {
    for (const story of stories) await search.add(story.url, await writeStory(context, layout, html, story, writer));
    const written = await writer.finish();
    const index = await search.finish();
    context.log.info(`Stories: ${stories.length} pages and ${written - stories.length} transcript files written in ${since(started)}`);
    context.log.info(`Search: ${index.pages} stories indexed, ${(index.bytes / 1024).toFixed(0)} KiB, beside the pages (which waited ${(index.waitedMs / 1000).toFixed(1)} s for it)`);
  } catch (error) {
    await Promise.allSettled([writer.finish(), search.abandon()]);
    throw error;
  }
}

// The story pages, made by Verbatim rather than as Eleventy pages: one pass over the stories that
// renders each page with Eleventy's own Nunjucks environment (the same layouts, filters and
// settings, so the same bytes), runs Eleventy's HTML transforms (the path prefix), writes the page
// and its transcript files, and hands the page to the search index, which builds in pagefind's
// process beside the next pages. Nothing is kept: an archive's pages pass through memory one at a
// time, where Eleventy would hold every rendered page until the build ends.

import path from "node:path";
import type { Story } from "../story/story.ts";
import { currentModel, type BuildContext } from "./context.ts";
import { transcriptFiles } from "./exports.ts";
import { FileWriter } from "./file-writer.ts";
import { SearchIndexer } from "./search.ts";

/** The part of Nunjucks' Environment this module uses. */
export interface NunjucksEnvironment {
  getTemplate(name: string, eagerCompile: true): { render(context: object): string };
}

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
function render(layout: { render(context: object): string }, data: object, story: Story): string {
  try {
    return layout.render(data);
  } catch (error) {
    throw new Error(`The page of ${story.file} could not be rendered with ${STORY_LAYOUT}: ${(error as Error).message}`, { cause: error });
  }
}

const bySlug = (a: Story, b: Story) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** After Eleventy writes its pages: every story's page, transcript files and search entry. */
export async function writeStoryPages(context: BuildContext): Promise<void> {
  const { nunjucks, html } = context.engine;
  if (!nunjucks || !html) throw new Error("Eleventy's Nunjucks environment was not handed to Verbatim before the story pages.");
  const started = performance.now();
  const model = currentModel(context);
  const layout = nunjucks.getTemplate(STORY_LAYOUT, true);
  const data = { verbatim: model, images: context.images.planned };
  const stories = [...model.stories].sort(bySlug);
  const writer = new FileWriter();
  const search = new SearchIndexer(context.outputDir, context.settings.language, stories.length);
  try {
    for (const story of stories) {
      const file = storyPageFile(context.outputDir, story);
      const page = { url: story.url, outputPath: file, inputPath: story.file };
      const rendered = await html.transformContent(file, render(layout, { ...data, story, page }, story), page);
      await writer.write(file, rendered);
      for (const download of transcriptFiles(story)) await writer.write(path.join(path.dirname(file), download.file), download.text);
      await search.add(story.url, rendered);
    }
    const written = await writer.finish();
    const index = await search.finish();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    context.log.info(`Stories: ${stories.length} pages and ${written - stories.length} transcript files written in ${seconds} s`);
    context.log.info(`Search: ${index.pages} stories indexed, ${(index.bytes / 1024).toFixed(0)} KiB, beside the pages`);
  } catch (error) {
    await Promise.allSettled([writer.finish(), search.abandon()]);
    throw error;
  }
}

// The Eleventy side of what a story offers besides its page: transcript downloads next to it
// (/stories/<slug>/transcript.vtt …), a podcast feed per show (/shows/<slug>/feed.xml) and the
// page's schema.org data. The feed is a virtual template paginated over the shows, so the path
// prefix applies as it does to every page; the transcripts are written straight to disk once the
// pages are. What the files say is built by the pure modules (exporters, feeds/rss.ts,
// site/json-ld.ts).

import fs from "node:fs";
import path from "node:path";
import { exportsFor, type ExportFormatId } from "../interchange/exporters/index.ts";
import { withPassages } from "../interchange/exporters/passages.ts";
import { writeText } from "../interchange/exporters/text.ts";
import { renderFeed } from "../feeds/rss.ts";
import type { ShowGroup } from "../story/site.ts";
import type { SiteImages } from "./images.ts";
import type { Story } from "../story/story.ts";
import { currentModel, type BuildContext } from "./context.ts";
import { serializeJsonLd, storyJsonLd } from "./json-ld.ts";

/** One transcript file a story page links to. */
export interface Download {
  id: ExportFormatId;
  /** Link text: "WebVTT", "SRT", "JSON", "text". */
  label: string;
  /** Site path: "/stories/ferry/transcript.vtt". */
  url: string;
  mime: string;
  /** File name: "transcript.vtt". */
  file: string;
}

export function downloadsFor(story: Pick<Story, "url" | "timed">): Download[] {
  return exportsFor(story).map((format) => ({ id: format.id, label: format.label, url: `${story.url}${format.file}`, mime: format.mime, file: format.file }));
}

/**
 * Plain-text transcripts made for a page's JSON-LD, kept until transcript.txt is written from them:
 * the same text, made once. Only stories with audio put it in their JSON-LD, so only theirs wait
 * here; keyed by the Story, so whatever is left goes with the model.
 */
const plainTexts = new WeakMap<Story, string>();

function plainTextFor(story: Story): string {
  let text = plainTexts.get(story);
  if (text === undefined) {
    text = writeText(withPassages(story));
    plainTexts.set(story, text);
  }
  return text;
}

/** The story's transcript.txt: the text its page's JSON-LD was given, or made now from `exported`. */
function takePlainText(story: Story, exported: ReturnType<typeof withPassages<Story>>): string {
  const text = plainTexts.get(story);
  if (text === undefined) return writeText(exported);
  plainTexts.delete(story);
  return text;
}

/** Files being written at once: enough to keep the disk busy while the next ones are made. */
const WRITES_IN_FLIGHT = 16;

/**
 * Writes every story's transcript files into the output folder (the story's page, written by
 * Eleventy, has made its folder). Written straight to disk rather than as Eleventy templates:
 * thousands of small files that need no layout, and Eleventy's cost per template would double
 * the build of a large archive. Each story's files are made one after another (they read the
 * same passages) and written while the next story's are made.
 */
export async function writeTranscriptFiles(stories: readonly Story[], outputDir: string): Promise<number> {
  const writing = new Set<Promise<void>>();
  let failure: unknown;
  let written = 0;
  for (const story of stories) {
    if (failure) break;
    const dir = path.join(outputDir, "stories", story.slug);
    // Read once for all of this story's files.
    const exported = withPassages(story);
    for (const format of exportsFor(story)) {
      const file = path.join(dir, format.file);
      const text = format.id === "txt" ? takePlainText(story, exported) : format.write(exported);
      const write = fs.promises
        .writeFile(file, text)
        .catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
          await fs.promises.mkdir(dir, { recursive: true });
          await fs.promises.writeFile(file, text);
        })
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => writing.delete(write));
      writing.add(write);
      written++;
      if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
    }
  }
  await Promise.all(writing);
  if (failure) throw failure;
  return written;
}

/** A local audio file's size, for the feed's enclosure length. */
function audioBytes(context: BuildContext, story: Story): number | undefined {
  const file = story.audio?.file;
  return file ? fs.statSync(path.join(context.paths.root, file)).size : undefined;
}

/** The show's podcast feed (the template `feed.njk` below writes it). */
export function podcastFeed(context: BuildContext, show: ShowGroup, images: SiteImages | undefined): string {
  const artUrl = images?.shows[show.slug]?.feedArt?.url;
  return renderFeed({
    show,
    stories: show.stories,
    settings: context.settings,
    audioBytes: (story) => audioBytes(context, story),
    ...(artUrl ? { artUrl } : {}),
    ...(show.description ? { description: show.description } : {}),
  });
}

/**
 * The story page's schema.org data, with the plain-text transcript on its audio (storyJsonLd puts it
 * nowhere else, so a story without audio does not make it).
 */
export function storyJsonLdFor(context: BuildContext, story: Story, images: SiteImages | undefined): string {
  const card = images?.stories[story.slug]?.card;
  const transcript = story.audio ? plainTextFor(story) : undefined;
  return serializeJsonLd(storyJsonLd(story, context.settings, { ...(transcript ? { transcript } : {}), ...(card ? { image: card } : {}) }));
}

/** After Eleventy writes: every story's transcript files beside its page. */
export async function writeDownloads(context: BuildContext): Promise<void> {
  await writeTranscriptFiles(currentModel(context).stories, context.outputDir);
}

/** A podcast feed per show: a virtual template paginated over the shows, so the path prefix applies. */
export const FEED_TEMPLATE = {
  path: "_exports/feed.njk",
  content: "{{ show | podcastFeed(images) | safe }}",
  data: {
    pagination: { data: "verbatim.shows", size: 1, alias: "show" },
    permalink: "shows/{{ show.slug }}/feed.xml",
    eleventyExcludeFromCollections: true,
  },
};

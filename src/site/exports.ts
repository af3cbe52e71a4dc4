// The Eleventy side of what a story offers besides its page: transcript downloads next to it
// (/stories/<slug>/transcript.vtt …), a podcast feed per show (/shows/<slug>/feed.xml) and the
// page's schema.org data. Each file is a virtual template paginated over the site model, so the
// path prefix and the output folder apply as they do to every page. What the files say is built
// by the pure modules (exporters, feeds/rss.ts, site/json-ld.ts).

import fs from "node:fs";
import path from "node:path";
import { EXPORT_FORMATS, exportsFor, type ExportFormatId } from "../interchange/exporters/index.ts";
import { feedPath, renderFeed } from "../feeds/rss.ts";
import type { SiteSettings } from "../story/settings.ts";
import type { ShowGroup, SiteModel } from "../story/site.ts";
import type { SiteImages } from "./images.ts";
import type { Link, Story } from "../story/story.ts";
import type { EleventyConfig } from "./eleventy.ts";
import { serializeJsonLd, storyJsonLd } from "./json-ld.ts";
import type { ProjectPaths } from "./paths.ts";

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

function formatById(id: ExportFormatId) {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`No transcript export "${id}".`);
  return format;
}

/**
 * Writes every story's transcript files into the output folder. Written straight to disk rather
 * than as Eleventy templates: thousands of small files that need no layout, and Eleventy's cost
 * per template would double the build of a large archive.
 */
export async function writeTranscriptFiles(stories: readonly Story[], outputDir: string): Promise<number> {
  let written = 0;
  for (const [index, story] of stories.entries()) {
    // Lets the search indexer, working in its own process meanwhile, be given its next task.
    if (index % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
    const dir = path.join(outputDir, "stories", story.slug);
    fs.mkdirSync(dir, { recursive: true });
    for (const format of exportsFor(story)) {
      fs.writeFileSync(path.join(dir, format.file), format.write(story));
      written++;
    }
  }
  return written;
}

export function addExports(config: EleventyConfig, paths: ProjectPaths, settings: SiteSettings, loadModel: () => SiteModel): void {
  /** A local audio file's size, for the feed's enclosure length. */
  const audioBytes = (story: Story): number | undefined => {
    const file = story.audio?.file;
    return file ? fs.statSync(path.join(paths.root, file)).size : undefined;
  };

  config.addFilter("transcriptDownloads", (story: Story) => downloadsFor(story));
  config.addFilter("feedPath", (show: Link) => feedPath(show));
  config.addFilter("podcastFeed", (show: ShowGroup, images: SiteImages | undefined) => {
    const artUrl = images?.shows[show.slug]?.feedArt?.url;
    return renderFeed({ show, stories: show.stories, settings, audioBytes, ...(artUrl ? { artUrl } : {}), ...(show.description ? { description: show.description } : {}) });
  });
  config.addFilter("storyJsonLd", (story: Story, images: SiteImages | undefined) => {
    const card = images?.stories[story.slug]?.card;
    return serializeJsonLd(storyJsonLd(story, settings, { transcript: formatById("txt").write(story), ...(card ? { image: card } : {}) }));
  });

  config.on("eleventy.after", async (...args: unknown[]) => {
    const event = args[0] as { directories?: { output?: string } } | undefined;
    await writeTranscriptFiles(loadModel().stories, path.resolve(paths.root, event?.directories?.output ?? paths.output));
  });

  config.addTemplate("_exports/feed.njk", "{{ show | podcastFeed(images) | safe }}", {
    pagination: { data: "verbatim.shows", size: 1, alias: "show" },
    permalink: "shows/{{ show.slug }}/feed.xml",
    eleventyExcludeFromCollections: true,
  });
}

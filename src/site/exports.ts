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
import type { ShowGroup } from "../story/site.ts";
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

/** What the transcript-file template pages over: every published story × each of its formats. */
interface ExportEntry {
  story: Story;
  format: ExportFormatId;
  file: string;
}

export function addExports(config: EleventyConfig, paths: ProjectPaths, settings: SiteSettings): void {
  /** A local audio file's size, for the feed's enclosure length. */
  const audioBytes = (story: Story): number | undefined => {
    const file = story.audio?.file;
    return file ? fs.statSync(path.join(paths.root, file)).size : undefined;
  };

  config.addFilter("transcriptDownloads", (story: Story) => downloadsFor(story));
  config.addFilter("transcriptFile", (entry: ExportEntry) => formatById(entry.format).write(entry.story));
  config.addFilter("feedPath", (show: Link) => feedPath(show));
  config.addFilter("podcastFeed", (show: ShowGroup, images: SiteImages | undefined) => {
    const artUrl = images?.shows[show.slug]?.feedArt?.url;
    return renderFeed({ show, stories: show.stories, settings, audioBytes, ...(artUrl ? { artUrl } : {}), ...(show.description ? { description: show.description } : {}) });
  });
  config.addFilter("storyJsonLd", (story: Story, images: SiteImages | undefined) => {
    const card = images?.stories[story.slug]?.card;
    return serializeJsonLd(storyJsonLd(story, settings, { transcript: formatById("txt").write(story), ...(card ? { image: card } : {}) }));
  });

  config.addTemplate("_exports/transcript.njk", "{{ entry | transcriptFile | safe }}", {
    pagination: {
      data: "verbatim.stories",
      size: 1,
      alias: "entry",
      before: (stories: Story[]): ExportEntry[] =>
        stories.flatMap((story) => exportsFor(story).map((format) => ({ story, format: format.id, file: format.file }))),
    },
    permalink: "stories/{{ entry.story.slug }}/{{ entry.file }}",
    eleventyExcludeFromCollections: true,
  });

  config.addTemplate("_exports/feed.njk", "{{ show | podcastFeed(images) | safe }}", {
    pagination: { data: "verbatim.shows", size: 1, alias: "show" },
    permalink: "shows/{{ show.slug }}/feed.xml",
    eleventyExcludeFromCollections: true,
  });
}

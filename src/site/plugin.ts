// The Eleventy wiring: the site model as global data, the page templates, filters for dates
// and absolute URLs, and the files copied as they are. Everything else lives in the pure core.

import fs from "node:fs";
import path from "node:path";
import markdownIt from "markdown-it";
import { visiblePages, type ListingPage } from "../story/listing.ts";
import type { SiteModel } from "../story/site.ts";
import { readableDate } from "./dates.ts";
import { addLiveErrors } from "./dev-server.ts";
import type { EleventyConfig } from "./eleventy.ts";
import { addExports } from "./exports.ts";
import { addImages } from "./images.ts";
import { loadSettings, loadSite } from "./load.ts";
import type { ProjectPaths } from "./paths.ts";
import { addSearch } from "./search.ts";

const AUDIO = "{mp3,m4a,mp4,aac,ogg,oga,opus,wav,webm,flac}";

/** Page templates in layouts/pages, registered as virtual templates so content/ stays the editors' own. */
function addPageTemplates(config: EleventyConfig, paths: ProjectPaths): void {
  const dir = path.join(paths.root, paths.layouts, "pages");
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith(".njk")) config.addTemplate(`_pages/${file}`, fs.readFileSync(path.join(dir, file), "utf8"));
  }
}

export default function verbatimPlugin(config: EleventyConfig, paths: ProjectPaths): void {
  const settings = loadSettings(paths);
  config.addGlobalData("verbatim", (): SiteModel => loadSite(paths, settings));
  config.ignores.add(`${paths.stories}/**/*.md`);
  config.addWatchTarget(`${paths.stories}/`);
  config.addPassthroughCopy({ [`${paths.layouts}/assets`]: "assets" });
  config.addPassthroughCopy(`${paths.stories}/**/*.${AUDIO}`);
  addPageTemplates(config, paths);
  const loadModel = () => loadSite(paths, settings);
  addImages(config, paths, loadModel);
  addSearch(config, paths, settings);
  // After the search, so its indexer works in its own process while the transcript files are written.
  addExports(config, paths, settings, loadModel);
  addLiveErrors(config);

  // Eleventy warns when a plugin's transform takes a visible share of a small build; the
  // path-prefix transform always does on a small site, and editors can do nothing about it.
  config.benchmarkManager?.get("Configuration")?.setIsVerbose(false);

  // Markdown pages outside the transcripts: no raw HTML, no indented code.
  config.setLibrary("md", markdownIt({ html: false }).disable("code"));

  config.addFilter("readableDate", (date: string, lang?: string) => readableDate(date, lang ?? settings.language));
  config.addFilter("absoluteUrl", (url: string) => new URL(url.replace(/^\//u, ""), settings.url).href);
  config.addFilter("visiblePages", (listing: ListingPage<unknown, unknown>) => visiblePages(listing.pages, listing.number));
  config.addFilter("isCurrent", (url: string, pageUrl: string) => url === "/" ? pageUrl === "/" : pageUrl.startsWith(url));
}

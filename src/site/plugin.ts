// The Verbatim plugin: the files copied as they are, and what surface.ts lists (globals, filters, templates, the steps before and after each
// write), each bound to the build's context. Everything else lives in the pure core.

import fs from "node:fs";
import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import markdownIt from "markdown-it";
import type { BuildContext } from "./context.ts";
import { DeletionWatch } from "./deletions.ts";
import { addLiveErrors } from "./dev-server.ts";
import type { EleventyConfig } from "./eleventy.ts";
import type { NunjucksEnvironment } from "./page-maker.ts";
import { AFTER, BEFORE, FILTERS, GLOBALS, TEMPLATES, type Step } from "./surface.ts";

const AUDIO = "{mp3,m4a,mp4,aac,ogg,oga,opus,wav,webm,flac}";

/** Page templates in layouts/pages, registered as virtual templates so content/ stays the editors' own. */
function addPageTemplates(config: EleventyConfig, context: BuildContext): void {
  const dir = path.join(context.paths.root, context.paths.layouts, "pages");
  for (const file of fs.readdirSync(dir).sort()) {
    if (file.endsWith(".njk")) config.addTemplate(`_pages/${file}`, fs.readFileSync(path.join(dir, file), "utf8"));
  }
}

/**
 * A project folder as Eleventy wants it: relative to the working folder ("content/stories" when
 * run from the project, as `npm run build` is; "../project/content/stories" from elsewhere, as the
 * tests build their projects in process).
 */
export function fromWorkingFolder(context: BuildContext, folder: string): string {
  return path.relative(process.cwd(), path.join(context.paths.root, folder)).split(path.sep).join("/") || ".";
}

const wanted = (context: BuildContext) => (step: Step) => !step.only || step.only === context.mode;

export default function verbatimPlugin(config: EleventyConfig, context: BuildContext): void {
  const { paths } = context;
  const at = (folder: string) => fromWorkingFolder(context, folder);
  config.ignores.add(`${at(paths.stories)}/**/*.md`);
  config.addWatchTarget(`${at(paths.stories)}/`);
  config.addWatchTarget(`${at(paths.shows)}/`);
  config.addPassthroughCopy({ [at(`${paths.layouts}/assets`)]: "assets" });
  config.addPassthroughCopy(`${at(paths.stories)}/**/*.${AUDIO}`);
  addPageTemplates(config, context);
  for (const template of TEMPLATES) config.addTemplate(template.path, template.content, template.data);
  for (const [name, global] of Object.entries(GLOBALS)) config.addGlobalData(name, () => global(context));
  for (const [name, filter] of Object.entries(FILTERS)) config.addFilter(name, filter(context));

  // The story and listing pages are rendered with Eleventy's own environment and transforms (page-maker.ts).
  config.on("eleventy.engine.njk", (...args: unknown[]) => {
    context.engine.nunjucks = (args[0] as { environment: NunjucksEnvironment }).environment;
  });
  context.engine.html = config.htmlTransformer;

  const deletions = context.mode === "serve" ? new DeletionWatch(path.join(paths.root, paths.content), path.join(paths.root, ".cache")) : undefined;
  if (deletions) config.addWatchTarget(path.relative(process.cwd(), deletions.trigger).split(path.sep).join("/"));

  config.on("eleventy.before", async (...args: unknown[]) => {
    deletions?.building();
    deletions?.start();
    // Eleventy's own answer (a build's staging folder, `npm start`'s output, `eleventy --output`).
    const output = (args[0] as { directories?: { output?: string } } | undefined)?.directories?.output;
    if (output) context.outputDir = path.resolve(paths.root, output);
    for (const step of BEFORE.filter(wanted(context))) await step.run(context);
  });
  config.on("eleventy.after", async () => {
    await Promise.all(AFTER.filter(wanted(context)).map((step) => step.run(context)));
  });
  addLiveErrors(config, context);
  // Ctrl-C under `npm start`: Eleventy stops watching and waits for the process to empty; the
  // search index being rebuilt in the background stops at once instead of finishing first, and
  // the watch for deleted stories ends.
  if (context.mode === "serve") {
    process.once("SIGINT", () => {
      context.previewPages?.stop();
      deletions?.stop();
    });
  }

  // Eleventy warns when a plugin's transform takes a visible share of a small build; the
  // path-prefix transform always does on a small site, and editors can do nothing about it.
  config.benchmarkManager?.get("Configuration")?.setIsVerbose(false);

  // Markdown pages outside the transcripts: no raw HTML, no indented code.
  config.setLibrary("md", markdownIt({ html: false }).disable("code"));
  config.addPlugin(HtmlBasePlugin);
}

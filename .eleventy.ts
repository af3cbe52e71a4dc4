// Eleventy configuration: assembles the Verbatim plugin and returns the folders.
// Run through tsx: node --import tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts

import { HtmlBasePlugin } from "@11ty/eleventy";
import type { EleventyConfig } from "./src/site/eleventy.ts";
import { loadSettings } from "./src/site/load.ts";
import { projectPaths } from "./src/site/paths.ts";
import verbatimPlugin from "./src/site/plugin.ts";

const paths = projectPaths(process.env.VERBATIM_ROOT ?? process.cwd());

export default function (config: EleventyConfig) {
  config.addPlugin(verbatimPlugin, paths);
  config.addPlugin(HtmlBasePlugin);
  return {
    dir: { input: paths.content, includes: `../${paths.layouts}`, layouts: `../${paths.layouts}`, data: "_data" },
    templateFormats: ["njk", "md"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    pathPrefix: loadSettings(paths).pathPrefix,
  };
}

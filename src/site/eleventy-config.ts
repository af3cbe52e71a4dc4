// The one boundary between Verbatim and Eleventy. Both ways in end in `configureEleventy`, given
// a BuildContext: a build (src/build/build.ts) makes its context and passes the function as the
// `config` option of `new Eleventy(…)`, reading no configuration file; `npm start` and plain
// `eleventy` read .eleventy.ts, which makes a context from the working folder and calls the same.

import type { BuildContext } from "./context.ts";
import type { EleventyConfig } from "./eleventy.ts";
import verbatimPlugin from "./plugin.ts";

/** Options Eleventy takes only from a configuration's returned object (or, in a build, from `initializeConfig`). */
export function eleventyOptions(context: BuildContext) {
  return {
    // Markdown pages are Markdown only: no template code runs inside them.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    pathPrefix: context.settings.pathPrefix,
  } as const;
}

/** The plugin, the folders (relative to content/) and the template formats of a Verbatim project. */
export function configureEleventy(config: EleventyConfig, context: BuildContext): void {
  const { layouts } = context.paths;
  config.setIncludesDirectory(`../${layouts}`);
  config.setLayoutsDirectory(`../${layouts}`);
  config.setDataDirectory("_data");
  config.setTemplateFormats(["njk", "md"]);
  config.addPlugin(verbatimPlugin, context);
}

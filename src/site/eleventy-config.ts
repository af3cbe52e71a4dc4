// The one boundary between Verbatim and Eleventy. A build (src/build/build.ts) makes a
// BuildContext and hands it over with `new Eleventy(input, output, { config: handOver(context) })`;
// Eleventy then runs the project's .eleventy.ts, which finds that context on the configuration
// object, or, under `npm start` and plain `eleventy`, makes its own from the working folder. Both
// paths end in `configureEleventy`: the same plugin, folders and formats.

import type { BuildContext } from "./context.ts";
import type { EleventyConfig } from "./eleventy.ts";
import verbatimPlugin from "./plugin.ts";

/** Where a build leaves its context on Eleventy's configuration object, for .eleventy.ts to find. */
const CONTEXT = Symbol.for("verbatim.build-context");

type Tagged = EleventyConfig & { [CONTEXT]?: BuildContext };

/** The `config` option of `new Eleventy(…)`: runs before .eleventy.ts and leaves it the context. */
export function handOver(context: BuildContext): (config: EleventyConfig) => void {
  return (config) => {
    (config as Tagged)[CONTEXT] = context;
  };
}

/** The context a build handed over, if this configuration comes from one. */
export function handedOver(config: EleventyConfig): BuildContext | undefined {
  return (config as Tagged)[CONTEXT];
}

/** What .eleventy.ts returns: the plugin installed, and the folders and formats of a Verbatim project. */
export function configureEleventy(config: EleventyConfig, context: BuildContext) {
  const { content, layouts } = context.paths;
  config.addPlugin(verbatimPlugin, context);
  return {
    dir: { input: content, includes: `../${layouts}`, layouts: `../${layouts}`, data: "_data" },
    templateFormats: ["njk", "md"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    pathPrefix: context.settings.pathPrefix,
  };
}

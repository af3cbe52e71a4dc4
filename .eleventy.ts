// Eleventy's configuration file, for `npm start` and plain `eleventy` (`npm run build` reads none:
// it hands Eleventy its own context, see src/site/eleventy-config.ts). The context comes from the
// working folder, the run mode Eleventy sets, and the variables a user may set
// (VERBATIM_BASE_URL, VERBATIM_IMAGE_CACHE). Change the site in src/site/surface.ts, not here.
// Run through tsx: node --import tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts

import { createContext } from "./src/site/context.ts";
import type { EleventyConfig } from "./src/site/eleventy.ts";
import { configureEleventy, eleventyOptions } from "./src/site/eleventy-config.ts";
import { projectPaths } from "./src/site/paths.ts";

export default function (config: EleventyConfig) {
  const paths = projectPaths(process.cwd());
  const context = createContext({
    paths,
    mode: process.env.ELEVENTY_RUN_MODE === "serve" ? "serve" : "build",
    ...(process.env.VERBATIM_BASE_URL ? { baseUrl: process.env.VERBATIM_BASE_URL } : {}),
    ...(process.env.VERBATIM_IMAGE_CACHE ? { imageCacheDir: process.env.VERBATIM_IMAGE_CACHE } : {}),
  });
  configureEleventy(config, context);
  return { dir: { input: paths.content }, ...eleventyOptions(context) };
}

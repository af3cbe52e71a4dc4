// Eleventy's configuration file. `npm run build` hands over its own build context (see
// src/site/eleventy-config.ts); `npm start` and plain `eleventy` get one made here from the working
// folder, the run mode Eleventy sets, and the variables a user may set (VERBATIM_BASE_URL,
// VERBATIM_IMAGE_CACHE). Run through tsx: node --import tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts

import { createContext } from "./src/site/context.ts";
import type { EleventyConfig } from "./src/site/eleventy.ts";
import { configureEleventy, handedOver } from "./src/site/eleventy-config.ts";
import { projectPaths } from "./src/site/paths.ts";

export default function (config: EleventyConfig) {
  const context =
    handedOver(config) ??
    createContext({
      paths: projectPaths(process.cwd()),
      mode: process.env.ELEVENTY_RUN_MODE === "serve" ? "serve" : "build",
      ...(process.env.VERBATIM_BASE_URL ? { baseUrl: process.env.VERBATIM_BASE_URL } : {}),
      ...(process.env.VERBATIM_IMAGE_CACHE ? { imageCacheDir: process.env.VERBATIM_IMAGE_CACHE } : {}),
    });
  return configureEleventy(config, context);
}

// npm run build [-- --base-url https://example.org/sub/] [--output dir]
// Builds the site into _site/ (or --output). Exits 1 on any problem, leaving the old output as it was.

import { parseArgs } from "node:util";
import { build } from "../src/build/build.ts";
import { describeError } from "../src/build/report.ts";
import { projectPaths } from "../src/site/paths.ts";

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { "base-url": { type: "string" }, output: { type: "string" } },
  });
  const paths = projectPaths(process.cwd(), values.output ? { output: values.output } : {});
  try {
    const result = await build({ paths, ...(values["base-url"] ? { baseUrl: values["base-url"] } : {}) });
    for (const story of result.site.stories) {
      for (const warning of story.warnings) console.warn(`${story.file}:${warning.line}: warning: ${warning.message}`);
    }
    const { stories, drafts } = result.site;
    console.log(
      `Built ${stories.length} ${stories.length === 1 ? "story" : "stories"}${drafts ? ` (${drafts} draft${drafts === 1 ? "" : "s"} left out)` : ""}: ${result.files} files in ${result.seconds.toFixed(1)} s → ${paths.output}/`,
    );
    return 0;
  } catch (error) {
    console.error(`Build failed. ${paths.output}/ was left as it was.\n\n${describeError(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

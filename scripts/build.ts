// npm run build [-- --base-url https://example.org/sub/] [--output dir] [--full-audit] [--skip-audit]
// Builds the site, audits every page, and only then replaces _site/ (or --output).
// Exit codes: 0 built and clean; 1 a problem in the content or a technical fault; 2 accessibility
// errors. On 1 or 2 the old output is left exactly as it was; so it is when Ctrl-C or SIGTERM stops
// the build (exit 130 or 143, see src/build/stop.ts).

import path from "node:path";
import { parseArgs } from "node:util";
import { terminalReporter } from "../src/audit/report/terminal.ts";
import { build } from "../src/build/build.ts";
import { describeError } from "../src/build/report.ts";
import { stopOnSignals } from "../src/build/stop.ts";
import { projectPaths } from "../src/site/paths.ts";

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      "base-url": { type: "string" },
      output: { type: "string" },
      "full-audit": { type: "boolean", default: false },
      "skip-audit": { type: "boolean", default: false },
    },
  });
  const paths = projectPaths(process.cwd(), values.output ? { output: values.output } : {});
  const stop = stopOnSignals({ output: path.resolve(paths.root, paths.output), shown: paths.output });
  try {
    const result = await build({
      paths,
      signal: stop.signal,
      reporter: terminalReporter(),
      fullAudit: values["full-audit"],
      skipAudit: values["skip-audit"],
      ...(values["base-url"] ? { baseUrl: values["base-url"] } : {}),
    });
    for (const story of result.site.stories) {
      for (const warning of story.warnings) console.warn(`${story.file}:${warning.line}: warning: ${warning.message}`);
    }
    const { stories, drafts } = result.site;
    if (result.audit && result.audit.exitCode !== 0) {
      const why = result.audit.exitCode === 1 ? "some pages could not be audited" : "the audit found accessibility errors";
      console.error(`\nBuild failed: ${why}. ${paths.output}/ was left as it was.\nReports: ${result.audit.files.html}`);
      return result.audit.exitCode;
    }
    if (!result.audit) console.warn("warning: the audit was skipped (--skip-audit); this output is not audited.");
    console.log(
      `Built ${stories.length} ${stories.length === 1 ? "story" : "stories"}${drafts ? ` (${drafts} draft${drafts === 1 ? "" : "s"} left out)` : ""}: ${result.files} files in ${result.seconds.toFixed(1)} s → ${paths.output}/`,
    );
    return 0;
  } catch (error) {
    if (stop.signal.aborted) stop.finish();
    console.error(`Build failed. ${paths.output}/ was left as it was.\n\n${describeError(error)}`);
    return 1;
  } finally {
    stop.dispose();
  }
}

process.exitCode = await main(process.argv.slice(2));

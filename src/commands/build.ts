// `npm run build` as a function: arguments in, lines out, an exit code back. scripts/build.ts
// runs it in the terminal; the tests run it in their own process with lines captured, which is
// what lets them build many sites quickly.
//
// npm run build [-- --base-url https://example.org/sub/] [--output dir] [--full-audit] [--skip-audit]
// Environment: VERBATIM_BASE_URL (as --base-url), VERBATIM_IMAGE_CACHE (where rendered images are kept).
// Exit codes: 0 built and clean; 1 a problem in the content or a technical fault; 2 accessibility
// errors. On 1 or 2 the old output is left exactly as it was; so it is when Ctrl-C or SIGTERM stops
// the build (exit 130 or 143, see src/build/stop.ts).

import path from "node:path";
import { parseArgs } from "node:util";
import { terminalReporter } from "../audit/report/terminal.ts";
import { build } from "../build/build.ts";
import { describeError } from "../build/report.ts";
import { stopOnSignals } from "../build/stop.ts";
import { formatFeedWarning } from "../site/feed-checks.ts";
import { projectPaths } from "../site/paths.ts";
import type { CommandIo } from "./io.ts";

export interface BuildCommandOptions {
  /** In the terminal: Ctrl-C and SIGTERM stop the build cleanly (exit 130, 143; see src/build/stop.ts). */
  stopOnSignals?: boolean;
}

export async function runBuildCommand(argv: string[], io: CommandIo, options: BuildCommandOptions = {}): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      "base-url": { type: "string" },
      output: { type: "string" },
      "full-audit": { type: "boolean", default: false },
      "skip-audit": { type: "boolean", default: false },
    },
  });
  const paths = projectPaths(io.cwd, values.output ? { output: values.output } : {});
  const baseUrl = values["base-url"] || io.env.VERBATIM_BASE_URL;
  const imageCacheDir = io.env.VERBATIM_IMAGE_CACHE;
  const stop = options.stopOnSignals ? stopOnSignals({ output: path.resolve(paths.root, paths.output), shown: paths.output, write: io.err }) : undefined;
  try {
    const result = await build({
      paths,
      ...(stop ? { signal: stop.signal } : {}),
      reporter: terminalReporter(io.out),
      log: { info: io.out, warn: io.err },
      fullAudit: values["full-audit"],
      skipAudit: values["skip-audit"],
      ...(baseUrl ? { baseUrl } : {}),
      ...(imageCacheDir ? { imageCacheDir } : {}),
    });
    for (const story of result.site.stories) {
      for (const warning of story.warnings) io.err(`${story.file}:${warning.line}: warning: ${warning.message}`);
    }
    for (const warning of result.feedWarnings) io.err(formatFeedWarning(warning));
    const { stories, drafts } = result.site;
    if (result.audit && result.audit.exitCode !== 0) {
      const why = result.audit.exitCode === 1 ? "some pages could not be audited" : "the audit found accessibility errors";
      io.err(`\nBuild failed: ${why}. ${paths.output}/ was left as it was.\nReports: ${result.audit.files.html}`);
      return result.audit.exitCode;
    }
    if (!result.audit) io.err("warning: the audit was skipped (--skip-audit); this output is not audited.");
    io.out(
      `Built ${stories.length} ${stories.length === 1 ? "story" : "stories"}${drafts ? ` (${drafts} draft${drafts === 1 ? "" : "s"} left out)` : ""}: ${result.files} files in ${result.seconds.toFixed(1)} s → ${paths.output}/`,
    );
    return 0;
  } catch (error) {
    if (stop?.signal.aborted) stop.finish();
    io.err(`Build failed. ${paths.output}/ was left as it was.\n\n${describeError(error)}`);
    return 1;
  } finally {
    stop?.dispose();
  }
}

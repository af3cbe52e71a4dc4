// npm run audit [-- --full] [--shard i/n] [--site dir] [--path-prefix /p/] [--report-dir dir]
// npm run audit -- --merge reports/audit-shard-1-of-2.json reports/audit-shard-2-of-2.json
// Exit codes follow pa11y: 0 clean, 1 technical fault, 2 accessibility errors.

import path from "node:path";
import { parseArgs } from "node:util";
import { describeError } from "../src/build/report.ts";
import { parseShard } from "../src/audit/pages.ts";
import { writeHtml } from "../src/audit/report/html.ts";
import { mergeReports, readJson, writeJson } from "../src/audit/report/json.ts";
import { terminalReporter } from "../src/audit/report/terminal.ts";
import { auditSite, reportFiles } from "../src/audit/site-audit.ts";
import { exitCodeOf } from "../src/audit/types.ts";
import { loadSettings } from "../src/site/load.ts";
import { projectPaths } from "../src/site/paths.ts";

const USAGE = "Usage: npm run audit [-- --full] [--shard i/n] [--site dir] [--path-prefix /p/] [--report-dir dir] | --merge file.json...";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      full: { type: "boolean", default: false },
      shard: { type: "string" },
      site: { type: "string" },
      "path-prefix": { type: "string" },
      "report-dir": { type: "string", default: "reports" },
      merge: { type: "boolean", default: false },
    },
  });
  const paths = projectPaths(process.cwd());
  const reportDir = path.resolve(paths.root, values["report-dir"]);
  const reporter = terminalReporter();

  if (values.merge) {
    const reports = positionals.map(readJson);
    const merged = mergeReports(reports, positionals);
    const files = reportFiles(reportDir);
    writeJson(files.json, merged);
    writeHtml(files.html, merged);
    reporter.summary(merged);
    console.log(`Merged ${positionals.length} reports: ${files.json}, ${files.html}`);
    return exitCodeOf(merged.pages);
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && !shard) {
    console.error(`--shard ${values.shard}: write it as i/n, for example --shard 2/3.\n${USAGE}`);
    return 1;
  }
  const siteDir = path.resolve(paths.root, values.site ?? paths.output);
  const pathPrefix = values["path-prefix"] ?? (values.site ? "/" : loadSettings(paths, process.env.VERBATIM_BASE_URL || undefined).pathPrefix);
  const result = await auditSite({ root: paths.root, siteDir, pathPrefix, reportDir, reporter, ...(values.full ? { full: true } : {}), ...(shard ? { shard } : {}) });
  console.log(`Reports: ${result.files.json}, ${result.files.html}`);
  return result.exitCode;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(describeError(error));
  process.exitCode = 1;
}

// `npm run audit` as a function (scripts/audit.ts runs it in the terminal).
// npm run audit [-- --full] [--shard i/n] [--site dir] [--path-prefix /p/] [--report-dir dir]
// npm run audit -- --merge reports/audit-shard-1-of-2.json reports/audit-shard-2-of-2.json
// Exit codes follow pa11y: 0 clean, 1 technical fault, 2 accessibility errors.

import path from "node:path";
import { parseArgs } from "node:util";
import { describeError } from "../build/report.ts";
import { parseShard } from "../audit/pages.ts";
import { writeHtml } from "../audit/report/html.ts";
import { mergeReports, readJson, writeJson } from "../audit/report/json.ts";
import { terminalReporter } from "../audit/report/terminal.ts";
import { auditSite, reportFiles } from "../audit/site-audit.ts";
import { exitCodeOf } from "../audit/types.ts";
import { loadSettings } from "../site/load.ts";
import { projectPaths } from "../site/paths.ts";
import type { CommandIo } from "./io.ts";

const USAGE = "Usage: npm run audit [-- --full] [--shard i/n] [--site dir] [--path-prefix /p/] [--report-dir dir] | --merge file.json...";

async function audit(argv: string[], io: CommandIo): Promise<number> {
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
  const paths = projectPaths(io.cwd);
  const reportDir = path.resolve(paths.root, values["report-dir"]);
  const reporter = terminalReporter(io.out);

  if (values.merge) {
    const reports = positionals.map((file) => readJson(path.resolve(io.cwd, file)));
    const merged = mergeReports(reports, positionals);
    const files = reportFiles(reportDir);
    writeJson(files.json, merged);
    writeHtml(files.html, merged);
    reporter.summary(merged);
    io.out(`Merged ${positionals.length} reports: ${files.json}, ${files.html}`);
    return exitCodeOf(merged.pages);
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && !shard) {
    io.err(`--shard ${values.shard}: write it as i/n, for example --shard 2/3.\n${USAGE}`);
    return 1;
  }
  const siteDir = path.resolve(paths.root, values.site ?? paths.output);
  const pathPrefix = values["path-prefix"] ?? (values.site ? "/" : loadSettings(paths, io.env.VERBATIM_BASE_URL || undefined).pathPrefix);
  const result = await auditSite({ root: paths.root, siteDir, pathPrefix, reportDir, reporter, ...(values.full ? { full: true } : {}), ...(shard ? { shard } : {}) });
  io.out(`Reports: ${result.files.json}, ${result.files.html}`);
  return result.exitCode;
}

export async function runAuditCommand(argv: string[], io: CommandIo): Promise<number> {
  try {
    return await audit(argv, io);
  } catch (error) {
    io.err(describeError(error));
    return 1;
  }
}

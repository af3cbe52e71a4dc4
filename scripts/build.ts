// npm run build [-- --base-url https://example.org/sub/] [--output dir] [--full-audit] [--skip-audit]
// Builds the site, audits every page, and only then replaces _site/ (or --output). The command
// itself is src/commands/build.ts.

import { runBuildCommand } from "../src/commands/build.ts";
import { terminalIo } from "../src/commands/io.ts";

process.exitCode = await runBuildCommand(process.argv.slice(2), terminalIo(), { stopOnSignals: true });

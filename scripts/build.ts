// npm run build [-- --base-url https://example.org/sub/] [--output dir] [--full-audit] [--skip-audit]
// Builds the site, audits every page, and only then replaces _site/ (or --output). The command
// itself is src/build/cli.ts.

import { runBuildCommand, terminalIo } from "../src/build/cli.ts";

process.exitCode = await runBuildCommand(process.argv.slice(2), terminalIo());

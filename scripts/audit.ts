// npm run audit [-- --full] [--shard i/n] [--site dir] [--path-prefix /p/] [--report-dir dir]
// npm run audit -- --merge reports/audit-shard-1-of-2.json reports/audit-shard-2-of-2.json
// Exit codes follow pa11y: 0 clean, 1 technical fault, 2 accessibility errors.

import { runAuditCommand } from "../src/commands/audit.ts";
import { terminalIo } from "../src/commands/io.ts";

process.exitCode = await runAuditCommand(process.argv.slice(2), terminalIo());

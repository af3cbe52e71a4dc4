// Runs `npm run import` and `npm run audit` as a user would, in this process (the same functions
// the scripts run), with their lines captured. The shape is spawnSync's: status, stdout, stderr.

import { runAuditCommand } from "../../src/commands/audit.ts";
import { runImportCommand } from "../../src/commands/import.ts";
import type { CommandIo } from "../../src/commands/io.ts";

export interface CommandRun {
  status: number;
  stdout: string;
  stderr: string;
}

async function capture(run: (io: CommandIo) => number | Promise<number>, cwd: string, env: Record<string, string> = {}): Promise<CommandRun> {
  let stdout = "";
  let stderr = "";
  const status = await run({ cwd, env: { ...process.env, ...env }, out: (line) => (stdout += `${line}\n`), err: (line) => (stderr += `${line}\n`) });
  return { status, stdout, stderr };
}

export const runImport = (args: string[], cwd: string): Promise<CommandRun> => capture((io) => runImportCommand(args, io), cwd);

export const runAudit = (args: string[], cwd: string): Promise<CommandRun> => capture((io) => runAuditCommand(args, io), cwd);

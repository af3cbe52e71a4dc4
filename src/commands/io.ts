// What a command (build, import, audit) is given: the folder it runs in, its environment, and
// where its lines go. The scripts in scripts/ give it the terminal; the tests give it their own
// process with the lines captured.

export interface CommandIo {
  cwd: string;
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

export const terminalIo = (): CommandIo => ({
  cwd: process.cwd(),
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});

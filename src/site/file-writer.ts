// Writes many files into the output folder while the next ones are being made: at most a few
// writes in flight (enough to keep the disk busy, few enough that nothing piles up in memory),
// each file's folder made when it is first missing, the first failure kept and thrown.

import fs from "node:fs";
import path from "node:path";

export class FileWriter {
  private readonly writing = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;
  written = 0;

  constructor(private readonly inFlight = 16) {}

  /** Starts writing `file`; resolves once there is room for another write. Throws an earlier failure. */
  async write(file: string, data: string): Promise<void> {
    if (this.failure) throw this.failure.error;
    const write = fs.promises
      .writeFile(file, data)
      .catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        await fs.promises.writeFile(file, data);
      })
      .then(
        () => {
          this.written++;
        },
        (error: unknown) => {
          this.failure ??= { error };
        },
      )
      .finally(() => this.writing.delete(write));
    this.writing.add(write);
    if (this.writing.size >= this.inFlight) await Promise.race(this.writing);
  }

  /** Waits for every write; throws the first failure. */
  async finish(): Promise<number> {
    await Promise.all(this.writing);
    if (this.failure) throw this.failure.error;
    return this.written;
  }
}

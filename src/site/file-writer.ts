// Writes many files into the output folder while the next ones are being made: at most a few
// writes in flight (enough to keep the disk busy, few enough that nothing piles up in memory),
// each file's folder made when it is first missing, the first failure kept and thrown.

import fs from "node:fs";
import path from "node:path";
import { InFlight } from "./in-flight.ts";

export class FileWriter {
  private readonly writes: InFlight;
  written = 0;

  constructor(inFlight = 16) {
    this.writes = new InFlight(inFlight);
  }

  /** Starts writing `file`; resolves once there is room for another write. Throws an earlier failure. */
  async write(file: string, data: string): Promise<void> {
    this.writes.check();
    this.writes.track(
      fs.promises
        .writeFile(file, data)
        .catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== "ENOENT") throw error;
          await fs.promises.mkdir(path.dirname(file), { recursive: true });
          await fs.promises.writeFile(file, data);
        })
        .then(() => {
          this.written++;
        }),
    );
    await this.writes.room();
  }

  /** Waits for every write; throws the first failure. */
  async finish(): Promise<number> {
    await this.writes.settle();
    return this.written;
  }
}

// npm start only: a deleted story leaves the preview. Eleventy 3 rebuilds when a watched file is
// added or changed, but only logs a deletion ("File deleted: …"), so a deleted story stayed on its
// listings until the next save. Verbatim watches the content folder for deleted files and then
// touches a file Eleventy watches (in the project's .cache/), so a deletion rebuilds like a save.
// A rename is a deletion and an addition: when Eleventy starts a rebuild for the addition within
// a moment, no second rebuild is asked for.

import fs from "node:fs";
import path from "node:path";

/** How long a deletion waits for a rebuild Eleventy starts by itself (a rename's new name). */
const SETTLE_MS = 250;

export class DeletionWatch {
  /** The file Eleventy watches; touched to ask for a rebuild. */
  readonly trigger: string;
  private watcher: fs.FSWatcher | undefined;
  private builds = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly contentDir: string,
    cacheDir: string,
  ) {
    this.trigger = path.join(cacheDir, "preview", "deleted");
  }

  /** A rebuild has started (Eleventy's "before" event). */
  building(): void {
    this.builds++;
  }

  /** Starts watching (once); Eleventy must watch `trigger` (addWatchTarget). */
  start(): void {
    if (this.watcher) return;
    fs.mkdirSync(path.dirname(this.trigger), { recursive: true });
    if (!fs.existsSync(this.trigger)) fs.writeFileSync(this.trigger, "");
    this.watcher = fs.watch(this.contentDir, { recursive: true }, (event, name) => {
      if (event !== "rename" || !name || fs.existsSync(path.join(this.contentDir, name))) return;
      this.deleted();
    });
    this.watcher.on("error", () => this.stop());
  }

  private deleted(): void {
    const before = this.builds;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.builds === before) fs.writeFileSync(this.trigger, `${Date.now()}\n`);
    }, SETTLE_MS);
  }

  /** `npm start` is stopping. */
  stop(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}

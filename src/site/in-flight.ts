// Work started and not yet finished, at most `limit` at once: the story pages' file writes and the
// pages handed to pagefind. A failure is kept and thrown by the next `check` or by `settle`, so the
// loop that starts the work stops at the first one, and nothing is left running unseen.

export class InFlight {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(private readonly limit: number) {}

  /** Throws the first failure of work started earlier. */
  check(): void {
    if (this.failure) throw this.failure.error;
  }

  /** Waits until fewer than `limit` are running. */
  async room(): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
  }

  /** Counts `work` as running until it ends; a failure is kept, not thrown here. */
  track(work: Promise<unknown>): void {
    const tracked: Promise<void> = work
      .then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= { error };
        },
      )
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  /** Waits for everything running; throws the first failure. */
  async settle(): Promise<void> {
    await Promise.all(this.running);
    this.check();
  }
}

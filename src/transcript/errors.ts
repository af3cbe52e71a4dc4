/** A mistake in a story's notation, at a line of the story file, with the way to fix it. */
export class NotationError extends Error {
  override readonly name = "NotationError";
  constructor(
    readonly line: number,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`line ${line}: ${problem}\n  Fix: ${fix}`);
  }
}

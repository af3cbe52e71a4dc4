/** A problem in one input file, at a line, with the way to fix it. Printed, never thrown at users raw. */
export class InputError extends Error {
  override readonly name = "InputError";
  /** Tells Eleventy (npm start) to print the message without a stack trace. */
  readonly skipOriginalStack = true;
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${problem}\n  Fix: ${fix}`);
  }
}

import { ContentError } from "../story/errors.ts";

/** A mistake in a story's notation, at a line of the story file, with the way to fix it. */
export class NotationError extends ContentError {
  override readonly name = "NotationError";
  declare readonly line: number;
  constructor(line: number, problem: string, fix: string) {
    super(undefined, line, problem, fix, `line ${line}: ${problem}\n  Fix: ${fix}`);
  }
}

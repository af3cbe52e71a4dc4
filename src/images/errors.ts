import { ContentError } from "../story/errors.ts";

/** A problem with an image (or the machine that draws them), naming the file and the way to fix it. */
export class ImageError extends ContentError {
  override readonly name = "ImageError";
  declare readonly line: undefined;
  /** Tells Eleventy (npm start) to print the message without a stack trace. */
  readonly skipOriginalStack = true;
  constructor(file: string | undefined, problem: string, fix: string) {
    super(file, undefined, problem, fix, `${file ? `${file}: ` : ""}${problem} Fix: ${fix}`);
  }
}

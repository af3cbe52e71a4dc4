/** A problem with an image (or the machine that draws them), naming the file and the way to fix it. */
export class ImageError extends Error {
  override readonly name = "ImageError";
  /** Tells Eleventy (npm start) to print the message without a stack trace. */
  readonly skipOriginalStack = true;
  constructor(
    readonly file: string | undefined,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${file ? `${file}: ` : ""}${problem} Fix: ${fix}`);
  }
}

// Content problems: one error type for anything wrong in what editors write or bring in (a story,
// the settings, an imported transcript, an image, a --speakers value). A ContentError names the
// file and line when there are ones, says the problem and says the fix. The subclasses differ in
// their name, in which of file and line they always have, and in the layout of their message,
// which tests and editors' scripts read, so each keeps its own:
//
// | Subclass                                  | Message                                   |
// |-------------------------------------------|-------------------------------------------|
// | InputError (here)                         | `file:line: problem` + `\n  Fix: fix`     |
// | ImportError (interchange/model.ts)        | `file:line: problem Fix: fix`             |
// | NotationError (transcript/errors.ts)      | `line N: problem` + `\n  Fix: fix`        |
// | ImageError (images/errors.ts)             | `file: problem Fix: fix` (file optional)  |
// | SpeakerMappingError (speaker-mapping.ts)  | `problem Fix: fix`                        |
//
// ContentErrors is the list of every problem found in the content at once.

/** A problem in content: where (file, line, when known), what is wrong, and how to fix it. */
export class ContentError extends Error {
  constructor(
    readonly file: string | undefined,
    readonly line: number | undefined,
    readonly problem: string,
    readonly fix: string,
    message: string,
  ) {
    super(message);
  }
}

/** "file:12: " or "file: ": where a problem is, as messages open. */
export function fileAndLine(file: string, line: number | undefined): string {
  return `${file}${line ? `:${line}` : ""}: `;
}

/** A problem in one input file, at a line, with the way to fix it. Printed, never thrown at users raw. */
export class InputError extends ContentError {
  override readonly name = "InputError";
  declare readonly file: string;
  /** Tells Eleventy (npm start) to print the message without a stack trace. */
  readonly skipOriginalStack = true;
  constructor(file: string, line: number | undefined, problem: string, fix: string) {
    super(file, line, problem, fix, `${fileAndLine(file, line)}${problem}\n  Fix: ${fix}`);
  }
}

/** Every problem found in the content, each naming its file and line. */
export class ContentErrors extends Error {
  override readonly name = "ContentErrors";
  /** Tells Eleventy (npm start) to print the message without a stack trace. */
  readonly skipOriginalStack = true;
  constructor(readonly errors: InputError[]) {
    super(`${errors.length} problem${errors.length === 1 ? "" : "s"} in the content:\n\n${errors.map((e) => e.message).join("\n\n")}`);
  }
}

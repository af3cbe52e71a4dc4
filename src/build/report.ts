// Turns any failure into a message for an editor: file, line, problem, fix. Never a stack trace
// unless VERBATIM_DEBUG is set.

import { ImageError } from "../images/index.ts";
import { InputError } from "../story/errors.ts";
import { ContentErrors } from "../site/load.ts";

function findCause(error: unknown): ContentErrors | InputError | ImageError | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    if (current instanceof ContentErrors || current instanceof InputError || current instanceof ImageError) return current;
    seen.add(current);
    const e = current as { originalError?: unknown; cause?: unknown };
    current = e.originalError ?? e.cause;
  }
  return undefined;
}

export function describeError(error: unknown): string {
  const known = findCause(error);
  if (known instanceof ImageError) return `${known.file ? `${known.file}: ` : ""}${known.problem}\n  Fix: ${known.fix}`;
  if (known) return known.message;
  const message = error instanceof Error ? error.message : String(error);
  const debug = process.env.VERBATIM_DEBUG && error instanceof Error ? `\n${error.stack}` : "";
  return `Unexpected error: ${message}\n  (Set VERBATIM_DEBUG=1 for details; please report it if it persists.)${debug}`;
}

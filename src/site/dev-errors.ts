// npm start only: what a failed rebuild means for an editor. Turns any error into problems (file,
// line, problem, fix), and those into the terminal text and the "Build failed" page. Pure.

import { ImageError } from "../images/index.ts";
import { InputError } from "../story/errors.ts";
import { ContentErrors } from "./load.ts";

/** One thing to fix. `file` and `line` are there when the error names them. */
export interface BuildProblem {
  file?: string;
  line?: number;
  problem: string;
  fix?: string;
}

/** Why the last rebuild failed: problems in the content, or a technical error (a template, a plugin). */
export interface BuildFailure {
  kind: "content" | "technical";
  problems: BuildProblem[];
}

/** The errors whose messages are written for editors; anything else is a technical error. */
export const EDITOR_ERRORS = [ContentErrors, InputError, ImageError] as const;

type EditorError = ContentErrors | InputError | ImageError;

const isEditorError = (error: unknown): error is EditorError => EDITOR_ERRORS.some((kind) => error instanceof kind);

/** Eleventy wraps errors in errors (`originalError`, or the standard `cause`): the chain, outermost first. */
function errorChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current !== undefined && current !== null && !chain.includes(current)) {
    chain.push(current);
    const wrapper = current as { originalError?: unknown; cause?: unknown };
    current = typeof current === "object" ? (wrapper.originalError ?? wrapper.cause) : undefined;
  }
  return chain;
}

function editorProblems(error: EditorError): BuildProblem[] {
  if (error instanceof ContentErrors) return error.errors.flatMap(editorProblems);
  const { file, problem, fix } = error;
  const line = error instanceof InputError ? error.line : undefined;
  return [{ ...(file ? { file } : {}), ...(line ? { line } : {}), problem, fix }];
}

/** Eleventy passes some errors through template engines as JSON between markers; keep the readable part. */
function readableMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const marker = message.indexOf(">>>>>11ty>>>>>");
  return (marker === -1 ? message : message.slice(0, marker)).trim();
}

/** The failure behind any error a rebuild throws. */
export function describeBuildFailure(error: unknown): BuildFailure {
  const chain = errorChain(error);
  const known = chain.find(isEditorError);
  if (known) return { kind: "content", problems: editorProblems(known) };
  const messages = [...new Set(chain.map(readableMessage).filter(Boolean))];
  return {
    kind: "technical",
    problems: [{ problem: messages.join("\n") || "The build stopped with an error that has no message.", fix: "see the terminal running npm start for the details." }],
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "content/stories/x.md:12", "content/stories/x.md", or undefined. */
export function problemLocation(problem: BuildProblem): string | undefined {
  if (!problem.file) return undefined;
  return problem.line ? `${problem.file}:${problem.line}` : problem.file;
}

/** The failure as the terminal shows it: each problem as `file:line: problem` and `  Fix: …`. */
export function failureForTerminal(failure: BuildFailure): string {
  const problems = failure.problems.map((p) => {
    const location = problemLocation(p);
    return `${location ? `${location}: ` : ""}${p.problem}${p.fix ? `\n  Fix: ${p.fix}` : ""}`;
  });
  const count = failure.kind === "content" ? plural(failure.problems.length, "problem") + " in the content" : "an error";
  return [
    `The site was not rebuilt: ${count}. The preview shows ${failure.problems.length === 1 ? "it" : "them"} until the next good save.`,
    ...problems,
  ].join("\n\n");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function problemItem(problem: BuildProblem): string {
  const location = problemLocation(problem);
  const text = escapeHtml(problem.problem);
  return [
    "<li>",
    location ? `<p class="where"><code>${escapeHtml(location)}</code></p>` : "",
    // Technical messages keep their line breaks (a template's excerpt, say); content problems are prose.
    problem.problem.includes("\n") ? `<pre class="what">${text}</pre>` : `<p class="what">${text}</p>`,
    problem.fix ? `<p class="fix"><strong>Fix:</strong> ${escapeHtml(capitalize(problem.fix))}</p>` : "",
    "</li>",
  ].join("");
}

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; line-height: 1.6; }
body { margin: 0; background: Canvas; color: CanvasText; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 2rem; line-height: 1.25; margin: 0.5rem 0 0.75rem; }
h1:focus { outline: none; }
ol { padding: 0; list-style: none; }
li { border: 2px solid CanvasText; border-inline-start-width: 0.5rem; padding: 0.75rem 1rem; margin: 0 0 1rem; }
li p, li pre { margin: 0.25rem 0; }
.where code { font-size: 1.05rem; font-weight: bold; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.95rem; }
.next { font-size: 0.95rem; }
`.trim();

export interface ErrorPageOptions {
  /** Changes with every failed build, so the page knows when it shows old problems. */
  version: number;
  /** Scripts to load (same-origin URLs). */
  scripts: readonly string[];
}

/**
 * The page every HTML request gets while the last build failed: the title "Build failed", the
 * problems in an alert, and what happens next. English, like the messages; no site CSS needed.
 */
export function errorPage(failure: BuildFailure, options: ErrorPageOptions): string {
  const count = failure.problems.length;
  const summary = failure.kind === "content"
    ? `The last save left ${plural(count, "problem")} in the content, so the site was not rebuilt.`
    : "The last save stopped the build with an error, so the site was not rebuilt.";
  return [
    "<!doctype html>",
    `<html lang="en" data-verbatim-build-failed="${options.version}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="robots" content="noindex">',
    // The dev server inlines its reload script into error pages, hence 'unsafe-inline'; all text here is escaped.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'">`,
    `<title>Build failed: ${failure.kind === "content" ? plural(count, "problem") : "an error"}</title>`,
    `<style>${STYLE}</style>`,
    ...options.scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>`),
    "</head>",
    "<body>",
    "<main>",
    '<div role="alert" aria-labelledby="build-failed">',
    '<h1 id="build-failed" tabindex="-1" autofocus>Build failed</h1>',
    `<p>${summary}</p>`,
    `<ol aria-label="${failure.kind === "content" ? "Problems" : "Error"}">`,
    ...failure.problems.map(problemItem),
    "</ol>",
    "</div>",
    `<p class="next">Fix the file and save it: this page turns back into the site by itself. The terminal running <code>npm start</code> shows the same ${failure.kind === "content" ? "problems" : "error, in more detail"}.</p>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** What /.verbatim/build-status.json says: whether the last build worked, and if not, why. */
export type BuildStatus = { ok: true } | { ok: false; version: number; failure: BuildFailure };

/** The outcome of the last build while npm start runs. */
export class BuildState {
  #failure: BuildFailure | undefined;
  #version = 0;

  /** Records a failed build; returns the failure. */
  fail(error: unknown): BuildFailure {
    this.#failure = describeBuildFailure(error);
    this.#version += 1;
    return this.#failure;
  }

  succeed(): void {
    this.#failure = undefined;
  }

  get status(): BuildStatus {
    return this.#failure ? { ok: false, version: this.#version, failure: this.#failure } : { ok: true };
  }
}

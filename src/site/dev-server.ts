// npm start only: a save that breaks the build shows its problems in the terminal and in the
// browser, and the preview recovers on the next good save. Wires Eleventy's dev server: learns of
// each failure, prints it, and serves the "Build failed" page and a small script through
// middleware. Nothing here touches the files Eleventy writes, so builds are unchanged.

import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { BuildContext } from "./context.ts";
import { EDITOR_ERRORS, errorPage, failureForTerminal, type BuildState } from "./dev-errors.ts";
import type { EleventyConfig } from "./eleventy.ts";

const CLIENT_URL = "/.verbatim/live-errors.js";
const STATUS_URL = "/.verbatim/build-status.json";
const CLIENT_FILE = new URL("./dev-client.js", import.meta.url);

/** The part of @11ty/eleventy-dev-server used here. */
interface DevServer {
  sendError(event: { error: unknown }): unknown;
}

type Middleware = (req: IncomingMessage, res: ServerResponse & { isCustomErrorPage?: boolean }, next: () => void) => void;

/** Marks a dev server already listened to (it calls `ready` again when it restarts). */
const LISTENING = Symbol("verbatim.listening");

/** Eleventy tells the dev server of a failed rebuild through sendError; hear it first. */
function listenForFailures(server: DevServer & { [LISTENING]?: true }, state: BuildState): void {
  if (server[LISTENING]) return;
  server[LISTENING] = true;
  const send = server.sendError.bind(server);
  server.sendError = (event) => {
    const failure = state.fail(event.error);
    // Eleventy left errors written for editors to us (see quietEditorErrors); it printed the rest.
    if (EDITOR_ERRORS.some((kind) => event.error instanceof kind)) console.error(`\n${failureForTerminal(failure)}\n`);
    else console.error("\nThe preview shows this error until the next good save.\n");
    return send(event);
  };
}

/**
 * Eleventy prints a failed build's error with its own wrapper lines ("Problem writing Eleventy
 * templates:", "(via ContentErrors)") unless the error says it was already printed. While
 * serving, errors written for editors say so, and listenForFailures prints them cleanly instead.
 */
function quietEditorErrors(): void {
  for (const kind of EDITOR_ERRORS) {
    Object.defineProperty(kind.prototype, "__errorAlreadyLogged", { value: true, configurable: true });
  }
}

function wantsPage(req: IncomingMessage, pathname: string): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (!(req.headers.accept ?? "").includes("text/html")) return false;
  const last = pathname.split("/").pop() ?? "";
  return !pathname.startsWith("/.") && (!last.includes(".") || last.endsWith(".html"));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader("Content-Type", `${type}; charset=utf-8`);
  res.setHeader("Cache-Control", "no-store");
  res.end(body);
}

/** Adds the client script to a page the dev server serves (its CSP allows same-origin scripts). */
function injectClient(res: ServerResponse): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    const type = String(res.getHeader("Content-Type") ?? "");
    if (typeof chunk === "string" && type.startsWith("text/html") && chunk.includes("</head>")) {
      chunk = chunk.replace("</head>", `<script src="${CLIENT_URL}" defer></script></head>`);
    }
    return end(chunk, ...rest);
  }) as ServerResponse["end"];
}

const middleware = (state: BuildState): Middleware => (req, res, next) => {
  const { pathname } = new URL(req.url ?? "/", "http://localhost");
  if (pathname === STATUS_URL) return send(res, 200, "application/json", JSON.stringify(state.status));
  if (pathname === CLIENT_URL) return send(res, 200, "text/javascript", fs.readFileSync(CLIENT_FILE, "utf8"));
  if (!wantsPage(req, pathname)) return next();
  const status = state.status;
  if (status.ok) {
    injectClient(res);
    return next();
  }
  // A 500 the dev server treats as a page of ours: it adds its reload script without its own CSP.
  res.isCustomErrorPage = true;
  return send(res, 500, "text/html", errorPage(status.failure, { version: status.version, scripts: [CLIENT_URL] }));
};

/** Registers the live error display when Eleventy serves (npm start); does nothing in builds. */
export function addLiveErrors(config: EleventyConfig, context: BuildContext): void {
  if (context.mode !== "serve") return;
  quietEditorErrors();
  config.setServerOptions({ middleware: [middleware(context.live)], ready: (server: DevServer) => listenForFailures(server, context.live) });
}

/** After a good rebuild under `npm start`: the preview shows the site again. */
export function recordSuccess(context: BuildContext): void {
  context.live.succeed();
}

// A small static server for a built site on 127.0.0.1, honouring the site's path prefix,
// so pages are checked over HTTP exactly as a static host would serve them.

import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml", ".png": "image/png",
  ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp", ".avif": "image/avif", ".mp3": "audio/mpeg",
  ".m4a": "audio/mp4", ".ogg": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav", ".vtt": "text/vtt; charset=utf-8",
  ".srt": "application/x-subrip; charset=utf-8", ".txt": "text/plain; charset=utf-8",
  // pagefind's search index: WebAssembly, gzipped binary chunks and its entry JSON.
  ".wasm": "application/wasm", ".pagefind": "application/octet-stream", ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream", ".pf_fragment": "application/octet-stream", ".pf_filter": "application/octet-stream",
};

export interface StaticServer {
  /** Base URL including the path prefix: "http://127.0.0.1:41234/radio/". */
  url: string;
  close(): Promise<void>;
}

function resolveFile(root: string, pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const file = path.resolve(root, `.${decoded}`);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return undefined;
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    const index = path.join(file, "index.html");
    return fs.existsSync(index) ? index : undefined;
  }
  return fs.existsSync(file) ? file : undefined;
}

/** One "bytes=" range of a file (the first, if several are asked for); undefined for the whole file. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | "unsatisfiable" | undefined {
  const match = /^bytes=(\d*)-(\d*)/u.exec(header ?? "");
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  let start: number;
  let end: number;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? "unsatisfiable" : { start, end };
}

export async function serveStatic(dir: string, pathPrefix = "/"): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    const inside = pathname.startsWith(pathPrefix) ? `/${pathname.slice(pathPrefix.length)}` : undefined;
    if (inside !== undefined && pathname.endsWith("/") === false && fs.existsSync(path.join(root, inside)) && fs.statSync(path.join(root, inside)).isDirectory()) {
      response.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const file = inside === undefined ? undefined : resolveFile(root, inside);
    const notFound = path.join(root, "404.html");
    if (!file) {
      response.writeHead(404, { "content-type": TYPES[".html"] ?? "text/html" });
      response.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : "Not found");
      return;
    }
    // Files do not change while a server runs (one audit), so the browser may keep what it fetched.
    const headers = { "content-type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream", "cache-control": "max-age=3600", "accept-ranges": "bytes" };
    // Byte ranges, as any static host serves them: without them Chromium treats audio as a live
    // stream (duration Infinity, no seeking beyond what it has buffered).
    const size = fs.statSync(file).size;
    const range = byteRange(request.headers.range, size);
    if (range === "unsatisfiable") {
      response.writeHead(416, { ...headers, "content-range": `bytes */${size}` }).end();
      return;
    }
    if (range) {
      response.writeHead(206, { ...headers, "content-range": `bytes ${range.start}-${range.end}/${size}`, "content-length": String(range.end - range.start + 1) });
      fs.createReadStream(file, range).pipe(response);
      return;
    }
    response.writeHead(200, { ...headers, "content-length": String(size) });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${pathPrefix}`,
    // Connections still open (a browser killed midway) are cut, so closing never waits on them.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

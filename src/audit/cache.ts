// The incremental audit: a page is audited again only when its key changes. The key covers the
// page's HTML, every stylesheet and script it loads from the site, and the audit configuration
// (rules, ignores and tool versions), so a CSS edit re-audits every page that uses it.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Issue } from "./types.ts";

interface Entry {
  key: string;
  issues: Issue[];
}

interface CacheFile {
  version: 1;
  entries: Record<string, Entry>;
}

const ASSET = /<(?:link[^>]+rel=["']?stylesheet["']?[^>]*href|script[^>]+src)=["']?([^"' >]+)/giu;

/** Local CSS and JS a page loads, as paths inside the site folder. */
export function assetsOf(html: string, page: string, pathPrefix: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(ASSET)) {
    const url = match[1] ?? "";
    if (/^[a-z]+:|^\/\//iu.test(url)) continue;
    const resolved = url.startsWith("/")
      ? url.startsWith(pathPrefix) ? url.slice(pathPrefix.length) : url.slice(1)
      : path.posix.join(path.posix.dirname(page), url);
    found.push(resolved.split(/[?#]/u)[0] ?? resolved);
  }
  return found;
}

export function pageKey(siteDir: string, page: string, configHash: string, pathPrefix: string, normalise = (html: string) => html): string {
  const hash = crypto.createHash("sha256").update(configHash).update("\0");
  const html = normalise(fs.readFileSync(path.join(siteDir, page), "utf8"));
  hash.update(html);
  for (const asset of assetsOf(html, page, pathPrefix).sort()) {
    const file = path.join(siteDir, asset);
    hash.update("\0").update(asset).update("\0").update(fs.existsSync(file) ? fs.readFileSync(file) : "missing");
  }
  return hash.digest("hex");
}

export class AuditCache {
  private readonly data: CacheFile;

  constructor(private readonly file: string) {
    this.data = AuditCache.read(file);
  }

  private static read(file: string): CacheFile {
    try {
      const data = JSON.parse(fs.readFileSync(file, "utf8")) as CacheFile;
      if (data.version === 1 && typeof data.entries === "object") return data;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
    return { version: 1, entries: {} };
  }

  get(page: string, key: string): Issue[] | undefined {
    const entry = this.data.entries[page];
    return entry?.key === key ? entry.issues : undefined;
  }

  set(page: string, key: string, issues: Issue[]): void {
    this.data.entries[page] = { key, issues };
  }

  save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.data));
    fs.renameSync(temporary, this.file);
  }
}

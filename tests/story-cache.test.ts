// The story cache under `npm start`: a file that is unchanged on disk is neither read nor parsed
// again; any write to it (even one that keeps its size and puts its old modification time back)
// is read again, and a new Story object only when its text or the settings changed.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSettings, loadSite, StoryCache } from "../src/site/load.ts";
import { projectPaths } from "../src/site/paths.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "verbatim-story-cache-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
fs.mkdirSync(path.join(root, "content/_data"), { recursive: true });
fs.mkdirSync(path.join(root, "content/stories"));
fs.writeFileSync(path.join(root, "content/_data/site.json"), JSON.stringify({ title: "T", url: "https://example.org/", language: "en", description: "D" }));
const storyText = (word: string) => `---\ntitle: "A ${word} story"\nshow: Desk\ndate: 2026-01-02\n---\nHOST ONE, HOST: A ${word} day.\n`;
const file = path.join(root, "content/stories/one.md");
fs.writeFileSync(file, storyText("quiet"));
fs.writeFileSync(path.join(root, "content/stories/two.md"), storyText("second"));

describe("StoryCache", () => {
  const paths = projectPaths(root);
  const settings = loadSettings(paths);
  const cache = new StoryCache();
  const load = () => loadSite(paths, settings, cache).stories.find((s) => s.slug === "one");

  it("keeps the Story of a file untouched on disk, without reading it", () => {
    const first = load();
    const read = fs.readFileSync;
    let reads = 0;
    fs.readFileSync = ((...args: Parameters<typeof read>) => (String(args[0]).endsWith(".md") && reads++, read(...args))) as typeof read;
    try {
      expect(load()).toBe(first);
      expect(reads).toBe(0);
    } finally {
      fs.readFileSync = read;
    }
  });

  it("reads a file again after any write, and parses it again only when its text changed", () => {
    const first = load();
    const { atime, mtime } = fs.statSync(file);
    // The same size, the old modification time put back: the change time still says it was written.
    fs.writeFileSync(file, storyText("noisy"));
    fs.utimesSync(file, atime, mtime);
    const changed = load();
    expect(changed).not.toBe(first);
    expect(changed?.title).toBe("A noisy story");
    // Written again with the same text: read, but the same Story.
    fs.writeFileSync(file, storyText("noisy"));
    expect(load()).toBe(changed);
  });
});

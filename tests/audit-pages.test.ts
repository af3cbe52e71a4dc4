import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { largestFirst, listPages, shardPages } from "../src/audit/pages.ts";
import { tempDir } from "./helpers/temp-dirs.ts";

describe("the order pages are audited in", () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("starts with the largest page, keeps the list's order between equals, and leaves out none", () => {
    dir = tempDir("verbatim-pages-");
    const sizes: Record<string, number> = { "a/index.html": 10, "b/index.html": 5000, "c/index.html": 10, "d/index.html": 300, "e.html": 5000 };
    for (const [page, size] of Object.entries(sizes)) {
      fs.mkdirSync(path.dirname(path.join(dir, page)), { recursive: true });
      fs.writeFileSync(path.join(dir, page), "x".repeat(size));
    }
    const pages = listPages(dir);
    expect(largestFirst(dir, pages)).toEqual(["b/index.html", "e.html", "d/index.html", "a/index.html", "c/index.html"]);
    // A page missing from disk (removed under the audit) is still audited, last, and reported as it fails.
    expect(largestFirst(dir, [...pages, "gone.html"]).at(-1)).toBe("gone.html");
    // Shards are chosen on the sorted list before ordering, so the order changes no shard's pages.
    const shard = shardPages(pages, { index: 1, count: 2 });
    expect(new Set(largestFirst(dir, shard))).toEqual(new Set(shard));
  });
});

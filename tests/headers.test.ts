// The `_headers` file, pure: the rule table against the hosts' documented limits, the rule for
// images named by their hash, and the checks that refuse what a host would read differently.
// (tests/hosts.site.test.ts serves a built site with Cloudflare's own runtime.)

import { describe, expect, it } from "vitest";
import { checkRules, HEADER_LIMITS, hashedPaths, hostHeaders, IMMUTABLE, isHashedName, pathMatches, type HeaderRule } from "../src/site/headers.ts";

const POLICY = "default-src 'self'; media-src 'self' https://cdn.example.org";

describe("the _headers text", () => {
  const { text, rules, warnings } = hostHeaders({ policy: POLICY });

  it("stays within the hosts' limits and reads as blocks of a path and indented headers", () => {
    expect(warnings).toEqual([]);
    expect(rules.length).toBeLessThanOrEqual(HEADER_LIMITS.rules);
    for (const line of text.split("\n")) {
      expect(line.length).toBeLessThanOrEqual(HEADER_LIMITS.lineLength);
      expect(line === "" || line.startsWith("#") || line.startsWith("/") || /^ {2}[A-Za-z-]+: \S/u.test(line), line).toBe(true);
    }
    expect(checkRules(rules)).toEqual([]);
  });

  it("sends the pages' policy with frame-ancestors on every path", () => {
    expect(text).toContain(`/*\n  Content-Security-Policy: ${POLICY}; frame-ancestors 'self'\n`);
  });

  it("gives transcripts, chapters and feeds CORS, and transcripts and chapters their types", () => {
    const of = (path: string) => Object.fromEntries(rules.find((rule) => rule.path === path)?.headers ?? []);
    expect(of("/stories/*/transcript.vtt")).toMatchObject({ "Content-Type": "text/vtt; charset=utf-8", "Access-Control-Allow-Origin": "*" });
    expect(of("/stories/*/transcript.srt")).toMatchObject({ "Content-Type": "application/x-subrip; charset=utf-8" });
    expect(of("/stories/*/chapters.json")).toMatchObject({ "Content-Type": "application/json+chapters; charset=utf-8", "Access-Control-Allow-Origin": "*" });
    expect(of("/stories/*/chapters.vtt")).toMatchObject({ "Content-Type": "text/vtt; charset=utf-8" });
    for (const feed of ["/shows/*/feed.xml", "/feed.xml"]) expect(of(feed)).toMatchObject({ "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600" });
  });

  it("leaves pages to the hosts' revalidating default: no Cache-Control matches a page", () => {
    for (const page of ["/", "/stories/x/", "/404.html", "/images/stories/x/card.png"]) {
      expect(rules.filter((rule) => pathMatches(rule.path, page)).flatMap((rule) => rule.headers).filter(([name]) => name === "Cache-Control")).toEqual([]);
    }
  });

  it("has no immutable rule while no image name carries a hash", () => {
    const plain = hostHeaders({ policy: POLICY, hashed: { folder: "images", files: ["images/stories/x/card.png", "images/shows/y/cover-640.avif"] } });
    expect(plain.text).not.toContain("immutable");
  });

  it("leaves out a policy longer than a host reads on one line, and says so", () => {
    const long = `${POLICY} ${Array.from({ length: 120 }, (_, i) => `https://audio${i}.example.org`).join(" ")}`;
    const result = hostHeaders({ policy: long });
    expect(result.text).not.toContain("Content-Security-Policy");
    expect(result.warnings.join("\n")).toMatch(/longer than the 2000 characters .* only in each page's <meta>/u);
    expect(result.text).toContain("X-Content-Type-Options: nosniff");
  });
});

describe("the rule for hashed names", () => {
  it("knows a hashed name", () => {
    expect(isHashedName("images/stories/x/card.3f9a2b1c.png")).toBe(true);
    expect(isHashedName("images/stories/x/cover-640-0a1b2c3d4e.avif")).toBe(true);
    expect(isHashedName("images/stories/x/cover-640.avif")).toBe(false);
    expect(isHashedName("images/3f9a2b1c0d/card.png")).toBe(false);
  });

  it("covers a folder of hashed files with one rule, never above the folder given", () => {
    const files = ["images/stories/a/card.0123abcd.png", "images/stories/b/card.4567cdef.png", "images/shows/s/art-640.9999aaaa.webp"];
    expect(hashedPaths({ folder: "images", files }, 90)).toEqual(["/images/*"]);
    const result = hostHeaders({ policy: POLICY, hashed: { folder: "images", files } });
    expect(result.text).toContain(`/images/*\n  Cache-Control: ${IMMUTABLE}\n`);
    expect(checkRules(result.rules)).toEqual([]);
  });

  it("names only the folders, or files, whose names are all hashed", () => {
    const files = ["images/stories/a/card.0123abcd.png", "images/stories/a/cover-640.avif", "images/stories/b/card.4567cdef.png", "images/shows/s/art.png"];
    expect(hashedPaths({ folder: "images", files }, 90)).toEqual(["/images/stories/a/card.0123abcd.png", "/images/stories/b/*"]);
    expect(hashedPaths({ folder: "images", files: files.filter((f) => !f.includes("card")) }, 90)).toEqual([]);
  });

  it("takes another rule for what is hashed, and keeps within the rules left", () => {
    const files = ["images/a/x.png", "images/b/y.png", "images/b/z.png", "images/c/w.jpg"];
    const byList = new Set(["images/b/y.png", "images/b/z.png", "images/c/w.jpg", "images/a/x.png"]);
    expect(hashedPaths({ folder: "images", files, isHashed: (file) => file.endsWith(".png") }, 90)).toEqual(["/images/a/*", "/images/b/*"]);
    expect(hashedPaths({ folder: "images", files, isHashed: (file) => byList.has(file) }, 90)).toEqual(["/images/*"]);
    expect(hashedPaths({ folder: "images", files, isHashed: (file) => file.endsWith(".png") }, 1)).toEqual(["/images/b/*"]);
  });
});

describe("the checks on rules (a fault each)", () => {
  const rule = (path: string, headers: [string, string][]): HeaderRule => ({ path, headers, why: "test" });

  it("refuses two rules that set one header on the same path (Cloudflare would join the values)", () => {
    const problems = checkRules([rule("/*", [["Cache-Control", "max-age=0"]]), rule("/images/*", [["cache-control", IMMUTABLE]])]);
    expect(problems.join(" ")).toContain("/* and /images/* can match the same path and both set cache-control");
    expect(checkRules([rule("/stories/*/transcript.vtt", [["Cache-Control", "x"]]), rule("/stories/*/chapters.vtt", [["Cache-Control", "x"]])])).toEqual([]);
  });

  it("refuses what a host would ignore or misread", () => {
    expect(checkRules([rule("/a/*/b/*", [["X-A", "1"]])]).join(" ")).toContain("more than one");
    expect(checkRules([rule("a/b", [["X-A", "1"]])]).join(" ")).toContain('does not start with "/"');
    expect(checkRules([rule("/a", [["X A", "1"]])]).join(" ")).toContain("not a plain token");
    expect(checkRules([rule("/a", [["X-A", " "]])]).join(" ")).toContain("empty");
    expect(checkRules([rule("/a", [["X-A", "x".repeat(HEADER_LIMITS.lineLength)]])]).join(" ")).toContain("longer than 2000");
    expect(checkRules(Array.from({ length: 101 }, (_, i) => rule(`/p${i}`, [["X-A", "1"]]))).join(" ")).toContain("101 rules");
  });

  it("matches paths as the hosts read a splat", () => {
    expect(pathMatches("/stories/*/transcript.vtt", "/stories/a/transcript.vtt")).toBe(true);
    expect(pathMatches("/stories/*/transcript.vtt", "/stories/a/transcript.srt")).toBe(false);
    expect(pathMatches("/*", "/")).toBe(true);
    expect(pathMatches("/feed.xml", "/shows/a/feed.xml")).toBe(false);
  });
});

// The docs stay true to the repository: every relative link in README.md and docs/*.md reaches a
// file (and, into a Markdown file, a heading), the README links every page in docs/, every picture
// in docs/images/ is shown somewhere, the README's first story builds, and the table of `v-*`
// classes in docs/developing.md names exactly the classes the code uses and, for each, exactly the
// files that use it. Pure: reads files, renders one story, builds nothing.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../src/story/front-matter.ts";
import { validateFrontMatter } from "../src/story/schema.ts";
import { renderTranscript } from "../src/transcript/index.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const DOCS = path.join(REPO, "docs");
const docFiles = [
  "README.md",
  ...fs.readdirSync(DOCS).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`),
];
const read = (file: string) => fs.readFileSync(path.join(REPO, file), "utf8");

/** The text outside fenced code blocks, line for line (fenced lines become empty). */
function outsideFences(markdown: string): string {
  let fenced = false;
  return markdown
    .split("\n")
    .map((line) => {
      if (/^\s*(```|~~~)/u.test(line)) {
        fenced = !fenced;
        return "";
      }
      return fenced ? "" : line;
    })
    .join("\n");
}

/** Prose only: no fenced code, no inline code, no HTML comments (the lead's notes). */
function prose(markdown: string): string {
  return outsideFences(markdown).replace(/<!--[\s\S]*?-->/gu, "").replace(/(`+)[\s\S]*?\1/gu, "");
}

/** Targets of Markdown links and images: `[text](target)`, `![alt](target "title")`. */
function linkTargets(markdown: string): string[] {
  return Array.from(prose(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/gu), (m) => m[1] ?? "");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
function headingSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/gu, "$1")
    .replace(/`/gu, "")
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /gu, "-");
}

/** Every anchor a Markdown file offers, duplicates numbered as GitHub numbers them. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of outsideFences(markdown).split("\n")) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/u.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = headingSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Where a relative link from `file` leads, as a path inside the repository, and its anchor. */
function resolveLink(file: string, target: string): { path: string; anchor?: string } {
  const [rawPath = "", anchor] = target.split("#", 2);
  const decoded = decodeURIComponent(rawPath);
  const resolved = decoded === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decoded));
  return { path: resolved.replace(/\/$/u, ""), ...(anchor !== undefined ? { anchor: decodeURIComponent(anchor) } : {}) };
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/iu.test(target);

describe("links in README.md and docs/", () => {
  for (const file of docFiles) {
    it(`${file}: every relative link reaches a file, and a heading when it names one`, () => {
      const markdown = read(file);
      const broken: string[] = [];
      for (const target of linkTargets(markdown)) {
        if (isExternal(target)) continue;
        if (target.startsWith("/")) {
          broken.push(`${target}: an absolute path; link relative to ${file}`);
          continue;
        }
        const link = resolveLink(file, target);
        if (link.path.startsWith("..")) {
          broken.push(`${target}: leaves the repository`);
          continue;
        }
        const full = path.join(REPO, link.path);
        if (!fs.existsSync(full)) {
          broken.push(`${target}: ${link.path} does not exist`);
          continue;
        }
        if (link.anchor === undefined) continue;
        if (!link.path.endsWith(".md")) {
          broken.push(`${target}: an anchor into a file that is not Markdown`);
        } else if (!anchorsOf(fs.readFileSync(full, "utf8")).has(link.anchor)) {
          broken.push(`${target}: ${link.path} has no heading "#${link.anchor}"`);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  it("finds the links it checks (the link reader is not blind)", () => {
    const targets = linkTargets(read("docs/speech-recognition.md"));
    expect(targets).toContain("images/asr-story.png"); // an image whose alt text spans lines
    expect(linkTargets("see `[x](nowhere.md)` and\n```\n[y](nowhere.md)\n```\n[z](a.md#b)")).toEqual(["a.md#b"]);
    expect(headingSlug("The contract of the `v-*` classes")).toBe("the-contract-of-the-v--classes");
    expect(headingSlug("2. See what is in it")).toBe("2-see-what-is-in-it");
  });

  it("README.md links every page in docs/", () => {
    const linked = new Set(linkTargets(read("README.md")).filter((t) => !isExternal(t)).map((t) => resolveLink("README.md", t).path));
    const missing = docFiles.filter((f) => f !== "README.md" && !linked.has(f));
    expect(missing).toEqual([]);
  });

  it("every picture in docs/images/ is shown by a page", () => {
    const shown = new Set(
      docFiles.flatMap((file) => linkTargets(read(file)).filter((t) => !isExternal(t)).map((t) => resolveLink(file, t).path)),
    );
    const images = fs.readdirSync(path.join(DOCS, "images")).map((f) => `docs/images/${f}`);
    expect(images.filter((image) => !shown.has(image))).toEqual([]);
  });
});

describe("README.md's first story", () => {
  it("is a valid story whose transcript renders without a warning", () => {
    const story = /```markdown\n([\s\S]*?)```/u.exec(read("README.md"))?.[1];
    expect(story).toBeDefined();
    const split = splitFrontMatter("first-story.md", story ?? "");
    const meta = validateFrontMatter("first-story.md", split);
    const rendered = renderTranscript(split.body, { speakers: meta.speakers, lenient: meta.lenient, lineOffset: split.bodyOffset });
    expect(rendered.summary.warnings).toEqual([]);
    expect(rendered.html).toContain('class="v-tape"');
  });
});

/** Source files that may use a `v-` class: the markup, layouts, scripts, audit and stylesheet. */
function codeFiles(): string[] {
  const files: string[] = [".eleventy.ts"];
  for (const dir of ["src", "layouts", "scripts"]) {
    for (const entry of fs.readdirSync(path.join(REPO, dir), { recursive: true, encoding: "utf8" })) {
      const file = `${dir}/${entry.split(path.sep).join("/")}`;
      if (/\.(ts|js|mjs|css|njk)$/u.test(file) && fs.statSync(path.join(REPO, file)).isFile()) files.push(file);
    }
  }
  return files.sort();
}

/** `v-` class names a text mentions as whole words ("v-turn", not the id "v-turn-3" or "dev-server"). */
function vClasses(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(/(?<![\w-])v-[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*(?![\w-])/gu), (m) => m[0]));
}

interface ContractRow {
  name: string;
  files: string[];
}

/** The rows of the table under "The contract of the `v-*` classes": the class and the files its last two cells name. */
function contractRows(markdown: string): ContractRow[] {
  const start = markdown.indexOf("## The contract of the `v-*` classes");
  if (start === -1) return [];
  const end = markdown.indexOf("\n## ", start + 1);
  const section = markdown.slice(start, end === -1 ? undefined : end);
  return section
    .split("\n")
    .filter((line) => /^\|\s*`v-/u.test(line))
    .map((line) => {
      const cells = line.split("|").slice(1, -1).map((c) => c.trim());
      const name = /^`(v-[^`]+)`$/u.exec(cells[0] ?? "")?.[1] ?? "";
      const named = cells.slice(3).join(" ");
      const files = Array.from(named.matchAll(/`([^`]+\.(?:ts|js|mjs|css|njk))`/gu), (m) => m[1] ?? "");
      return { name, files };
    });
}

describe("the v-* contract in docs/developing.md", () => {
  const code = codeFiles();
  const texts = new Map(code.map((file) => [file, read(file)]));
  const rows = contractRows(read("docs/developing.md"));

  it("has a row for every v- class the code uses, and none it does not", () => {
    const used = new Set<string>();
    for (const text of texts.values()) for (const name of vClasses(text)) used.add(name);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((r) => r.name).sort()).toEqual([...used].sort());
  });

  it("names, for each class, exactly the files that write or read it", () => {
    const resolve = (short: string) => {
      const matches = code.filter((file) => file === short || file.endsWith(`/${short}`));
      return matches.length === 1 ? matches[0] : `${short} (matches ${matches.length} files)`;
    };
    const named = rows.map((row) => ({ class: row.name, files: [...new Set(row.files.map(resolve))].sort() }));
    const actual = rows.map((row) => ({ class: row.name, files: code.filter((file) => vClasses(texts.get(file) ?? "").has(row.name)) }));
    expect(named).toEqual(actual);
  });
});

// The bad-input suite: every way a story can be wrong, and what Verbatim does about it.
//
// tests/fixtures/bad-input/ is the specification: one story file per case (a folder when a case
// needs several files), each opening with a header of YAML comments that says what must happen:
//
//   ---
//   # case: A date that does not exist
//   # expect: error            error | warning | safe | ok
//   # line: 9                  error, warning: the file line the message names
//   # problem: is not a real date          error: a part of the problem as printed
//   # warning: looks like garbled text     warning: a part of the warning as printed
//   # fix: write it like date: 2026-03-14  error, warning: a part of the fix
//   # shows: <script>alert(1)</script>     safe, ok: text the story page shows, as text (repeatable)
//   # copy: cover.jpg from content/...     a file from the sample site the case needs beside it
//   title: ...
//
// Cases whose bytes cannot live in a text file (invalid UTF-8, Windows-1252, UTF-16, control
// characters, a 1 MB transcript, 50,000 turns) are generated in GENERATED below, with the same fields.
//
// An error must name content/stories/<file>:<line>, say the problem and "Fix:", and carry no stack
// trace, "[object Object]", "undefined" or "NaN". A safe rendering must show the payload as text:
// one real build holds every safe case, and every page it writes is parsed to prove that no
// element, attribute, script or link came from a payload.

import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../src/story/errors.ts";
import type { Story } from "../src/story/story.ts";
import { storySlug } from "../src/story/story.ts";
import { ContentErrors, loadSite } from "../src/site/load.ts";
import { projectPaths } from "../src/site/paths.ts";
import { listFiles, makeProject, REPO, runBuild, type BuildRun } from "./helpers/build.ts";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "bad-input");

type Expect = "error" | "warning" | "safe" | "ok";

interface Case {
  /** The story the expectation is about, relative to content/stories/. */
  file: string;
  what: string;
  expect: Expect;
  line?: number;
  problem?: string;
  warning?: string;
  fix?: string;
  shows: string[];
  /** Every file the case puts under content/stories/, relative to it. */
  files: Record<string, Buffer>;
  /** Only for generated cases: a time limit for loading, in milliseconds. */
  withinMs?: number;
  /** Only for generated cases: what the loaded story must hold. */
  check?: (story: Story) => void;
}

// ---------------------------------------------------------------------------------------------
// Fixture files

/** The "# key: value" lines at the top of a fixture (after a byte-order mark and "---"). */
function readHeader(text: string): Record<string, string[]> {
  const lines = text.replace(/^\uFEFF/u, "").split(/\r\n|\r|\n/u);
  const header: Record<string, string[]> = {};
  for (const line of lines.slice(lines[0] === "---" ? 1 : 0)) {
    const m = /^# (\w+): (.*)$/u.exec(line);
    if (!m?.[1]) break;
    (header[m[1]] ??= []).push(m[2] ?? "");
  }
  return header;
}

function fixtureCases(): Case[] {
  const cases: Case[] = [];
  for (const entry of fs.readdirSync(FIXTURES).sort()) {
    const full = path.join(FIXTURES, entry);
    const members = fs.statSync(full).isDirectory()
      ? listFiles(full).map((f) => `${entry}/${f}`)
      : [entry];
    const files = Object.fromEntries(members.map((f) => [f, fs.readFileSync(path.join(FIXTURES, f))]));
    for (const member of members.filter((f) => f.endsWith(".md"))) {
      const header = readHeader(fs.readFileSync(path.join(FIXTURES, member), "utf8"));
      const expectation = header.expect?.[0] as Expect | undefined;
      if (!expectation) continue;
      const copies = Object.fromEntries(
        (header.copy ?? []).map((spec) => {
          const [name, from] = spec.split(" from ") as [string, string];
          return [path.posix.join(path.posix.dirname(member), name), fs.readFileSync(path.join(REPO, from))];
        }),
      );
      cases.push({
        file: member,
        what: header.case?.[0] ?? member,
        expect: expectation,
        ...(header.line ? { line: Number(header.line[0]) } : {}),
        ...(header.problem ? { problem: header.problem[0] } : {}),
        ...(header.warning ? { warning: header.warning[0] } : {}),
        ...(header.fix ? { fix: header.fix[0] } : {}),
        shows: header.shows ?? [],
        files: { ...files, ...copies },
      });
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
// Generated cases: bytes a text fixture cannot hold. Front matter is lines 1-5; the body starts on 6.

const FRONT = '---\ntitle: "Generated"\nshow: Night Desk\ndate: 2026-03-14\n---\n';
const utf8 = (text: string) => Buffer.from(text, "utf8");
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? utf8(p) : Buffer.from(p))));

function manyTurns(count: number): string {
  const lines = ["ANA LOPEZ, HOST: Hello.", "BEN ORTIZ, BYLINE: Hi."];
  for (let i = 2; i < count; i++) lines.push(i % 2 ? `ORTIZ: Reply ${i} (Laughter).` : `LOPEZ: Turn ${i}, with Ernst Falko (ph).`);
  return lines.join("\n\n");
}

const MEGABYTE_PARAGRAPH = `ANA LOPEZ, HOST: ${"The ferry [expletive] crossed again (Laughter) past Ernst Falko (ph). ".repeat(15_000)}`;

const GENERATED: Case[] = [
  {
    file: "windows-1252.md",
    what: "A story saved as Windows-1252 (é is the single byte 0xE9)",
    expect: "error",
    line: 6,
    problem: 'Line 6 is not valid UTF-8: byte 0xE9 at column 36; in Windows-1252 that byte is "é", so the file was probably saved in Windows-1252 or Latin-1',
    fix: "save the file as UTF-8",
    shows: [],
    files: { "windows-1252.md": bytes(FRONT, "ANA LOPEZ, HOST: Welcome to the caf", [0xe9], ".\n") },
  },
  {
    file: "invalid-utf8.md",
    what: "Invalid UTF-8 on two lines (a stray 0xFF byte, a cut-off sequence)",
    expect: "error",
    line: 2,
    problem: 'Line 2 is not valid UTF-8: byte 0xFF at column 11; in Windows-1252 that byte is "ÿ", so the file was probably saved in Windows-1252 or Latin-1 (and 1 more line).',
    fix: "save the file as UTF-8 (in most editors: Save As… or the encoding shown in the status bar → UTF-8); if only a character or two are wrong, retype them.",
    shows: [],
    files: { "invalid-utf8.md": bytes('---\ntitle: "A ', [0xff], ' title"\nshow: Night Desk\ndate: 2026-03-14\n---\nANA LOPEZ, HOST: Cut ', [0xe2, 0x80], " off.\n") },
  },
  {
    file: "utf-16.md",
    what: "A story saved as UTF-16 with a byte-order mark",
    expect: "error",
    line: 1,
    problem: "The file is saved as UTF-16, not UTF-8",
    fix: "save the file as UTF-8",
    shows: [],
    files: { "utf-16.md": Buffer.from(`\uFEFF${FRONT}ANA LOPEZ, HOST: Hello.\n`, "utf16le") },
  },
  {
    file: "nul-in-title.md",
    what: "A NUL character in the title",
    expect: "error",
    line: 2,
    problem: "Line 2, column 10 has an invisible control character (U+0000, NUL) that cannot be published",
    fix: "delete it: it is usually invisible in editors",
    shows: [],
    files: { "nul-in-title.md": bytes('---\ntitle: "A', [0x00], 'B"\nshow: Night Desk\ndate: 2026-03-14\n---\nANA LOPEZ, HOST: Hello.\n') },
  },
  {
    file: "escape-in-speech.md",
    what: "A terminal escape sequence (ESC) pasted into speech, on two lines",
    expect: "error",
    line: 6,
    problem: "Line 6, column 18 has an invisible control character (U+001B, escape) that cannot be published. Lines 8 have one too.",
    fix: "delete it",
    shows: [],
    files: { "escape-in-speech.md": bytes(FRONT, "ANA LOPEZ, HOST: ", [0x1b], "[31mRed.\n\nLOPEZ: ", [0x1b], "[0m\n") },
  },
  {
    file: "c1-control.md",
    what: "A C1 control character (U+0092): a Windows-1252 apostrophe decoded as Latin-1",
    expect: "error",
    line: 6,
    problem: 'Line 6, column 20 has an invisible control character (U+0092, a C1 control character) that cannot be published. It is probably a "’" read in the wrong encoding.',
    fix: 'replace it with "’"',
    shows: [],
    files: { "c1-control.md": bytes(FRONT, "ANA LOPEZ, HOST: It", [0xc2, 0x92], "s late.\n") },
  },
  {
    file: "form-feed.md",
    what: "A form feed (a page break pasted from a word processor) in the front matter",
    expect: "error",
    line: 3,
    problem: "Line 3, column 7 has an invisible control character (U+000C, form feed)",
    fix: "delete it",
    shows: [],
    files: { "form-feed.md": bytes('---\ntitle: "A"\nshow: \fNight Desk\ndate: 2026-03-14\n---\nANA LOPEZ, HOST: Hello.\n') },
  },
  {
    file: "empty.md",
    what: "An empty file",
    expect: "error",
    line: 1,
    problem: "The story has no front matter",
    fix: 'start the file with a line "---"',
    shows: [],
    files: { "empty.md": Buffer.alloc(0) },
  },
  {
    file: "old-mac-line-endings.md",
    what: "Old Mac line endings (CR only) just work",
    expect: "ok",
    shows: ["Generated"],
    files: { "old-mac-line-endings.md": utf8(`${FRONT}ANA LOPEZ, HOST: Hello.\n\nLOPEZ: Bye.\n`.replace(/\n/gu, "\r")) },
    check: (story) => expect(story.turns).toBe(2),
  },
  {
    file: "notes.md/index.md",
    what: 'A folder named "notes.md" is not read as a file; its index.md is the story',
    expect: "ok",
    shows: ["Generated"],
    files: { "notes.md/index.md": utf8(`${FRONT}ANA LOPEZ, HOST: Hello.\n`) },
    check: (story) => expect(story.url).toBe("/stories/notes-md/"),
  },
  {
    file: "one-megabyte.md",
    what: "A 1 MB transcript in one paragraph, full of marks, loads",
    expect: "ok",
    shows: [],
    files: { "one-megabyte.md": utf8(`${FRONT}${MEGABYTE_PARAGRAPH}\n`) },
    withinMs: 20_000,
    check: (story) => {
      expect(MEGABYTE_PARAGRAPH.length).toBeGreaterThan(1_000_000);
      expect(story.turns).toBe(1);
      expect(story.html.match(/class="v-ph"/gu)).toHaveLength(15_000);
    },
  },
  {
    file: "fifty-thousand-turns.md",
    what: "50,000 turns load",
    expect: "ok",
    shows: [],
    files: { "fifty-thousand-turns.md": utf8(`${FRONT}${manyTurns(50_000)}\n`) },
    withinMs: 30_000,
    check: (story) => {
      expect(story.turns).toBe(50_000);
      expect(story.speakers.map((s) => s.name)).toEqual(["Ana Lopez", "Ben Ortiz"]);
    },
  },
];

const CASES = [...fixtureCases(), ...GENERATED];
const byKind = (kind: Expect) => CASES.filter((c) => c.expect === kind);

// ---------------------------------------------------------------------------------------------
// Loading each case alone, through the real path: files on disk → loadSite.

let project: string;
const stories = () => path.join(project, "content", "stories");

function put(files: Record<string, Buffer>): void {
  fs.rmSync(stories(), { recursive: true, force: true });
  fs.mkdirSync(stories(), { recursive: true });
  for (const [name, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(stories(), name)), { recursive: true });
    fs.writeFileSync(path.join(stories(), name), data);
  }
}

function load(c: Case): { errors: InputError[]; stories: Story[] } {
  put(c.files);
  try {
    const site = loadSite(projectPaths(project));
    return { errors: [], stories: site.stories };
  } catch (error) {
    if (!(error instanceof ContentErrors)) throw error;
    return { errors: error.errors, stories: [] };
  }
}

/** What every message must be: named, with a fix, and nothing a program left behind. */
function expectReadable(message: string): void {
  expect(message).toContain("\n  Fix: ");
  expect(message).not.toMatch(/\n\s+at /u);
  expect(message).not.toContain("[object Object]");
  expect(message).not.toMatch(/\bundefined\b|\bNaN\b/u);
}

beforeAll(() => {
  project = makeProject({ stories: [] });
});

afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

describe("the bad-input suite", () => {
  it("has at least 40 cases, of every kind, each with what it expects", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    for (const kind of ["error", "warning", "safe", "ok"] as const) expect(byKind(kind).length, kind).toBeGreaterThan(0);
    for (const c of CASES) {
      if (c.expect === "error") expect([c.line, c.problem, c.fix], c.file).not.toContain(undefined);
      if (c.expect === "warning") expect([c.line, c.warning, c.fix], c.file).not.toContain(undefined);
      if (c.expect === "safe") expect(c.shows.length, c.file).toBeGreaterThan(0);
    }
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  });

  it("keeps the byte-order mark and CRLF of its encoding fixture (a checkout must not normalise them)", () => {
    const raw = fs.readFileSync(path.join(FIXTURES, "bom-crlf.md"));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString("utf8")).toContain("\r\n");
  });
});

describe.each(byKind("error"))("error: $what ($file)", (c) => {
  it("is one clear error naming the file, the line, the problem and the fix", () => {
    const { errors } = load(c);
    const others = CASES.filter((x) => x.expect === "error" && x !== c).map((x) => `content/stories/${x.file}`);
    expect(errors.filter((e) => e.file !== `content/stories/${c.file}`).every((e) => others.includes(e.file)), "no other problems").toBe(true);
    const mine = errors.filter((e) => e.file === `content/stories/${c.file}`);
    expect(mine.map((e) => e.message), "exactly one problem").toHaveLength(1);
    const [error] = mine as [InputError];
    expect(error).toBeInstanceOf(InputError);
    expect(error.message.startsWith(`content/stories/${c.file}:${c.line}: `), error.message).toBe(true);
    expect(error.line).toBe(c.line);
    expect(error.problem).toContain(c.problem);
    expect(error.fix).toContain(c.fix);
    expectReadable(error.message);
  });
});

describe.each(byKind("warning"))("warning: $what ($file)", (c) => {
  it("loads, with a warning naming the line and the fix", () => {
    const { errors, stories: loaded } = load(c);
    expect(errors.map((e) => e.message)).toEqual([]);
    const story = loaded.find((s) => s.file === `content/stories/${c.file}`);
    const warning = story?.warnings.find((w) => w.line === c.line && w.message.includes(c.warning ?? "?"));
    expect(warning, JSON.stringify(story?.warnings)).toBeDefined();
    expect(warning?.message).toContain(c.fix);
  });
});

describe.each([...byKind("ok"), ...byKind("safe")])("$expect: $what ($file)", (c) => {
  it("loads without an error", () => {
    const started = Date.now();
    const { errors, stories: loaded } = load(c);
    expect(errors.map((e) => e.message)).toEqual([]);
    const story = loaded.find((s) => s.file === `content/stories/${c.file}`);
    expect(story).toBeDefined();
    if (c.withinMs) expect(Date.now() - started).toBeLessThan(c.withinMs);
    if (c.expect === "ok" && c.shows[0]) expect(story?.title).toBe(c.shows[0]);
    if (story) c.check?.(story);
  });
});

// ---------------------------------------------------------------------------------------------
// The command line, as an editor runs it.

const FIXTURE_STORY_FILES = () => Object.assign({}, ...CASES.map((c) => c.files)) as Record<string, Buffer>;

describe("npm run build with every broken story at once", () => {
  let run: BuildRun;
  const errors = byKind("error");

  beforeAll(async () => {
    put(Object.fromEntries(Object.entries(FIXTURE_STORY_FILES()).filter(([name]) => errors.some((c) => Object.hasOwn(c.files, name)))));
    run = await runBuild(["--skip-audit"], project);
  });

  it("fails with exit code 1 and counts every problem", () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Build failed. ");
    expect(run.stderr).toContain(`${errors.length} problems in the content:`);
    expect(fs.existsSync(path.join(run.output, "index.html"))).toBe(false);
  });

  it.each(errors)("lists $file at its line, with its fix", (c) => {
    const at = run.stderr.indexOf(`content/stories/${c.file}:${c.line}: `);
    expect(at, `content/stories/${c.file}:${c.line} in\n${run.stderr}`).toBeGreaterThanOrEqual(0);
    const entry = run.stderr.slice(at).split("\n\n")[0] ?? "";
    expect(entry).toContain(c.problem);
    expect(entry).toMatch(/\n {2}Fix: /u);
    expect(entry).toContain(c.fix);
  });

  it("prints no stack trace and nothing a program left behind", () => {
    expect(run.stderr).not.toMatch(/\n\s+at /u);
    expect(run.stderr).not.toContain("[object Object]");
    expect(run.stderr).not.toMatch(/\bundefined\b|\bNaN\b/u);
    expect(run.stderr).not.toContain("Unexpected error");
  });
});

// ---------------------------------------------------------------------------------------------
// Safe renderings: one real build with every safe, ok and warning fixture.

const ALLOWED_CSP = new Map([
  ["default-src", ["'self'"]],
  ["script-src", ["'self'", "'wasm-unsafe-eval'"]],
  ["style-src", ["'self'"]],
  ["img-src", ["'self'", "data:"]],
  ["media-src", ["'self'", "https://cdn.example.org"]],
  ["object-src", ["'none'"]],
  ["base-uri", ["'self'"]],
  ["form-action", ["'self'"]],
]);

const URL_ATTRIBUTES = ["href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "content"];

describe("a real build of every safe rendering", () => {
  let run: BuildRun;
  let pages: string[];
  const built = CASES.filter((c) => (c.expect === "safe" || c.expect === "ok" || c.expect === "warning") && !c.withinMs);
  const docs = new Map<string, Document>();
  const doc = (file: string): Document => {
    let d = docs.get(file);
    if (!d) {
      d = parseHTML(fs.readFileSync(path.join(run.output, file), "utf8")).document as unknown as Document;
      docs.set(file, d);
    }
    return d;
  };

  beforeAll(async () => {
    put(Object.assign({}, ...built.map((c) => c.files)) as Record<string, Buffer>);
    run = await runBuild(["--skip-audit"], project);
    pages = listFiles(run.output).filter((f) => f.endsWith(".html"));
  });

  it("builds, printing each warning with its file and line", () => {
    expect(run.code, run.stderr).toBe(0);
    for (const c of byKind("warning")) expect(run.stderr).toContain(`content/stories/${c.file}:${c.line}: warning: `);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it.each(built)("shows the payload of $file as text on its page", (c) => {
    const page = `stories/${storySlug("content/stories", `content/stories/${c.file}`)}/index.html`;
    expect(pages).toContain(page);
    const d = doc(page);
    const text = `${d.title}\n${d.body.textContent ?? ""}`.replace(/\s+/gu, " ");
    const attributes = [...d.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => a.value));
    for (const shown of c.shows) {
      expect(text.includes(shown) || attributes.some((value) => value.includes(shown)), `"${shown}" on ${page}`).toBe(true);
    }
  });

  it("writes no element, attribute, script or link that came from a payload, on any page", () => {
    expect(pages.length).toBeGreaterThan(built.length);
    for (const page of pages) {
      const d = doc(page);
      for (const el of d.querySelectorAll("*")) {
        const where = `${page}: <${el.tagName.toLowerCase()}>`;
        expect(["IFRAME", "OBJECT", "EMBED", "BASE", "FRAME"], where).not.toContain(el.tagName);
        for (const attr of el.attributes) {
          expect(attr.name.startsWith("on"), `${where} ${attr.name}`).toBe(false);
          if (URL_ATTRIBUTES.includes(attr.name) && attr.name !== "content") {
            expect(attr.value, `${where} ${attr.name}`).not.toMatch(/^\s*(?:javascript|vbscript|data):/iu);
          }
        }
        if (el.tagName === "IMG" || el.tagName === "SOURCE") {
          for (const url of [el.getAttribute("src") ?? "", ...(el.getAttribute("srcset") ?? "").split(",").map((s) => s.trim().split(" ")[0] ?? "")]) {
            if (url) expect(url.startsWith("/"), `${where} ${url}`).toBe(true);
          }
        }
        if (el.tagName === "SCRIPT") {
          const type = el.getAttribute("type");
          if (type === "application/ld+json") {
            expect(() => JSON.parse(el.textContent ?? ""), `${page}: JSON-LD`).not.toThrow();
          } else {
            expect(el.getAttribute("src") ?? "", `${where} from the site's assets`).toMatch(/^\/(?:assets|pagefind)\/[\w./-]+\.js$/u);
            expect((el.textContent ?? "").trim(), `${where} has no inline code`).toBe("");
          }
        }
        if (el.tagName === "A" && el.closest(".transcript")) {
          const href = el.getAttribute("href") ?? "";
          expect(href, `${where} in a transcript`).toMatch(/^(?:#|\/|https?:\/\/)/u);
        }
      }
      const csp = d.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
      for (const directive of csp.split(";").map((s) => s.trim())) {
        const [name = "", ...sources] = directive.split(/\s+/u);
        expect(ALLOWED_CSP.has(name), `${page}: CSP directive ${name}`).toBe(true);
        for (const source of sources) expect(ALLOWED_CSP.get(name), `${page}: CSP ${name} ${source}`).toContain(source);
      }
    }
  });

  it("writes feeds and the sitemap with every payload escaped", () => {
    const xml = listFiles(run.output).filter((f) => f.endsWith(".xml"));
    expect(xml.length).toBeGreaterThan(1);
    for (const file of xml) {
      const text = fs.readFileSync(path.join(run.output, file), "utf8");
      expect(text, file).not.toMatch(/<(?:script|img|iframe|svg|a)\b/iu);
      expect(text, file).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u);
    }
  });

  it("keeps the payload out of the transcript's markup: no image, no javascript: link, template code as text", () => {
    const d = doc("stories/inject-transcript-links/index.html");
    const transcript = d.querySelector(".transcript");
    expect(transcript?.querySelectorAll("img, iframe, script:not([src^='/assets/'])")).toHaveLength(0);
    expect(transcript?.textContent).toContain("{{ 7 * 7 }}");
    expect(transcript?.textContent).not.toContain("49");
  });

  it("puts a remote audio URL into the page percent-encoded", () => {
    const d = doc("stories/inject-audio-url/index.html");
    const audio = d.querySelector("audio");
    expect(audio?.getAttribute("src")).toBe("https://cdn.example.org/a.mp3?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
    expect(d.querySelector("a.v-play")?.getAttribute("href")).toBe("https://cdn.example.org/a.mp3?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E#t=5");
  });
});

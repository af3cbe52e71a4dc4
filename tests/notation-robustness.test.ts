// The notation never breaks on what editors paste: any text renders or fails with a NotationError
// (file line, problem, fix), the HTML is always well-formed with markup only from the notation,
// and pathological input renders in about linear time, in a worker with a generous limit.

import fc from "fast-check";
import { HtmlValidate } from "html-validate";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { NotationError, renderTranscript } from "../src/transcript/index.ts";
import { collapseSpaces } from "../src/transcript/text.ts";

/** Pieces editors' text is made of, so the generator reaches labels, cues, marks and times. */
const PIECES = [
  "KIRA ODUYA, HOST: ", "ODUYA: ", "UNIDENTIFIED MAN #2: ", "CROWD: ", "TV: ", "(SOUNDBITE OF MUSIC)", "(LAUGHTER)",
  "(Speaking Spanish) ", "(ph)", "[expletive]", "[CORRECTION: a fix]", "[4:16] ", "## ", "\n\n", "\n", " ", "(", ")", "[", "]",
  "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "{{ x }}", "&amp;", "*", "_", "`",
  "> ", "- ", "1. ", "| a | b |", "é", "\u00a0", "\u0000", "\u202e", "word ", "Hello. ",
];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 60 }).map((parts) => parts.join(""));

const validator = new HtmlValidate({
  extends: ["html-validate:standard"],
  rules: { "no-trailing-whitespace": "off", "heading-level": "off", "no-inline-style": "error", "no-dup-id": "error" },
});

/** Attributes the notation's markup writes; an injected event handler or style would not be here. */
const ALLOWED_ATTRIBUTE = /^(class|id|lang|href|role|start|title|aria-label|aria-hidden|data-[a-z-]+)$/u;

function renderOrNotationError(input: string): string | undefined {
  try {
    return renderTranscript(input, { lenient: input.length % 2 === 0 }).html;
  } catch (error) {
    if (error instanceof NotationError) {
      expect(error.line).toBeGreaterThan(0);
      expect(error.problem).not.toBe("");
      expect(error.fix).not.toBe("");
      return undefined;
    }
    throw error;
  }
}

describe("any text", () => {
  it("renders, or fails with a NotationError that gives a line, the problem and a fix", () => {
    fc.assert(fc.property(text, (input) => void renderOrNotationError(input)), { numRuns: 400 });
  });

  it("renders to well-formed HTML whose only elements and attributes are the notation's own", async () => {
    const allowedTags = new Set(["div", "p", "b", "i", "span", "h3", "h4", "h5", "h6", "nav", "ol", "ul", "li", "a", "em", "strong", "code", "br", "blockquote", "hr", "pre", "table", "thead", "tbody", "tr", "th", "td", "s", "del"]);
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const html = renderOrNotationError(input);
        if (html === undefined) return;
        const report = await validator.validateString(`<!doctype html><html lang="en"><head><title>t</title></head><body><main>${html}</main></body></html>`);
        expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
        for (const [, tag, attributes] of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/giu)) {
          expect(allowedTags.has(tag!.toLowerCase()), tag).toBe(true);
          for (const [, name, value] of attributes!.matchAll(/\s([a-z][a-z0-9-]*)="([^"]*)"/giu)) {
            expect(ALLOWED_ATTRIBUTE.test(name!), `${tag} ${name}`).toBe(true);
            if (name === "href") expect(value).not.toMatch(/^\s*(javascript|data|vbscript):/iu);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** Renders in a worker thread; resolves to the seconds taken, or rejects when over the limit. */
function timedRender(input: string, limitSeconds: number): Promise<number> {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    require("tsx/cjs");
    const { renderTranscript } = require(workerData.module);
    const started = performance.now();
    try { renderTranscript(workerData.input, { lenient: true }); } catch {}
    parentPort.postMessage((performance.now() - started) / 1000);
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { input, module: new URL("../src/transcript/index.ts", import.meta.url).pathname } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`still rendering after ${limitSeconds} s`));
    }, limitSeconds * 1000);
    worker.once("message", (seconds: number) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(seconds);
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe("collapseSpaces", () => {
  it("gives what replacing every whitespace run by a space and trimming gives, for any text", () => {
    const space = fc.constantFrom(..."\t\n\v\f\r \u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff".split(""), "  ", "\r\n");
    const mixed = fc.array(fc.oneof(space, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(""));
    fc.assert(fc.property(mixed, (input) => collapseSpaces(input) === input.replace(/\s+/gu, " ").trim()), { numRuns: 2000 });
  });
});

describe("pathological input", () => {
  // The limits are far above what linear work takes (well under a second each here); they catch
  // catastrophic backtracking or quadratic loops, not speed. Speed is the benchmark's business.
  const cases: Array<[string, string]> = [
    ["100,000 opening parentheses", "(".repeat(100_000)],
    ["100,000 closing parentheses", ")".repeat(100_000)],
    ["100,000 opening brackets", "[".repeat(100_000)],
    ["50,000 label-like words", "A: ".repeat(50_000)],
    ["30,000 capitalised label-like pairs", "AB CD: ".repeat(30_000)],
    ["20,000 unfinished soundbite cues", "(SOUNDBITE OF ".repeat(20_000)],
    ["50,000 timestamps", "[1:00] ".repeat(50_000)],
    ["a 100,000-letter label", `${"ABCDEFGHIJ".repeat(10_000)}: x`],
    ["50,000 turns", Array.from({ length: 50_000 }, (_, i) => (i === 0 ? "KIRA ODUYA, HOST: hi." : "ODUYA: hello.")).join("\n\n")],
  ];
  for (const [name, input] of cases) {
    it(`renders ${name} within the limit`, async () => {
      await expect(timedRender(input, 20)).resolves.toBeLessThan(20);
    });
  }
});

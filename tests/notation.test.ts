// Runs every notation fixture file: tests/fixtures/notation/*.txt is the notation's specification.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../src/story/front-matter.ts";
import { frontMatterSchema } from "../src/story/schema.ts";
import { renderTranscript } from "../src/transcript/index.ts";
import { parseFixtures } from "./helpers/fixtures.ts";

const dir = path.join(import.meta.dirname, "fixtures", "notation");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();

function render(input: string) {
  if (!input.startsWith("---\n")) return renderTranscript(input);
  const split = splitFrontMatter("fixture.md", input);
  const meta = frontMatterSchema.partial({ title: true, show: true, date: true }).parse(split.data);
  return renderTranscript(split.body, { speakers: meta.speakers, lenient: meta.lenient, lineOffset: split.bodyOffset, ...(meta.audio ? { audioUrl: typeof meta.audio === "string" ? meta.audio : meta.audio.url } : {}) });
}

it("has fixture files", () => expect(files.length).toBeGreaterThan(5));

for (const file of files) {
  describe(file, () => {
    for (const c of parseFixtures(fs.readFileSync(path.join(dir, file), "utf8"))) {
      it(`${c.title} (line ${c.line})`, () => {
        if (c.error) {
          expect(() => render(c.input)).toThrow(c.error);
          return;
        }
        const result = render(c.input);
        expect(result.html).toBe(c.expected);
        expect(result.summary.warnings.map((w) => `line ${w.line}: ${w.message}`)).toEqual(
          c.warnings.map((w) => expect.stringContaining(w)),
        );
      });
    }
  });
}

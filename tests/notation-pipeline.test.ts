// The notation pipeline table (src/transcript/pipeline.ts) against what markdown-it really runs,
// and the token data interface (src/transcript/token-data.ts) against the code that uses it.

import path from "node:path";
import markdownIt, { type MarkdownIt } from "markdown-it";
import { describe, expect, it } from "vitest";
import { createNotation, NOTATION_RULES, type NotationRule } from "../src/transcript/index.ts";
import { installRules } from "../src/transcript/pipeline.ts";
import { tokenDataUse } from "./helpers/token-data-use.ts";

type Chain = NotationRule["chain"];

/** The names of a chain's rules, in the order markdown-it runs them, and whether each is on. */
function chainRules(md: MarkdownIt, chain: Chain): { name: string; enabled: boolean }[] {
  const ruler = chain === "core" ? md.core.ruler : chain === "block" ? md.block.ruler : md.inline.ruler;
  return ruler.__rules__.map(({ name, enabled }) => ({ name, enabled }));
}

/** The table's rules in the order markdown-it runs them (chain by chain, as the table lists chains). */
function runOrder(md: MarkdownIt, rules: readonly NotationRule[]): string[] {
  const names = new Set(rules.map((r) => r.name));
  const chains = [...new Set(rules.map((r) => r.chain))];
  return chains.flatMap((chain) => chainRules(md, chain).filter((r) => names.has(r.name)).map((r) => r.name));
}

/** Rules whose neighbour in the chain is not the anchor the table gives. */
function misplaced(md: MarkdownIt, rules: readonly NotationRule[]): string[] {
  return rules.flatMap((rule) => {
    const names = chainRules(md, rule.chain).map((r) => r.name);
    const at = names.indexOf(rule.name);
    const neighbour = rule.after !== undefined ? names[at - 1] : names[at + 1];
    return at >= 0 && neighbour === (rule.after ?? rule.before) ? [] : [rule.name];
  });
}

describe("the notation pipeline table", () => {
  const md = createNotation();

  it("lists rules once each, with what they read and write", () => {
    expect(NOTATION_RULES.length).toBeGreaterThan(5);
    expect(new Set(NOTATION_RULES.map((r) => r.name)).size).toBe(NOTATION_RULES.length);
    for (const rule of NOTATION_RULES) {
      expect(rule.reads.trim(), rule.name).not.toBe("");
      expect(rule.writes.trim(), rule.name).not.toBe("");
    }
  });

  it("every rule of the table is installed, on, in its chain", () => {
    for (const rule of NOTATION_RULES) {
      expect(chainRules(md, rule.chain), rule.name).toContainEqual({ name: rule.name, enabled: true });
    }
  });

  it("markdown-it runs the rules in the table's order", () => {
    expect(runOrder(md, NOTATION_RULES)).toEqual(NOTATION_RULES.map((r) => r.name));
  });

  it("each rule sits right next to the anchor the table gives it", () => {
    expect(misplaced(md, NOTATION_RULES)).toEqual([]);
  });

  it("the notation adds no core rule that is not in the table", () => {
    const plain = new Set(chainRules(markdownIt(), "core").map((r) => r.name));
    const added = chainRules(md, "core").map((r) => r.name).filter((name) => !plain.has(name));
    expect(added).toEqual(NOTATION_RULES.filter((r) => r.chain === "core").map((r) => r.name));
  });

  it("names only fields of the token data in its reads and writes", () => {
    const fields = new Set(tokenData().keys);
    const named = NOTATION_RULES.flatMap((r) => [...`${r.reads} ${r.writes}`.matchAll(/\bdata\.(\w+)/gu)].map((m) => m[1]));
    expect(named.filter((name) => !fields.has(name ?? ""))).toEqual([]);
    // And the table says which rule writes each field.
    const written = new Set(NOTATION_RULES.flatMap((r) => [...r.writes.matchAll(/\bdata\.(\w+)/gu)].map((m) => m[1])));
    expect([...fields].filter((field) => !written.has(field))).toEqual([]);
  });
});

describe("installing a table", () => {
  const noop = () => false;

  it("puts block and inline rules where the table says, in its order", () => {
    const md = markdownIt();
    const rules: NotationRule[] = [
      { name: "test_block", chain: "block", before: "paragraph", run: noop, reads: "lines", writes: "nothing" },
      { name: "test_inline", chain: "inline", after: "text", run: noop, reads: "text", writes: "nothing" },
      { name: "test_inline_next", chain: "inline", after: "test_inline", run: noop, reads: "text", writes: "nothing" },
    ];
    installRules(md, rules);
    expect(runOrder(md, rules)).toEqual(["test_block", "test_inline", "test_inline_next"]);
    expect(misplaced(md, rules)).toEqual([]);
  });

  it("shows when two rules share an anchor: the one installed last runs first", () => {
    // Why every row of the table anchors on the row above it.
    const md = markdownIt();
    const rules: NotationRule[] = [
      { name: "test_first", chain: "core", after: "text_join", run: () => {}, reads: "tokens", writes: "nothing" },
      { name: "test_second", chain: "core", after: "text_join", run: () => {}, reads: "tokens", writes: "nothing" },
    ];
    installRules(md, rules);
    expect(runOrder(md, rules)).toEqual(["test_second", "test_first"]);
    expect(misplaced(md, rules)).toEqual(["test_first"]);
  });
});

let analysed: ReturnType<typeof tokenDataUse> | undefined;
function tokenData(): ReturnType<typeof tokenDataUse> {
  analysed ??= tokenDataUse(path.join(import.meta.dirname, "..", "src", "transcript"));
  return analysed;
}

describe("the token data interface", () => {
  it("has the fields the notation uses", () => {
    expect(tokenData().keys).toEqual(expect.arrayContaining(["start", "cue", "turn", "turnStart", "mark"]));
  });

  it("every field is written by a rule", () => {
    const { keys, written } = tokenData();
    expect(keys.filter((key) => !written.get(key)?.some((site) => site.startsWith("plugins/")))).toEqual([]);
  });

  it("every field is read somewhere", () => {
    const { keys, read } = tokenData();
    expect(keys.filter((key) => !read.get(key)?.length)).toEqual([]);
    // The analysis sees the readers outside the rules: the renderer and the outline.
    expect(read.get("mark")).toEqual(expect.arrayContaining([expect.stringMatching(/^markup\.ts:/u), expect.stringMatching(/^outline\.ts:/u)]));
  });

  it("only token-data.ts touches a token's meta", () => {
    expect(tokenData().rawMeta).toEqual([]);
  });
});

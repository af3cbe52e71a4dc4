// The notation pipeline, on one screen: every rule the notation adds to markdown-it, in the order
// it runs, with what it reads and what it writes. All are core rules: the first ones reshape the
// block tokens markdown-it's `block` rule made (before its `inline` rule parses the text inside
// them), the last ones work on the inline children once `text_join` is done; then markup.ts
// renders the tokens. The rule functions live in plugins/; the data they attach to tokens is
// typed in token-data.ts ("data.x" below is a field of TokenData).
//
// How to add a rule:
// 1. Write the rule function in a file of its own in plugins/ (header comment: what notation it
//    reads, what it produces). Read and write token data with dataOf/setData; a new kind of data
//    is a new field of TokenData, documented there.
// 2. Add a row to NOTATION_RULES where it must run, anchored `after` the row above it (or `before`
//    a markdown-it rule): the table order is the run order. Say what it reads and writes.
// 3. New token types need a renderer rule in markup.ts, and outline.ts if exporters should see them.
// 4. Add fixture cases to tests/fixtures/notation/ (the notation's specification);
//    tests/notation-pipeline.test.ts checks the installed order against this table and that
//    every TokenData field is both written and read.

import type { MarkdownIt, Ruler, StateBlock, StateCore, StateInline } from "markdown-it";
import markupPlugin from "./markup.ts";
import { standAloneCues } from "./plugins/cues.ts";
import { inlineMarks } from "./plugins/inline-marks.ts";
import { labelLike } from "./plugins/label-like.ts";
import { segments } from "./plugins/segments.ts";
import { tapeGroups } from "./plugins/tape.ts";
import { times } from "./plugins/times.ts";
import { speakerPrefixes, turns } from "./plugins/turns.ts";

/** Where a rule joins its chain: right after, or right before, a rule already there. */
type Position = { after: string; before?: never } | { before: string; after?: never };

/** A rule's function, for the markdown-it chain it joins. */
type ChainRule =
  | { chain: "core"; run: (state: StateCore) => void }
  | { chain: "block"; run: (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean }
  | { chain: "inline"; run: (state: StateInline, silent: boolean) => boolean };

export type NotationRule = Position & ChainRule & { name: string; reads: string; writes: string };

export const NOTATION_RULES: readonly NotationRule[] = [
  // markdown-it's core: normalize, block (Markdown blocks; inline tokens hold raw text) …
  { name: "verbatim_times", chain: "core", after: "block", run: times,
    reads: "text opening a level-0 paragraph or heading: [4:16]",
    writes: "removes the timestamp; data.start on paragraph_open/heading_open" },
  { name: "verbatim_segments", chain: "core", after: "verbatim_times", run: segments,
    reads: "headings; data.start",
    writes: "heading h3+ with an id; state.segments; a verbatim_contents token (data.segments) first" },
  { name: "verbatim_cues", chain: "core", after: "verbatim_segments", run: standAloneCues,
    reads: "level-0 paragraphs that are one (…); data.start",
    writes: "replaces them by a verbatim_cue token: data.cue, data.start" },
  { name: "verbatim_turns", chain: "core", after: "verbatim_cues", run: turns,
    reads: "labels and manners opening paragraphs; verbatim_cue data.cue; data.start; state.registry",
    writes: "removes the label; wraps paragraphs in verbatim_turn_open (data.turn)/_close or " +
      "verbatim_intro_open/_close; data.turnStart, data.note, lang on paragraphs; state.turns" },
  { name: "verbatim_tape", chain: "core", after: "verbatim_turns", run: tapeGroups,
    reads: "data.cue (startsTape), data.turn, data.note",
    writes: "verbatim_tape_open (data.cue, data.label)/_close around the taped turns" },
  // … strip_references, inline (parses the inline tokens' children), linkify, replacements,
  // smartquotes, text_join …
  { name: "verbatim_inline_marks", chain: "core", after: "text_join", run: inlineMarks,
    reads: "text children of inline tokens: (ph), (Laughter), [expletive], [CORRECTION: …]",
    writes: "splits them around verbatim_mark tokens (data.mark)" },
  { name: "verbatim_label_like", chain: "core", after: "verbatim_inline_marks", run: labelLike,
    reads: "paragraphs' reader text (data.mark); data.turnStart, data.note; state.registry",
    writes: "label-like warnings in state.warnings" },
  { name: "verbatim_speaker_prefixes", chain: "core", after: "verbatim_label_like", run: speakerPrefixes,
    reads: "data.turnStart",
    writes: "verbatim_speaker, verbatim_manner (data.turn) and a verbatim_lang_open/_close span " +
      "as a turn's first children" },
];

function place<Args extends unknown[], Result>(
  ruler: Ruler<Args, Result>,
  rule: Position & { name: string },
  run: (...args: Args) => Result,
): void {
  if (rule.after !== undefined) ruler.after(rule.after, rule.name, run);
  else ruler.before(rule.before, rule.name, run);
}

/** Adds the rules to their chains, one after the other, in the table's order. */
export function installRules(md: MarkdownIt, rules: readonly NotationRule[]): void {
  for (const rule of rules) {
    if (rule.chain === "core") place(md.core.ruler, rule, rule.run);
    else if (rule.chain === "block") place(md.block.ruler, rule, rule.run);
    else place(md.inline.ruler, rule, rule.run);
  }
}

/** The whole notation: the rules of the table, and the renderer rules of markup.ts. */
export function notationPlugin(md: MarkdownIt): void {
  installRules(md, NOTATION_RULES);
  markupPlugin(md);
}

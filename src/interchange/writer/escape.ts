// Imported words made safe to write in the notation: nothing in them may be read as Markdown
// syntax, as a speaker label, a manner, a timestamp or a stand-alone cue they were not meant as.

import { parseCue } from "../../transcript/cues.ts";
import { matchLabel, matchManner } from "../../transcript/labels.ts";
import { matchLeadingTime } from "../../transcript/times.ts";

/** Markdown's inline syntax: emphasis, code, escapes, autolinks, entities, link brackets. */
function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_<]/gu, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/giu, "\\&")
    .replace(/\]\(/gu, "\\](")
    .replace(/!\[/gu, "!\\[");
}

/** Markdown's block syntax at the start of a paragraph: headings, quotes, lists, rules, fences. */
const BLOCK_START = /^(#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|[=-]{2,}|```|~~~|\|)/u;

export interface EscapeContext {
  /** The paragraph opens a turn after its label: a leading parenthesis would read as a manner. */
  afterLabel: boolean;
}

/** One paragraph of imported speech (notation inline form) → text that reads back the same. */
export function escapeParagraph(text: string, context: EscapeContext): string {
  let out = escapeInline(text.replace(/\s+/gu, " ").trim());
  const ordered = /^(\d{1,9})([.)])(?:\s|$)/u.exec(out);
  if (ordered) out = `${ordered[1]}\\${out.slice(ordered[1]?.length ?? 0)}`;
  else if (BLOCK_START.test(out)) out = `\\${out}`;
  // Words that happen to look like a label ("TV: you can ...") must stay words.
  const label = context.afterLabel ? undefined : matchLabel(out);
  if (label) {
    const colon = out.lastIndexOf(":", label.length - 1);
    out = `${out.slice(0, colon)}\\${out.slice(colon)}`;
  }
  if (matchLeadingTime(out) || (context.afterLabel && matchManner(out)) || isWholeCue(out)) out = `\\${out}`;
  return out;
}

function isWholeCue(text: string): boolean {
  const inner = /^\(([^()]+)\)$/u.exec(text)?.[1];
  return inner !== undefined && parseCue(inner, true) !== undefined;
}

// Marks inside speech: "(Laughter)", "(inaudible)" and other sounds; "(ph)" after a name spelled
// by ear; "[expletive]" and other bracketed editorial notes; "[POST-BROADCAST CORRECTION: ...]".
// Text tokens are split around each mark; a `verbatim_mark` token carries what it is.

import type { StateCore, Token } from "markdown-it";
import { parseCue } from "../cues.ts";
import { setData, type Mark } from "../token-data.ts";

const MARK = /\((ph)\)|\(([^()]{1,60})\)|\[([^\[\]]+)\]/giu;
const CORRECTION = /^((?:post-broadcast\s+)?correction)\s*:\s*(.*)$/isu;

function markFor(match: RegExpExecArray): Mark | undefined {
  const [, ph, paren, bracket] = match;
  if (ph !== undefined) return { kind: "ph" };
  if (paren !== undefined) {
    const cue = parseCue(paren, false);
    return cue ? { kind: "sound", cue } : undefined;
  }
  if (bracket !== undefined) {
    const correction = CORRECTION.exec(bracket.trim());
    if (correction) {
      const label = (correction[1] ?? "").toLowerCase().replace(/\s+/gu, " ");
      return { kind: "correction", label: label.charAt(0).toUpperCase() + label.slice(1), text: correction[2] ?? "" };
    }
    return { kind: "editorial", text: bracket };
  }
  return undefined;
}

function split(state: StateCore, token: Token): Token[] {
  const out: Token[] = [];
  const content = token.content;
  let last = 0;
  const push = (text: string) => {
    if (text === "") return;
    const t = new state.Token("text", "", 0);
    t.content = text;
    t.level = token.level;
    out.push(t);
  };
  for (const match of content.matchAll(MARK)) {
    const mark = markFor(match);
    if (!mark) continue;
    push(content.slice(last, match.index));
    const t = new state.Token("verbatim_mark", "span", 0);
    setData(t, { mark });
    t.level = token.level;
    out.push(t);
    last = match.index + match[0].length;
  }
  if (last === 0) return [token];
  push(content.slice(last));
  return out;
}

export function inlineMarks(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    block.children = block.children.flatMap((child) => (child.type === "text" ? split(state, child) : [child]));
  }
}

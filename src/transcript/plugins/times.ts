// Times: "[4:16] MANN: ..." — a timestamp opening a paragraph, cue or heading says when it starts
// in the audio. It leaves the text; the block's opening token carries `meta.start` in seconds,
// which turns, cues and the outline pass on. A timestamp later in a paragraph is ordinary text.

import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { matchLeadingTime } from "../times.ts";

export function startOf(token: Token | undefined): number | undefined {
  const start = (token?.meta as { start?: unknown } | null | undefined)?.start;
  return typeof start === "number" ? start : undefined;
}

function times(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length - 1; i++) {
    const open = tokens[i] as Token;
    const inline = tokens[i + 1] as Token;
    if ((open.type !== "paragraph_open" && open.type !== "heading_open") || open.level !== 0 || inline.type !== "inline") continue;
    const time = matchLeadingTime(inline.content);
    if (!time) continue;
    inline.content = inline.content.slice(time.length);
    open.meta = { ...(open.meta as object | null), start: time.seconds };
  }
}

export default function timesPlugin(md: MarkdownIt): void {
  md.core.ruler.after("block", "verbatim_times", times);
}

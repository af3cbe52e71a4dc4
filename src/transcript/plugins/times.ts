// Times: "[4:16] MANN: ..." — a timestamp opening a paragraph, cue or heading says when it starts
// in the audio. It leaves the text; the block's opening token carries `start` in seconds (token
// data), which turns, cues and the outline pass on. A timestamp later in a paragraph is ordinary text.

import type { StateCore, Token } from "markdown-it";
import { setData } from "../token-data.ts";
import { matchLeadingTime } from "../times.ts";

export function times(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length - 1; i++) {
    const open = tokens[i] as Token;
    const inline = tokens[i + 1] as Token;
    if ((open.type !== "paragraph_open" && open.type !== "heading_open") || open.level !== 0 || inline.type !== "inline") continue;
    const time = matchLeadingTime(inline.content);
    if (!time) continue;
    inline.content = inline.content.slice(time.length);
    setData(open, { start: time.seconds });
  }
}

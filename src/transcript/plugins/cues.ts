// Stand-alone cues: a paragraph that is only "(SOUNDBITE OF ...)", "(LAUGHTER)", "(APPLAUSE)" ...
// becomes one `verbatim_cue` token carrying the parsed cue. Never a speaker.

import type { StateCore } from "markdown-it";
import { parseCue } from "../cues.ts";
import { dataOf, setData } from "../token-data.ts";

const WHOLE_PARENTHESIS = /^\(([^()]+)\)$/u;

export function standAloneCues(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length - 2; i++) {
    const open = tokens[i];
    const inline = tokens[i + 1];
    if (open?.type !== "paragraph_open" || open.level !== 0 || inline?.type !== "inline") continue;
    const inner = WHOLE_PARENTHESIS.exec(inline.content.trim())?.[1];
    const cue = inner === undefined ? undefined : parseCue(inner, true);
    if (!cue) continue;
    const token = new state.Token("verbatim_cue", "p", 0);
    token.block = true;
    token.map = open.map;
    const start = dataOf(open).start;
    setData(token, start === undefined ? { cue } : { cue, start });
    tokens.splice(i, 3, token);
  }
}

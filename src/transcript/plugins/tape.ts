// Tape: the turns after a SOUNDBITE cue are taped audio (an archive clip, a song), not the live
// conversation. They are grouped with their cue and labelled for screen readers, up to the next
// turn by one of the programme's own voices (host, byline), by anyone who already spoke live,
// or the next cue or heading. A singer's "(Singing)" turn right after a song cue is always tape.

import type { StateCore, Token } from "markdown-it";
import { tapeLabel } from "../cues.ts";
import type { Speaker } from "../model.ts";
import { dataOf, setData } from "../token-data.ts";

/** Index of the last token of the block item starting at `i`. */
function itemEnd(tokens: Token[], i: number): number {
  const type = tokens[i]?.type;
  if (type === "verbatim_turn_open") {
    let j = i;
    while (j < tokens.length && tokens[j]?.type !== "verbatim_turn_close") j++;
    return j;
  }
  if (type === "paragraph_open" || type === "heading_open") return i + 2;
  return i;
}

function isProgrammeVoice(speaker: Speaker): boolean {
  return speaker.roleKind === "host" || speaker.roleKind === "byline";
}

export function tapeGroups(state: StateCore): void {
  const tokens = state.tokens;
  const live = new Set<Speaker>();
  for (let i = 0; i < tokens.length; i = itemEnd(tokens, i) + 1) {
    const token = tokens[i] as Token;
    const { turn, cue } = dataOf(token);
    if (turn) live.add(turn.speaker);
    if (token.type !== "verbatim_cue" || !cue?.startsTape) continue;

    let last = i;
    for (let j = i + 1; j < tokens.length; j = itemEnd(tokens, j) + 1) {
      const item = tokens[j] as Token;
      const taped = dataOf(item).turn;
      if (taped) {
        const singer = j === i + 1 && cue.type === "song" && taped.manner?.type === "singing";
        if (!singer && (isProgrammeVoice(taped.speaker) || live.has(taped.speaker))) break;
      } else if (item.type !== "paragraph_open" || dataOf(item).note) {
        break;
      }
      last = itemEnd(tokens, j);
    }
    if (last === i) continue;

    const open = new state.Token("verbatim_tape_open", "div", 1);
    open.block = true;
    setData(open, { cue, label: tapeLabel(cue) });
    const close = new state.Token("verbatim_tape_close", "div", -1);
    close.block = true;
    tokens.splice(last + 1, 0, close);
    tokens.splice(i, 0, open);
    i = last + 2; // continue after the group: its turns are tape, not live
  }
}

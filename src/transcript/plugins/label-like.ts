// The lint against misattribution: a speaker label inside a paragraph ("…at the top.PRICE: Today")
// is a warning at its line, saying whose words the text after it is published as and how to fix
// it. Runs after turns, so every speaker the story introduces anywhere (or declares in front
// matter) counts as known; a paragraph's own opening label has left its text by then.

import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { labelLikeRuns, type LabelLikeRun } from "../label-like.ts";
import { labelKey, nameAliases } from "../speakers.ts";
import { fileLine, metaOf, transcriptState, type TranscriptState } from "../state.ts";
import type { TurnMeta } from "./turns.ts";

function labelLike(state: StateCore): void {
  const ts = transcriptState(state);
  // Speakers introduced by full labels found inside earlier paragraphs count as known too.
  const glued = new Set<string>();
  const knows = (label: string) => glued.has(labelKey(label)) || ts.registry.nameFor(label) !== undefined;
  const tokens = state.tokens;
  let speaker: string | undefined;
  for (let i = 0; i < tokens.length - 1; i++) {
    const open = tokens[i] as Token;
    if (open.type === "verbatim_turn_close" || open.type === "verbatim_intro_open") speaker = undefined;
    const turn = metaOf<TurnMeta>(open, "turnStart") ?? metaOf<TurnMeta>(open, "continuation");
    if (turn) speaker = turn.speaker.name;
    const inline = tokens[i + 1] as Token;
    if (open.type !== "paragraph_open" || inline.type !== "inline" || !inline.content) continue;
    const first = fileLine(open, ts) + linesTaken(open, inline);
    for (const run of labelLikeRuns(inline.content, knows)) {
      ts.warnings.push({ line: first + run.line - 1, message: message(run, ts, open.meta?.note ? undefined : speaker) });
      if (run.full) for (const alias of nameAliases(run.label.split(",")[0] ?? "")) glued.add(alias);
    }
  }
}

/**
 * Lines the parser already took from the start of the paragraph (a label alone on its line, a
 * timestamp), so a run's line in the text maps to its line in the file.
 */
function linesTaken(open: Token, inline: Token): number {
  if (!open.map) return 0;
  const written = open.map[1] - open.map[0];
  return Math.max(0, written - inline.content.split("\n").length);
}

function message(run: LabelLikeRun, ts: TranscriptState, speaker: string | undefined): string {
  const whose = run.full ? "" : ` (${ts.registry.nameFor(run.label) ?? run.label})`;
  const published = speaker ? `published as ${speaker}'s words` : "published without a speaker of their own";
  return (
    `"${run.label}:" inside a paragraph looks like a speaker label${whose}, but the words after it are ${published}. ` +
    `Fix: start a new paragraph before "${run.label}:" (a blank line), or write the colon differently if this is speech.`
  );
}

export default function labelLikePlugin(md: MarkdownIt): void {
  md.core.ruler.after("verbatim_turns", "verbatim_label_like", labelLike);
}

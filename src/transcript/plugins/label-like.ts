// The lint against misattribution: a speaker label inside a paragraph ("…at the top.PRICE: Today")
// is a warning at its line, saying whose words the text after it is published as and how to fix
// it. It reads the words as a reader gets them (escapes resolved, emphasis gone, cues as shown),
// the same text the audit reads on the page, so the two agree. Runs once the whole story is
// parsed: every speaker the story introduces anywhere (or declares in front matter) is known, and
// a paragraph's own opening label has left its text.

import type { StateCore, Token } from "markdown-it";
import { labelLikeRuns, type LabelLikeRun } from "../label-like.ts";
import { labelKey, nameAliases } from "../speakers.ts";
import { fileLine, transcriptState } from "../state.ts";
import { properCase } from "../text.ts";
import { dataOf, type Mark } from "../token-data.ts";

export function labelLike(state: StateCore): void {
  const ts = transcriptState(state);
  // Speakers introduced by full labels found inside earlier paragraphs count as known too.
  const glued = new Map<string, string>();
  const nameFor = (label: string) => ts.registry.nameFor(label) ?? glued.get(labelKey(label));
  const tokens = state.tokens;
  let speaker: string | undefined;
  for (let i = 0; i < tokens.length - 1; i++) {
    const open = tokens[i] as Token;
    if (open.type === "verbatim_turn_close" || open.type === "verbatim_intro_open") speaker = undefined;
    // The speaker stays from the turn's first paragraph until the turn closes.
    const turn = dataOf(open).turnStart;
    if (turn) speaker = turn.speaker.name;
    const inline = tokens[i + 1] as Token;
    if (open.type !== "paragraph_open" || inline.type !== "inline" || !inline.content.includes(":")) continue;
    const first = fileLine(open, ts) + linesTaken(open, inline);
    for (const run of labelLikeRuns(readerText(inline), (label) => nameFor(label) !== undefined)) {
      const heard = dataOf(open).note ? undefined : speaker;
      ts.warnings.push({ line: first + run.line - 1, message: message(run, run.full ? undefined : nameFor(run.label), heard), code: "label-like" });
      if (run.full) {
        const name = run.label.split(",")[0] ?? "";
        for (const alias of nameAliases(name)) if (!glued.has(alias)) glued.set(alias, properCase(name));
      }
    }
  }
}

/** A paragraph's words as a reader gets them, with its line breaks. */
function readerText(inline: Token): string {
  return (inline.children ?? [])
    .map((child) => {
      if (child.type === "softbreak" || child.type === "hardbreak") return "\n";
      if (child.type === "verbatim_mark") return markText(dataOf(child).mark);
      return child.type === "text" || child.type === "text_special" || child.type === "code_inline" ? child.content : "";
    })
    .join("");
}

function markText(mark: Mark | undefined): string {
  switch (mark?.kind) {
    case "sound":
      return `(${mark.cue.text})`;
    case "ph":
      return "(ph)";
    case "editorial":
      return `[${mark.text}]`;
    case "correction":
      return `[${mark.label}: ${mark.text}]`;
    default:
      return "";
  }
}

/**
 * Lines the parser already took from the start of the paragraph (a label alone on its line), so
 * a run's line in the text maps to its line in the file.
 */
function linesTaken(open: Token, inline: Token): number {
  if (!open.map) return 0;
  const written = open.map[1] - open.map[0];
  return Math.max(0, written - inline.content.split("\n").length);
}

function message(run: LabelLikeRun, named: string | undefined, heard: string | undefined): string {
  const label = `"${run.label}:"`;
  const problem =
    named && named === heard
      ? `${label} inside a paragraph looks like a speaker label (${named}, who is already speaking), and it is published as words of the speech.`
      : `${label} inside a paragraph looks like a speaker label${named ? ` (${named})` : ""}, but the words after it are published ${heard ? `as ${heard}'s` : "without a speaker of their own"}.`;
  return `${problem} Fix: start a new paragraph before "${run.written}" (a blank line), or write the colon differently if this is speech (a dash, or the name in ordinary case).`;
}

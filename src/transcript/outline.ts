// The outline: the parsed token stream read back as blocks (intro, turns, cues, headings, notes)
// with plain text and times. What exporters consume; the HTML is never parsed again.

import type { Token } from "markdown-it";
import type { TimedText, TranscriptBlock } from "./model.ts";
import { collapseSpaces } from "./text.ts";
import { dataOf, type Mark } from "./token-data.ts";

function markText(mark: Mark): string {
  switch (mark.kind) {
    case "ph":
      return "(ph)";
    case "sound":
      return `(${mark.cue.text})`;
    case "editorial":
      return `[${mark.text}]`;
    case "correction":
      return `[${mark.label}: ${mark.text}]`;
  }
}

/** An inline token's words, without Markdown syntax or the speaker prefix the turn adds. */
export function plainText(inline: Token): string {
  let out = "";
  for (const child of inline.children ?? []) {
    if (child.type === "text" || child.type === "code_inline") out += child.content;
    else if (child.type === "softbreak" || child.type === "hardbreak") out += " ";
    else if (child.type === "verbatim_mark") {
      const mark = dataOf(child).mark;
      if (mark) out += markText(mark);
    } else if (child.type === "image") out += child.content;
  }
  return collapseSpaces(out);
}

function timed(text: string, start: number | undefined): TimedText {
  return start === undefined ? { text } : { text, start };
}

export function outline(tokens: Token[]): TranscriptBlock[] {
  const blocks: TranscriptBlock[] = [];
  let tapeDepth = 0;
  let container: { paragraphs: TimedText[] } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case "verbatim_tape_open":
        tapeDepth++;
        break;
      case "verbatim_tape_close":
        tapeDepth--;
        break;
      case "verbatim_intro_open": {
        const intro = { kind: "intro" as const, paragraphs: [] };
        blocks.push(intro);
        container = intro;
        break;
      }
      case "verbatim_turn_open": {
        const meta = dataOf(token).turn;
        if (!meta) break;
        const turn: TranscriptBlock = {
          kind: "turn",
          id: meta.id,
          speaker: meta.speaker,
          ...(meta.manner ? { manner: meta.manner } : {}),
          ...(meta.lang ? { lang: meta.lang } : {}),
          tape: tapeDepth > 0,
          ...(meta.start === undefined ? {} : { start: meta.start }),
          paragraphs: [],
        };
        blocks.push(turn);
        container = turn;
        break;
      }
      case "verbatim_turn_close":
      case "verbatim_intro_close":
        container = undefined;
        break;
      case "verbatim_cue": {
        const { cue, start } = dataOf(token);
        if (cue) blocks.push({ kind: "cue", cue, ...(start === undefined ? {} : { start }) });
        break;
      }
      case "heading_open": {
        const start = dataOf(token).start;
        if (token.level === 0) blocks.push({ kind: "heading", title: tokens[i + 1]?.content.trim() ?? "", ...(start === undefined ? {} : { start }) });
        break;
      }
      case "paragraph_open": {
        const inline = tokens[i + 1];
        if (inline?.type !== "inline") break;
        const paragraph = timed(plainText(inline), dataOf(token).start);
        if (dataOf(token).note || !container) blocks.push({ kind: "note", ...paragraph });
        else container.paragraphs.push(paragraph);
        break;
      }
    }
  }
  return blocks;
}

/** Whether anything in the outline carries a time. */
export function isTimed(blocks: TranscriptBlock[]): boolean {
  return blocks.some(
    (b) => ("start" in b && b.start !== undefined) || ("paragraphs" in b && b.paragraphs.some((p) => p.start !== undefined)),
  );
}

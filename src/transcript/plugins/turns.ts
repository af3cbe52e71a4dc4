// Speaker turns. A paragraph that opens with a label ("BRIAN MANN, BYLINE:", "MANN:") starts a
// turn; the paragraphs after it belong to the same speaker until the next label, cue or heading.
// Paragraphs before the first label are the story's introduction. The label leaves the text;
// the turn carries the resolved speaker, and the first paragraph gets the name back as tokens
// (see markup.ts), so the name is always the first thing read in the turn.

import type { StateCore, Token } from "markdown-it";
import { NotationError } from "../errors.ts";
import { parseCue } from "../cues.ts";
import { matchLabel, matchManner, type LabelMatch } from "../labels.ts";
import type { Manner, Speaker } from "../model.ts";
import { fileLine, transcriptState, type TranscriptState } from "../state.ts";
import { dataOf, setData, type TurnData } from "../token-data.ts";

const EDITORIAL_PARAGRAPH = /^\[[^\[\]]+\]$/u;

class TurnBuilder {
  readonly out: Token[] = [];
  private open: "turn" | "intro" | undefined;
  private current: Speaker | undefined;
  private seenLabel = false;
  private afterTapeCue = false;
  private readonly spoken = new Set<Speaker>();

  constructor(
    private readonly state: StateCore,
    private readonly ts: TranscriptState,
  ) {}

  /** A paragraph_open, its inline token and paragraph_close. */
  paragraph(tokens: Token[]): void {
    const [open, inline] = tokens as [Token, Token, Token];
    const line = fileLine(open, this.ts);
    const label = matchLabel(inline.content);
    checkParentheses(inline.content, label, line);
    if (label) {
      const speaker = this.ts.registry.resolve(label, line);
      let speech = inline.content.slice(label.length);
      const manner = matchManner(speech);
      if (manner) speech = speech.slice(manner.length);
      inline.content = speech;
      this.startTurn(speaker, line, manner?.manner, dataOf(open).start);
      this.afterTapeCue = false;
      this.seenLabel = true;
    } else if (EDITORIAL_PARAGRAPH.test(inline.content.trim())) {
      this.close();
      setData(open, { note: true });
    } else if (!this.seenLabel && !this.afterTapeCue) {
      if (this.open !== "intro") this.push("verbatim_intro_open", 1);
      this.open = "intro";
    } else if (this.open !== "turn" && !this.afterTapeCue && this.current) {
      this.startTurn(this.current, line, undefined, dataOf(open).start);
    }
    if (this.pendingStart) {
      // A label on its own: the speech follows. A manner alone ("(Speaking Spanish)") is a
      // whole turn: speech the transcript does not translate.
      if (inline.content.trim() === "" && !this.pendingStart.manner) return;
      setData(open, { turnStart: this.pendingStart });
      this.pendingStart = undefined;
    } else if (this.open === "turn" && !dataOf(open).note) {
      if (this.turn?.lang) open.attrSet("lang", this.turn.lang);
    }
    this.out.push(...tokens);
  }

  private turn: TurnData | undefined;
  private pendingStart: TurnData | undefined;

  private startTurn(speaker: Speaker, line: number, manner: Manner | undefined, start: number | undefined): void {
    this.close();
    const lang = manner?.lang ?? (manner?.type === "interpreter" ? undefined : speaker.lang);
    this.ts.turns += 1;
    const turn: TurnData = {
      speaker,
      first: !this.spoken.has(speaker),
      ...(manner ? { manner } : {}),
      ...(lang ? { lang } : {}),
      id: `${this.ts.idPrefix}turn-${this.ts.turns}`,
      line,
      ...(start === undefined ? {} : { start }),
    };
    this.spoken.add(speaker);
    const token = this.push("verbatim_turn_open", 1);
    setData(token, { turn });
    this.open = "turn";
    this.current = speaker;
    this.turn = turn;
    this.pendingStart = turn;
  }

  /** A cue, heading or other block: what it means for the turn around it. */
  other(token: Token): void {
    if (token.type === "verbatim_cue") {
      this.close();
      this.afterTapeCue = dataOf(token).cue?.startsTape ?? false;
    } else if (token.type === "heading_open" && token.level === 0) {
      this.close();
      this.afterTapeCue = false;
    }
    this.out.push(token);
  }

  close(): void {
    if (this.pendingStart) {
      const { speaker, line } = this.pendingStart;
      throw new NotationError(
        line,
        `The label for ${speaker.name} has no speech after it.`,
        "put the speech on the same line as the label, or in the paragraph right after it; remove the label if it is not needed.",
      );
    }
    if (this.open === "turn") this.push("verbatim_turn_close", -1);
    if (this.open === "intro") this.push("verbatim_intro_close", -1);
    this.open = undefined;
    this.turn = undefined;
  }

  private push(type: string, nesting: 1 | -1): Token {
    const token = new this.state.Token(type, "div", nesting);
    token.block = true;
    this.out.push(token);
    return token;
  }
}

const MANNER_START = /^(?:through\s+(?:an\s+)?interpreters?|singing|reading|rapping|speaking\s+\p{L}+)\b/iu;

/**
 * Mistakes with parentheses that would otherwise put words in the wrong mouth: a cue inside a
 * label ("MANN (LAUGHTER):"), a cue and a label sharing a paragraph ("(LAUGHTER) MANN: ..."),
 * and a cue or manner whose ")" is missing ("(SOUNDBITE OF MUSIC", read as speech). An
 * unbalanced parenthesis that is not a cue or a manner is ordinary text and stays as written.
 */
function checkParentheses(content: string, label: LabelMatch | undefined, line: number): void {
  if (label) {
    for (const [whole, inner] of label.raw.matchAll(/\(([^()]*)\)/gu)) {
      if (inner !== undefined && parseCue(inner, false)) {
        const without = label.raw.replace(whole, "").replace(/\s+,/u, ",").replace(/\s{2,}/gu, " ").trim();
        throw new NotationError(
          line,
          `The label "${label.raw}:" has the cue "${whole}" inside it.`,
          `move the cue out of the label: after the colon, as part of the speech ("${without}: ${whole} ..."), or on a line of its own before the turn.`,
        );
      }
    }
  }
  const speech = (label ? content.slice(label.length) : content).trimStart();
  const unclosed = /^\(([^)]*)$/su.exec(speech);
  const first = unclosed?.[1]?.split("\n")[0]?.trim() ?? "";
  if (unclosed && first && (parseCue(first, true) || (label && MANNER_START.test(first)))) {
    throw new NotationError(
      line,
      `The parenthesis "(${first}" is never closed.`,
      `add ")" where the ${label ? "manner or cue" : "cue"} ends, e.g. "(${first})"; a stand-alone cue is a paragraph of its own, with a blank line after it.`,
    );
  }
  if (!label) {
    const lead = /^\(([^()]+)\)[ \t]+/u.exec(content);
    const next = lead?.[1] && parseCue(lead[1], true) ? matchLabel(content.slice(lead[0].length)) : undefined;
    if (lead && next) {
      throw new NotationError(
        line,
        `A cue and a speaker label share a paragraph: "${lead[0].trim()} ${next.raw}:".`,
        `put the cue on a line of its own with a blank line after it, then start the next paragraph with "${next.raw}:"; or write the cue after the label ("${next.raw}: ${lead[0].trim()} ...").`,
      );
    }
  }
}

export function turns(state: StateCore): void {
  const ts = transcriptState(state);
  const builder = new TurnBuilder(state, ts);
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === "paragraph_open" && token.level === 0 && tokens[i + 1]?.type === "inline") {
      builder.paragraph(tokens.slice(i, i + 3));
      i += 2;
    } else {
      builder.other(token);
    }
  }
  builder.close();
  state.tokens = builder.out;
}

/** Gives the first paragraph of each turn its speaker name, manner and language span. */
export function speakerPrefixes(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const turn = dataOf(tokens[i]).turnStart;
    const inline = tokens[i + 1];
    if (!turn || tokens[i]?.type !== "paragraph_open" || inline?.type !== "inline") continue;
    const before: Token[] = [];
    const speaker = new state.Token("verbatim_speaker", "b", 0);
    setData(speaker, { turn });
    before.push(speaker, text(state, " "));
    if (turn.manner) {
      const manner = new state.Token("verbatim_manner", "i", 0);
      setData(manner, { turn });
      before.push(manner);
      if (inline.children?.length) before.push(text(state, " "));
    }
    const children = inline.children ?? [];
    if (turn.lang && children.length) {
      const langOpen = new state.Token("verbatim_lang_open", "span", 1);
      langOpen.attrSet("lang", turn.lang);
      inline.children = [...before, langOpen, ...children, new state.Token("verbatim_lang_close", "span", -1)];
    } else {
      inline.children = [...before, ...children];
    }
  }
}

function text(state: StateCore, content: string): Token {
  const token = new state.Token("text", "", 0);
  token.content = content;
  return token;
}

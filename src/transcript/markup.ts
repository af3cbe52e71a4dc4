// How the notation's tokens become HTML. Parsing never writes markup; change the page's
// markup here (or override one of these renderer rules) without touching the parser.
//
// Choices, for screen-reader users first:
// - A turn is a <div> holding ordinary paragraphs; its first paragraph starts with the speaker's
//   name in proper case and a colon, so the name is the first thing read. Later paragraphs of the
//   same turn carry no visible label; the group carries the speaker as data.
// - Cues are visible text in parentheses with a type; tape is a labelled group.
// - "(ph)" is read as its meaning; corrections are labelled in text.
// - A timed turn on a page with audio ends with its moment: a link that plays the audio from the
//   turn's start (a media fragment, "audio.mp3#t=192", so it works without JavaScript; player.js
//   turns it into a button that seeks the page's player) and a permalink to the turn. They come
//   after the speech, so the turn is still heard speaker first and the speech is not interrupted;
//   each name is whole on its own ("Play from 3:12, Brian Mann", "Link to this moment, 3:12,
//   Brian Mann") and begins with, or holds, the visible text (WCAG 2.5.3).

import type { MarkdownIt, Renderer, Token } from "markdown-it";
import type { Cue, Segment } from "./model.ts";
import { formatTimestamp } from "./times.ts";
import { speakerLabel } from "./speakers.ts";
import type { NotationEnv } from "./state.ts";
import { dataOf, type Mark, type TurnData } from "./token-data.ts";

type Escape = (text: string) => string;

function attributes(escape: Escape, pairs: Record<string, string | undefined>): string {
  return Object.entries(pairs)
    .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== "")
    .map(([name, value]) => ` ${name}="${escape(value)}"`)
    .join("");
}

function cueAttributes(escape: Escape, cue: Cue, start?: number): string {
  return attributes(escape, {
    class: "v-cue",
    "data-cue": cue.type,
    "data-artist": cue.artist,
    "data-title": cue.title,
    "data-start": start === undefined ? undefined : String(start),
  });
}

export const PHONETIC_EXPLANATION = "phonetic spelling, unverified";

export function renderMark(mark: Mark, escape: Escape): string {
  switch (mark.kind) {
    case "ph":
      return `<span class="v-ph"><span aria-hidden="true">(ph)</span><span class="v-vh">(${PHONETIC_EXPLANATION})</span></span>`;
    case "sound":
      return `<span${cueAttributes(escape, mark.cue)}>(${escape(mark.cue.text)})</span>`;
    case "editorial":
      return `<span class="v-editorial">[${escape(mark.text)}]</span>`;
    case "correction":
      return `<span class="v-correction">[<strong>${escape(mark.label)}:</strong> ${escape(mark.text)}]</span>`;
  }
}

function turnOpen(escape: Escape, turn: TurnData): string {
  return `<div${attributes(escape, {
    class: "v-turn",
    id: turn.id,
    "data-speaker": turn.speaker.id,
    "data-role": turn.speaker.roleKind === "other" ? undefined : turn.speaker.roleKind,
    "data-manner": turn.manner?.type,
    "data-lang": turn.lang,
    "data-start": turn.start === undefined ? undefined : String(turn.start),
  })}>\n`;
}

/** The audio URL with a media fragment for a start time: "audio.mp3#t=192". */
export function mediaFragmentUrl(audioUrl: string, seconds: number): string {
  return `${audioUrl.replace(/#.*$/su, "")}#t=${seconds}`;
}

function moment(escape: Escape, turn: TurnData, audioUrl: string, start: number): string {
  // Readers see whole seconds; the link and the player seek to the exact start.
  const time = escape(formatTimestamp(Math.floor(start)));
  const who = escape(turn.speaker.name);
  // aria-label, not hidden spans: Chromium puts a space around an out-of-flow span in a name
  // ("Play from 3:12 , Brian Mann"). Each label holds the visible text word for word.
  const play = `<a class="v-play" href="${escape(mediaFragmentUrl(audioUrl, start))}" data-start="${start}" aria-label="Play from ${time}, ${who}">${time}</a>`;
  const link = `<a class="v-permalink" href="#${escape(turn.id)}" aria-label="Link to this moment, ${time}, ${who}">Link to this moment</a>`;
  return `<div class="v-moment">${play} ${link}</div>\n`;
}

function contents(escape: Escape, segments: Segment[]): string {
  const items = segments.map((s) => `<li><a href="#${escape(s.id)}">${escape(s.title)}</a></li>`).join("");
  return `<nav class="v-contents" aria-label="Segments"><ol>${items}</ol></nav>\n`;
}

export default function markupPlugin(md: MarkdownIt): void {
  const escape = md.utils.escapeHtml;
  const rules = md.renderer.rules;
  const turnOf = (tokens: Token[], i: number) => dataOf(tokens[i]).turn;

  rules.verbatim_intro_open = () => `<div class="v-intro">\n`;
  rules.verbatim_intro_close = () => `</div>\n`;
  rules.verbatim_turn_open = (tokens, i) => {
    const turn = turnOf(tokens, i);
    return turn ? turnOpen(escape, turn) : "<div>\n";
  };
  rules.verbatim_turn_close = (tokens, i, _options, env) => {
    const audioUrl = (env as NotationEnv | undefined)?.verbatim?.audioUrl;
    let open = i;
    while (open > 0 && tokens[open]?.type !== "verbatim_turn_open") open -= 1;
    const turn = turnOf(tokens, open);
    return audioUrl && turn?.start !== undefined ? `${moment(escape, turn, audioUrl, turn.start)}</div>\n` : `</div>\n`;
  };
  rules.verbatim_tape_open = (tokens, i) => {
    const { cue, label = "Tape" } = dataOf(tokens[i]);
    return `<div${attributes(escape, { class: "v-tape", role: "group", "aria-label": label, "data-cue": cue?.type })}>\n`;
  };
  rules.verbatim_tape_close = () => `</div>\n`;
  rules.verbatim_cue = (tokens, i) => {
    const { cue, start } = dataOf(tokens[i]);
    return cue ? `<p${cueAttributes(escape, cue, start)}>(${escape(cue.text)})</p>\n` : "";
  };
  rules.verbatim_contents = (tokens, i) => contents(escape, dataOf(tokens[i]).segments ?? []);
  rules.verbatim_speaker = (tokens, i) => {
    const turn = turnOf(tokens, i);
    return turn ? `<b class="v-speaker">${escape(speakerLabel(turn.speaker, turn.first))}:</b>` : "";
  };
  rules.verbatim_manner = (tokens, i) => {
    const manner = turnOf(tokens, i)?.manner;
    return manner
      ? `<i${attributes(escape, { class: "v-manner", "data-manner": manner.type, "data-lang": manner.lang })}>(${escape(manner.text)})</i>`
      : "";
  };
  rules.verbatim_lang_open = (tokens, i, options, _env, self: Renderer) => `<span${self.renderAttrs(tokens[i] as Token)}>`;
  rules.verbatim_lang_close = () => `</span>`;
  rules.verbatim_mark = (tokens, i) => {
    const mark = dataOf(tokens[i]).mark;
    return mark ? renderMark(mark, escape) : "";
  };

  const paragraphOpen = rules.paragraph_open;
  rules.paragraph_open = (tokens, i, options, env, self) => {
    const token = tokens[i] as Token;
    const { note, start, turnStart } = dataOf(token);
    if (note) token.attrJoin("class", "v-note");
    // A turn's first paragraph shares the turn's time; later ones carry their own.
    if (start !== undefined && !turnStart) token.attrSet("data-start", String(start));
    return paragraphOpen ? paragraphOpen(tokens, i, options, env, self) : self.renderToken(tokens, i, options);
  };
}

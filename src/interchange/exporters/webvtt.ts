// WebVTT captions: a voice span on every cue of speech (players and screen readers show each cue
// on its own, so each names its speaker), a language span for speech in another language, text
// escaped, LF line endings. Checked against Chromium's own parser in tests/export.test.ts.

import { formatClock } from "../../transcript/times.ts";
import { captionCues, type CaptionCue } from "./cues.ts";
import type { ExportableStory } from "./index.ts";

/** Cue text escaping: "&", "<" and ">" as character references (this also keeps "-->" out). */
export function escapeVtt(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
}

/** Header and NOTE text may hold neither line breaks nor "-->". */
function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").replace(/-->/gu, "->").trim();
}

/** A language tag as a class-free annotation: letters, digits and hyphens only. */
function langTag(lang: string): string | undefined {
  return /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/u.test(lang) ? lang : undefined;
}

/** One cue's payload: the voice, the lead (a manner) and the words, in their language. */
export function vttCueText(cue: CaptionCue): string {
  const joined = cue.lines.join("\n");
  const lead = escapeVtt(joined.slice(0, cue.lead.length));
  const words = joined.slice(cue.lead.length);
  const lang = cue.passage.lang ? langTag(cue.passage.lang) : undefined;
  const body = lang && words ? `${lead}<lang ${lang}>${escapeVtt(words)}</lang>` : lead + escapeVtt(words);
  const speaker = cue.passage.type === "speech" ? cue.passage.speaker : undefined;
  return speaker ? `<v ${escapeVtt(oneLine(speaker.name))}>${body}` : body;
}

export function writeWebVtt(story: ExportableStory): string {
  const title = oneLine(story.title);
  const out = [title ? `WEBVTT - ${title}` : "WEBVTT", ""];
  const copyright = story.copyright ? oneLine(story.copyright) : "";
  if (copyright) out.push(`NOTE ${copyright}`, "");
  for (const cue of captionCues(story)) {
    out.push(`${formatClock(cue.start, ".")} --> ${formatClock(cue.end, ".")}`, vttCueText(cue), "");
  }
  return out.join("\n");
}

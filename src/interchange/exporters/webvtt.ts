// WebVTT captions: a voice span on every caption of speech (players and screen readers show each caption
// on its own, so each names its speaker), a language span for speech in another language, text
// escaped, LF line endings. Checked against Chromium's own parser in tests/export.test.ts.

import { formatClock } from "../../transcript/times.ts";
import { captionsOf, type Caption } from "./captions.ts";
import type { ExportableStory } from "./index.ts";

/** Caption text escaping: "&", "<" and ">" as character references (this also keeps "-->" out). */
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

/** One caption's payload: the voice, the lead (a manner) and the words, in their language. */
export function vttCaptionText(caption: Caption): string {
  const joined = caption.lines.join("\n");
  const lead = escapeVtt(joined.slice(0, caption.lead.length));
  const words = joined.slice(caption.lead.length);
  const lang = caption.passage.lang ? langTag(caption.passage.lang) : undefined;
  const body = lang && words ? `${lead}<lang ${lang}>${escapeVtt(words)}</lang>` : lead + escapeVtt(words);
  const speaker = caption.passage.type === "speech" ? caption.passage.speaker : undefined;
  return speaker ? `<v ${escapeVtt(oneLine(speaker.name))}>${body}` : body;
}

export function writeWebVtt(story: ExportableStory): string {
  const title = oneLine(story.title);
  const out = [title ? `WEBVTT - ${title}` : "WEBVTT", ""];
  const copyright = story.copyright ? oneLine(story.copyright) : "";
  if (copyright) out.push(`NOTE ${copyright}`, "");
  for (const caption of captionsOf(story)) {
    out.push(`${formatClock(caption.start, ".")} --> ${formatClock(caption.end, ".")}`, vttCaptionText(caption), "");
  }
  return out.join("\n");
}

// Segments: a Markdown heading inside a transcript ("## Act One") marks a segment. The page has
// its own h1 and a "Transcript" h2, so segment headings start at h3. Each gets a prefixed id, and
// a short contents list leads the transcript when there are two segments or more (unless the
// caller lists timed headings itself, as chapters: the `chapters` option).

import type { StateCore } from "markdown-it";
import { slugify } from "../text.ts";
import { fileLine, transcriptState } from "../state.ts";
import { dataOf, setData } from "../token-data.ts";

export function segments(state: StateCore): void {
  const ts = transcriptState(state);
  const used = new Set<string>();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    const inline = tokens[i + 1];
    const close = tokens[i + 2];
    if (open?.type !== "heading_open" || !inline || !close) continue;
    const level = Math.min(6, Math.max(3, Number(open.tag.slice(1)) + 1));
    open.tag = close.tag = `h${level}`;
    // A heading inside a list or a quote still sits below the page's own h1 and h2, but it is
    // not a segment of the transcript.
    if (open.level !== 0) continue;
    const title = inline.content.trim();
    const base = `${ts.idPrefix}seg-${slugify(title) || "segment"}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    open.attrSet("id", id);
    const start = dataOf(open).start;
    ts.segments.push({ id, title, line: fileLine(open, ts), ...(start === undefined ? {} : { start }) });
  }
  // A page that lists chapters (timed headings) writes that list itself, with "Play from" controls.
  const chapters = ts.chapters && ts.segments.some((s) => s.start !== undefined);
  if (ts.segments.length >= 2 && !chapters) {
    const contents = new state.Token("verbatim_contents", "nav", 0);
    contents.block = true;
    setData(contents, { segments: ts.segments });
    tokens.unshift(contents);
  }
}

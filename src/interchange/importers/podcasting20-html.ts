// Podcasting 2.0 HTML transcripts: a fragment, not a document, of
//   <cite>Name:</cite> <time>0:53</time> <p>words…</p>
// repeated (the <time> is optional), and transcripts in the W3C WAI style, where each paragraph
// opens with its speaker: <p><strong>Name:</strong> words…</p>. Read with a small scanner rather
// than a DOM: a fragment of bare cites and times is not a document a parser keeps in order, and the
// scanner knows the source line of every element for warnings.

import { ImportError } from "../model.ts";
import type { ImportedTranscript, Importer } from "../model.ts";
import { BlockBuilder } from "../block-builder.ts";
import { bracketedSounds, cleanText, squash } from "../text.ts";
import { parseTimestamp } from "../../transcript/times.ts";

interface Element {
  /** Lower-case tag name: "cite", "time", "p", "h2". */
  name: string;
  attributes: string;
  /** The HTML between the start tag and the end of the element. */
  inner: string;
  /** Offset of the start tag in the source. */
  offset: number;
}

const START_TAG = /<(cite|time|p|h[1-6])(?=[\s/>])([^>]*)>/giu;
/** A <p> ends at </p>, or where HTML would close it: the next paragraph or heading, or a speaker's <cite>. */
const PARAGRAPH_END = /<\/p\s*>|<(?:p|h[1-6])(?=[\s/>])|<cite\b[^>]*>[^<]*:\s*<\/cite\s*>/giu;

export const podcasting20HtmlImporter: Importer = {
  format: "podcasting20-html",
  name: "Podcasting 2.0 HTML",
  detect(source) {
    const text = source.text;
    if (/<cite\b/iu.test(text) && /<(?:p|time)(?=[\s/>])/iu.test(text)) return true;
    return /^\s*</u.test(text) && /<p(?=[\s/>])[^>]*>/iu.test(text);
  },
  read(source) {
    const html = blankOut(source.text);
    const builder = new BlockBuilder();
    const meta: ImportedTranscript["meta"] = {};
    const lang = /<html\b[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/iu.exec(html)?.[1];
    if (lang) meta.lang = lang;
    const lineAt = lineCounter(html);
    let start: number | undefined;
    // A cite, its time and its paragraph are one unit; the paragraph gets the line the unit opens on.
    let unitLine: number | undefined;
    for (const element of elements(html)) {
      const line = lineAt(element.offset);
      if (element.name === "cite") {
        const name = inlineText(element.inner).replace(/\s*:$/u, "");
        if (name) builder.speaker(name, line);
        // A time left over belonged to a speaker who said nothing; it is not this speaker's.
        start = undefined;
        unitLine = line;
      } else if (element.name === "time") {
        start = timeOf(element);
        unitLine ??= line;
        if (start === undefined) builder.warnings.push({ line, message: `The time "${inlineText(element.inner)}" is not m:ss or h:mm:ss; it was left out.` });
      } else if (element.name === "p") {
        const label = leadingLabel(element.inner);
        if (label) builder.speaker(label.name, line);
        const text = inlineText(label ? label.rest : element.inner);
        if (text === "") continue;
        builder.paragraph({ text, line: unitLine ?? line, ...(start === undefined ? {} : { start }) });
        start = undefined;
        unitLine = undefined;
      } else if (element.name === "h1" && !meta.title && !builder.hasSpeech()) {
        meta.title = inlineText(element.inner);
      } else {
        builder.heading(inlineText(element.inner), line);
      }
    }
    const { blocks, warnings } = builder.finish();
    if (!blocks.some((b) => b.kind === "turn")) {
      throw new ImportError(source.file, undefined, "No transcript paragraphs were found in the HTML.", "put each paragraph of speech in <p>…</p>, after <cite>Speaker:</cite> or opening with <strong>Speaker:</strong>.");
    }
    return { format: "podcasting20-html", meta, blocks, warnings };
  },
};

/** Comments, scripts and styles blanked to spaces: their tags are not content, and offsets (lines) stay put. */
function blankOut(html: string): string {
  return html.replace(/<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>/giu, (hidden) => hidden.replace(/[^\n]/gu, " "));
}

/** The cite, time, p and heading elements in source order. */
function* elements(html: string): Generator<Element> {
  const start = new RegExp(START_TAG.source, START_TAG.flags);
  for (let m = start.exec(html); m; m = start.exec(html)) {
    const name = (m[1] ?? "").toLowerCase();
    const from = start.lastIndex;
    const end = name === "p" ? new RegExp(PARAGRAPH_END.source, "giu") : new RegExp(`</${name}\\s*>`, "giu");
    end.lastIndex = from;
    const to = end.exec(html)?.index ?? html.length;
    yield { name, attributes: m[2] ?? "", inner: html.slice(from, to), offset: m.index };
    start.lastIndex = to;
  }
}

/** Offset → 1-based line, for offsets that only grow (elements come in source order). */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let counted = 0;
  return (offset) => {
    for (; counted < offset; counted++) if (text.charCodeAt(counted) === 10) line++;
    return line;
  };
}

/** A <time>'s seconds, from its text ("0:53") or else its datetime attribute. */
function timeOf(element: Element): number | undefined {
  const fromText = parseTimestamp(inlineText(element.inner));
  if (fromText !== undefined) return fromText;
  const datetime = /\bdatetime\s*=\s*["']?([^"'\s>]+)/iu.exec(element.attributes)?.[1];
  return datetime === undefined ? undefined : parseTimestamp(datetime);
}

/** A paragraph opening with <strong>Name:</strong> or <b>Name</b>: (the WAI style), and what follows it. */
function leadingLabel(inner: string): { name: string; rest: string } | undefined {
  const m = /^\s*<(strong|b)\b[^>]*>([\s\S]*?)<\/\1\s*>\s*(:?)/iu.exec(inner);
  if (!m) return undefined;
  const label = inlineText(m[2] ?? "");
  if (!label.endsWith(":") && m[3] !== ":") return undefined;
  const name = label.replace(/\s*:$/u, "");
  // A bold phrase ending in a colon inside running text is emphasis, not a name.
  if (name === "" || name.length > 60 || /[.!?]$/u.test(name)) return undefined;
  return { name, rest: inner.slice(m[0].length) };
}

/** Inline HTML → notation text: tags dropped (a <br> is a space), entities decoded, sounds in parentheses. */
function inlineText(html: string): string {
  const text = html.replace(/<br\s*\/?>/giu, " ").replace(/<\/?[a-z][^>]*>/giu, "");
  return squash(bracketedSounds(cleanText(text)));
}


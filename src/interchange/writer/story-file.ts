// An imported transcript written as a story file: front matter, then the transcript in the
// notation. The result is read back with the notation parser before anyone sees it, so an
// import never writes a story the build would reject.

import yaml from "js-yaml";
import { renderTranscript } from "../../transcript/index.ts";
import { NotationError } from "../../transcript/errors.ts";
import type { NotationWarning } from "../../transcript/model.ts";
import { formatTimestamp } from "../../transcript/times.ts";
import { splitFrontMatter } from "../../story/front-matter.ts";
import { validateFrontMatter } from "../../story/schema.ts";
import type { ImportedBlock, ImportedTranscript, ImportWarning } from "../model.ts";
import { escapeParagraph } from "./escape.ts";
import { planLabels, speakerKey, type LabelPlan } from "./labels.ts";

export interface StoryFileOptions {
  title: string;
  show: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Where the transcript came from, for the comment at the top. */
  source: string;
  /** The format's name as editors know it: "WebVTT". */
  formatName: string;
}

export interface WrittenStory {
  text: string;
  speakers: string[];
  turns: number;
  timed: boolean;
  /**
   * Speaker labels left inside speech in the written story (the notation's label-like lint, as the
   * build will report them): each a line of the story file and the message with its fix.
   */
  labelLike: NotationWarning[];
}

const UNATTRIBUTED = { name: "Unidentified speaker" };

function stamp(start: number | undefined): string {
  return start === undefined ? "" : `[${formatTimestamp(start)}] `;
}

function cueLine(text: string): string {
  return `(${text.replace(/[()]/gu, "").trim().toUpperCase()})`;
}

function writeBody(blocks: ImportedBlock[], plan: LabelPlan): string {
  const out: string[] = [];
  const introduced = new Set<string>();
  for (const block of blocks) {
    if (block.kind === "heading") {
      out.push(`## ${stamp(block.start)}${escapeParagraph(block.title, { afterLabel: true })}`);
    } else if (block.kind === "cue") {
      out.push(`${stamp(block.start)}${cueLine(block.text)}`);
    } else if (!block.speaker && introduced.size === 0) {
      for (const p of block.paragraphs) out.push(`${stamp(p.start)}${escapeParagraph(p.text, { afterLabel: false })}`);
    } else {
      const speaker = block.speaker ?? UNATTRIBUTED;
      const key = speakerKey(speaker.name);
      const label = introduced.has(key) ? plan.short(speaker.name) : plan.full(speaker.name);
      introduced.add(key);
      const manner = block.manner ? `(${block.manner.replace(/[()]/gu, "").trim()}) ` : "";
      // A manner alone, "(Speaking Spanish)", is a whole turn: speech left untranslated.
      if (block.paragraphs.length === 0 && manner) out.push(`${label}: ${manner.trim()}`);
      block.paragraphs.forEach((p, i) => {
        const text = escapeParagraph(p.text, { afterLabel: i === 0 && manner === "" });
        out.push(i === 0 ? `${stamp(p.start)}${label}: ${manner}${text}` : `${stamp(p.start)}${text}`);
      });
    }
  }
  return `${out.join("\n\n")}\n`;
}

function lastTime(blocks: ImportedBlock[]): number | undefined {
  let last: number | undefined;
  const see = (t: number | undefined) => {
    if (t !== undefined && (last === undefined || t > last)) last = t;
  };
  for (const b of blocks) {
    if (b.kind === "turn") for (const p of b.paragraphs) see(p.end ?? p.start);
    else see(b.kind === "cue" ? (b.end ?? b.start) : b.start);
  }
  return last;
}

function durationText(seconds: number): string {
  const whole = Math.ceil(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

function reviewComments(warnings: ImportWarning[], source: string, formatName: string): string {
  const lines = [`# Imported by Verbatim from ${source} (${formatName}).`];
  const review = warnings.filter((w) => w.review);
  if (review.length) {
    lines.push("# Check before publishing:");
    for (const w of review) lines.push(`#   ${w.line ? `source line ${w.line}: ` : ""}${w.message.replace(/\s+/gu, " ")}`);
  }
  return `${lines.join("\n")}\n`;
}

function frontMatter(doc: ImportedTranscript, options: StoryFileOptions, plan: LabelPlan): string {
  const { meta } = doc;
  const duration = meta.duration ?? lastTime(doc.blocks);
  const data = {
    title: options.title,
    show: options.show,
    date: options.date,
    ...(meta.summary ? { summary: meta.summary } : {}),
    ...(meta.tags?.length ? { tags: meta.tags } : {}),
    ...(duration ? { duration: durationText(duration) } : {}),
    ...(meta.lang ? { lang: meta.lang } : {}),
    ...(meta.copyright ? { copyright: meta.copyright } : {}),
    ...(Object.keys(plan.declarations).length ? { speakers: plan.declarations } : {}),
  };
  return yaml.dump(data, { schema: yaml.CORE_SCHEMA, lineWidth: 100, quotingType: '"' });
}

/** Writes the story; throws NotationError only if the writer itself made a mistake. */
export function writeStoryFile(doc: ImportedTranscript, options: StoryFileOptions): WrittenStory {
  const speakers = doc.blocks.flatMap((b) => (b.kind === "turn" && b.speaker ? [b.speaker] : []));
  if (doc.blocks.some((b, i) => b.kind === "turn" && !b.speaker && doc.blocks.slice(0, i).some((x) => x.kind === "turn" && x.speaker))) {
    speakers.push(UNATTRIBUTED);
  }
  let lastError: unknown;
  // Short labels read best; if a name makes one ambiguous, full labels throughout always resolve.
  for (const short of [true, false]) {
    const plan = planLabels(speakers, short);
    const text = `---\n${reviewComments(doc.warnings, options.source, options.formatName)}${frontMatter(doc, options, plan)}---\n${writeBody(doc.blocks, plan)}`;
    try {
      const split = splitFrontMatter("imported.md", text);
      const meta = validateFrontMatter("imported.md", split);
      const rendered = renderTranscript(split.body, { speakers: meta.speakers, lineOffset: split.bodyOffset });
      return {
        text,
        speakers: rendered.summary.speakers.map((s) => s.name),
        turns: rendered.summary.turns,
        timed: rendered.summary.timed,
        labelLike: rendered.summary.warnings.filter((w) => w.code === "label-like"),
      };
    } catch (error) {
      if (!(error instanceof NotationError)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

// One story: validated front matter plus its rendered transcript, with the URLs it lives at.

import path from "node:path";
import { renderTranscript, type NotationWarning, type Segment, type Speaker, type TranscriptBlock } from "../transcript/index.ts";
import { NotationError } from "../transcript/errors.ts";
import { slugify } from "../transcript/text.ts";
import { InputError } from "./errors.ts";
import { fieldLine, splitFrontMatter } from "./front-matter.ts";
import { resolveImage, type ImageRef } from "./image-ref.ts";
import { validateFrontMatter } from "./schema.ts";
import type { SiteSettings } from "./settings.ts";

export interface Link {
  name: string;
  slug: string;
  url: string;
}

export interface Audio {
  /** What the page's <audio> points at: a site path ("/stories/x/audio.mp3") or an absolute URL. */
  url: string;
  /** For a file next to the story: its path from the project root, to check and copy. */
  file?: string;
  type?: string;
}

export interface Duration {
  seconds: number;
  /** ISO 8601 duration for <time datetime>: "PT1H2M48S". */
  iso: string;
  /** As read: "1 hour, 2 minutes". */
  text: string;
}

export interface StorySpeaker extends Speaker {
  /** Site page for the person, when they are one identifiable person. */
  url?: string;
  siteId?: string;
}

export interface Story {
  file: string;
  slug: string;
  url: string;
  title: string;
  show: Link;
  /** YYYY-MM-DD. */
  date: string;
  /** The value for <time datetime>. */
  datetime: string;
  year: number;
  summary?: string;
  tags: Link[];
  speakers: StorySpeaker[];
  audio?: Audio;
  /** The story's own cover image, when it has one (otherwise its show's art stands in). */
  cover?: ImageRef;
  duration?: Duration;
  copyright?: string;
  lang: string;
  draft: boolean;
  html: string;
  segments: Segment[];
  words: number;
  turns: number;
  warnings: NotationWarning[];
  /** The conversation in reading order, for exports. */
  blocks: TranscriptBlock[];
  /** Whether the transcript carries times (timed exports exist only then). */
  timed: boolean;
}

const AUDIO_TYPES: Record<string, string> = {
  ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".mp4": "audio/mp4", ".aac": "audio/aac", ".ogg": "audio/ogg",
  ".oga": "audio/ogg", ".opus": "audio/ogg", ".wav": "audio/wav", ".webm": "audio/webm", ".flac": "audio/flac",
};

/** "content/stories/2026/ferry.md" → "2026/ferry"; ".../ferry/index.md" → "ferry". */
export function storySlug(storiesDir: string, file: string): string {
  const relative = path.posix.relative(storiesDir, file).replace(/\.md$/u, "").replace(/(^|\/)index$/u, "");
  return relative.split("/").map((part) => slugify(part)).filter(Boolean).join("/");
}

export function parseDuration(text: string): Duration {
  const parts = text.split(":").map(Number);
  const [h, m, s] = parts.length === 3 ? parts : [0, ...parts];
  const seconds = (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  const words = [hours && plural(hours, "hour"), minutes && plural(minutes, "minute"), !hours && secs && plural(secs, "second")].filter(Boolean);
  return {
    seconds,
    iso: `PT${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${secs || seconds === 0 ? `${secs}S` : ""}`,
    text: words.join(", ") || "0 seconds",
  };
}

function link(base: string, name: string): Link {
  const slug = slugify(name);
  return { name, slug, url: `/${base}/${slug}/` };
}

function audioFor(file: string, contentDir: string, audio: string | undefined): Audio | undefined {
  if (!audio) return undefined;
  const type = AUDIO_TYPES[path.posix.extname(new URL(audio, "file:///").pathname).toLowerCase()];
  if (/^https?:\/\//iu.test(audio)) return { url: audio, ...(type ? { type } : {}) };
  const source = path.posix.normalize(path.posix.join(path.posix.dirname(file), audio));
  if (!source.startsWith(`${contentDir}/`)) {
    throw new InputError(file, undefined, `The audio file "${audio}" is outside ${contentDir}/.`, "put the audio file next to the story (or in a folder under content/) and give its path relative to the story.");
  }
  return { url: `/${path.posix.relative(contentDir, source)}`, file: source, ...(type ? { type } : {}) };
}

export interface StoryInput {
  /** Path from the project root, with forward slashes: "content/stories/ferry.md". */
  file: string;
  raw: string;
}

export interface StoryContext {
  settings: SiteSettings;
  contentDir: string;
  storiesDir: string;
}

/** Reads one story file's text into a Story. Throws InputError naming the file and line. */
export function parseStory({ file, raw }: StoryInput, { settings, contentDir, storiesDir }: StoryContext): Story {
  const split = splitFrontMatter(file, raw);
  const meta = validateFrontMatter(file, split);
  const audio = audioFor(file, contentDir, meta.audio);
  let rendered;
  try {
    rendered = renderTranscript(split.body, { speakers: meta.speakers, lenient: meta.lenient, lineOffset: split.bodyOffset, ...(audio ? { audioUrl: audio.url } : {}) });
  } catch (error) {
    if (error instanceof NotationError) throw new InputError(file, error.line, error.problem, error.fix);
    throw error;
  }
  const slug = storySlug(storiesDir, file);
  const date = meta.date.slice(0, 10);
  const cover = meta.cover ? resolveImage(file, fieldLine(split, "cover"), contentDir, meta.cover) : undefined;
  return {
    file,
    slug,
    url: `/stories/${slug}/`,
    title: meta.title,
    show: link("shows", meta.show),
    date,
    datetime: meta.date.length > 10 ? meta.date : date,
    year: Number(date.slice(0, 4)),
    ...(meta.summary ? { summary: meta.summary } : {}),
    tags: [...new Map(meta.tags.map((tag) => [slugify(tag), link("tags", tag)])).values()],
    speakers: rendered.summary.speakers.map((speaker) =>
      speaker.generic ? { ...speaker } : { ...speaker, siteId: slugify(speaker.name), url: `/speakers/${slugify(speaker.name)}/` },
    ),
    ...(audio ? { audio } : {}),
    ...(cover ? { cover } : {}),
    ...(meta.duration ? { duration: parseDuration(meta.duration) } : {}),
    ...(meta.copyright ? { copyright: meta.copyright } : {}),
    lang: meta.lang ?? settings.language,
    draft: meta.draft,
    html: rendered.html,
    segments: rendered.summary.segments,
    words: rendered.summary.words,
    turns: rendered.summary.turns,
    warnings: rendered.summary.warnings,
    blocks: rendered.summary.blocks,
    timed: rendered.summary.timed,
  };
}

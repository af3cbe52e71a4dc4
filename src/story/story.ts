// One story: validated front matter plus its rendered transcript, with the URLs it lives at.

import path from "node:path";
import { renderTranscript, type NotationWarning, type Segment, type Speaker, type TranscriptBlock } from "../transcript/index.ts";
import { NotationError } from "../transcript/errors.ts";
import { slugify } from "../transcript/text.ts";
import { storyChapters, type Chapter, type ChapterEntry } from "./chapters.ts";
import { checkCharacters } from "./encoding.ts";
import { InputError } from "./errors.ts";
import { fieldLine, splitFrontMatter } from "./front-matter.ts";
import { episodeInfo, type EpisodeInfo } from "./episode.ts";
import { resolveImage, type ImageRef } from "./image-ref.ts";
import { isPlaceholderSpeaker, placeholderWarnings } from "./placeholder-speakers.ts";
import { pathLine, validateFrontMatter, type FrontMatter } from "./schema.ts";
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
  /** For a file on another host: its size in bytes, as the front matter gives it (audio: { url, bytes }). */
  bytes?: number;
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
  /** The timed headings as chapters, in time order, with an opening one at 0:00 when needed ([] without timed headings). */
  chapters: Chapter[];
  words: number;
  turns: number;
  warnings: NotationWarning[];
  /** The conversation in reading order, for exports. */
  blocks: TranscriptBlock[];
  /** Whether the transcript carries times (timed exports exist only then). */
  timed: boolean;
  /** Season, episode number, type and soundbites, for the show's podcast feed. */
  episode: EpisodeInfo;
  /** Front matter lines of fields checked later (against the disk, by the feed checks), for their error messages. */
  lines: StoryLines;
}

/** Lines of front matter fields that later checks name in their messages. */
export interface StoryLines {
  audio?: number;
  cover?: number;
  season?: number;
  episode?: number;
  episodeType?: number;
  soundbites?: number;
  show?: number;
  duration?: number;
  title?: number;
  summary?: number;
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

const AUDIO_FIX = "give a file next to the story (audio: episode.mp3) or a web address starting with https:// (audio: https://cdn.example.org/episode.mp3).";

/** A host name as it may appear in the page's Content-Security-Policy: letters, digits, dots, hyphens, or an IP. */
const PLAIN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/u;

function audioFor(file: string, line: number | undefined, contentDir: string, audio: string | undefined): Audio | undefined {
  if (!audio) return undefined;
  if (/^https?:/iu.test(audio)) {
    let url: URL | undefined;
    try {
      url = /^https?:\/\//iu.test(audio) ? new URL(audio) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || !PLAIN_HOST.test(url.hostname) || url.username || url.password) {
      throw new InputError(file, line, `The audio address "${audio}" is not a valid web address.`, `${AUDIO_FIX} Spaces and quotes must be percent-encoded (%20, %22).`);
    }
    const type = AUDIO_TYPES[path.posix.extname(url.pathname).toLowerCase()];
    return { url: url.href, ...(type ? { type } : {}) };
  }
  if (/^[a-z][a-z0-9+.-]*:/iu.test(audio) || audio.startsWith("//")) {
    throw new InputError(file, line, `The audio "${audio}" is neither a file next to the story nor an http(s) address.`, AUDIO_FIX);
  }
  if (/[\u0000-\u001F"<>\\`]/u.test(audio)) {
    throw new InputError(file, line, `The audio file name "${audio}" has characters a web address cannot carry.`, `rename the file with letters, digits, hyphens and dots only, then ${AUDIO_FIX}`);
  }
  const source = path.posix.normalize(path.posix.join(path.posix.dirname(file), audio));
  if (!source.startsWith(`${contentDir}/`)) {
    throw new InputError(file, line, `The audio file "${audio}" is outside ${contentDir}/.`, "put the audio file next to the story (or in a folder under content/) and give its path relative to the story.");
  }
  const type = AUDIO_TYPES[path.posix.extname(source).toLowerCase()];
  return { url: `/${path.posix.relative(contentDir, source)}`, file: source, ...(type ? { type } : {}) };
}

/** A show or tag needs a slug for its page's address. */
function named(base: "shows" | "tags", file: string, line: number | undefined, name: string): Link {
  const result = link(base, name);
  if (!result.slug) {
    const field = base === "shows" ? "show" : "tags";
    throw new InputError(
      file,
      line,
      `The ${base === "shows" ? "show" : "tag"} "${name}" has no Latin letter or digit to make its page's address from.`,
      `add a word in Latin letters or a digit to the ${field} (addresses are spelled in a-z and 0-9), e.g. ${base === "shows" ? "show: Night Desk" : "tags: [ferries]"}.`,
    );
  }
  return result;
}

/** The front matter's `chapters:` entries, their images resolved next to the story. */
function chapterEntries(file: string, split: ReturnType<typeof splitFrontMatter>, contentDir: string, chapters: FrontMatter["chapters"]): Record<string, ChapterEntry> {
  const entries: Record<string, ChapterEntry> = {};
  for (const [title, extras] of Object.entries(chapters)) {
    const line = pathLine(split, ["chapters", title]);
    const image = extras.image ? resolveImage(file, pathLine(split, ["chapters", title, "image"]) ?? line, contentDir, extras.image) : undefined;
    entries[title] = { line, ...(extras.url ? { url: extras.url } : {}), ...(image ? { image } : {}) };
  }
  return entries;
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
  const textWarnings = checkCharacters(file, raw);
  const split = splitFrontMatter(file, raw);
  const meta = validateFrontMatter(file, split);
  const slug = storySlug(storiesDir, file);
  if (!slug) {
    throw new InputError(file, 1, `The file name "${path.posix.basename(file)}" has no Latin letter or digit to make the story's address from.`, "rename the file (or its folder) with letters a-z and digits, e.g. night-ferry-returns.md.");
  }
  const lines: StoryLines = {
    ...(meta.audio ? { audio: fieldLine(split, "audio") ?? 1 } : {}),
    ...(meta.cover ? { cover: fieldLine(split, "cover") ?? 1 } : {}),
  };
  for (const field of ["show", "season", "episode", "episodeType", "soundbites", "duration", "title", "summary"] as const) {
    const line = fieldLine(split, field);
    if (line !== undefined) lines[field] = line;
  }
  const audioSpec = typeof meta.audio === "object" ? meta.audio : undefined;
  const found = audioFor(file, lines.audio, contentDir, typeof meta.audio === "object" ? meta.audio.url : meta.audio);
  const audio = found && audioSpec ? { ...found, ...(audioSpec.type ? { type: audioSpec.type } : {}), ...(audioSpec.bytes ? { bytes: audioSpec.bytes } : {}) } : found;
  const show = named("shows", file, fieldLine(split, "show"), meta.show);
  const tags = [...new Map(meta.tags.map((tag) => named("tags", file, fieldLine(split, "tags"), tag)).map((tag) => [tag.slug, tag])).values()];
  let rendered;
  try {
    rendered = renderTranscript(split.body, { speakers: meta.speakers, lenient: meta.lenient, lineOffset: split.bodyOffset, chapters: true, ...(audio ? { audioUrl: audio.url } : {}) });
  } catch (error) {
    if (error instanceof NotationError) throw new InputError(file, error.line, error.problem, error.fix);
    throw error;
  }
  const date = meta.date.slice(0, 10);
  const cover = meta.cover ? resolveImage(file, lines.cover, contentDir, meta.cover) : undefined;
  const duration = meta.duration ? parseDuration(meta.duration) : undefined;
  const durationLine = fieldLine(split, "duration");
  const chapters = storyChapters({
    file,
    segments: rendered.summary.segments,
    entries: chapterEntries(file, split, contentDir, meta.chapters),
    ...(duration ? { duration: duration.seconds } : {}),
    ...(durationLine ? { durationLine } : {}),
  });
  return {
    file,
    slug,
    url: `/stories/${slug}/`,
    title: meta.title,
    show,
    date,
    datetime: meta.date.length > 10 ? meta.date : date,
    year: Number(date.slice(0, 4)),
    ...(meta.summary ? { summary: meta.summary } : {}),
    tags,
    // A named speaker gets a page, when the name gives it an address (a name in other scripts
    // than Latin is listed without a link); a placeholder ("Speaker 1") is no one across stories.
    speakers: rendered.summary.speakers.map((speaker) => {
      if (isPlaceholderSpeaker(speaker)) return { ...speaker, generic: true };
      return speaker.generic || !slugify(speaker.name) ? { ...speaker } : { ...speaker, siteId: slugify(speaker.name), url: `/speakers/${slugify(speaker.name)}/` };
    }),
    ...(audio ? { audio } : {}),
    ...(cover ? { cover } : {}),
    ...(duration ? { duration } : {}),
    ...(meta.copyright ? { copyright: meta.copyright } : {}),
    lang: meta.lang ?? settings.language,
    draft: meta.draft,
    html: rendered.html,
    segments: rendered.summary.segments,
    words: rendered.summary.words,
    turns: rendered.summary.turns,
    warnings: [...textWarnings, ...rendered.summary.warnings, ...placeholderWarnings(split, meta.speakers, rendered.summary.speakers)].sort((a, b) => a.line - b.line),
    episode: episodeInfo(meta),
    lines,
    blocks: rendered.summary.blocks,
    timed: rendered.summary.timed,
    chapters,
  };
}

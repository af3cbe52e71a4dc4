// What a story says about itself as a podcast episode, beyond its audio: season and episode
// numbers, the episode type, and soundbites (moments podcast apps may preview). Validated with
// the rest of the front matter (schema.ts); written into the show's feed by src/feeds/episode-elements.ts.
//
//   season: 2
//   episode: 14
//   episodeType: full          # full (default), trailer or bonus
//   soundbites:
//     - { start: "1:05", duration: 30, title: "Why the ferry stopped" }

import { z } from "zod";

/** "1:05", "1:02:48" or a number of seconds (decimals allowed): seconds. */
const TIME = /^(?:(\d+):)?([0-5]?\d):([0-5]\d(?:\.\d+)?)$/u;

function seconds(value: string | number): number {
  if (typeof value === "number") return value;
  const m = TIME.exec(value.trim());
  if (!m) return Number.NaN;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const time = z.union([z.number(), z.string()]).transform(seconds).pipe(z.number().finite().nonnegative());

export const soundbiteSchema = z.strictObject({
  start: time,
  duration: time.pipe(z.number().positive()),
  title: z.string().trim().min(1).max(128).optional(),
});

export const EPISODE_TYPES = ["full", "trailer", "bonus"] as const;
export type EpisodeType = (typeof EPISODE_TYPES)[number];

/** The episode fields of the front matter schema. */
export const episodeFields = {
  season: z.number().int().positive().optional(),
  episode: z.number().int().positive().optional(),
  episodeType: z.enum(EPISODE_TYPES).optional(),
  soundbites: z.array(soundbiteSchema).default([]),
};

/** What each episode field must be, and an example, for error messages (schema.ts's FIELDS). */
export const EPISODE_FIELD_HELP: Record<string, { expected: string; example: string }> = {
  season: { expected: "a season number: a whole number from 1", example: "season: 2" },
  episode: { expected: "an episode number: a whole number from 1", example: "episode: 14" },
  episodeType: { expected: "full, trailer or bonus", example: "episodeType: trailer" },
  soundbites: {
    expected: "a list of moments, each with a start, a duration in seconds (15 to 120 is best) and an optional title",
    example: 'soundbites: [{ start: "1:05", duration: 30, title: "Why the ferry stopped" }]',
  },
};

export interface Soundbite {
  /** Seconds from the start of the audio. */
  start: number;
  /** Seconds. */
  duration: number;
  title?: string;
}

/** A story's episode details, all optional. */
export interface EpisodeInfo {
  season?: number;
  episode?: number;
  episodeType?: EpisodeType;
  soundbites: Soundbite[];
}

export function episodeInfo(meta: { season?: number | undefined; episode?: number | undefined; episodeType?: EpisodeType | undefined; soundbites: Array<{ start: number; duration: number; title?: string | undefined }> }): EpisodeInfo {
  return {
    ...(meta.season !== undefined ? { season: meta.season } : {}),
    ...(meta.episode !== undefined ? { episode: meta.episode } : {}),
    ...(meta.episodeType ? { episodeType: meta.episodeType } : {}),
    soundbites: meta.soundbites.map((s) => ({ start: s.start, duration: s.duration, ...(s.title ? { title: s.title } : {}) })),
  };
}

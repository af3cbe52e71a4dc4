// The content-addressed cache: an entry is named by a hash of everything that decides its bytes
// (the source files' bytes, the recipe, the encoder settings, sharp's and libvips' versions and
// PIPELINE_VERSION), is written atomically, and is copied into the site.

import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { constants as fsConstants } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { CARD_ENCODING, ENCODING } from "./encode.ts";
import { ImageError } from "./errors.ts";
import { extensionOf } from "./names.ts";
import type { ImageJob } from "./types.ts";

/** Bump when the card design or the way images are drawn changes in a way the key cannot see. */
export const PIPELINE_VERSION = 2;

const VERSIONS = { sharp: sharp.versions.sharp, vips: sharp.versions.vips, heif: sharp.versions.heif ?? null };

export function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Reads and hashes each file once per run (the map lives for one renderImages call). */
export class SourceHashes {
  private readonly hashes = new Map<string, Promise<string>>();

  get(file: string): Promise<string> {
    let hash = this.hashes.get(file);
    if (!hash) {
      hash = fs.readFile(file).then(sha256, (error: NodeJS.ErrnoException) => {
        throw new ImageError(file, `cannot be read (${error.code ?? error.message}).`, "Check that the file exists and is readable, or correct the path that names it.");
      });
      this.hashes.set(file, hash);
    }
    return hash;
  }
}

/** The files a job reads: its source and, for a card, its art. */
export function inputsOf(job: Pick<ImageJob, "source" | "recipe">): string[] {
  const files = [job.source, job.recipe.kind === "card" ? job.recipe.art : undefined].filter((f): f is string => Boolean(f));
  return [...new Set(files)];
}

/**
 * A job's cache key from the hashes of its input files (in the order of inputsOf). Paths are left
 * out (the bytes count, not where they live), so a moved project keeps its cache. Known before
 * anything is drawn: the planners put its first digits in the output's name (names.ts).
 */
export function keyOf(job: Pick<ImageJob, "source" | "recipe">, inputs: readonly string[]): string {
  const { recipe } = job;
  const encoding = recipe.kind === "card" ? CARD_ENCODING[recipe.format] : ENCODING[recipe.format];
  // A card's art counts by its bytes (in `inputs`), not by its path.
  const keyed = recipe.kind === "card" ? { ...recipe, art: recipe.art || job.source ? true : undefined } : recipe;
  return sha256(JSON.stringify({ pipeline: PIPELINE_VERSION, versions: VERSIONS, encoding, inputs, recipe: keyed }));
}

/** A job's cache key, hashing its files (each once per run). */
export async function cacheKey(job: ImageJob, hashes: SourceHashes): Promise<string> {
  return keyOf(job, await Promise.all(inputsOf(job).map((file) => hashes.get(file))));
}

export function entryPath(cacheDir: string, key: string, job: ImageJob): string {
  return path.join(cacheDir, key.slice(0, 2), `${key}.${extensionOf(job.recipe.format)}`);
}

function tempName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
}

/** Folders made in this run, so each is made once. */
export class Folders {
  private readonly made = new Map<string, Promise<unknown>>();

  ensure(dir: string): Promise<unknown> {
    let made = this.made.get(dir);
    if (!made) {
      made = fs.mkdir(dir, { recursive: true });
      this.made.set(dir, made);
    }
    return made;
  }
}

/** Writes a file whole or not at all: a crash leaves at most a temporary file, never a bad entry. */
export async function writeAtomic(file: string, data: Buffer, folders: Folders): Promise<void> {
  await folders.ensure(path.dirname(file));
  const temp = tempName(file);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Puts a cache entry at an output path as a copy of its own: a copy-on-write clone where the file
 * system can make one, a plain copy elsewhere. Never a hard link: a publisher's later edit of a
 * file in the site folder would otherwise change the cache entry too.
 */
export class Placer {
  private readonly atomic: boolean;

  /** `atomic: false` copies straight to the output's name: only for a folder nothing reads yet. */
  constructor(private readonly folders: Folders, options: { atomic?: boolean } = {}) {
    this.atomic = options.atomic ?? true;
  }

  async place(entry: string, output: string): Promise<void> {
    await this.folders.ensure(path.dirname(output));
    if (!this.atomic) {
      await fs.copyFile(entry, output, fsConstants.COPYFILE_FICLONE);
      return;
    }
    const temp = tempName(output);
    try {
      await fs.copyFile(entry, temp, fsConstants.COPYFILE_FICLONE);
      // Renamed over any older file, so a reader never sees half an image.
      await fs.rename(temp, output);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }
}

// A source image's displayed size and format from its header, remembered by the hash of its bytes.

import fs from "node:fs/promises";
import sharp, { type Metadata } from "sharp";
import { sha256 } from "./cache.ts";
import { ImageError } from "./errors.ts";

export interface ImageInfo {
  width: number;
  height: number;
  format: string;
  /** The colour space sharp reads ("srgb", "cmyk", "b-w", …), for the podcast artwork check. */
  space?: string;
  hasAlpha?: boolean;
  /** The sha256 of the file's bytes: what the image's cache key and output names start from. */
  hash: string;
}

const known = new Map<string, ImageInfo>();

async function read(file: string, bytes: Buffer, hash: string): Promise<ImageInfo> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch (error) {
    const detail = (error as Error).message.split("\n")[0]?.trim() ?? "";
    throw new ImageError(file, `is not an image that can be read (${detail}).`, "Replace it with a JPEG, PNG, WebP or AVIF image, exported again from an image editor.");
  }
  // Sizes as displayed: a photo turned by its EXIF orientation is as wide as it looks.
  const { width, height } = meta.autoOrient ?? meta;
  if (!width || !height) throw new ImageError(file, "is an image without a width and height.", "Export it again as a JPEG or PNG.");
  // AVIF is HEIF with AV1 inside: call it what a <source type> or a browser would.
  const format = meta.format === "heif" && meta.compression === "av1" ? "avif" : meta.format;
  return { width, height, format, ...(meta.space ? { space: meta.space } : {}), hasAlpha: meta.hasAlpha ?? false, hash };
}

export async function imageInfo(file: string): Promise<ImageInfo> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw new ImageError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, "Check that the file exists and is readable, or correct the path that names it.");
  }
  const hash = sha256(bytes);
  // Only answers are remembered: a failure is reported each time, naming the file then asked about.
  const info = known.get(hash) ?? (await read(file, bytes, hash));
  known.set(hash, info);
  return { ...info };
}

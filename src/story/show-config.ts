// A show's own settings, in content/shows/<show slug>/show.yml beside its art:
//   description: A nightly hour of local news and the people in it.
//   art: { file: art.jpg, alt: "A lit ferry window against a dark harbour" }
//   guid: 0d4f3a52-9c1e-4b7e-8f2a-3c5d6e7f8a9b
// Shows without a file still have pages and feeds; they just have no art. `guid` is the show's
// podcast:guid: set it once and keep it forever, so podcast apps know the show after the site moves.

import yaml from "js-yaml";
import { z } from "zod";
import { InputError } from "./errors.ts";
import { IMAGE_FIX, imageRefSchema, resolveImage, type ImageRef } from "./image-ref.ts";

export interface ShowConfig {
  /** The show's slug: the name of its folder. */
  slug: string;
  file: string;
  description?: string;
  art?: ImageRef;
  /** The line of "art:" in show.yml, for messages about the image file. */
  artLine?: number;
  /** The show's podcast:guid, when show.yml gives one (lower case). */
  guid?: string;
  guidLine?: number;
}

const schema = z.strictObject({
  description: z.string().trim().min(1).optional(),
  art: imageRefSchema.optional(),
  guid: z.uuid().optional(),
});

const EXAMPLE = 'description: One line about the show.\nart: { file: art.jpg, alt: "What the art shows" }\nguid: 0d4f3a52-9c1e-4b7e-8f2a-3c5d6e7f8a9b';

function lineOf(lines: string[], field: string): number | undefined {
  const i = lines.findIndex((l) => l.startsWith(`${field}:`));
  return i < 0 ? undefined : i + 1;
}

export function parseShowConfig(file: string, raw: string, slug: string, contentDir: string): ShowConfig {
  const lines = raw.replace(/\r\n?/gu, "\n").split("\n");
  let data: unknown;
  try {
    data = yaml.load(raw, { schema: yaml.CORE_SCHEMA, filename: file }) ?? {};
  } catch (error) {
    const e = error as { reason?: string; mark?: { line?: number } };
    throw new InputError(file, 1 + (e.mark?.line ?? 0), `The show settings are not valid YAML: ${e.reason ?? String(error)}.`, "check the indentation and quoting on that line.");
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.code === "unrecognized_keys" ? (issue.keys[0] ?? "") : String(issue?.path[0] ?? "");
    const line = lineOf(lines, field);
    if (issue?.code === "custom") throw new InputError(file, line, `The show's art ${issue.message}.`, IMAGE_FIX.replace("cover:", "art:").replace("cover.jpg", "art.jpg"));
    if (field === "guid" && issue?.code !== "unrecognized_keys") {
      throw new InputError(file, line, "The show's guid is not a UUID.", "write the guid the show's feed has always had (podcast:guid), such as guid: 0d4f3a52-9c1e-4b7e-8f2a-3c5d6e7f8a9b; for a new show, copy the one the build suggests, once, and never change it.");
    }
    const problem = issue?.code === "unrecognized_keys" ? `Unknown show setting "${field}".` : `The show setting "${field}" is not valid.`;
    throw new InputError(file, line, problem, `a show.yml has only these fields:\n${EXAMPLE}`);
  }
  const { description, art, guid } = result.data;
  return {
    slug,
    file,
    ...(description ? { description } : {}),
    ...(art ? { art: resolveImage(file, lineOf(lines, "art"), contentDir, art), artLine: lineOf(lines, "art") ?? 1 } : {}),
    ...(guid ? { guid: guid.toLowerCase(), guidLine: lineOf(lines, "guid") ?? 1 } : {}),
  };
}

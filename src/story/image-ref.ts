// An image a story or show points at: a file next to it and its text alternative. Alt text is
// required; an image that adds nothing for a reader may go without, but only when it says so.

import path from "node:path";
import { z } from "zod";
import { InputError } from "./errors.ts";

export const imageRefSchema = z
  .strictObject({
    file: z.string().trim().min(1),
    alt: z.string().trim().optional(),
    decorative: z.boolean().default(false),
  })
  .superRefine((ref, ctx) => {
    if (ref.decorative && ref.alt) ctx.addIssue({ code: "custom", message: "is marked decorative but has alt text" });
    if (!ref.decorative && !ref.alt) ctx.addIssue({ code: "custom", message: "has no alt text" });
  });

export type ImageRefInput = z.output<typeof imageRefSchema>;

/** A validated image reference, its file resolved to a path from the project root. */
export interface ImageRef {
  file: string;
  /** The text alternative; "" for a decorative image. */
  alt: string;
  decorative: boolean;
}

export const IMAGE_FIX =
  'describe the image for someone who cannot see it, e.g. cover: { file: cover.jpg, alt: "The ferry at the night dock, lit up" }; if it adds nothing a reader needs, write decorative: true and no alt.';

const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|avif|gif|tiff?|svg)$/iu;

/** Resolves the image next to `file`; it must stay inside the content folder and be an image type. */
export function resolveImage(file: string, line: number | undefined, contentDir: string, ref: ImageRefInput): ImageRef {
  const source = path.posix.normalize(path.posix.join(path.posix.dirname(file), ref.file));
  if (!source.startsWith(`${contentDir}/`)) {
    throw new InputError(file, line, `The image "${ref.file}" is outside ${contentDir}/.`, "put the image next to the file that uses it and give its name.");
  }
  if (!IMAGE_EXTENSIONS.test(source)) {
    throw new InputError(file, line, `"${ref.file}" is not an image file Verbatim can read.`, "use a JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG file.");
  }
  return { file: source, alt: ref.alt ?? "", decorative: ref.decorative };
}

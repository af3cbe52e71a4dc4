// NPR-style text: a transcript as a reader copies it from an NPR story page (or a show that
// follows NPR house style). One paragraph a line: `BRIAN MANN, BYLINE: ...` introduces a speaker,
// `MANN: ...` finds them again, `(SOUNDBITE OF ...)` on its own line is a cue. Around the
// conversation sit a summary line, an unattributed host introduction, the copyright line and tags.
//
// Copied pages are damaged in known ways (lost paragraph breaks, lost labels, lost SOUNDBITE lines,
// mojibake); the reader repairs what it can and tells the editor where it guessed (`review`).
// With its paragraph breaks lost, a page runs labels and cues into the text before them
// (`…at the top.(SOUNDBITE OF MUSIC)DANA PRICE, HOST: Hello`, `…said.”PRICE: Yes`), even a whole
// story on one line: a label is found after a sentence end, a closing parenthesis, bracket or quote,
// by evidence (a full label introduces a name; a short one must match someone introduced); every
// label-like run kept as words, and every voice found that way, is listed for review.
//
// The parts live in ./npr/: labels, paragraphs (with rights lines and tags), speakers, turns,
// the reader, and detection.

import { ImportError, type ImportedTranscript, type ImportSource, type Importer } from "../model.ts";
import { cleanText } from "../text.ts";
import { detectNpr } from "./npr/detect.ts";
import { sourceParagraphs } from "./npr/paragraphs.ts";
import { NprReader } from "./npr/reader.ts";

function read(source: ImportSource): ImportedTranscript {
  if (cleanText(source.text).trim() === "") {
    throw new ImportError(source.file, undefined, "The file is empty.", "copy the transcript again from the story page and save it as text.");
  }
  const reader = new NprReader();
  reader.read(sourceParagraphs(source.text));
  const named = reader.blocks.some((block) => block.kind === "cue" || (block.kind === "turn" && block.speaker));
  if (!named) {
    throw new ImportError(
      source.file,
      undefined,
      'No NPR speaker label (like "BRIAN MANN, BYLINE:" at the start of a paragraph) and no cue (like "(SOUNDBITE OF MUSIC)") was found.',
      "check that the file is an NPR-style transcript with one paragraph a line; if it is WebVTT, SRT, JSON or HTML, import it in that format.",
    );
  }
  return { format: "npr-text", meta: reader.meta, blocks: reader.blocks, warnings: reader.warnings };
}

export const nprTextImporter: Importer = { format: "npr-text", name: "NPR-style text", detect: detectNpr, read };

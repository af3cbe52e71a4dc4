// Every importer, in the order formats are recognised: the strict, self-describing formats first
// (speech-recognition JSON, then the transcript JSON formats, WebVTT's signature, SRT's timing
// lines, HTML tags, Markdown's bold labels), then the text exports of transcription services
// (Otter's "Name  0:03" lines, Descript's labels), and plain NPR-style text, which accepts the
// most, last.

import type { ImportFormat, Importer, ImportSource } from "../model.ts";
import { assemblyaiJsonImporter } from "./asr/assemblyai.ts";
import { awsTranscribeJsonImporter } from "./asr/aws-transcribe.ts";
import { deepgramJsonImporter } from "./asr/deepgram.ts";
import { revaiJsonImporter } from "./asr/revai.ts";
import { whisperCppJsonImporter } from "./asr/whisper-cpp.ts";
import { whisperJsonImporter } from "./asr/whisper.ts";
import { whisperxJsonImporter } from "./asr/whisperx.ts";
import { descriptTextImporter } from "./descript-text.ts";
import { markdownImporter } from "./markdown.ts";
import { nprTextImporter } from "./npr-text.ts";
import { otterTextImporter } from "./otter-text.ts";
import { podcasting20HtmlImporter } from "./podcasting20-html.ts";
import { podcasting20JsonImporter } from "./podcasting20-json.ts";
import { podloveJsonImporter } from "./podlove-json.ts";
import { srtImporter } from "./srt.ts";
import { webvttImporter } from "./webvtt.ts";

export const IMPORTERS: readonly Importer[] = [
  whisperxJsonImporter,
  whisperJsonImporter,
  whisperCppJsonImporter,
  assemblyaiJsonImporter,
  deepgramJsonImporter,
  revaiJsonImporter,
  awsTranscribeJsonImporter,
  podcasting20JsonImporter,
  podloveJsonImporter,
  webvttImporter,
  srtImporter,
  podcasting20HtmlImporter,
  markdownImporter,
  otterTextImporter,
  descriptTextImporter,
  nprTextImporter,
];

export function importerFor(format: ImportFormat): Importer | undefined {
  return IMPORTERS.find((i) => i.format === format);
}

/** The importer whose format the content is in, judged from the content itself. */
export function detectImporter(source: ImportSource): Importer | undefined {
  return IMPORTERS.find((importer) => importer.detect(source));
}

// Rev.ai transcript JSON (application/vnd.rev.transcript.v1.0+json): {"monologues": [{"speaker":
// 0, "speaker_info"?: {"id", "display_name"}, "elements": [{"type": "text", "value", "ts",
// "end_ts", "confidence"}, {"type": "punct", "value": " "}, …]}]}. Times in seconds. Spaces
// and punctuation are punct elements of their own: a space separates words, other punctuation
// joins the word before it. An "unknown" element is audio Rev.ai could not make out; it is
// kept as "(inaudible)". Each monologue starts a paragraph; a display name, when Rev.ai has
// one, names the speaker. The transcript does not say its language (the job does): pass --lang.

import { z } from "zod";
import type { Importer } from "../../model.ts";
import { brokenJsonLike, confidence, firstRecord, jsonObject, readJson, time } from "./json.ts";
import { asrTranscript } from "./transcript.ts";
import type { AsrToken } from "./words.ts";

const elementSchema = z.object({
  type: z.string(),
  value: z.string(),
  ts: time.nullish(),
  end_ts: time.nullish(),
  confidence: confidence.nullish(),
});

const monologueSchema = z.object({
  speaker: z.union([z.number().int().min(0), z.string()]).nullish(),
  speaker_info: z.object({ display_name: z.string().nullish() }).nullish(),
  elements: z.array(elementSchema),
});

const fileSchema = z.object({ monologues: z.array(monologueSchema) });

const FIXES: Record<string, string> = {
  monologues: 'give "monologues" as a list of {"speaker", "elements"} objects.',
  elements: 'give "elements" as a list of {"type", "value", "ts", "end_ts", "confidence"} objects.',
  type: 'give type as "text", "punct" or "unknown".',
  value: "give value as a string: the word, or the punctuation.",
  ts: "give ts as a number of seconds from the start of the audio, e.g. 12.5.",
  end_ts: "give end_ts as a number of seconds from the start of the audio, e.g. 12.9.",
  confidence: "give confidence as a number from 0 to 1, or leave it out.",
  speaker: "give speaker as a number such as 0.",
};
const ROOT_FIX = 'a Rev.ai transcript is an object: {"monologues": [{"speaker": 0, "elements": [...]}]}.';

export const revaiJsonImporter: Importer = {
  format: "revai-json",
  name: "Rev.ai JSON",
  detect(source) {
    const data = jsonObject(source.text);
    if (!data) return brokenJsonLike(source.text, /"monologues"\s*:\s*\[/u);
    if (!Array.isArray(data.monologues)) return false;
    const first = firstRecord(data.monologues);
    return first === undefined || "elements" in first;
  },
  read(source) {
    const { file, lines } = readJson(source, fileSchema, FIXES, ROOT_FIX);
    const names = new Map<string, string>();
    const tokens: AsrToken[] = [];
    file.monologues.forEach((monologue, i) => {
      const speaker = monologue.speaker === null || monologue.speaker === undefined ? undefined : String(monologue.speaker);
      const name = monologue.speaker_info?.display_name?.trim();
      if (speaker !== undefined && name) names.set(speaker, name);
      const first = tokens.length;
      let spaced = true;
      monologue.elements.forEach((element, j) => {
        const line = lines.get(`monologues[${i}].elements[${j}]`);
        if (element.type === "punct") {
          if (element.value.trim() === "") spaced = true;
          else tokens.push({ kind: "punct", text: element.value, ...(line ? { line } : {}) });
          return;
        }
        const text = element.type === "unknown" ? "(inaudible)" : element.value;
        tokens.push({
          kind: "word",
          text,
          ...(element.ts != null ? { start: element.ts } : {}),
          ...(element.end_ts != null ? { end: element.end_ts } : {}),
          ...(element.confidence != null && element.type === "text" ? { confidence: element.confidence } : {}),
          ...(speaker !== undefined ? { speaker } : {}),
          ...(!spaced && tokens.length > first ? { continues: true } : {}),
          ...(element.type === "unknown" ? { inline: true } : {}),
          ...(line ? { line } : {}),
        });
        spaced = false;
      });
      const opening = tokens.slice(first).find((t) => t.kind === "word");
      if (opening) opening.paragraphStart = true;
    });
    return asrTranscript(
      "revai-json",
      source,
      tokens,
      {
        speakerNames: names,
        emptyLine: lines.get("monologues"),
        emptyFix: "check that the monologues have text elements.",
        undiarisedHint: "This Rev.ai transcript names no speakers.",
      },
      lines,
    );
  },
};

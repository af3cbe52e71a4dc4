// Naming speakers once: a step of the import, after the importer has read the file.
//
// Speech recognition labels voices, it does not name them ("SPEAKER_00", "A", "0", "spk_1",
// Otter's "Speaker 2"). Such a label never reaches a reader: each diarised voice becomes
// "Speaker 1", "Speaker 2"… in the order it first speaks (a label already reading "Speaker N"
// keeps its number), one voice for one label, never two labels merged nor one split. Then the
// editor's --speakers names are applied. A voice left with a placeholder is declared in the
// story's front matter by the writer, and the build warns until it has a real name.

import { isPlaceholderName } from "../story/placeholder-speakers.ts";
import { ImportError, type ImportedBlock, type ImportedSpeaker, type ImportedTranscript, type ImportWarning } from "./model.ts";
import { mappingKey, type SpeakerNaming } from "./speaker-mapping.ts";
import { speakerKey } from "./writer/labels.ts";

/** One voice of the transcript, as the file labels it and as the story will name it. */
interface Voice {
  /** The file's own label for the voice (the diarisation label, or the name it gave). */
  label: string;
  /** A voice speech recognition labelled, not named. */
  diarised: boolean;
  /** A voice the service could not attribute at all ("Unknown Speaker"): maybe several people. */
  unknown: boolean;
  original: ImportedSpeaker;
  named: ImportedSpeaker;
  /** Source lines of its turns, for warnings. */
  lines: number[];
}

const UNKNOWN = /^unknown(?:[\s_-]+speaker)?$/iu;
const READABLE = /^speaker\s+([1-9]\d{0,2})$/iu;

/** The voice a speaker is: by its diarisation label when it has one, else by its name. */
function voiceId(speaker: ImportedSpeaker): string {
  if (speaker.diarisation !== undefined) return `label:${speaker.diarisation.trim()}`;
  return isPlaceholderName(speaker.name) ? `label:${speaker.name.trim()}` : `name:${speakerKey(speaker.name)}`;
}

function firstLine(block: Extract<ImportedBlock, { kind: "turn" }>): number | undefined {
  return block.paragraphs.find((p) => p.line !== undefined)?.line;
}

/** The transcript's voices in the order they first speak. */
function collectVoices(blocks: readonly ImportedBlock[]): Map<string, Voice> {
  const voices = new Map<string, Voice>();
  for (const block of blocks) {
    if (block.kind !== "turn" || !block.speaker) continue;
    const id = voiceId(block.speaker);
    let voice = voices.get(id);
    if (!voice) {
      const label = block.speaker.diarisation?.trim() ?? block.speaker.name;
      const diarised = id.startsWith("label:");
      voice = { label, diarised, unknown: diarised && UNKNOWN.test(label), original: block.speaker, named: block.speaker, lines: [] };
      voices.set(id, voice);
    }
    const line = firstLine(block);
    if (line !== undefined) voice.lines.push(line);
  }
  return voices;
}

/** "Speaker 1", "Speaker 2"… for diarised voices, in order of first speech; "Speaker N" labels keep N. */
function numberVoices(voices: Iterable<Voice>): void {
  const list = [...voices].filter((v) => v.diarised);
  const taken = new Set<number>();
  for (const voice of list) {
    const n = READABLE.exec(voice.label)?.[1];
    if (n !== undefined && !taken.has(Number(n))) {
      taken.add(Number(n));
      voice.named = placeholder(voice, `Speaker ${Number(n)}`);
    }
  }
  let next = 1;
  for (const voice of list) {
    if (voice.named !== voice.original) continue;
    if (voice.unknown) {
      voice.named = placeholder(voice, "Unknown Speaker");
      continue;
    }
    while (taken.has(next)) next++;
    taken.add(next);
    voice.named = placeholder(voice, `Speaker ${next}`);
  }
}

function placeholder(voice: Voice, name: string): ImportedSpeaker {
  const { role, lang } = voice.original;
  return { name, ...(role ? { role } : {}), ...(lang ? { lang } : {}), diarisation: voice.label };
}

/** How a voice is listed in messages: "SPEAKER_00 (Speaker 1)", or just its name. */
function describeVoice(voice: Voice): string {
  return voice.label === voice.named.name ? voice.label : `${voice.label} (${voice.named.name})`;
}

/** The voices a --speakers key names: its raw label first, then the placeholder it was given, then a name. */
function findVoices(key: string, voices: readonly Voice[]): Voice[] {
  const wanted = mappingKey(key);
  for (const of of [(v: Voice) => v.label, (v: Voice) => v.named.name, (v: Voice) => v.original.name]) {
    const found = voices.filter((v) => mappingKey(of(v)) === wanted);
    if (found.length) return found;
  }
  return [];
}

function applyMapping(mapping: readonly SpeakerNaming[], voices: readonly Voice[], file: string, warnings: ImportWarning[]): void {
  const renamed = new Map<Voice, ImportedSpeaker>();
  for (const naming of mapping) {
    const found = findVoices(naming.key, voices);
    if (found.length === 0) {
      const has = voices.length ? `the file's voices are ${voices.map(describeVoice).join(", ")}` : "the file names no speakers at all";
      throw new ImportError(file, undefined, `--speakers names "${naming.key}", but this file has no voice labelled so.`, `use the labels the file has (${has}), or leave "${naming.key}" out.`);
    }
    if (found.length > 1) {
      throw new ImportError(file, undefined, `--speakers "${naming.key}" could mean ${found.map(describeVoice).join(" or ")}.`, "use the label exactly as the file writes it.");
    }
    const voice = found[0] as Voice;
    const { lang } = voice.original;
    renamed.set(voice, { name: naming.name, ...(naming.role ? { role: naming.role } : {}), ...(lang ? { lang } : {}), ...(voice.diarised ? { diarisation: voice.label } : {}) });
  }
  for (const [voice, speaker] of renamed) voice.named = speaker;
  // Two voices under one name become one speaker in the story: right when diarisation split a
  // person in two, wrong otherwise, so the editor is asked to check.
  const byName = new Map<string, Voice[]>();
  for (const voice of voices) byName.set(speakerKey(voice.named.name), [...(byName.get(speakerKey(voice.named.name)) ?? []), voice]);
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const name = same[0]?.named.name ?? "";
    warnings.push({
      ...(same[0]?.lines[0] !== undefined ? { line: same[0].lines[0] } : {}),
      message: `${same.map((v) => v.label).join(" and ")} are ${same.length === 2 ? "both" : "all"} named ${name}, so their turns are now one speaker's. Check that they are the same person.`,
      review: true,
    });
  }
}

function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, 5).join(", ");
  return lines.length > 5 ? `${shown} and ${lines.length - 5} more` : shown;
}

/** Warnings about voices the story still knows only by a placeholder. */
function placeholderNotes(voices: readonly Voice[], warnings: ImportWarning[]): void {
  for (const voice of voices) {
    if (!voice.unknown || !isPlaceholderName(voice.named.name)) continue;
    warnings.push({
      ...(voice.lines[0] !== undefined ? { line: voice.lines[0] } : {}),
      message: `${voice.named.name} speaks ${voice.lines.length} turn${voice.lines.length === 1 ? "" : "s"}${voice.lines.length ? ` (source lines ${lineList(voice.lines)})` : ""} that the transcription could not attribute: they may be more than one person. Listen and give each turn its speaker.`,
      review: true,
    });
  }
  const unnamed = voices.filter((v) => isPlaceholderName(v.named.name));
  if (unnamed.length === 0) return;
  const list = unnamed.map(describeVoice).join(", ");
  const example = unnamed.map((v) => `${v.label}=Full Name`).join("; ");
  warnings.push({
    message: `${list} ${unnamed.length === 1 ? "has" : "have"} no real name yet: name ${unnamed.length === 1 ? "it" : "them"} with --speakers "${example}", or later in the story's speakers: block.`,
  });
}

/**
 * Names the transcript's voices: placeholders for diarisation labels, then the editor's names.
 * Throws ImportError for a --speakers label the file does not have.
 */
export function nameSpeakers(transcript: ImportedTranscript, file: string, mapping: readonly SpeakerNaming[] = []): ImportedTranscript {
  const voices = collectVoices(transcript.blocks);
  numberVoices(voices.values());
  const warnings = [...transcript.warnings];
  applyMapping(mapping, [...voices.values()], file, warnings);
  placeholderNotes([...voices.values()], warnings);
  const blocks = transcript.blocks.map((block): ImportedBlock => {
    if (block.kind !== "turn" || !block.speaker) return block;
    const voice = voices.get(voiceId(block.speaker));
    return voice ? { ...block, speaker: voice.named } : block;
  });
  return { ...transcript, blocks, warnings };
}

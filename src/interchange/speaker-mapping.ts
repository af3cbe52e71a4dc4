// The --speakers option: names for the voices of a transcript, given once at import.
//   --speakers "SPEAKER_00=Maya Ortiz, host; SPEAKER_01=Omar Haddad"
// Each entry is `label=Name` or `label=Name, role`, separated by ";" or new lines. The label is the
// one the file uses ("SPEAKER_00", "A", "spk_1", an Otter name) or the placeholder the import
// gives it ("Speaker 1"). Pure: no file is read here.

import { ContentError } from "../story/errors.ts";

export interface SpeakerNaming {
  /** The label as the editor wrote it. */
  key: string;
  name: string;
  role?: string;
}

/** A --speakers value that cannot be read: what is wrong, and how to write it. */
export class SpeakerMappingError extends ContentError {
  override readonly name = "SpeakerMappingError";
  declare readonly file: undefined;
  declare readonly line: undefined;
  constructor(problem: string, fix: string) {
    super(undefined, undefined, problem, fix, `${problem} Fix: ${fix}`);
  }
}

const EXAMPLE = '--speakers "SPEAKER_00=Maya Ortiz, host; SPEAKER_01=Omar Haddad"';

/** Surrounding quotes a shell or an editor may leave: "Maya Ortiz" → Maya Ortiz. */
function unquote(text: string): string {
  const t = text.trim();
  const m = /^(["'“‘])(.*)(["'”’])$/u.exec(t);
  return m ? (m[2] ?? "").trim() : t;
}

/** The form keys are compared in: case, spaces and underscores do not matter ("speaker_00" is "SPEAKER 00"). */
export function mappingKey(label: string): string {
  return label.normalize("NFC").toUpperCase().replace(/[\s_]+/gu, " ").trim();
}

/** Reads a --speakers value. Throws SpeakerMappingError naming the entry that is wrong. */
export function parseSpeakerMapping(text: string): SpeakerNaming[] {
  const entries = text.split(/[;\n]/u).map((e) => e.trim()).filter((e) => e !== "");
  if (entries.length === 0) throw new SpeakerMappingError("--speakers is empty.", `name each voice, as in ${EXAMPLE}.`);
  const seen = new Map<string, string>();
  return entries.map((entry) => {
    const equals = entry.indexOf("=");
    if (equals < 0) {
      throw new SpeakerMappingError(`The --speakers entry "${entry}" has no "=".`, `write the label, "=" and the name, as in ${EXAMPLE}.`);
    }
    const key = unquote(entry.slice(0, equals));
    const [namePart = "", ...roleParts] = entry.slice(equals + 1).split(",");
    const name = unquote(namePart);
    const role = unquote(roleParts.join(","));
    if (key === "") throw new SpeakerMappingError(`The --speakers entry "${entry}" has no label before "=".`, `start it with the label the file uses, as in ${EXAMPLE}.`);
    if (name === "") throw new SpeakerMappingError(`The --speakers entry "${entry}" gives ${key} no name.`, `write the name after "=", as in ${EXAMPLE}.`);
    if (name.includes("=")) {
      throw new SpeakerMappingError(`The --speakers entry "${entry}" has more than one "=".`, `separate entries with ";", as in ${EXAMPLE}.`);
    }
    const previous = seen.get(mappingKey(key));
    if (previous !== undefined) {
      throw new SpeakerMappingError(`--speakers names ${key} twice ("${previous}" and "${entry}").`, "keep one entry for each label.");
    }
    seen.set(mappingKey(key), entry);
    return { key, name, ...(role ? { role } : {}) };
  });
}

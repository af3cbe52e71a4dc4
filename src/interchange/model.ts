// What every importer produces: a transcript read from someone else's format, before it is
// written in our notation. Format-neutral; times in seconds from the start of the audio.
//
// This import model and the transcript model (src/transcript/model.ts, what the notation
// produces) use the same words: blocks are told apart by `kind` ("turn", "cue",
// "heading"), a heading has a `title`, a speaker a `name`, `role` and `lang`, times are `start`
// and `end` in seconds. Where they differ, it is because an import is not yet notation:
//
// | What                | Import model (ImportedBlock)            | Transcript model (TranscriptBlock)           |
// |---------------------|-----------------------------------------|----------------------------------------------|
// | speech before names | a turn without `speaker`                | `kind: "intro"`                              |
// | sound cue           | `text`: the words as found, "LAUGHTER"  | `cue`: a parsed Cue (type, text, startsTape) |
// | manner              | `manner`: the words, "Speaking Spanish" | `manner`: a parsed Manner (type, text, lang) |
// | speaker             | name, role, lang, diarisation label     | id, name, title, role, roleKind, kind, ...   |
// | paragraph           | text, start, end, line, words           | TimedText: text, start                       |
// | editor's note       | none (written into a turn's words)      | `kind: "note"`                               |

import { ContentError, fileAndLine } from "../story/errors.ts";

export type ImportFormat =
  | "npr-text"
  | "webvtt"
  | "srt"
  | "podcasting20-json"
  | "podlove-json"
  | "podcasting20-html"
  | "markdown"
  // Speech-recognition output.
  | "whisperx-json"
  | "whisper-json"
  | "whisper-cpp-json"
  | "assemblyai-json"
  | "deepgram-json"
  | "revai-json"
  | "aws-transcribe-json"
  | "otter-text"
  | "descript-text";

/** Something the editor should look at, tied to a line of the source file when there is one. */
export interface ImportWarning {
  /** 1-based line in the source file. */
  line?: number;
  message: string;
  /** True when the importer guessed (an inferred speaker, a lost cue): written into the story for review. */
  review?: boolean;
}

export interface ImportedSpeaker {
  /** As it should read on the page: "Brian Mann", "Gilon", "Unidentified reporter". */
  name: string;
  /** "host", "reporter" (BYLINE), "guest", "director of the DEA's operations". */
  role?: string;
  /** BCP 47 tag when the speaker does not speak the story's language. */
  lang?: string;
  /**
   * The label a speech-recognition service gave this voice ("SPEAKER_00", "A", "0", "spk_1"), when
   * the voice came from diarisation: such a label never reaches a reader. The import names the
   * voice "Speaker 1", "Speaker 2"… (or as --speakers says) and the build warns until it has a real name.
   */
  diarisation?: string;
}

/** A word as a speech-recognition service heard it, where the format gives word times or confidence. */
export interface ImportedWord {
  text: string;
  start?: number;
  end?: number;
  /** 0–1, as the format gives it (Whisper's probability, WhisperX's score, Deepgram's confidence…). */
  confidence?: number;
  /** 1-based source line, where the format has lines worth naming (JSON values do). */
  line?: number;
}

/**
 * One paragraph of speech in notation inline form: plain words, with sounds in parentheses
 * "(Laughter)", editorial notes in brackets "[expletive]" and "(ph)" after a name spelled by ear.
 * Markdown characters are escaped by the writer, not here.
 */
export interface ImportedParagraph {
  text: string;
  start?: number;
  end?: number;
  /** 1-based source line the paragraph starts on. */
  line?: number;
  /** The paragraph's words with their times and confidence, when the source gives them. */
  words?: ImportedWord[];
}

export type ImportedBlock =
  /** Speech. No speaker: an unattributed introduction (before anyone is named; "intro" in the transcript model). */
  | { kind: "turn"; speaker?: ImportedSpeaker; manner?: string; paragraphs: ImportedParagraph[] }
  /** A stand-alone cue, its words without parentheses: "SOUNDBITE OF MUSIC", "Laughter". */
  | { kind: "cue"; text: string; start?: number; end?: number; line?: number }
  /** A segment heading: "Act One", "Break". */
  | { kind: "heading"; title: string; start?: number; line?: number };

export interface ImportedMeta {
  title?: string;
  show?: string;
  /** YYYY-MM-DD. */
  date?: string;
  summary?: string;
  tags?: string[];
  copyright?: string;
  lang?: string;
  /** Length of the audio in seconds, when the source says. */
  duration?: number;
}

export interface ImportedTranscript {
  format: ImportFormat;
  meta: ImportedMeta;
  blocks: ImportedBlock[];
  warnings: ImportWarning[];
}

/** A source file as an importer receives it: decoded text (BOM removed) and where it came from. */
export interface ImportSource {
  /** Path or name, for messages. */
  file: string;
  text: string;
}

/** A timed cue from a caption-like format, before cues are merged into paragraphs and turns. */
export interface TimedCaption {
  start: number;
  end: number;
  /** The voice, when the source names one on this cue. */
  speaker?: string;
  /** The cue's words, in notation inline form. */
  text: string;
  /** How the voice speaks, when the source says ("Speaking Spanish"): starts a turn of its own. */
  manner?: string;
  /** 1-based source line. */
  line: number;
}

/** One input format: how to recognise it from the content, and how to read it. */
export interface Importer {
  format: ImportFormat;
  /** As shown to editors: "WebVTT", "NPR-style text". */
  name: string;
  /** Whether the text is in this format, judged from the content (the file name is only a hint). */
  detect(source: ImportSource): boolean;
  /** Reads the source. Throws ImportError for input it cannot make sense of. */
  read(source: ImportSource): ImportedTranscript;
}

/** Input an importer cannot read at all: names the file and line, says what is wrong and what to do. */
export class ImportError extends ContentError {
  override readonly name = "ImportError";
  declare readonly file: string;
  constructor(file: string, line: number | undefined, problem: string, fix: string) {
    super(file, line, problem, fix, `${fileAndLine(file, line)}${problem} Fix: ${fix}`);
  }
}

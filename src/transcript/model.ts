// The transcript model: what the notation parser produces and every renderer,
// exporter and site page consumes.
//
// The import model (src/interchange/model.ts, what importers produce) and this transcript model
// (what the notation produces) use the same words: blocks are told apart by `kind` ("turn", "cue",
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

/** How a speaker relates to the programme: its own voices (host, byline) or others. */
export type RoleKind = "host" | "byline" | "other";

/** A person, an unnamed voice ("Unidentified man #3") or a group (a crowd, a band). */
export type SpeakerKind = "person" | "unidentified" | "group";

export interface Speaker {
  /** Stable slug, unique within a story: "brian-mann", "unidentified-man-3". */
  id: string;
  /** Name in proper case, without title: "Nicolas Sarkozy". */
  name: string;
  /** Title that came with the first label: "President". */
  title?: string;
  /** Affiliation in parentheses that came with the label: "(D-NC)". */
  affiliation?: string;
  /** Role as a reader would say it: "reporter", "host", "vice presidential candidate". */
  role?: string;
  roleKind: RoleKind;
  kind: SpeakerKind;
  /** True for voices that are not one identifiable person across stories (unnamed, crowds). */
  generic: boolean;
  /** BCP 47 language this speaker speaks in, when not the story's. */
  lang?: string;
  /** 1-based line (in the story file) where the speaker first appears or is declared. */
  line: number;
}

/** How a turn is delivered, from a parenthesis right after its label. */
export type MannerType = "interpreter" | "singing" | "speaking" | "reading" | "rapping" | "character" | "other";

export interface Manner {
  type: MannerType;
  /** The text as it reads on the page, without parentheses: "Speaking Spanish". */
  text: string;
  /** For "Speaking X": the language's BCP 47 tag when known. */
  lang?: string;
  /** For "As X": the character's name. */
  character?: string;
}

/** Kinds of non-speech audio, stand-alone or inside speech. */
export type CueType = "soundbite" | "song" | "music" | "laughter" | "applause" | "crosstalk" | "unintelligible" | "inaudible" | "sound";

export interface Cue {
  type: CueType;
  /** Readable text without parentheses, in sentence case: "Soundbite of archived broadcast". */
  text: string;
  /** For songs: artist and title when given. */
  artist?: string;
  title?: string;
  /** True for cues that start taped audio (every SOUNDBITE OF ... cue). */
  startsTape: boolean;
}

export interface Segment {
  id: string;
  title: string;
  line: number;
  /** When the segment starts in the audio, in seconds. */
  start?: number;
}

export interface NotationWarning {
  line: number;
  message: string;
  /** What kind of warning, for tools that count them: "label-like" is a speaker label inside a paragraph. */
  code?: "label-like";
}

/** What one story's transcript yields besides its HTML. */
export interface TranscriptSummary {
  speakers: Speaker[];
  segments: Segment[];
  warnings: NotationWarning[];
  turns: number;
  words: number;
  /** The conversation in reading order. */
  blocks: TranscriptBlock[];
  /** Whether any block carries a time: the story can be exported as captions. */
  timed: boolean;
}

/** A paragraph of a transcript as plain text, with when it starts in the audio if known. */
export interface TimedText {
  /** The words as read: notation marks kept as written ("(Laughter)", "[expletive]", "(ph)"). */
  text: string;
  start?: number;
}

/**
 * The transcript's structure in reading order, for exporters and anything else that needs the
 * conversation rather than its HTML. Times are in seconds from the start of the audio.
 */
export type TranscriptBlock =
  | { kind: "intro"; paragraphs: TimedText[] }
  | {
      kind: "turn";
      id: string;
      speaker: Speaker;
      manner?: Manner;
      /** Language of the speech, when not the story's. */
      lang?: string;
      /** True inside taped audio (after a SOUNDBITE cue). */
      tape: boolean;
      start?: number;
      paragraphs: TimedText[];
    }
  | { kind: "cue"; cue: Cue; start?: number }
  | { kind: "heading"; title: string; start?: number }
  | { kind: "note"; text: string; start?: number };

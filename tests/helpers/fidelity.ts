// The fidelity metric: a transcript as a sequence of (speaker, words), and how much of one such
// sequence another keeps. Words are compared normalised (letters and digits, lower case), in order,
// through a shortest edit script; a turn counts as recovered when every one of its words is kept and
// every kept word is in the mouth of the same speaker.

import type { ImportedTranscript } from "../../src/interchange/model.ts";
import type { Speaker, TranscriptBlock } from "../../src/transcript/model.ts";

/** One turn of speech: who (normalised; "" for unattributed speech) and the words said. */
export interface SpokenTurn {
  speaker: string;
  words: string[];
}

export interface Fidelity {
  /** Turns in the original. */
  turns: number;
  /** Original turns whose every word came back, each in the right speaker's mouth. */
  turnsRight: number;
  /** Turns in the import (for the table; merged or split turns are not errors in themselves). */
  turnsImported: number;
  words: number;
  /** Original words found in the import, in order. */
  wordsKept: number;
  /** Words in the import that were not in the original (a label left in the speech, a cue read as words). */
  wordsAdded: number;
  /** The first problem found, for test messages: which turn and what went wrong. */
  firstProblem?: string;
}

/** Words of a text for comparison: runs of letters and digits, lower case; punctuation and spacing do not count. */
export function normalisedWords(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** A speaker's name in the form compared: letters and digits only, lower case. */
export function speakerKey(name: string | undefined): string {
  return normalisedWords(name ?? "").join(" ");
}

/** How a story speaker reads when imported: title, name and affiliation, as the NPR importer keeps them. */
export function readingName(speaker: Pick<Speaker, "title" | "name" | "affiliation">): string {
  return [speaker.title, speaker.name, speaker.affiliation].filter(Boolean).join(" ");
}

/** A parsed story's speech as turns: the introduction unattributed, headings, cues and notes left out. */
export function storyTurns(blocks: readonly TranscriptBlock[], name: (speaker: Speaker) => string = readingName): SpokenTurn[] {
  return blocks.flatMap((block): SpokenTurn[] => {
    if (block.kind === "intro") return [{ speaker: "", words: normalisedWords(block.paragraphs.map((p) => p.text).join(" ")) }];
    if (block.kind === "turn") return [{ speaker: speakerKey(name(block.speaker)), words: normalisedWords(block.paragraphs.map((p) => p.text).join(" ")) }];
    return [];
  });
}

/** An import's speech as turns; cues and headings left out. */
export function importedTurns(transcript: Pick<ImportedTranscript, "blocks">): SpokenTurn[] {
  return transcript.blocks.flatMap((block): SpokenTurn[] =>
    block.kind === "turn" ? [{ speaker: speakerKey(block.speaker?.name), words: normalisedWords(block.paragraphs.map((p) => p.text).join(" ")) }] : [],
  );
}

/** Pairs of equal positions (i in a, j in b) on a shortest edit script between a and b (Myers, O((N+M)D)). */
export function commonPairs(a: readonly string[], b: readonly string[], maxEdits = 6000): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0)) ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (!done) return prefixAndSuffix(a, b);
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1] as Int32Array;
    const at = (k: number) => previous[k + d - 1] ?? 0;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) pairs.push([--x, --y]);
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) pairs.push([--x, --y]);
  return pairs.reverse();
}

/** For inputs too far apart to diff: only the common start and end are counted. */
function prefixAndSuffix(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) pairs.push([i, i++]);
  const tail: Array<[number, number]> = [];
  for (let x = a.length - 1, y = b.length - 1; x >= i && y >= i && a[x] === b[y]; x--, y--) tail.push([x, y]);
  return [...pairs, ...tail.reverse()];
}

/** How much of `expected` (speaker, words) the `actual` sequence keeps. */
export function compareTurns(expected: readonly SpokenTurn[], actual: readonly SpokenTurn[]): Fidelity {
  const flat = (turns: readonly SpokenTurn[]) => turns.flatMap((turn, t) => turn.words.map((word) => ({ word, t })));
  const a = flat(expected);
  const b = flat(actual);
  const pairs = commonPairs(a.map((w) => w.word), b.map((w) => w.word));
  const matchOf = new Int32Array(a.length).fill(-1);
  for (const [i, j] of pairs) matchOf[i] = j;
  const problems: string[] = [];
  let turnsRight = 0;
  let index = 0;
  // Turns with no words (a manner only) are matched by speaker among the import's empty turns.
  const emptyImported = actual.filter((turn) => turn.words.length === 0).map((turn) => turn.speaker);
  expected.forEach((turn, t) => {
    const start = index;
    index += turn.words.length;
    if (turn.words.length === 0) {
      const found = emptyImported.indexOf(turn.speaker);
      if (found >= 0) {
        emptyImported.splice(found, 1);
        turnsRight++;
      } else problems.push(`turn ${t + 1} (${turn.speaker || "unattributed"}, no words) is missing`);
      return;
    }
    let lost = 0;
    const wrong = new Set<string>();
    for (let i = start; i < index; i++) {
      const j = matchOf[i] ?? -1;
      if (j < 0) lost++;
      else {
        const who = actual[b[j]?.t ?? -1]?.speaker ?? "?";
        if (who !== turn.speaker) wrong.add(who || "unattributed");
      }
    }
    if (lost === 0 && wrong.size === 0) turnsRight++;
    else {
      const said = turn.words.slice(0, 8).join(" ");
      problems.push(`turn ${t + 1} (${turn.speaker || "unattributed"}: "${said}…")${lost ? ` lost ${lost} words` : ""}${wrong.size ? ` given to ${[...wrong].join(", ")}` : ""}`);
    }
  });
  const wordsAdded = b.length - pairs.length;
  if (wordsAdded > 0) {
    const matched = new Set(pairs.map(([, j]) => j));
    const added = b.filter((_, j) => !matched.has(j)).slice(0, 8).map((w) => w.word);
    problems.push(`${wordsAdded} words added: ${added.join(" ")}`);
  }
  return {
    turns: expected.length,
    turnsRight,
    turnsImported: actual.length,
    words: a.length,
    wordsKept: pairs.length,
    wordsAdded,
    ...(problems.length ? { firstProblem: problems[0] } : {}),
  };
}

/** Whether the property holds: 99% of turns in the right mouth, every word kept in order, none added. */
export function holds(f: Fidelity, turnShare = 0.99): boolean {
  return f.turnsRight >= Math.ceil(f.turns * turnShare - 1e-9) && f.wordsKept === f.words && f.wordsAdded === 0;
}

/** Figures added up over several comparisons. */
export function sumFidelity(all: readonly Fidelity[]): Fidelity {
  const sum = (key: "turns" | "turnsRight" | "turnsImported" | "words" | "wordsKept" | "wordsAdded") => all.reduce((n, f) => n + f[key], 0);
  const firstProblem = all.find((f) => f.firstProblem)?.firstProblem;
  return {
    turns: sum("turns"),
    turnsRight: sum("turnsRight"),
    turnsImported: sum("turnsImported"),
    words: sum("words"),
    wordsKept: sum("wordsKept"),
    wordsAdded: sum("wordsAdded"),
    ...(firstProblem ? { firstProblem } : {}),
  };
}

export interface FidelityRow {
  source: string;
  shape: string;
  fidelity?: Fidelity;
  /** What went wrong when there are no figures (an import refused), or what the figures hide. */
  note?: string;
}

/** The table for the closing note, in Markdown. */
export function fidelityTable(rows: readonly FidelityRow[]): string {
  const pct = (n: number, d: number) => (d === 0 ? "—" : `${((100 * n) / d).toFixed(d === n ? 0 : 1)}%`);
  const lines = [
    "| source | shape | turns expected | right speaker | words | words kept | words added | note |",
    "|---|---|---:|---:|---:|---:|---:|---|",
    ...rows.map(({ source, shape, fidelity: f, note }) =>
      f
        ? `| ${source} | ${shape} | ${f.turns} | ${f.turnsRight} (${pct(f.turnsRight, f.turns)}) | ${f.words} | ${f.wordsKept} (${pct(f.wordsKept, f.words)}) | ${f.wordsAdded} | ${note ?? ""} |`
        : `| ${source} | ${shape} | — | — | — | — | — | ${note ?? ""} |`,
    ),
  ];
  return lines.join("\n");
}

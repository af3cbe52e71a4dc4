// The fidelity property over arbitrary conversations (fast-check), without the notation parser in
// between: NPR-style text is built straight from generated turns, put in a shape (paragraph breaks
// lost, hard-wrapped, CRLF endings, no-break spaces, mojibake), imported, and compared as
// (speaker, words). Truncated text never invents words.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nprTextImporter } from "../src/interchange/importers/npr-text.ts";
import { compareTurns, holds, importedTurns, normalisedWords, speakerKey, type SpokenTurn } from "./helpers/fidelity.ts";
import { SHAPES, shaped } from "./helpers/fidelity-npr.ts";

interface Voice {
  /** Full label, as on the first turn. */
  full: string;
  /** Label after the first turn. */
  short: string;
  /** The name the import should give. */
  name: string;
}

const VOICES: Voice[] = [
  { full: "DANA PRICE, HOST", short: "PRICE", name: "Dana Price" },
  { full: "TOMAS REYES, BYLINE", short: "REYES", name: "Tomas Reyes" },
  { full: "MAYOR ELENA VOSS", short: "VOSS", name: "Mayor Elena Voss" },
  { full: "ANA DE SOUZA, BAKER", short: "SOUZA", name: "Ana de Souza" },
  { full: "DEV O'BRIEN", short: "O'BRIEN", name: "Dev O'Brien" },
  { full: "JOSÉ ÑÚÑEZ", short: "ÑÚÑEZ", name: "José Ñúñez" },
  { full: "LUCA KOVAC", short: "LUCA KOVAC", name: "Luca Kovac" },
  { full: "MARTA KOVAC, FERRY PILOT", short: "MARTA KOVAC", name: "Marta Kovac" },
  { full: "UNIDENTIFIED MAN #1", short: "UNIDENTIFIED MAN #1", name: "Unidentified man #1" },
  { full: "DR. AMARA OKONKWO-BELL", short: "OKONKWO-BELL", name: "Dr. Amara Okonkwo-Bell" },
];
const WORDS = ["the", "ferry", "night", "bread", "río", "señor", "Fähre", "école", "λιμάνι", "5:30", "U.S.", "a.m.", "12", "NASA", "it's", "(Laughter)", "[expletive]", "Ostrowski (ph)", "NOTE:", "said"];
const ENDS = [".", "?", "!", "…", "—", '."', ".”", "?”", " »"];
const CUES = ["(LAUGHTER)", "(SOUNDBITE OF MUSIC)", "(SOUNDBITE OF ARCHIVED BROADCAST)", '(SOUNDBITE OF THE LANTERNS SONG, "HARBOR LIGHTS")', "(APPLAUSE)"];

const sentence = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 12 }), fc.constantFrom(...ENDS), fc.boolean())
  .map(([words, end, quoted]) => {
    // A sentence starts with an ordinary word (a label-like word at its start would be a label), and
    // no two words in capitals stand before a colon (`NASA NOTE:` after a sentence reads as a full label).
    const text = `Then ${words.join(" ").replace(/NASA NOTE:/gu, "NASA the NOTE:")}`;
    const body = end === " »" ? `« ${text} »` : `${text}${end}`;
    return quoted && !end.includes('"') && !end.includes("”") ? `"${body}"` : body;
  });
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(" "));
type Item = { kind: "turn"; who: number; paragraphs: string[]; manner: boolean } | { kind: "cue"; cue: number };
const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("turn" as const), who: fc.nat(VOICES.length - 1), paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }), manner: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cue" as const), cue: fc.nat(CUES.length - 1) }) },
);

/** Items → NPR paragraphs and the (speaker, words) they should import as. */
function render(intro: string[], items: Item[]): { paragraphs: string[]; expected: SpokenTurn[] } {
  const paragraphs = [...intro];
  const expected: SpokenTurn[] = intro.length ? [{ speaker: "", words: normalisedWords(intro.join(" ")) }] : [];
  const seen = new Set<number>();
  for (const it of items) {
    if (it.kind === "cue") {
      paragraphs.push(CUES[it.cue] ?? "");
      continue;
    }
    const voice = VOICES[it.who] as Voice;
    const label = seen.has(it.who) ? voice.short : voice.full;
    seen.add(it.who);
    const manner = it.manner ? "(Through interpreter) " : "";
    const [first, ...rest] = it.paragraphs;
    paragraphs.push(`${label}: ${manner}${first}`, ...rest);
    expected.push({ speaker: speakerKey(voice.name), words: normalisedWords(it.paragraphs.join(" ")) });
  }
  return { paragraphs, expected };
}

/** Damage a copy can carry besides its shape. */
const DAMAGE = {
  none: (text: string) => text,
  crlf: (text: string) => text.replace(/\n/gu, "\r\n"),
  "no-break spaces": (text: string) => text.replace(/ /gu, (_, i: number) => (i % 3 === 0 ? "\u00a0" : " ")),
  mojibake: (text: string) => text.replace(/’/gu, "â€™").replace(/é/gu, "Ã©"),
};

describe("fidelity over arbitrary conversations", () => {
  const conversation = fc.tuple(fc.array(paragraph, { maxLength: 2 }), fc.array(item, { minLength: 1, maxLength: 24 }));

  it("keeps every word, in order, and every turn in the right mouth, in every shape and damage", () => {
    fc.assert(
      fc.property(conversation, fc.constantFrom(...SHAPES), fc.constantFrom(...(Object.keys(DAMAGE) as Array<keyof typeof DAMAGE>)), ([intro, items], shape, damage) => {
        const { paragraphs, expected } = render(intro, items);
        if (!expected.some((t) => t.speaker !== "")) return;
        const text = DAMAGE[damage](shaped(paragraphs, shape));
        const f = compareTurns(expected, importedTurns(nprTextImporter.read({ file: "x.txt", text })));
        expect(holds(f, 1), `${shape}, ${damage}: ${f.firstProblem ?? ""}`).toBe(true);
      }),
      { numRuns: Number(process.env.FIDELITY_RUNS ?? 300) },
    );
  });

  it("invents no words from text cut off anywhere", () => {
    fc.assert(
      fc.property(conversation, fc.constantFrom(...SHAPES), fc.double({ min: 0.05, max: 0.95, noNaN: true }), ([intro, items], shape, where) => {
        const { paragraphs, expected } = render(intro, items);
        const text = shaped(paragraphs, shape);
        const cut = text.slice(0, Math.floor(text.length * where));
        let turns: SpokenTurn[];
        try {
          turns = importedTurns(nprTextImporter.read({ file: "x.txt", text: cut }));
        } catch {
          return; // a cut before the first label or cue: refused, with an ImportError
        }
        // Every imported word is in the text that was cut, in order.
        const source = normalisedWords(cut);
        const got = turns.flatMap((t) => t.words);
        const f = compareTurns([{ speaker: "", words: source }], [{ speaker: "", words: got }]);
        expect(f.wordsAdded).toBe(0);
        // And the speech before the cut is all there, but for a label, manner or cue cut in half (left as words).
        const spoken = compareTurns([{ speaker: "", words: got }], [{ speaker: "", words: expected.flatMap((t) => t.words) }]);
        expect(spoken.wordsKept).toBeGreaterThanOrEqual(got.length - 10);
      }),
      { numRuns: Number(process.env.FIDELITY_RUNS ?? 200) },
    );
  });
});

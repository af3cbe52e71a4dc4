// The label-like detector: a speaker label inside running text where a turn could start. Every
// shape the issue names is found, ordinary speech with colons is not, and properties hold over
// generated speech: no glued label, no finding; a glued known label at any sentence end, exactly
// one finding, at its offset and line.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelsInsideParagraphs } from "../src/audit/checks/label-like.ts";
import { generateStory } from "../src/bench/generate.ts";
import { splitFrontMatter } from "../src/story/front-matter.ts";
import { matchLabel } from "../src/transcript/labels.ts";
import { matchLeadingTime } from "../src/transcript/times.ts";
import { labelLikeRuns, nameAliases, renderTranscript } from "../src/transcript/index.ts";

const SPEAKERS = ["Dana Price", "Brian Mann"];
const known = new Set(SPEAKERS.flatMap((name) => nameAliases(name)));
const knows = (label: string) => known.has(label.toUpperCase());

/** The labels found, as written. */
function labels(text: string): string[] {
  return labelLikeRuns(text, knows).map((r) => r.label);
}

describe("finds a label where a turn could start", () => {
  it.each([
    ["glued after a sentence end", "…at the top.PRICE: Today we go north.", ["PRICE"]],
    ["after a sentence end and a space, with a role", "we'll see. DANA PRICE, HOST: Hello", ["DANA PRICE, HOST"]],
    ["glued after a cue's closing parenthesis", "at the top.(SOUNDBITE OF MUSIC)DANA PRICE, HOST: Hello", ["DANA PRICE, HOST"]],
    ["after a closing bracket", "It was [expletive] MANN: Right.", ["MANN"]],
    ["after a closing quote, glued", 'He said "now"MANN: Yes.', ["MANN"]],
    ["after a sentence end inside a closing quote", 'He said "go." PRICE: Where?', ["PRICE"]],
    ["after curly quotes", "She said “go.”PRICE: Where?", ["PRICE"]],
    ["after a closing single quote and a space", "He called it 'home' PRICE: Where?", ["PRICE"]],
    ["at the start of a line inside the text", "It is cold here\nPRICE: How cold?", ["PRICE"]],
    ["after an ellipsis, a question, an exclamation", "Wait... PRICE: Hi. Really? MANN: Yes! PRICE: No.", ["PRICE", "MANN", "PRICE"]],
    ["at the very end of the text", "Right? PRICE:", ["PRICE"]],
    ["in Spanish, after an inverted question", "¿Verdad? MARÍA GONZÁLEZ: Sí, claro.", ["MARÍA GONZÁLEZ"]],
    ["after German and French closing quotes", "Er sagte „Ja.“PRICE: Gut. Il a dit « non »MANN: Bon.", ["PRICE", "MANN"]],
    ["with no-break spaces from a pasted page", "Welcome.\u00a0DANA\u00a0PRICE, HOST:\u00a0Hello.", ["DANA PRICE, HOST"]],
    ["after speech cut off with a dash", "So the--PRICE: Right. And then— MANN: Yes. Or– PRICE: No.", ["PRICE", "MANN", "PRICE"]],
    ["an unnamed voice (a full label of three words)", "Over. UNIDENTIFIED MAN #3: Hey", ["UNIDENTIFIED MAN #3"]],
    ["a titled label with an affiliation and a role", "Thanks. SEN. JOHN EDWARDS (D-NC), VICE PRESIDENTIAL CANDIDATE: We can.", ["SEN. JOHN EDWARDS (D-NC), VICE PRESIDENTIAL CANDIDATE"]],
    ["a name with accents", "Gracias.JOSÉ GONZÁLEZ: Hola.", ["JOSÉ GONZÁLEZ"]],
    ["a label after a cue inside the run: the later one", "It ended. ALL RIGHT (LAUGHTER) PRICE: Good.", ["PRICE"]],
    ["two sentences of capitals: only the label", "So there. OK. DANA PRICE: Today.", ["DANA PRICE"]],
  ])("%s", (_, text, expected) => expect(labels(text)).toEqual(expected));

  it("introduces the speaker of a glued full label for the short labels after it", () => {
    const text = "Our reporter has it.BRIAN SMITH, BYLINE: Last year. It grew.SMITH: And now? It is cold.BRIAN: Yes.";
    expect(labelLikeRuns(text).map((r) => r.label)).toEqual(["BRIAN SMITH, BYLINE", "SMITH", "BRIAN"]);
  });

  it("takes a short label nobody introduced when a manner follows it or a taped-audio cue comes right before it", () => {
    const runs = (text: string) => labelLikeRuns(text, knows).map((r) => [r.label, r.evidence]);
    expect(runs('Here it is.(SOUNDBITE OF BJORK SONG, "PAGAN POETRY")BJORK: (Singing) Pleasure.')).toEqual([["BJORK", "manner"]]);
    expect(runs("The crowd sang. RIHANNA: (Singing) Umbrella.")).toEqual([["RIHANNA", "manner"]]);
    expect(runs("Back then. SARKOZY: (Through interpreter) We will see.")).toEqual([["SARKOZY", "manner"]]);
    expect(runs("Listen.(SOUNDBITE OF ARCHIVED BROADCAST) CRONKITE: Good evening.")).toEqual([["CRONKITE", "cue"]]);
    expect(runs("Listen. (Soundbite of archived broadcast)CRONKITE: Good evening.")).toEqual([["CRONKITE", "cue"]]);
    // A sound that does not start tape, or a parenthesis that is no manner, is no evidence.
    expect(runs("Funny. (LAUGHTER) TV: You can also join us.")).toEqual([]);
    expect(runs("Right. TV: (Remote) Join us.")).toEqual([]);
  });

  it("gives offsets, the line in the text, whether it is full and whether it is glued", () => {
    const text = "First line.\nSecond. DANA PRICE, HOST: Hi.\nThird.PRICE: Yes.";
    expect(labelLikeRuns(text, knows)).toEqual([
      { start: 20, end: 37, label: "DANA PRICE, HOST", written: "DANA PRICE, HOST:", full: true, line: 2, glued: false, evidence: "full" },
      { start: 48, end: 54, label: "PRICE", written: "PRICE:", full: false, line: 3, glued: true, evidence: "known" },
    ]);
    expect(labelLikeRuns("It is cold\nPRICE: How cold?", knows)).toEqual([
      { start: 11, end: 17, label: "PRICE", written: "PRICE:", full: false, line: 2, glued: false, evidence: "known" },
    ]);
    // A timestamp that opens the lost turn goes with it, so the fix puts the break before both.
    expect(labelLikeRuns("Thanks.[4:20] PRICE: Hi.", knows)).toMatchObject([
      { start: 7, end: 20, label: "PRICE", written: "[4:20] PRICE:", glued: false },
    ]);
    expect(text.slice(20, 37)).toBe("DANA PRICE, HOST:");
    expect(text.slice(48, 54)).toBe("PRICE:");
  });
});

describe("leaves ordinary speech alone", () => {
  it.each([
    ["a note in capitals", "NOTE: this is fine. Then NOTE: also fine."],
    ["times", "We met at 5:30. Then at 6:00 we left. AT 7:15 we ate."],
    ["an abbreviation before a colon", "It happened in the U.S.: Today we know. And in the U.S.A.: Today."],
    ["an acronym mid-sentence, no sentence end before it", "They work at NASA: Today they said. We called the FBI: Nobody came."],
    ["lower case after the colon", "He yelled. STOP: don't go. WAIT: not yet."],
    ["a quotation", 'She read the sign, "DANGER. KEEP OUT: Trespassers will be shot." Then left.'],
    ["a curly quotation", "She read “DANGER. KEEP OUT: Trespassers will be shot.” Then left."],
    ["German and French quotations", "Sie las „ACHTUNG. BETRETEN VERBOTEN: Lebensgefahr.“ Dann « ATTENTION. DANGER DE MORT: Ici. »"],
    ["text cut off before the colon, or at it with no speech", "It ended.PRICE"],
    ["a title before a name", "I met Dr. PRICE: Today he said. And Sen. MANN: Also."],
    ["a middle initial", "It was John Q. PRICE: Today."],
    ["a one-word label of no one in the story", "We waited. TV: You can also join us online. RADIO: Same."],
    ["a label at the real start of the text", "PRICE: Good morning. DANA PRICE, HOST is my name."],
    ["an apostrophe in a name", "Right.O'BRIEN said so. DON'T: Stop."],
    ["initials alone", "At 3. A. B: Hey"],
    ["a web address", "Go to. HTTPS://EXAMPLE.ORG/X for more."],
    ["a colon with no space after it", "Done.PRICE:Today and MANN:Yes."],
    ["a label-like run in mixed case", "Done. Dana Price, host: Hello."],
    ["a hyphenated name or affiliation", "Ask SEN. X (D-NC): Why? The FARFAN-MENDEZ: Study says."],
  ])("%s", (_, text) => expect(labels(text)).toEqual([]));

  it("reports no short label without a way to know the speakers", () => {
    expect(labelLikeRuns("…at the top.PRICE: Today.")).toEqual([]);
  });
});

// Generated speech: sentences of ordinary words, capitals only in acronyms and names in speech,
// colons only where speech has them (notes, times, acronyms mid-sentence), quotations inside a sentence.
const lower = fc.constantFrom("the", "top", "we", "go", "north", "ferry", "river", "morning", "cold", "said", "today", "report", "city", "water", "price", "man");
const inner = fc.oneof(
  { weight: 8, arbitrary: lower },
  fc.constantFrom("Price", "Mann", "Dana", "Brian", "Tuesday", "Ottawa"),
  fc.constantFrom("NASA", "NPR", "TV", "U.S.", "OK", "FBI", "PRICE", "MANN", "DANA PRICE"),
  fc.constantFrom("5:30", "12:05", "1:02:03", "42", "3.5"),
  fc.constantFrom("NASA: today", "NOTE: call", "U.S.: it", "FBI: nobody", "PRICE: said", "OK: fine"),
  fc.constantFrom('"yes"', "“no”", "'maybe'", "(laughter)", "[expletive]", "(ph)"),
);
const opener = fc.constantFrom("We", "The", "Today", "Price", "Mann", "It", "NOTE: this", "At 5:30 we", "In the U.S. we", "Dr. Price");
const sentence = fc
  .tuple(opener, fc.array(inner, { maxLength: 10 }), lower, fc.constantFrom(".", "?", "!", "...", '."', ".)"))
  .map(([first, middle, last, end]) => `${[first, ...middle, last].join(" ")}${end}`);
const speech = fc.array(fc.tuple(sentence, fc.constantFrom(" ", " ", " ", "", "\n")), { minLength: 1, maxLength: 12 });

/** The text, and the offsets right after each sentence (where a turn could start). */
function joined(parts: Array<[string, string]>): { text: string; ends: number[] } {
  let text = "";
  const ends: number[] = [];
  for (const [s, separator] of parts) {
    text += s;
    ends.push(text.length);
    text += separator;
  }
  return { text, ends };
}

describe("properties over generated speech", () => {
  it("ordinary speech with no glued label yields no finding", () => {
    fc.assert(
      fc.property(speech, (parts) => {
        const { text } = joined(parts);
        expect(labelLikeRuns(text, knows)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("a known short label inserted at any sentence end yields exactly one finding, at its offset and line", () => {
    fc.assert(
      fc.property(speech, fc.nat(), fc.constantFrom("", " "), fc.constantFrom("PRICE", "MANN", "DANA"), (parts, pick, space, label) => {
        const { text, ends } = joined(parts);
        const at = ends[pick % ends.length] ?? 0;
        const glued = `${text.slice(0, at)}${space}${label}: Today we go.${text.slice(at)}`;
        const runs = labelLikeRuns(glued, knows);
        expect(runs).toHaveLength(1);
        expect(runs[0]).toMatchObject({ label, start: at + space.length, full: false, line: text.slice(0, at).split("\n").length });
      }),
      { numRuns: 500 },
    );
  });

  it("a full label inserted at any sentence end is found without knowing anyone", () => {
    fc.assert(
      fc.property(speech, fc.nat(), fc.constantFrom("OMAR HADDAD, GUEST", "UNIDENTIFIED WOMAN #2", "MARÍA GONZÁLEZ"), (parts, pick, label) => {
        const { text, ends } = joined(parts);
        const at = ends[pick % ends.length] ?? 0;
        const runs = labelLikeRuns(`${text.slice(0, at)}${label}: Hello.${text.slice(at)}`);
        expect(runs.map((r) => [r.label, r.start, r.full])).toEqual([[label, at, true]]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the notation's warning over generated stories", () => {
  // Stories of labelled paragraphs of generated speech (with line breaks inside paragraphs) after
  // a few lines of front matter: no warning; then one glued known label at any sentence end of any
  // paragraph: exactly one label-like warning, at that line of the file.
  const LABELS = ["DANA PRICE, HOST: ", "BRIAN MANN, BYLINE: ", "PRICE: ", "MANN: ", ""];
  const story = fc.array(fc.tuple(fc.constantFrom(...LABELS), speech), { minLength: 1, maxLength: 6 });
  const OFFSET = 5;

  /** The body, and the offsets right after each sentence. */
  function body(paragraphs: Array<[string, Array<[string, string]>]>): { text: string; ends: number[] } {
    let text = "DANA PRICE, HOST: Hello.\n\nBRIAN MANN, BYLINE: Hi.";
    const ends: number[] = [];
    for (const [label, parts] of paragraphs) {
      text += `\n\n${label || "And "}`;
      const speech = joined(parts);
      ends.push(...speech.ends.map((end) => text.length + end));
      text += speech.text.trimEnd();
    }
    return { text, ends };
  }
  const labelLike = (text: string) => renderTranscript(text, { lineOffset: OFFSET }).summary.warnings.filter((w) => w.code === "label-like");

  it("has no warning for generated stories", () => {
    fc.assert(
      fc.property(story, (paragraphs) => {
        expect(labelLike(body(paragraphs).text)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("warns once, at the right line of the file, for a known label glued at any sentence end", () => {
    fc.assert(
      fc.property(story, fc.nat(), fc.constantFrom("", " "), (paragraphs, pick, space) => {
        const { text, ends } = body(paragraphs);
        const at = ends[pick % ends.length] ?? 0;
        const warnings = labelLike(`${text.slice(0, at)}${space}PRICE: Today we go.${text.slice(at)}`);
        expect(warnings.map((w) => w.line)).toEqual([OFFSET + text.slice(0, at).split("\n").length]);
        expect(warnings[0]?.message).toMatch(/^"PRICE:" inside a paragraph looks like a speaker label \(Dana Price/);
      }),
      { numRuns: 300 },
    );
  });
});

describe("flattened generated stories", () => {
  // The bench generator's stories (full labels, short labels, timestamps, cues inside speech),
  // with every paragraph break lost in three ways: each label is found, in order, with nobody known.
  it.each([["nothing", ""], ["one space", " "], ["a line break", "\n"]])("joined with %s", (_, separator) => {
    for (let n = 0; n < 60; n++) {
      const body = splitFrontMatter("story.md", generateStory(n).text).body;
      const paragraphs = body.split(/\n\s*\n/u).map((p) => p.trim()).filter(Boolean);
      const expected = paragraphs.slice(1).flatMap((p) => matchLabel(p.slice(matchLeadingTime(p)?.length ?? 0))?.raw ?? []);
      expect(expected.length).toBeGreaterThan(10);
      expect(labelLikeRuns(paragraphs.join(separator)).map((r) => r.label), `story ${n}`).toEqual(expected);
    }
  });
});

describe("pathological text", () => {
  // Far above linear work (about half a second for the largest here, on a loaded machine up to
  // four times that); catches quadratic loops and catastrophic backtracking, which take minutes.
  it.each([
    ["30,000 glued full labels", "Hi.AB CD, EF: ".repeat(30_000)],
    ["50,000 sentence ends before capitals", ". A".repeat(50_000)],
    ["100,000 straight quotes", '"'.repeat(100_000)],
    ["100,000 closing parentheses", ")".repeat(100_000)],
    ["50,000 initials", "A.".repeat(50_000)],
    ["a 100,000-letter label after a sentence end", `Hi. ${"ABCDEFGHIJ".repeat(10_000)}: X`],
    ["50,000 lines of short labels", "PRICE: Hi.\n".repeat(50_000)],
    ["20,000 soundbite cues before labels", "(SOUNDBITE OF MUSIC)AB: Hi.".repeat(20_000)],
    ["20,000 short labels before manners", "Hi. AB: (Singing) la".repeat(20_000)],
  ])("%s in linear time", (_, text) => {
    const started = performance.now();
    labelLikeRuns(text, knows);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("the audit's reading of a page", () => {
  const paragraph = (text: string, speaker = "Brian Mann") => ({ selector: "p", context: "<p>", text, speaker });

  it("knows the speakers the page names, by surname and first name, titles and roles aside", () => {
    const issues = labelsInsideParagraphs(
      [paragraph("We start at the top.PRICE: Today."), paragraph("Right.SARKOZY: Oui."), paragraph("Right.NICOLAS: Oui."), paragraph("Right.PRESIDENT: No.")],
      ["Dana Price", "Brian Mann", "President Nicolas Sarkozy"],
    );
    expect(issues.map((i) => i.message.slice(0, i.message.indexOf(","))) ).toEqual([
      '"PRICE:" inside this paragraph looks like a speaker label (Dana Price)',
      '"SARKOZY:" inside this paragraph looks like a speaker label (President Nicolas Sarkozy)',
      '"NICOLAS:" inside this paragraph looks like a speaker label (President Nicolas Sarkozy)',
    ]);
    expect(issues.every((i) => i.type === "error" && i.code === "verbatim-label-inside-paragraph" && i.runner === "verbatim")).toBe(true);
  });

  it("counts an unnamed voice only by its whole label, and a glued full label introduces its speaker for later paragraphs", () => {
    const issues = labelsInsideParagraphs(
      [paragraph("Over.MAN: Hey."), paragraph("Here.OMAR HADDAD, GUEST: Hi.", ""), paragraph("Yes.HADDAD: Indeed.")],
      ["Unidentified man #1"],
    );
    expect(issues.map((i) => /^"([^"]+):"/.exec(i.message)?.[1])).toEqual(["OMAR HADDAD, GUEST", "HADDAD"]);
    expect(issues[0]?.message).toContain("published without a speaker of their own");
    expect(issues[1]?.message).toContain("(Omar Haddad), but the words after it are published as Brian Mann's");
  });

  it("finds nothing in ordinary speech", () => {
    expect(labelsInsideParagraphs([paragraph('NOTE: the gates close at 5:30. We asked NASA: Nobody knew. He shouted, "STOP: not yet."')], ["Brian Mann"])).toEqual([]);
  });
});

// The NPR-style text importer: invented transcripts in tests/fixtures/import/npr/ carry the quirks
// of pages copied from NPR.org (lost paragraph breaks, labels and SOUNDBITE lines; mojibake; old
// mixed-case labels). The real sample in ../shared is only read when present, never copied.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nprTextImporter } from "../src/interchange/importers/npr-text.ts";
import { ImportError, type ImportedBlock, type ImportedSpeaker, type ImportedTranscript } from "../src/interchange/model.ts";

const dir = path.join(import.meta.dirname, "fixtures", "import", "npr");
const sample = path.join(import.meta.dirname, "..", "..", "shared", "samples", "npr-mexico-cartels.txt");

type Turn = Extract<ImportedBlock, { kind: "turn" }>;

function fixture(name: string): string {
  return fs.readFileSync(path.join(dir, name), "utf8");
}

function read(text: string, file = "story.txt"): ImportedTranscript {
  return nprTextImporter.read({ file, text });
}

function readFixture(name: string): ImportedTranscript {
  return read(fixture(name), name);
}

function turns(result: ImportedTranscript): Turn[] {
  return result.blocks.filter((b): b is Turn => b.kind === "turn");
}

/** Each speaker once, in the order they first speak. */
function speakers(result: ImportedTranscript): ImportedSpeaker[] {
  const seen: ImportedSpeaker[] = [];
  for (const turn of turns(result)) if (turn.speaker && !seen.includes(turn.speaker)) seen.push(turn.speaker);
  return seen;
}

/** The conversation in a compact form: "Name: first words" per turn, "(cue)" per cue. */
function outline(result: ImportedTranscript): string[] {
  return result.blocks.map((b) => {
    if (b.kind === "cue") return `(${b.text})`;
    if (b.kind === "heading") return `# ${b.title}`;
    const manner = b.manner ? ` [${b.manner}]` : "";
    return `${b.speaker?.name ?? "-"}${manner}: ${b.paragraphs.map((p) => p.text).join(" / ")}`;
  });
}

function cues(result: ImportedTranscript): Array<{ text: string; line?: number }> {
  return result.blocks.flatMap((b) => (b.kind === "cue" ? [{ text: b.text, line: b.line }] : []));
}

function paragraphLines(result: ImportedTranscript): number[] {
  return turns(result).flatMap((t) => t.paragraphs.map((p) => p.line ?? 0));
}

describe("nprTextImporter: a whole story (night-buses.txt)", () => {
  const result = readFixture("night-buses.txt");

  it("reads the summary, the copyright glued to the closing cue and the tags split at a no-break space", () => {
    expect(result.format).toBe("npr-text");
    expect(result.meta).toEqual({
      summary:
        "Riverton's overnight buses carry nurses, bakers and cleaners home after midnight. A budget gap could cut the service in half.",
      copyright: "Transcript provided by NPR, Copyright NPR.",
      tags: ["public transit", "night shift", "budgets"],
    });
  });

  it("names every speaker in reading form, with BYLINE as reporter", () => {
    expect(speakers(result)).toEqual([
      { name: "Dana Okafor", role: "reporter" },
      { name: "Tomasz Wielgosz" },
      { name: "Unidentified reporter" },
      { name: "Ines Halvorsen-Piotrowski" },
      { name: "Marisol Ybarra" },
    ]);
    // One object per person, so a role fixed on one turn holds on all of them.
    const okafor = turns(result).filter((t) => t.speaker?.name === "Dana Okafor");
    expect(okafor.length).toBe(6);
    expect(new Set(okafor.map((t) => t.speaker)).size).toBe(1);
  });

  it("keeps the introduction unattributed and each turn's paragraphs on their source lines", () => {
    expect(turns(result).length).toBe(13);
    const intro = turns(result)[0];
    expect(intro?.speaker).toBeUndefined();
    expect(intro?.paragraphs).toEqual([
      {
        text: "The last train in Riverton leaves downtown at 12:40 a.m. After that, the city runs on its night buses, and this winter the transit board is deciding how many it can still afford.",
        line: 5,
      },
      { text: "Our reporter spent a night on the Owl 9 line.", line: 7 },
    ]);
    expect(paragraphLines(result)).toEqual([5, 7, 9, 11, 13, 15, 17, 20, 22, 24, 26, 28, 32, 34, 36]);
  });

  it("puts back the SOUNDBITE line the blank lines show was lost, and asks for review", () => {
    expect(cues(result)).toEqual([
      { text: "SOUNDBITE OF ARCHIVED RECORDING", line: 20 },
      { text: "LAUGHTER", line: 30 },
      { text: 'SOUNDBITE OF THE LANTERNS SONG, "MOONLIGHT TRANSFER"', line: 38 },
    ]);
    expect(result.warnings).toEqual([
      { line: 20, message: expect.stringContaining("SOUNDBITE line seems lost here; check what was played"), review: true },
    ]);
    expect(result.warnings[0]?.message).toContain('"UNIDENTIFIED REPORTER:"');
  });

  it("keeps speech intact: (ph), inline (Laughter), the manner apart, the sign-off in the reporter's turn", () => {
    expect(outline(result).slice(4, 13)).toEqual([
      "Tomasz Wielgosz: In the day, people work from home now. At night, nobody cleans an office from home. (Laughter) Nobody bakes bread from home.",
      "Dana Okafor: But the board's numbers tell a harder story. Night service costs about three times as much per rider, and federal relief money runs out in June.",
      "(SOUNDBITE OF ARCHIVED RECORDING)",
      "Unidentified reporter: The Riverton transit board voted last night to study cuts to overnight routes, citing a deficit of $14 million.",
      "Dana Okafor: That was a local TV report from January. Board chair Ines Halvorsen-Piotrowski (ph) says no decision has been made.",
      "Ines Halvorsen-Piotrowski [Through interpreter]: We are not cutting blindly. We are counting every rider on every trip.",
      "Dana Okafor: Riders like Marisol Ybarra, who bakes for a cafe across the river, say counting misses the point.",
      "Marisol Ybarra: If the bus goes, I walk 40 minutes in the dark. Or I quit.",
      "(LAUGHTER)",
    ]);
    expect(outline(result).slice(-3)).toEqual([
      "Marisol Ybarra: I'm not joking, though.",
      "Dana Okafor: The board votes in March. Until then, the Owl 9 keeps running, every 30 minutes, all night. / Dana Okafor, NPR News.",
      '(SOUNDBITE OF THE LANTERNS SONG, "MOONLIGHT TRANSFER")',
    ]);
  });

  it("loses no words: every word of the source is in the result", () => {
    const words = (text: string) => text.match(/[\p{L}\p{N}$'’-]+/gu) ?? [];
    const labels = /^(?:[A-Z][A-Z .#'-]*(?:, BYLINE)?: )/u;
    const source = fixture("night-buses.txt")
      .split("\n")
      .map((line) => line.replace(labels, ""))
      .join(" ");
    const got = [
      result.meta.summary ?? "",
      ...result.blocks.map((b) => (b.kind === "turn" ? `${b.manner ?? ""} ${b.paragraphs.map((p) => p.text).join(" ")}` : b.kind === "heading" ? b.title : b.text)),
      result.meta.copyright ?? "",
      `Tags ${(result.meta.tags ?? []).join(" ")}`,
    ].join(" ");
    const inserted = words("SOUNDBITE OF ARCHIVED RECORDING");
    expect(words(got).slice().sort()).toEqual([...words(source), ...inserted].sort());
  });
});

describe("nprTextImporter: quirks of copied pages", () => {
  it("1. splits labels glued to the sentence before, without splitting U.S., U.S.A. or a.m.", () => {
    const result = readFixture("glued-labels.txt");
    expect(outline(result)).toEqual([
      "-: Welcome back to the late edition, and to a new series we are calling THE NIGHT SHIFT.",
      "Rosa Delgado: Hello and welcome. Tonight we ride with the people who keep the U.S. running after dark. Our reporter boarded a bus at 2 a.m. in Riverton.",
      "Dana Okafor: The Owl 9 was nearly full at 2 a.m., which surprised me.",
      "Tomasz Wielgosz: I came to the U.S. in 2009 and drove a cab in Chicago first. Then I moved here for the quiet, if you can believe it.",
      "Dana Okafor: Quiet?",
      "Tomasz Wielgosz: At 4 a.m., yes. Very quiet.",
      "Dana Okafor: His shift ends at 7 a.m. at the depot on Route 30 in Riverton, U.S.A. The next driver is already waiting.",
      "Tomasz Wielgosz: I leave him the good seat cushion.",
    ]);
    expect(speakers(result)).toEqual([
      { name: "Rosa Delgado", role: "host" },
      { name: "Dana Okafor", role: "reporter" },
      { name: "Tomasz Wielgosz" },
    ]);
    expect(paragraphLines(result)).toEqual([1, 1, 1, 3, 3, 3, 5, 5]);
    // New voices found inside a paragraph are named by evidence, but the editor is asked to look;
    // one line sums up where the paragraph breaks were lost.
    expect(result.warnings).toEqual([
      { line: 1, message: expect.stringContaining('"ROSA DELGADO, HOST:" inside the text was read as a new speaker, Rosa Delgado'), review: true },
      { line: 1, message: expect.stringContaining('"DANA OKAFOR, BYLINE:" inside the text was read as a new speaker, Dana Okafor'), review: true },
      { line: 1, message: "5 speaker labels or cues were run into the text before them (paragraph breaks lost) on lines 1, 3, 5; the turns were split there. Check who speaks.", review: true },
    ]);
  });

  it("1. leaves a one-word label glued on when no one of that name was introduced", () => {
    const result = read("ROSA DELGADO, HOST: The sign at the depot said it plainly.NOTICE: Buses run every 30 minutes.\n");
    expect(outline(result)).toEqual(["Rosa Delgado: The sign at the depot said it plainly.NOTICE: Buses run every 30 minutes."]);
    expect(result.warnings).toEqual([{ line: 1, message: expect.stringContaining('"NOTICE:" inside the speech looks like a speaker label but was kept as words'), review: true }]);
  });

  it("1. splits labels and cues glued after a closing parenthesis, quote or dash, keeps the singer after a song cue (glued-cues.txt)", () => {
    const result = readFixture("glued-cues.txt");
    expect(outline(result)).toEqual([
      "-: Good evening from the depot at the top.",
      "(SOUNDBITE OF MUSIC)",
      "Dana Price: Hello and welcome to Night Desk. Our reporter rode the last bus.",
      'Tomas Reyes: The driver told me, "Nobody rides at 3."',
      "Dana Price: Nobody?",
      // (LAUGHTER) with more speech after it is a sound inside the speech; before a label it stands alone.
      "Tomas Reyes: Almost nobody. (LAUGHTER) She laughed and said it twice. The next bus leaves at 5:30.",
      "(SOUNDBITE OF ARCHIVED BROADCAST)",
      "Unidentified reporter: Service cuts were announced today.",
      "(LAUGHTER)",
      "Dana Price: That was 2019.",
      "Tomas Reyes: And the band played on the last night of the old line.",
      '(SOUNDBITE OF THE LANTERNS SONG, "MOONLIGHT TRANSFER")',
      "Margit Ostergaard [Singing]: Ride the owl, ride it home.",
      "Tomas Reyes: The crowd knew every word.”",
      "Dana Price: Thank you, Tomas—",
      "Tomas Reyes: One more thing…",
      "Dana Price: Go on.",
      "Tomas Reyes: The depot closes at midnight.",
      "(SOUNDBITE OF MUSIC)",
    ]);
    expect(cues(result).map((c) => c.line)).toEqual([1, 3, 3, 5, 7]);
    expect(speakers(result)).toEqual([{ name: "Dana Price", role: "host" }, { name: "Tomas Reyes", role: "reporter" }, { name: "Unidentified reporter" }, { name: "Margit Ostergaard" }]);
    // Every new voice found inside a paragraph, and one line for all the splits, go to review.
    expect(result.warnings.map((w) => [w.line, w.review, w.message.replace(/ (?:inside the text was read as a new speaker|were run into).*$/u, "")])).toEqual([
      [1, true, '"DANA PRICE, HOST:"'],
      [1, true, '"TOMAS REYES, BYLINE:"'],
      [3, true, '"UNIDENTIFIED REPORTER:"'],
      [5, true, '"MARGIT OSTERGAARD:"'],
      [1, true, "11 speaker labels or cues"],
    ]);
  });

  it("1. reads a whole story on one line: summary and introduction, turns, cues, manner, rights line and tags (one-line-story.txt)", () => {
    const result = readFixture("one-line-story.txt");
    expect(nprTextImporter.detect({ file: "one-line-story.txt", text: fixture("one-line-story.txt") })).toBe(true);
    expect(outline(result)).toEqual([
      // With every break lost, the summary cannot be told from the introduction: it stays speech, unattributed.
      "-: Riverton's night buses may run again in April.Good evening. The night buses stopped in January, and riders want them back. Tomas Reyes reports.",
      "Tomas Reyes: At the depot, the lights are still on.",
      "(SOUNDBITE OF BUS ENGINE)",
      "Marisol Ybarra: I walk now. Forty minutes, in the dark.",
      "Tomas Reyes: Ybarra bakes bread across the river. She starts at 3 a.m.",
      "Marisol Ybarra [Speaking Spanish]: Es muy difícil.",
      "Tomas Reyes: It is very hard, she says.",
      "(SOUNDBITE OF ARCHIVED BROADCAST)",
      "Unidentified reporter: The transit board voted five to two.",
      "Tomas Reyes: The board meets again in April. Tomas Reyes, NPR News.",
      "(SOUNDBITE OF MUSIC)",
    ]);
    expect(result.meta).toEqual({ copyright: "Transcript provided by NPR, Copyright NPR.", tags: ["transit", "night shift"] });
    expect(result.warnings.filter((w) => w.review).map((w) => w.line)).toEqual([1, 1, 1, 1]);
  });

  it("1. joins labels hard-wrapped across lines, a title's period, and sounds at a line's start (wrapped-labels.txt)", () => {
    const result = readFixture("wrapped-labels.txt");
    expect(outline(result)).toEqual([
      "-: Good evening. The ferry is back, and our reporter was on it.",
      "Tobias Achterberg: It is two-forty in the morning at Pier Six. / The ferry is ten minutes late.",
      "Mayor Elena Voss: I promised this boat.",
      "Tobias Achterberg: The mayor is here in a borrowed hard hat.",
      "Dr. Amara Okonkwo-Bell: Sleep is health. That is all.",
      "Mayor Elena Voss: (Laughter) She is right.",
      "Tobias Achterberg: And the workers?",
      "Aurelio Chuqui [Through interpreter]: For five years I slept on the bus. (Laughter)",
      "Tobias Achterberg: Chuqui has worked the fish line for eleven years.",
      "Unidentified woman #1: Good morning, Aurelio!",
      "Aurelio Chuqui: Good morning.",
    ]);
    expect(speakers(result).map((s) => s.role ?? null)).toEqual(["reporter", null, "physician", null, null]);
  });

  it("1. keeps false labels as words and lists every guess with its line (false-labels-glued.txt)", () => {
    const result = readFixture("false-labels-glued.txt");
    expect(outline(result)).toEqual([
      "Dana Price: The sign at the depot is plain.NOTE: Buses run every 30 minutes. The old one said WARNING: mind the gap, in red.",
      "Tomas Reyes: The radio in the cab was on. NASA: We have liftoff, it said. The dispatcher gave the time as 12:40 a.m.: late. The answer from the U.S.: Not our problem.",
      "Dana Price: And then?",
      // Two words in capitals and a colon after a sentence have a full label's shape, but a prose
      // heading ("BREAKING NEWS", "FUN FACT") introduces no one: kept as words, and listed.
      "Tomas Reyes: Then the news came on.BREAKING NEWS: The board has voted.",
      "Tomas Reyes: That was all.",
    ]);
    expect(result.warnings).toEqual([
      { line: 1, message: expect.stringContaining('"NOTE:" inside the speech looks like a speaker label but was kept as words'), review: true },
      { line: 3, message: expect.stringContaining('"NASA:" inside the speech looks like a speaker label but was kept as words'), review: true },
      { line: 5, message: expect.stringContaining('"BREAKING NEWS:" inside the speech looks like a speaker label but was kept as words'), review: true },
      { line: 3, message: expect.stringContaining("2 speaker labels or cues were run into the text"), review: true },
    ]);
  });

  it("1. a short label glued on finds a speaker introduced earlier, and only one", () => {
    const result = read("DANA PRICE, HOST: Welcome.\n\nTOMAS REYES, BYLINE: Thanks.(LAUGHTER)PRICE: So.REYES: Yes.MANN: No.\n");
    expect(outline(result)).toEqual(["Dana Price: Welcome.", "Tomas Reyes: Thanks.", "(LAUGHTER)", "Dana Price: So.", "Tomas Reyes: Yes.MANN: No."]);
    expect(result.warnings[0]).toEqual({ line: 3, message: expect.stringContaining('"MANN:" inside the speech looks'), review: true });
  });

  it("2. inserts a cue before a new guest after two blank lines, but not before the programme's own voices", () => {
    const text = [
      "ROSA DELGADO, HOST: Here is what the mayor said.",
      "",
      "",
      "MAYOR GRETA LUNDQVIST: We will keep the night buses.",
      "",
      "DELGADO: And the reporter's view?",
      "",
      "",
      "DANA OKAFOR, BYLINE: The budget says otherwise.",
      "",
      "",
      "LUNDQVIST: I stand by it.",
      "",
      "(SOUNDBITE OF MUSIC)",
      "",
      "",
      "UNIDENTIFIED MAN #2: Next stop, Pine Street.",
    ].join("\n");
    const result = read(text);
    expect(outline(result)).toEqual([
      "Rosa Delgado: Here is what the mayor said.",
      "(SOUNDBITE OF ARCHIVED RECORDING)",
      "Mayor Greta Lundqvist: We will keep the night buses.",
      "Rosa Delgado: And the reporter's view?",
      "Dana Okafor: The budget says otherwise.",
      "Mayor Greta Lundqvist: I stand by it.",
      "(SOUNDBITE OF MUSIC)",
      "Unidentified man #2: Next stop, Pine Street.",
    ]);
    expect(result.warnings).toEqual([{ line: 4, message: expect.stringContaining("SOUNDBITE line seems lost"), review: true }]);
  });

  it("3. gives the introduction to a host whose label was lost (lost-label.txt)", () => {
    const result = readFixture("lost-label.txt");
    const pruitt = { name: "Pruitt", role: "host" };
    expect(speakers(result)).toEqual([
      pruitt,
      { name: "Dana Okafor", role: "reporter" },
      { name: "Unidentified woman #1" },
      { name: "Unidentified woman #2" },
    ]);
    expect(turns(result)[0]?.speaker).toEqual(pruitt);
    expect(turns(result)[0]?.paragraphs.map((p) => p.line)).toEqual([5, 7]);
    expect(turns(result).length).toBe(8);
    expect(cues(result)).toEqual([{ text: "SOUNDBITE OF MEETING", line: 11 }]);
    expect(result.meta.summary).toBe("Riverton's transit board delays its vote on overnight buses.");
    expect(result.warnings).toEqual([
      {
        line: 5,
        message: '"PRUITT:" on line 19 was never introduced with a full label; the unattributed text on lines 5–7 is taken to be said by Pruitt (host). Check who speaks.',
        review: true,
      },
    ]);
  });

  it("3. gives the unattributed paragraphs just before a never-introduced short label to that person", () => {
    const text = [
      "DANA OKAFOR, BYLINE: The depot opens at dawn.",
      "",
      "(SOUNDBITE OF ARCHIVED BROADCAST)",
      "",
      "We have lost the signal from the depot.",
      "",
      "Please stand by.",
      "",
      "HOLLOWAY: That was me, back in 1998.",
    ].join("\n");
    const result = read(text);
    expect(outline(result)).toEqual([
      "Dana Okafor: The depot opens at dawn.",
      "(SOUNDBITE OF ARCHIVED BROADCAST)",
      "Holloway: We have lost the signal from the depot. / Please stand by.",
      "Holloway: That was me, back in 1998.",
    ]);
    expect(speakers(result)[1]).toEqual({ name: "Holloway" });
    expect(result.warnings).toEqual([{ line: 5, message: expect.stringContaining('"HOLLOWAY:" on line 9 was never introduced'), review: true }]);
  });

  it("3. still makes a speaker of a short label with nothing to attach, and asks for review", () => {
    const result = read("DANA OKAFOR, BYLINE: The depot opens at dawn.\n\nHOLLOWAY: Not on Sundays.\n");
    expect(speakers(result)).toEqual([{ name: "Dana Okafor", role: "reporter" }, { name: "Holloway" }]);
    expect(result.warnings).toEqual([
      { line: 3, message: expect.stringContaining('using "Holloway" as the name'), review: true },
    ]);
  });

  it("3. flags speech left without a speaker after the conversation began", () => {
    const result = read("DANA OKAFOR, BYLINE: Listen.\n\n(SOUNDBITE OF ARCHIVED BROADCAST)\n\nThe depot is closed today.\n");
    expect(outline(result)).toEqual(["Dana Okafor: Listen.", "(SOUNDBITE OF ARCHIVED BROADCAST)", "-: The depot is closed today."]);
    expect(result.warnings).toEqual([{ line: 5, message: expect.stringContaining("no speaker label"), review: true }]);
  });

  it("4. keeps false labels as words (false-label.txt)", () => {
    const result = readFixture("false-label.txt");
    expect(outline(result)).toEqual([
      "Rosa Delgado: The board meets Thursday at 7 p.m. If you can't make it, watch it on TV: you can also join by phone, and comments stay open until midnight.",
      "Dana Okafor: The agenda has one item, and the clerk expects a long night. / TV: you can also watch at the library, the clerk told me, where the screen is bigger.",
      "Rosa Delgado: And online?",
      "Dana Okafor: Riders who can't attend can follow along on the city's cable channel TV: You can also stream it on the city website, the notice says.",
    ]);
    expect(paragraphLines(result)).toEqual([1, 3, 5, 7, 9]);
    expect(result.warnings).toEqual([]);
  });

  it("5. cleans entities, mojibake, control characters and no-break spaces (entities.txt)", () => {
    const result = readFixture("entities.txt");
    expect(outline(result)).toEqual([
      "Rosa Delgado: Tonight, the Owl 9 & the people who ride it. It's past midnight. Let’s go.",
      "Dana Okafor: The driver says it’s the best shift in the city. He means it.",
      "Tomasz Wielgosz: Nobody yells at me at 3 a.m. Well, almost nobody. The café on Pine is open.",
    ]);
    const all = outline(result).join("\n");
    expect(all).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u00a0]|&\w+;|â€/u);
  });

  it("6, 9. reads a Windows file with old mixed-case labels and drifting cue case (crlf.txt)", () => {
    const text = fixture("crlf.txt");
    expect(text).toContain("\r\n");
    const result = read(text, "crlf.txt");
    expect(speakers(result)).toEqual([
      { name: "Martin Abernathy", role: "host" },
      { name: "Ms. June Takeda", role: 'transit planner, "City in Motion"' },
      { name: "Luis Ocampo" },
    ]);
    expect(outline(result)).toEqual([
      "Martin Abernathy: This is TALK OF THE CITY. I'm Martin Abernathy. Today, who rides the bus after midnight?",
      "Ms. June Takeda: We counted them. About 4,000 people a night.",
      "Martin Abernathy: That many?",
      "(Laughter)",
      "Ms. June Takeda: More than you'd think. (Laughter) Nobody believes me at first.",
      "(LAUGHTER)",
      "Martin Abernathy: Let's go to the phones. Luis is calling from the east side.",
      "Luis Ocampo [Speaking Spanish]: ",
      "Luis Ocampo [Through interpreter]: My mother takes the Owl 9 to the bakery every night.",
      "(laughter)",
      "Martin Abernathy: Thank you, Luis.",
    ]);
    expect(cues(result).map((c) => c.line)).toEqual([7, 11, 19]);
    expect(paragraphLines(result)).toEqual([1, 3, 5, 9, 13, 17, 21]);
    expect(result.meta).toEqual({ copyright: "Copyright 2009 NPR." });
    expect(result.warnings).toEqual([]);
  });

  it("6. reads an old label with an honorific and a description in parentheses", () => {
    const result = read('Mr. SAMUEL FENWICK (Author, "The Last Bus Home"): I rode every line in the city.\n\nMr. FENWICK: Twice.\n');
    expect(speakers(result)).toEqual([{ name: "Mr. Samuel Fenwick", role: 'author, "The Last Bus Home"' }]);
    expect(turns(result).length).toBe(2);
  });

  it("7. puts (Singing) and (Speaking ...) after a label in the manner, not the speech", () => {
    const result = read("BAND LEADER KOFI MENSAH: (Singing) Ride the Owl, ride it home.\n\nMENSAH: (Speaking French) Merci, Riverton.\n");
    expect(turns(result).map((t) => [t.manner, t.paragraphs[0]?.text])).toEqual([
      ["Singing", "Ride the Owl, ride it home."],
      ["Speaking French", "Merci, Riverton."],
    ]);
  });

  it("8. keeps the reporter's sign-off as a paragraph of the reporter's turn", () => {
    const result = read("DANA OKAFOR, BYLINE: The buses keep running.\n\nDana Okafor, NPR News.\n");
    expect(outline(result)).toEqual(["Dana Okafor: The buses keep running. / Dana Okafor, NPR News."]);
  });

  it("splits the copyright line off the end of speech and reads tags separated by tabs", () => {
    const result = read("DANA OKAFOR, BYLINE: Dana Okafor, NPR News. Copyright 2024 NPR.\n\nTags: transit\tRiverton\t\tbudgets\n");
    expect(outline(result)).toEqual(["Dana Okafor: Dana Okafor, NPR News."]);
    expect(result.meta).toEqual({ copyright: "Copyright 2024 NPR.", tags: ["transit", "Riverton", "budgets"] });
  });

  it("joins hard-wrapped lines into one paragraph", () => {
    const result = read("DANA OKAFOR, BYLINE: The Owl 9 leaves the depot\nat half past midnight and\nreturns at dawn.\nThen it rests.\n");
    expect(turns(result)[0]?.paragraphs).toEqual([
      { text: "The Owl 9 leaves the depot at half past midnight and returns at dawn.", line: 1 },
      { text: "Then it rests.", line: 4 },
    ]);
  });

  it("drops a label with no words after it, with a warning", () => {
    const result = read("DANA OKAFOR, BYLINE: Here is the driver.\n\nTOMASZ WIELGOSZ:\n\n(SOUNDBITE OF MUSIC)\n");
    expect(outline(result)).toEqual(["Dana Okafor: Here is the driver.", "(SOUNDBITE OF MUSIC)"]);
    expect(result.warnings).toEqual([{ line: 3, message: expect.stringContaining("Tomasz Wielgosz has no words") }]);
  });
});

describe("nprTextImporter: detection and errors", () => {
  it("recognises NPR-style text, including every fixture", () => {
    for (const name of fs.readdirSync(dir)) {
      expect(nprTextImporter.detect({ file: name, text: fixture(name) }), name).toBe(true);
    }
    expect(nprTextImporter.detect({ file: "a.txt", text: "Intro.\n\n(SOUNDBITE OF MUSIC)\n" })).toBe(true);
  });

  it.each([
    ["JSON", '{"version":"1.0.0","segments":[{"speaker":"ANA","body":"ANA: hi"}]}'],
    ["WebVTT", "WEBVTT\n\n00:00.000 --> 00:02.000\nDANA OKAFOR: Hello.\n"],
    ["SRT", "1\n00:00:00,000 --> 00:00:02,000\nDANA OKAFOR: Hello.\n"],
    ["HTML", "<cite>DANA OKAFOR:</cite><time>0:00</time><p>Hello.</p>"],
    ["prose", "The night buses run every half hour.\nNote: times may change.\n"],
    ["empty", "  \n\n"],
  ])("does not claim %s", (_kind, text) => {
    expect(nprTextImporter.detect({ file: "x", text })).toBe(false);
  });

  it("refuses an empty file, naming it and saying what to do", () => {
    expect(() => read("\n \n", "empty.txt")).toThrow(ImportError);
    expect(() => read("\n \n", "empty.txt")).toThrow(/^empty\.txt: The file is empty\. Fix: /u);
  });

  it("refuses text with no label and no cue", () => {
    expect(() => read("The night buses run every half hour.\n", "notes.txt")).toThrow(/^notes\.txt: No NPR speaker label.* Fix: /u);
  });
});

describe("nprTextImporter: the real NPR sample", () => {
  const exists = fs.existsSync(sample);

  it.skipIf(!exists)("reads ../shared/samples/npr-mexico-cartels.txt", () => {
    const result = read(fs.readFileSync(sample, "utf8"), "npr-mexico-cartels.txt");
    expect(speakers(result)).toEqual([
      { name: "Brian Mann", role: "reporter" },
      { name: "Matthew Donahue" },
      { name: "Unidentified reporter" },
      { name: "Falko Ernst" },
      { name: "Cecilia Farfan-Mendez" },
    ]);
    expect(result.meta.copyright).toBe("Transcript provided by NPR, Copyright NPR.");
    expect(result.meta.tags).toEqual(["drug cartels", "Mexico"]);
    expect(result.meta.summary).toBeDefined();
    expect(turns(result)[0]?.speaker).toBeUndefined();
    expect(cues(result).map((c) => c.text)).toEqual(["SOUNDBITE OF ARCHIVED RECORDING", 'SOUNDBITE OF BJORK SONG, "PAGAN POETRY"']);
    expect(result.warnings).toEqual([
      { line: 18, message: expect.stringContaining("SOUNDBITE line seems lost here; check what was played"), review: true },
    ]);
  });
});

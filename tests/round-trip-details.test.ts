// The details that make our own exports come back as they went out, without changing how real
// caption files read: an inline sound ending a turn stays in the cue of the words it ends; a manner
// after a WebVTT voice is the voice's manner; a sound-only cue between speakers still stands alone;
// a JSON heading segment is a heading; our plain text reads back through the Descript text reader.

import { describe, expect, it } from "vitest";
import { splitText } from "../src/interchange/exporters/captions.ts";
import { descriptTextImporter } from "../src/interchange/importers/descript-text.ts";
import { podcasting20JsonImporter } from "../src/interchange/importers/podcasting20-json.ts";
import { webvttImporter } from "../src/interchange/importers/webvtt.ts";

const LONG = "Thank you. I'm always slightly nervous when someone summarizes the book correctly. It means I can't blame the reader anymore.";

describe("an inline sound that ends a passage stays with the words before it", () => {
  it("never becomes a cue of its own, however the passage is cut", () => {
    for (const sound of ["(laughter)", "(soft laughter)", "(laughter) (applause)"]) {
      const pieces = splitText("", `${LONG} ${sound}`);
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.map((p) => p.text).join(" ")).toBe(`${LONG} ${sound}`);
      const last = pieces[pieces.length - 1]!.text;
      expect(last.endsWith(sound)).toBe(true);
      expect(last.replace(sound, "").trim()).not.toBe("");
    }
  });

  it("leaves a passage that is only a sound, and a sound inside the words, as they were", () => {
    expect(splitText("", "(Laughter)")).toEqual([{ lead: "", text: "(Laughter)" }]);
    const inside = splitText("", `${LONG} (Laughter) Really. Engine temperatures.`);
    expect(inside.map((p) => p.text).join(" ")).toBe(`${LONG} (Laughter) Really. Engine temperatures.`);
  });
});

/** Turns of an imported WebVTT file: speaker, manner and words. */
function turns(vtt: string) {
  const imported = webvttImporter.read({ file: "x.vtt", text: vtt });
  return imported.blocks.map((b) =>
    b.kind === "turn" ? { speaker: b.speaker?.name, manner: b.manner, text: b.paragraphs.map((p) => p.text).join(" ") } : { cue: b.kind === "heading" ? b.title : b.text },
  );
}

describe("a manner after a WebVTT voice", () => {
  it("is the voice's manner, not words: (Reading), (As Captain Moreau), (Speaking Spanish)", () => {
    const vtt = [
      "WEBVTT",
      "",
      "00:00:01.000 --> 00:00:04.000",
      "<v Ana Ruiz>(Reading) The letter came folded.",
      "",
      "00:00:04.000 --> 00:00:07.000",
      "<v Ben Cole>(As Captain Moreau) My dear Hortense.",
      "",
      "00:00:07.000 --> 00:00:09.000",
      "<v Ana Ruiz>(Speaking Spanish)",
      "",
    ].join("\n");
    expect(turns(vtt)).toEqual([
      { speaker: "Ana Ruiz", manner: "Reading", text: "The letter came folded." },
      { speaker: "Ben Cole", manner: "As Captain Moreau", text: "My dear Hortense." },
      { speaker: "Ana Ruiz", manner: "Speaking Spanish", text: "" },
    ]);
  });

  it("a bracket that is no manner stays in the words or is a sound, as before", () => {
    const vtt = [
      "WEBVTT",
      "",
      "00:00:01.000 --> 00:00:04.000",
      "<v Ana Ruiz>(quietly, to herself) The letter came folded.",
      "",
      "00:00:04.000 --> 00:00:05.000",
      "<v Ana Ruiz>(Laughter)",
      "",
      "00:00:05.000 --> 00:00:07.000",
      "<v Ben Cole>My dear Hortense.",
      "",
    ].join("\n");
    const read = turns(vtt);
    expect(read[0]).toMatchObject({ speaker: "Ana Ruiz", manner: undefined });
    expect(read[0]!.text).toContain("The letter came folded.");
    // A real file's sound-only cue between two speakers is a stand-alone cue.
    expect(read[1]).toEqual({ cue: expect.stringMatching(/laughter/iu) });
    expect(read[2]).toMatchObject({ speaker: "Ben Cole", text: "My dear Hortense." });
  });
});

describe("a Podcasting 2.0 JSON heading segment (our exporter's type field)", () => {
  it("is a heading between turns, not words of the speaker before", () => {
    const json = JSON.stringify({
      version: "1.0.0",
      segments: [
        { speaker: "Ana Ruiz", startTime: 0, endTime: 2, body: "Good evening.", type: "speech" },
        { startTime: 2, endTime: 2, body: "Act Two", type: "heading" },
        { speaker: "Ana Ruiz", startTime: 2, endTime: 4, body: "We go on.", type: "speech" },
        { startTime: 4, endTime: 4, body: " ", type: "heading" },
      ],
    });
    const imported = podcasting20JsonImporter.read({ file: "x.json", text: json });
    expect(imported.blocks.map((b) => (b.kind === "turn" ? `${b.speaker?.name}: ${b.paragraphs.map((p) => p.text).join(" ")}` : `${b.kind}: ${b.kind === "heading" ? b.title : b.text}`))).toEqual([
      "Ana Ruiz: Good evening.",
      "heading: Act Two",
      "Ana Ruiz: We go on.",
    ]);
    expect(imported.warnings.map((w) => w.message)).toContain("A heading segment has no words; it was left out.");
  });
});

describe("our plain-text export, read back by the Descript text reader", () => {
  const copyright = `Copyright 2026 The Long Table. ${"Transcript by the sample team, with excerpts used by permission. ".repeat(3).trim()}`;
  const text = [
    "In Bramwell, the Library Now Lends Drills",
    "The public library in Bramwell has always lent books.",
    "Critics say it is drifting. Night Desk's Hana Kowalczyk reports.",
    "Hana Kowalczyk, reporter: On a Tuesday afternoon, the basement sounds like a hardware store.",
    "Crowd: (Chanting) Keep the yard!",
    "The Slipway Sisters: (Singing) Mama served the soup.",
    "Hana Kowalczyk: Back to the library.",
    copyright,
  ].join("\n\n");
  const imported = descriptTextImporter.read({ file: "t.txt", text: `${text}\n` });

  it("takes the first line as the title even with an introduction after it, and a long copyright line as the copyright", () => {
    expect(imported.meta.title).toBe("In Bramwell, the Library Now Lends Drills");
    expect(imported.meta.copyright).toBe(copyright);
    expect(imported.blocks[0]).toMatchObject({ kind: "turn", paragraphs: [{ text: "The public library in Bramwell has always lent books." }, { text: expect.stringContaining("Critics") }] });
  });

  it("reads a one-word voice or a group with a manner after it as a speaker", () => {
    const turns = imported.blocks.flatMap((b) => (b.kind === "turn" ? [[b.speaker?.name ?? null, b.manner ?? null, b.paragraphs.map((p) => p.text).join(" ")]] : []));
    expect(turns.slice(1)).toEqual([
      ["Hana Kowalczyk", null, "On a Tuesday afternoon, the basement sounds like a hardware store."],
      ["Crowd", "Chanting", "Keep the yard!"],
      ["The Slipway Sisters", "Singing", "Mama served the soup."],
      ["Hana Kowalczyk", null, "Back to the library."],
    ]);
  });

  it("leaves a one-word label without a manner or other evidence in the speech", () => {
    const plain = descriptTextImporter.read({ file: "t.txt", text: "Maya Ortiz: Hello there.\n\nOmar Haddad: Hi.\n\nHonestly: no.\n\nMaya Ortiz: Fine.\n" });
    const turns = plain.blocks.flatMap((b) => (b.kind === "turn" ? [[b.speaker?.name ?? null, b.paragraphs.map((p) => p.text).join(" ")]] : []));
    expect(turns).toEqual([["Maya Ortiz", "Hello there."], ["Omar Haddad", "Hi. Honestly: no."], ["Maya Ortiz", "Fine."]]);
  });
});

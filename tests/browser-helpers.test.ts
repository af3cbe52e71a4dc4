// The browser scripts' pure helpers (layouts/assets/*.js without a DOM), tested in Node: the one
// time parser (shared with the notation), the player's turn lookup, keyboard grid and opening
// moment, the transcript search's matching and wording, the reading options as saved and as
// classes (with reader-prefs.js, the head script that repeats them, run against them), and the
// search page's status sentence.

import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gridMove, momentFromAddress, turnAt } from "../layouts/assets/player-moves.js";
import { PREFS_KEY, prefClasses, readPrefs, SIZES, SPACINGS } from "../layouts/assets/prefs.js";
import { describeResults, FILTERS } from "../layouts/assets/search-status.js";
import { findMatches, matchStatus, noMatchStatus, searchNeedle } from "../layouts/assets/text-matches.js";
import { parseTime, parseTimestamp, roundMs } from "../layouts/assets/time.js";
import * as notationTimes from "../src/transcript/times.ts";

const ASSETS = path.join(import.meta.dirname, "..", "layouts", "assets");

describe("every browser script is type-checked", () => {
  it("each layouts/assets/*.js opens with // @ts-check", () => {
    const scripts = fs.readdirSync(ASSETS).filter((name) => name.endsWith(".js"));
    expect(scripts.length).toBeGreaterThanOrEqual(10);
    for (const name of scripts) expect(fs.readFileSync(path.join(ASSETS, name), "utf8").startsWith("// @ts-check\n"), name).toBe(true);
  });
});

describe("time.js: one time parser for the notation and the player", () => {
  it("is the parser the notation uses", () => {
    expect(notationTimes.parseTimestamp).toBe(parseTimestamp);
    expect(notationTimes.roundMs).toBe(roundMs);
  });

  it.each([
    ["4:16", 256],
    ["0:00", 0],
    ["59:59", 3599],
    ["123:45", 7425],
    ["1:02:03", 3723],
    ["1:02:03.5", 3723.5],
    ["0:07.250", 7.25],
    ["0:07.001", 7.001],
    [" 4:16 ", 256],
  ])("timestamp %j is %d seconds", (text, seconds) => {
    expect(parseTimestamp(text)).toBe(seconds);
  });

  it.each(["", "192", "4:60", "1:60:00", "4:6", "4:16.1234", "4:16.", ":16", "4:16:", "-4:16", "4 :16", "four", "1:02:03:04"])(
    "%j is not a timestamp",
    (text) => {
      expect(parseTimestamp(text)).toBeUndefined();
    },
  );

  it.each([
    ["192", 192],
    ["192.5", 192.5],
    ["0", 0],
    ["3:12", 192],
    ["2:05", 125],
    ["1:02:03", 3723],
    ["1:02:03.5", 3723.5],
  ])("an address's time %j is %d seconds", (text, seconds) => {
    expect(parseTime(text)).toBe(seconds);
  });

  it.each(["", "-5", "1e3", "192.", ".5", "3:75", "abc", "3:12x", "0x10"])("an address's %j is no time", (text) => {
    expect(parseTime(text)).toBeUndefined();
  });

  it("reads back every time the notation writes, to the millisecond", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3_600_000 - 1 }), (ms) => {
        const seconds = ms / 1000;
        const written = notationTimes.formatTimestamp(seconds);
        expect(parseTimestamp(written)).toBe(seconds);
        expect(parseTime(written)).toBe(seconds);
      }),
    );
  });

  it("rounds to whole milliseconds", () => {
    expect(roundMs(1.0004)).toBe(1);
    expect(roundMs(1.0006)).toBe(1.001);
    expect(roundMs(0.1 + 0.2)).toBe(0.3);
  });
});

describe("player-moves.js: the turn at a time", () => {
  const starts = [0, 10, 25.5, 60];

  it.each([
    [-1, -1],
    [0, 0],
    [9.9, 0],
    [9.95, 1],
    [10, 1],
    [25.4, 1],
    [25.45, 2],
    [59, 2],
    [60, 3],
    [10_000, 3],
  ])("at %d s the turn heard is #%d", (time, index) => {
    expect(turnAt(starts, time)).toBe(index);
  });

  it("nothing is heard before the first start or in a story without turns", () => {
    expect(turnAt([5, 8], 1)).toBe(-1);
    expect(turnAt([], 3)).toBe(-1);
  });

  it("is the last start at or before the time plus 50 ms, whatever the starts", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 60 }), fc.integer({ min: -100, max: 101_000 }), (raw, ms) => {
        const sorted = [...raw].sort((a, b) => a - b).map((n) => n / 10);
        const time = ms / 10;
        let expected = -1;
        sorted.forEach((start, i) => {
          if (start <= time + 0.05) expected = i;
        });
        expect(turnAt(sorted, time)).toBe(expected);
      }),
    );
  });
});

describe("player-moves.js: keys in the grid of play and permalink controls", () => {
  it.each([
    ["ArrowDown", 2, 1, [3, 1]],
    ["ArrowDown", 4, 0, [4, 0]],
    ["ArrowUp", 2, 1, [1, 1]],
    ["ArrowUp", 0, 0, [0, 0]],
    ["ArrowRight", 2, 0, [2, 1]],
    ["ArrowRight", 2, 1, [2, 1]],
    ["ArrowLeft", 2, 1, [2, 0]],
    ["ArrowLeft", 2, 0, [2, 0]],
    ["Home", 3, 1, [0, 1]],
    ["End", 1, 0, [4, 0]],
  ] as const)("%s from row %d, column %d → %j (5 turns)", (key, row, col, to) => {
    expect(gridMove(key, row, col, 4)).toEqual(to);
  });

  it.each(["Enter", " ", "Tab", "a", "PageDown", "toString", "constructor", ""])("%j is not a move", (key) => {
    expect(gridMove(key, 1, 0, 4)).toBeUndefined();
  });
});

describe("player-moves.js: the moment a page's address opens at", () => {
  it.each([
    ["", "", undefined, undefined],
    ["?t=100", "", 100, undefined],
    ["", "#t=2:05", 125, undefined],
    ["", "#t%3D2%3A05", 125, undefined],
    ["", "#v-turn-4", undefined, "v-turn-4"],
    ["?t=10", "#v-turn-4", 10, "v-turn-4"],
    ["?t=10", "#t=20", 10, undefined],
    ["?t=soon", "#t=20", undefined, undefined],
    ["?t=3:75", "", undefined, undefined],
    ["", "#t=", undefined, "t="],
    ["", "#t=now", undefined, "t=now"],
    ["", "#caf%C3%A9", undefined, "café"],
    ["?q=x", "#", undefined, undefined],
  ])("search %j, hash %j → time %j, element %j", (search, hash, time, id) => {
    expect(momentFromAddress(search, hash)).toEqual({ time, id });
  });

  it("a malformed escape in the fragment throws, as decodeURIComponent does", () => {
    expect(() => momentFromAddress("", "#%E0%A4%A")).toThrow(URIError);
  });
});

describe("text-matches.js: finding the reader's words in the transcript", () => {
  it("looks for the words trimmed and lower-cased", () => {
    expect(searchNeedle("  Ferry Crossing ")).toBe("ferry crossing");
    expect(searchNeedle("   ")).toBe("");
  });

  it("finds every occurrence, ignoring case, without overlaps", () => {
    expect(findMatches("The ferry, THE FERRY, the Ferry.", "ferry")).toEqual([[4, 9], [15, 20], [26, 31]]);
    expect(findMatches("aaaa", "aa")).toEqual([[0, 2], [2, 4]]);
    expect(findMatches("nothing here", "ferry")).toEqual([]);
  });

  it("finds nothing for no words", () => {
    expect(findMatches("anything", "")).toEqual([]);
  });

  it("matches the text as it is when lower-casing changes its length (İ)", () => {
    const text = "İstanbul and istanbul";
    expect(text.toLocaleLowerCase().length).not.toBe(text.length);
    expect(findMatches(text, searchNeedle("Istanbul"))).toEqual([[13, 21]]);
    expect(findMatches(text, searchNeedle("stanbul"))).toEqual([[1, 8], [14, 21]]);
  });

  it("every match is the needle in the text, in order, apart", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "A", "b", " ", "é", "É") }), fc.string({ unit: fc.constantFrom("a", "b", "é"), minLength: 1, maxLength: 3 }), (text, needle) => {
        const matches = findMatches(text, needle);
        let from = 0;
        for (const [start, end] of matches) {
          expect(start).toBeGreaterThanOrEqual(from);
          expect(text.slice(start, end).toLocaleLowerCase()).toBe(needle);
          from = end;
        }
        // None missed: the next occurrence after the last match is none.
        expect(text.toLocaleLowerCase().indexOf(needle, from)).toBe(-1);
      }),
    );
  });

  it("says which match is shown, and when there is none", () => {
    expect(matchStatus(0, 1)).toBe("1 of 1 match");
    expect(matchStatus(2, 12)).toBe("3 of 12 matches");
    expect(noMatchStatus("ferry")).toBe("No matches for “ferry”");
  });
});

describe("prefs.js: the reading options as saved and as classes", () => {
  const defaults = { size: 0, spacing: 0, times: true, cues: true };

  it.each([
    [null, defaults],
    ["", defaults],
    ["{", defaults],
    ["null", defaults],
    ["[]", defaults],
    ["7", defaults],
    ['"x"', defaults],
    ['{"size":2,"spacing":1,"times":false,"cues":false}', { size: 2, spacing: 1, times: false, cues: false }],
    ['{"size":3,"spacing":2}', { ...defaults, size: 3, spacing: 2 }],
    ['{"size":4,"spacing":3}', defaults],
    ['{"size":-1,"spacing":-1}', defaults],
    ['{"size":1.5,"spacing":"1"}', defaults],
    ['{"size":"2"}', defaults],
    ['{"times":"false","cues":0}', defaults],
    ['{"times":null,"cues":false}', { ...defaults, cues: false }],
  ])("saved %j reads as %j", (stored, prefs) => {
    expect(readPrefs(stored)).toEqual(prefs);
  });

  it("stands for a class on <html> per option", () => {
    expect(prefClasses({ size: 2, spacing: 1, times: false, cues: true })).toEqual([
      ["reader-size-1", false], ["reader-size-2", true], ["reader-size-3", false],
      ["reader-spacing-1", true], ["reader-spacing-2", false],
      ["hide-times", true], ["hide-cues", false],
    ]);
    expect(prefClasses(defaults).filter(([, on]) => on)).toEqual([]);
    expect(prefClasses(defaults).length).toBe(SIZES + SPACINGS + 2);
  });

  it("what is saved reads back the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SIZES }), fc.integer({ min: 0, max: SPACINGS }), fc.boolean(), fc.boolean(), (size, spacing, times, cues) => {
        const prefs = { size, spacing, times, cues };
        expect(readPrefs(JSON.stringify(prefs))).toEqual(prefs);
      }),
    );
  });

  /** The classes reader-prefs.js (the head script) puts on <html> for a saved value, and the key it reads. */
  function headScript(stored: string | null | Error): { classes: string[]; keys: string[] } {
    const classes: string[] = [];
    const keys: string[] = [];
    const localStorage = {
      getItem(key: string) {
        keys.push(key);
        if (stored instanceof Error) throw stored;
        return stored;
      },
    };
    const document = { documentElement: { classList: { add: (name: string) => classes.push(name) } } };
    vm.runInNewContext(fs.readFileSync(path.join(ASSETS, "reader-prefs.js"), "utf8"), { localStorage, document });
    return { classes, keys };
  }

  const stored = [
    null, "", "{", "null", "[]", "7", '"x"', "{}",
    ...[0, 1, 2, 3, 4, -1, 1.5, '"2"', "true", "null"].flatMap((v) => [`{"size":${v}}`, `{"spacing":${v}}`]),
    ...["false", "true", '"false"', "0", "null"].flatMap((v) => [`{"times":${v}}`, `{"cues":${v}}`]),
    '{"size":3,"spacing":2,"times":false,"cues":false}',
    '{"size":1,"spacing":1,"times":true,"cues":false}',
  ];

  it.each(stored)("the head script applies saved %j as prefs.js reads it", (value) => {
    const { classes, keys } = headScript(value);
    expect(keys).toEqual([PREFS_KEY]);
    expect(classes).toEqual(prefClasses(readPrefs(value)).filter(([, on]) => on).map(([name]) => name));
  });

  it("the head script leaves the defaults when storage is refused", () => {
    expect(headScript(new Error("SecurityError")).classes).toEqual([]);
  });
});

describe("search-status.js: the search page's status sentence", () => {
  it.each([
    [0, "ferry", {}, "No stories found for “ferry”."],
    [1, "ferry", {}, "1 story found for “ferry”."],
    [12, "ferry", { show: "Night Desk" }, "12 stories found for “ferry”, with show Night Desk."],
    [3, "", { tag: "Transport", speaker: "Dana Price" }, "3 stories found with topic Transport and speaker Dana Price."],
    [2, "", { show: "Night Desk", tag: "Ferries", speaker: "Brian Mann" }, "2 stories found with show Night Desk and topic Ferries and speaker Brian Mann."],
  ])("%d results for %j with %j: %j", (count, term, filters, sentence) => {
    expect(describeResults(count, term, filters)).toBe(sentence);
  });

  it("offers the show, topic and speaker filters", () => {
    expect(FILTERS).toEqual(["show", "tag", "speaker"]);
  });
});

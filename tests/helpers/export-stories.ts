// Stories the export tests share (tests/export.test.ts, and in Chromium tests/export.browser.test.ts).

import { EXPORT_FORMATS, type ExportableStory, type ExportFormatId } from "../../src/interchange/exporters/index.ts";
import { parseSettings } from "../../src/story/settings.ts";
import { parseStory, type Story, type StoryContext } from "../../src/story/story.ts";

const settings = parseSettings("site.json", { title: "T", url: "https://example.org/", language: "en", description: "D" });
const context: StoryContext = { settings, contentDir: "content", storiesDir: "content/stories" };

export function story(front: string, body: string): Story {
  return parseStory({ file: "content/stories/test.md", raw: `---\n${front}\n---\n${body}` }, context);
}

export const LONG =
  "The lamp room at Kesk Point sits a hundred and forty-one steps above the rocks, and for most of a century someone climbed them every evening. " +
  "The keepers wound the clockwork by hand, trimmed the wicks, polished the brass; in storms they stayed up all night. " +
  "When the light was automated, the last of them handed over his keys, walked down the hill and did not come back for thirty years.";

/** Timed: roles, a soundbite with a tape group, a heading, Spanish, sounds, "&" and "<" in speech. */
export const LIGHTHOUSE = story(
  `title: Night Shift at the Lighthouse\nshow: Harbor Hours\ndate: 2026-05-02\nduration: "3:10"\ncopyright: © 2026 Harbor Hours Radio\nspeakers:\n  LINDQVIST: {name: Tomas Lindqvist, role: keeper}`,
  `[0:02] SELMA ARNAUT, HOST: Good evening. Tonight: light, salt & the people who keep watch.

[0:09] SENA OKAFOR, BYLINE: ${LONG}

[0:31] (SOUNDBITE OF ARCHIVED RADIO BROADCAST)

[0:33] UNIDENTIFIED ANNOUNCER: The light at Kesk Point will run itself by spring.

[0:38] OKAFOR: That was 1987. Keepers < machines, the memo said.

## [0:45] The last keeper

[0:46] LINDQVIST: (Speaking Spanish) Cada noche subía las escaleras.

Y cada mañana bajaba.

[1:02] ARNAUT: And the light still turns. (Laughter)

[POST-BROADCAST CORRECTION: An earlier version of this story gave the wrong number of steps.]
`,
);

/** Timed, opening with an unvoiced introduction; two paragraphs share a time; no duration. */
export const BULLETIN = story(
  "title: Morning Bulletin\nshow: Harbor Hours\ndate: 2026-05-03",
  `From the harbor, this is the morning bulletin.

[0:05] PIETRO VALE, HOST: Ferries run late today.

[0:05] (LAUGHTER)

[0:06] VALE: Only a little late. <Honestly.>
`,
);

/** Untimed. */
export const UNTIMED = story(
  "title: Letters Home\nshow: Harbor Hours\ndate: 2026-05-04\ncopyright: © 2026 Harbor Hours Radio",
  `Letters from the harbor, read aloud.

HANNA BERG, HOST: This week, a letter from 1952.

(SOUNDBITE OF MUSIC)

JONAS STRAND: (Reading) Dear Hanna, the boats are in & the nets are full.

The winter was long.

## Replies

STRAND: We wrote back.
`,
);

export const TIMED_STORIES: Array<[string, Story]> = [["lighthouse", LIGHTHOUSE], ["bulletin", BULLETIN]];

export function write(id: ExportFormatId, s: ExportableStory): string {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`no format ${id}`);
  return format.write(s);
}

// ---------------------------------------------------------------------------------------------
// A small reader for what we write, to check it line by line.


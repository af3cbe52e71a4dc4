// The text of a new story: valid front matter and a reminder of the notation.

import yaml from "js-yaml";
import { slugify } from "../transcript/text.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { validateFrontMatter } from "./schema.ts";

export interface NewStory {
  show: string;
  title: string;
  date: string;
}

export function scaffoldStory({ show, title, date }: NewStory): { slug: string; text: string } | { error: string } {
  const slug = slugify(title);
  if (!slug) return { error: `The title "${title}" has no letters or digits to name the file after.` };
  const front = yaml.dump({ title, show, date, summary: "One or two sentences about the story.", tags: [], draft: true }, { schema: yaml.CORE_SCHEMA, lineWidth: 100 });
  const text = `---\n${front}---\n${BODY}`;
  try {
    validateFrontMatter(`${slug}.md`, splitFrontMatter(`${slug}.md`, text));
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { slug, text };
}

// The body is itself valid notation, so a fresh story builds; replace it with the transcript.
// The full specification is in tests/fixtures/notation/.
const BODY = `The host's introduction, before the first speaker label, goes here.

ALEX RIVERA, HOST: The first time someone speaks, write their full name in capitals, then a comma and their role: HOST, BYLINE (your own reporter) or a role in words. Leave a blank line between paragraphs.

A paragraph without a label continues the same speaker's turn.

SAM OKAFOR: A guest needs no role. Later turns use the surname alone.

RIVERA: Marks inside speech: (Laughter), (inaudible), a name spelled by ear like Ana Perez (ph), [expletive].

(SOUNDBITE OF ARCHIVED BROADCAST)

UNIDENTIFIED REPORTER: Voices after a SOUNDBITE cue are grouped as tape until the host or a reporter speaks again.

OKAFOR: (Through interpreter) A manner goes right after the label: (Singing), (Reading), (Speaking Spanish), (As Character).
`;

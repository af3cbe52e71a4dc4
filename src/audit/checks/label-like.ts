// verbatim-label-inside-paragraph: a speaker label inside a paragraph's speech on the page
// ("…at the top.PRICE: Today"). A lost paragraph break put the words after it in the wrong
// mouth, whether the story was written by hand, imported, or made by something else entirely.
// The page's words are read by the notation's own detector (src/transcript/label-like.ts), with
// the speakers the page names as the known ones, so the audit and the build warning agree.

import { labelKey, labelLikeRuns, nameAliases, type LabelLikeRun } from "../../transcript/index.ts";
import { properCase } from "../../transcript/text.ts";
import type { Issue } from "../types.ts";

/** A paragraph of speech as the page gives it (collected by in-page.js). */
export interface PageParagraph {
  selector: string;
  context: string;
  /** The words, without the turn's own speaker name and manner, with the page's line breaks. */
  text: string;
  /** Whose words the page publishes them as; "" outside a turn. */
  speaker: string;
}

/** Findings for every label-like run in the page's speech paragraphs, in reading order. */
export function labelsInsideParagraphs(paragraphs: PageParagraph[], speakerNames: string[]): Issue[] {
  const known = new Map<string, string>();
  const learn = (name: string) => {
    for (const alias of nameAliases(name)) if (!known.has(alias)) known.set(alias, name);
  };
  for (const name of speakerNames) learn(name);
  const issues: Issue[] = [];
  for (const paragraph of paragraphs) {
    if (!paragraph.text.includes(":")) continue;
    for (const run of labelLikeRuns(paragraph.text, (label) => known.has(labelKey(label)))) {
      const named = run.full ? undefined : known.get(labelKey(run.label));
      issues.push({
        code: "verbatim-label-inside-paragraph",
        type: "error",
        message: message(run, named, paragraph.speaker),
        selector: paragraph.selector,
        context: paragraph.context,
        runner: "verbatim",
      });
      if (run.full) learn(properCase(run.label.split(",")[0] ?? ""));
    }
  }
  return issues;
}

function message(run: LabelLikeRun, named: string | undefined, speaker: string): string {
  const label = `"${run.label}:"`;
  const whose = speaker ? `published as ${speaker}'s` : "published without a speaker of their own";
  return (
    `${label} inside this paragraph looks like a speaker label${named ? ` (${named})` : ""}, but the words after it are ${whose}: ` +
    `a lost paragraph break may put them in the wrong mouth. Start a new paragraph before "${run.written}" in the story, or write the colon differently if this is speech.`
  );
}

// The podcast feed checks (src/feeds/checks.ts) on this build's content: each show with episodes,
// its show.yml, the site settings, the sizes of local audio files and the artwork as planned.
// Required problems become ContentErrors, listed with every other at once before anything is
// written; recommended ones come back as warnings for the build's output.

import fs from "node:fs";
import path from "node:path";
import { checkAcrossFeeds, checkFeed, type FeedCheckInput, type FeedProblem } from "../feeds/checks.ts";
import { ContentErrors, InputError } from "../story/errors.ts";
import type { SiteModel } from "../story/site.ts";
import type { Story } from "../story/story.ts";
import type { BuildContext } from "./context.ts";
import type { SiteImages } from "./images.ts";

/** The line of `"field":` in the settings file, when it is there. */
function settingsLines(root: string, file: string): (field: string) => number | undefined {
  let lines: string[] = [];
  try {
    lines = fs.readFileSync(path.join(root, file), "utf8").split(/\r\n?|\n/u);
  } catch {
    // Read already by loadSettings; without it the problems name the file alone.
  }
  return (field) => {
    const i = lines.findIndex((line) => line.includes(`"${field}"`));
    return i < 0 ? undefined : i + 1;
  };
}

/** A local audio file's size in bytes. */
export function localAudioBytes(root: string, story: Story): number | undefined {
  const file = story.audio?.file;
  return file ? fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.size : undefined;
}

export function feedCheckInputs(context: Pick<BuildContext, "paths" | "settings">, site: SiteModel, images: SiteImages | undefined): FeedCheckInput[] {
  const { paths } = context;
  const settingsLine = settingsLines(paths.root, paths.settings);
  return site.podcasts.map((show) => {
    const feedArt = images?.shows[show.slug]?.feedArt;
    return {
      show,
      settings: site.settings,
      settingsFile: paths.settings,
      settingsLine,
      showFile: `${paths.shows}/${show.slug}/show.yml`,
      audioBytes: (story) => localAudioBytes(paths.root, story),
      ...(feedArt ? { feedArt } : {}),
    };
  });
}

/** "file:line: warning: problem" and the fix, as the build prints a recommended rule's problem. */
export function formatFeedWarning(problem: FeedProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ""}: warning: ${problem.problem}\n  Fix: ${problem.fix}`;
}

/**
 * Checks every podcast feed of the site; throws ContentErrors listing every required problem,
 * else returns the recommended ones.
 */
export function checkSiteFeeds(context: Pick<BuildContext, "paths" | "settings">, site: SiteModel, images: SiteImages | undefined): FeedProblem[] {
  const inputs = feedCheckInputs(context, site, images);
  const problems = [...inputs.flatMap(checkFeed), ...checkAcrossFeeds(inputs)];
  const required = problems.filter((p) => p.level === "required");
  if (required.length) {
    throw new ContentErrors(required.map((p) => new InputError(p.file, p.line, `${p.problem} (${p.element}: podcast directories require it)`, p.fix)));
  }
  return problems.filter((p) => p.level === "recommended");
}

/** Under `npm start`: the same checks on each rebuild, the warnings in the terminal. */
export function checkFeedsStep(context: BuildContext): void {
  const site = context.model;
  if (!site) return;
  for (const warning of checkSiteFeeds(context, site, context.images.planned)) context.log.warn(formatFeedWarning(warning));
}

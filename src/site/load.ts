// Reads the settings and every story from disk into the site model, reporting every problem
// in every file at once. The only part of the site that touches the file system for content.

import fs from "node:fs";
import path from "node:path";
import { InputError } from "../story/errors.ts";
import { parseSettings, type SiteSettings } from "../story/settings.ts";
import { buildSite, type SiteModel } from "../story/site.ts";
import { parseShowConfig, type ShowConfig } from "../story/show-config.ts";
import { parseStory, type Story, type StoryContext } from "../story/story.ts";
import type { ProjectPaths } from "./paths.ts";

/** Every problem found in the content, each naming its file and line. */
export class ContentErrors extends Error {
  override readonly name = "ContentErrors";
  /** Tells Eleventy (npm start) to print the message without a stack trace. */
  readonly skipOriginalStack = true;
  constructor(readonly errors: InputError[]) {
    super(`${errors.length} problem${errors.length === 1 ? "" : "s"} in the content:\n\n${errors.map((e) => e.message).join("\n\n")}`);
  }
}

const toPosix = (p: string) => p.split(path.sep).join("/");

export function loadSettings(paths: ProjectPaths, baseUrl = process.env.VERBATIM_BASE_URL): SiteSettings {
  const file = path.join(paths.root, paths.settings);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : `is not valid JSON (${(error as Error).message})`;
    throw new ContentErrors([new InputError(paths.settings, undefined, `The site settings file ${reason}.`, 'create it with "title", "url", "language" and "description".')]);
  }
  try {
    return parseSettings(paths.settings, data, baseUrl || undefined);
  } catch (error) {
    if (error instanceof InputError) throw new ContentErrors([error]);
    throw error;
  }
}

/** Story files under the stories folder: every "*.md"; in a folder with index.md, only that one. */
export function findStoryFiles(paths: ProjectPaths): string[] {
  const dir = path.join(paths.root, paths.stories);
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
    .map(toPosix)
    .filter((file) => file.endsWith(".md") && !file.split("/").some((part) => part.startsWith(".") || part.startsWith("_")))
    .filter((file) => {
      // Markdown files beside a folder's index.md belong to that story (notes, credits), not new stories.
      const folder = path.posix.dirname(file);
      return path.posix.basename(file) === "index.md" || folder === "." || !fs.existsSync(path.join(dir, folder, "index.md"));
    })
    .sort()
    .map((file) => `${paths.stories}/${file}`);
}

const cache = new Map<string, { raw: string; settings: SiteSettings; story: Story }>();

function loadStory(file: string, paths: ProjectPaths, context: StoryContext): Story {
  const raw = fs.readFileSync(path.join(paths.root, file), "utf8");
  const hit = cache.get(file);
  if (hit && hit.raw === raw && hit.settings === context.settings) return hit.story;
  const story = parseStory({ file, raw }, context);
  cache.set(file, { raw, settings: context.settings, story });
  return story;
}

function checkAudio(story: Story, paths: ProjectPaths): InputError | undefined {
  const file = story.audio?.file;
  if (!file || fs.existsSync(path.join(paths.root, file))) return undefined;
  return new InputError(story.file, undefined, `The audio file ${file} does not exist.`, "put the audio file next to the story, or fix the audio: path in the front matter.");
}

function checkImage(owner: string, image: string | undefined, field: string, paths: ProjectPaths): InputError | undefined {
  if (!image || fs.existsSync(path.join(paths.root, image))) return undefined;
  return new InputError(owner, undefined, `The image ${image} does not exist.`, `put the image next to ${path.posix.basename(owner)}, or fix the ${field}: file name.`);
}

/** Every content/shows/<slug>/show.yml; problems go to `errors`. */
export function loadShowConfigs(paths: ProjectPaths, errors: InputError[]): ShowConfig[] {
  const dir = path.join(paths.root, paths.shows);
  if (!fs.existsSync(dir)) return [];
  const configs: ShowConfig[] = [];
  for (const slug of fs.readdirSync(dir).sort()) {
    const file = `${paths.shows}/${slug}/show.yml`;
    if (slug.startsWith(".") || !fs.existsSync(path.join(paths.root, file))) continue;
    try {
      const config = parseShowConfig(file, fs.readFileSync(path.join(paths.root, file), "utf8"), slug, paths.content);
      const missing = checkImage(file, config.art?.file, "art", paths);
      if (missing) errors.push(missing);
      else configs.push(config);
    } catch (error) {
      if (error instanceof InputError) errors.push(error);
      else throw error;
    }
  }
  return configs;
}

/** The site model, or ContentErrors listing every problem in every file. */
export function loadSite(paths: ProjectPaths, settings: SiteSettings = loadSettings(paths)): SiteModel {
  const context: StoryContext = { settings, contentDir: paths.content, storiesDir: paths.stories };
  const errors: InputError[] = [];
  const stories: Story[] = [];
  const bySlug = new Map<string, Story>();
  for (const file of findStoryFiles(paths)) {
    try {
      const story = loadStory(file, paths, context);
      const clash = bySlug.get(story.slug);
      if (clash) {
        errors.push(new InputError(file, undefined, `This story would be published at ${story.url}, like ${clash.file}.`, "rename one of the two files (or folders)."));
        continue;
      }
      bySlug.set(story.slug, story);
      for (const problem of [checkAudio(story, paths), checkImage(story.file, story.cover?.file, "cover", paths)]) {
        if (problem) errors.push(problem);
      }
      stories.push(story);
    } catch (error) {
      if (error instanceof InputError) errors.push(error);
      else throw error;
    }
  }
  const shows = loadShowConfigs(paths, errors);
  if (errors.length) throw new ContentErrors(errors);
  return buildSite(settings, stories, shows);
}

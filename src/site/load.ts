// Reads the settings and every story from disk into the site model, reporting every problem
// in every file at once. The only part of the site that touches the file system for content.

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { decodeUtf8File } from "../story/encoding.ts";
import { ContentErrors, InputError } from "../story/errors.ts";
import { parseSettings, type SiteSettings } from "../story/settings.ts";
import { buildSite, type SiteModel } from "../story/site.ts";
import { parseShowConfig, type ShowConfig } from "../story/show-config.ts";
import { parseStory, type Story, type StoryContext } from "../story/story.ts";
import type { ProjectPaths } from "./paths.ts";

/** Every problem found in the content (defined next to ContentError, the type of each problem). */
export { ContentErrors };

const toPosix = (p: string) => p.split(path.sep).join("/");

/** The settings file; `baseUrl` (from --base-url or VERBATIM_BASE_URL, read by the entry points) overrides its url. */
export function loadSettings(paths: ProjectPaths, baseUrl?: string): SiteSettings {
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
    // A folder that happens to be called "x.md" is not a story (its index.md may be).
    .filter((file) => fs.statSync(path.join(dir, file), { throwIfNoEntry: false })?.isFile() ?? false)
    .filter((file) => {
      // Markdown files beside a folder's index.md belong to that story (notes, credits), not new stories.
      const folder = path.posix.dirname(file);
      return path.posix.basename(file) === "index.md" || folder === "." || !fs.existsSync(path.join(dir, folder, "index.md"));
    })
    .sort()
    .map((file) => `${paths.stories}/${file}`);
}

/**
 * Parsed stories by file, reused while the file and the settings are unchanged: the build checks
 * the content before Eleventy loads it again, and `npm start` reloads it on every save. One per
 * build context. A file is known by a digest of its text, not the text: the cache lives as long
 * as the build, and an archive's text is a hundred megabytes at 10,000 stories. A file whose
 * inode, size and modification time (to the nanosecond) are those it was read with is not read
 * again: on a save under `npm start`, 10,000 stories are 10,000 `stat`s, not 10,000 reads.
 */
export class StoryCache extends Map<string, { digest: string; stamp: string; settings: string; story: Story }> {}

const digestOf = (text: string) => createHash("sha256").update(text).digest("base64");

function loadStory(file: string, paths: ProjectPaths, context: StoryContext, settings: string, cache: StoryCache): Story {
  const full = path.join(paths.root, file);
  const stat = fs.statSync(full, { bigint: true });
  const stamp = `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  const hit = cache.get(file);
  if (hit && hit.stamp === stamp && hit.settings === settings) return hit.story;
  // Bytes, not "utf8": Node would quietly turn bytes that are not UTF-8 into "�".
  const raw = decodeUtf8File(file, fs.readFileSync(full));
  const digest = digestOf(raw);
  if (hit && hit.digest === digest && hit.settings === settings) {
    hit.stamp = stamp;
    return hit.story;
  }
  const story = parseStory({ file, raw }, context);
  cache.set(file, { digest, stamp, settings, story });
  return story;
}

const isFile = (paths: ProjectPaths, file: string) => fs.statSync(path.join(paths.root, file), { throwIfNoEntry: false })?.isFile() ?? false;

function checkAudio(story: Story, paths: ProjectPaths): InputError | undefined {
  const file = story.audio?.file;
  if (!file || isFile(paths, file)) return undefined;
  return new InputError(story.file, story.lines.audio ?? 1, `The audio file ${file} does not exist.`, "put the audio file next to the story, or fix the audio: path in the front matter.");
}

function checkImage(owner: string, line: number | undefined, image: string | undefined, field: string, paths: ProjectPaths): InputError | undefined {
  if (!image || isFile(paths, image)) return undefined;
  return new InputError(owner, line ?? 1, `The image ${image} does not exist.`, `put the image next to ${path.posix.basename(owner)}, or fix the ${field}: file name.`);
}

/**
 * A failure that is not a mistake in the file (a bug, a file that cannot be read): still named
 * by its file, never a stack trace, and the other files are checked all the same.
 */
function unexpected(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EACCES" || code === "EPERM") {
    return new InputError(file, 1, "The file cannot be read: permission denied.", "give your user permission to read it (chmod a+r), or move it out of content/stories/.");
  }
  const message = error instanceof Error ? error.message : String(error);
  return new InputError(
    file,
    1,
    `Verbatim failed while reading this story (${message.split("\n")[0]}).`,
    "this is a bug in Verbatim, not in the story: please report it with the file attached. To build the other stories meanwhile, move this one out of content/stories/.",
  );
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
      const config = parseShowConfig(file, decodeUtf8File(file, fs.readFileSync(path.join(paths.root, file))), slug, paths.content);
      const missing = checkImage(file, config.artLine, config.art?.file, "art", paths);
      if (missing) errors.push(missing);
      else configs.push(config);
    } catch (error) {
      errors.push(error instanceof InputError ? error : unexpected(file, error));
    }
  }
  return configs;
}

/** The site model, or ContentErrors listing every problem in every file. */
export function loadSite(paths: ProjectPaths, settings: SiteSettings = loadSettings(paths), cache = new StoryCache()): SiteModel {
  const context: StoryContext = { settings, contentDir: paths.content, storiesDir: paths.stories };
  const errors: InputError[] = [];
  const stories: Story[] = [];
  const bySlug = new Map<string, Story>();
  // Made once, so every cache entry shares it.
  const settingsKey = JSON.stringify(settings);
  for (const file of findStoryFiles(paths)) {
    try {
      const story = loadStory(file, paths, context, settingsKey, cache);
      const clash = bySlug.get(story.slug);
      if (clash) {
        errors.push(new InputError(file, 1, `This story would be published at ${story.url}, like ${clash.file}.`, "rename one of the two files (or folders): addresses ignore case and punctuation, so each story needs a name of its own."));
        continue;
      }
      bySlug.set(story.slug, story);
      for (const problem of [checkAudio(story, paths), checkImage(story.file, story.lines.cover, story.cover?.file, "cover", paths)]) {
        if (problem) errors.push(problem);
      }
      stories.push(story);
    } catch (error) {
      errors.push(error instanceof InputError ? error : unexpected(file, error));
    }
  }
  const shows = loadShowConfigs(paths, errors);
  if (errors.length) throw new ContentErrors(errors);
  return buildSite(settings, stories, shows);
}

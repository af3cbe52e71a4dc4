// Runs the real build command, as a user would, into a temporary output folder: the same function
// `npm run build` runs, in this process, with its lines captured.

import fs from "node:fs";
import path from "node:path";
import { runBuildCommand } from "../../src/commands/build.ts";
import { tempDir } from "./temp-dirs.ts";

export const REPO = path.resolve(import.meta.dirname, "..", "..");

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
}

/**
 * Rendered images shared by every test build (entries are named by their content, so sharing is
 * safe): only the first build of a run draws the sample site's images. A test about the cache
 * itself passes its own VERBATIM_IMAGE_CACHE.
 */
export const TEST_IMAGE_CACHE = path.join(REPO, ".cache", "test-images");

export async function runBuild(
  args: string[] = [],
  cwd = REPO,
  output = tempDir("verbatim-site-"),
  env: Record<string, string> = {},
): Promise<BuildRun> {
  if (process.env.VERBATIM_TEST_TIER === "unit") throw new Error("A unit test may not build a site: name the file *.site.test.ts (see vitest.config.ts).");
  let stdout = "";
  let stderr = "";
  const code = await runBuildCommand(["--output", output, ...args], {
    cwd,
    env: { ...process.env, VERBATIM_BASE_URL: "", VERBATIM_IMAGE_CACHE: TEST_IMAGE_CACHE, ...env },
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
  });
  return { code, stdout, stderr, output };
}

/** A throwaway project sharing this repo's code and layouts, with its own copy of content/. */
export function makeProject(options: { copyLayouts?: boolean; stories?: string[] } = {}): string {
  const dir = tempDir("verbatim-project-");
  for (const name of ["src", "node_modules", "scripts"]) fs.symlinkSync(path.join(REPO, name), path.join(dir, name));
  if (options.copyLayouts) fs.cpSync(path.join(REPO, "layouts"), path.join(dir, "layouts"), { recursive: true });
  else fs.symlinkSync(path.join(REPO, "layouts"), path.join(dir, "layouts"));
  fs.copyFileSync(path.join(REPO, ".eleventy.ts"), path.join(dir, ".eleventy.ts"));
  fs.copyFileSync(path.join(REPO, "package.json"), path.join(dir, "package.json"));
  fs.cpSync(path.join(REPO, "content"), path.join(dir, "content"), { recursive: true });
  if (options.stories) {
    const stories = path.join(dir, "content", "stories");
    for (const entry of fs.readdirSync(stories)) {
      if (!options.stories.includes(entry.replace(/\.md$/, ""))) fs.rmSync(path.join(stories, entry), { recursive: true });
    }
  }
  return dir;
}

/** Every file under a folder, relative, with forward slashes. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

/**
 * A show.yml for `slug` in a throwaway project, with the sample site's art: what a show whose
 * stories have audio needs for its podcast feed to pass the feed checks (src/feeds/checks.ts).
 */
export function addShow(project: string, slug: string, yml = ""): void {
  const dir = path.join(project, "content", "shows", slug);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(REPO, "content", "shows", "the-long-table", "art.png"), path.join(dir, "art.png"));
  fs.writeFileSync(path.join(dir, "show.yml"), `art: { file: art.png, alt: "Cover art of ${slug}" }\n${yml}`);
}

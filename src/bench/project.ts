// A throwaway project for a benchmark: this repository's code and layouts (linked), its site
// settings, and `count` generated stories. The generated shows have no art and their audio is on
// another host without a size, so they make no podcast feeds ("podcastFeeds": false), which the
// feed checks would stop.

import fs from "node:fs";
import path from "node:path";
import { generateStory } from "./generate.ts";

export function makeBenchProject(repo: string, dir: string, count: number): void {
  for (const name of ["src", "node_modules", "scripts", "layouts"]) fs.symlinkSync(path.join(repo, name), path.join(dir, name));
  for (const name of [".eleventy.ts", "package.json"]) fs.copyFileSync(path.join(repo, name), path.join(dir, name));
  fs.mkdirSync(path.join(dir, "content/_data"), { recursive: true });
  const settings = JSON.parse(fs.readFileSync(path.join(repo, "content/_data/site.json"), "utf8")) as Record<string, unknown>;
  fs.writeFileSync(path.join(dir, "content/_data/site.json"), `${JSON.stringify({ ...settings, podcastFeeds: false }, null, 2)}\n`);
  fs.mkdirSync(path.join(dir, "content/stories"));
  for (let n = 1; n <= count; n++) {
    const story = generateStory(n);
    fs.writeFileSync(path.join(dir, "content/stories", `${story.slug}.md`), story.text);
  }
}

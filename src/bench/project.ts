// A throwaway project for a benchmark: this repository's code and layouts (linked), its site
// settings, and `count` generated stories.

import fs from "node:fs";
import path from "node:path";
import { generateStory } from "./generate.ts";

export function makeBenchProject(repo: string, dir: string, count: number): void {
  for (const name of ["src", "node_modules", "scripts", "layouts"]) fs.symlinkSync(path.join(repo, name), path.join(dir, name));
  for (const name of [".eleventy.ts", "package.json"]) fs.copyFileSync(path.join(repo, name), path.join(dir, name));
  fs.mkdirSync(path.join(dir, "content/_data"), { recursive: true });
  fs.copyFileSync(path.join(repo, "content/_data/site.json"), path.join(dir, "content/_data/site.json"));
  fs.mkdirSync(path.join(dir, "content/stories"));
  for (let n = 1; n <= count; n++) {
    const story = generateStory(n);
    fs.writeFileSync(path.join(dir, "content/stories", `${story.slug}.md`), story.text);
  }
}

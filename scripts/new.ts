// npm run new -- --show "Night Desk" --title "The Night Ferry Returns" [--date 2026-03-14] [--folder]
// Scaffolds a story with valid front matter and a short reminder of the notation.

import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { scaffoldStory } from "../src/story/scaffold.ts";
import { projectPaths } from "../src/site/paths.ts";

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        show: { type: "string" },
        title: { type: "string" },
        date: { type: "string" },
        folder: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run new -- --show "Show name" --title "Story title" [--date YYYY-MM-DD] [--folder]`);
    return 2;
  }
  if (!values.show || !values.title) {
    console.error('Both --show and --title are needed.\nUsage: npm run new -- --show "Night Desk" --title "The Night Ferry Returns"');
    return 2;
  }
  const paths = projectPaths(process.cwd());
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  const story = scaffoldStory({ show: values.show, title: values.title, date });
  if ("error" in story) {
    console.error(story.error);
    return 2;
  }
  const relative = values.folder ? `${paths.stories}/${story.slug}/index.md` : `${paths.stories}/${story.slug}.md`;
  const file = path.join(paths.root, relative);
  if (fs.existsSync(file)) {
    console.error(`${relative} already exists; nothing was written. Choose another --title.`);
    return 1;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, story.text, { flag: "wx" });
  console.log(`Created ${relative}\nPreview it with npm start; it is a draft until you remove "draft: true".`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

// Planning a site's images again under `npm start`: a story's card is remembered with the story,
// and planned anew whenever what it shows changes (the story, its show's art),
// and a story's card error is reported on every save, not only the first.

import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { planSiteImages } from "../src/site/images.ts";
import { createContext } from "../src/site/context.ts";
import { ContentErrors, loadSite } from "../src/site/load.ts";
import { projectPaths } from "../src/site/paths.ts";
import { makeProject } from "./helpers/build.ts";

const project = makeProject({ stories: ["bread-that-remembers"] });
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));
const paths = projectPaths(project);
const context = createContext({ paths, mode: "serve", outputDir: path.join(project, "_site") });
const plan = async () => planSiteImages(loadSite(paths, context.settings, context.stories), paths);
const storyFile = path.join(project, "content/stories/bread-that-remembers.md");

describe("planning images again on each save", () => {
  it("gives an unchanged story the same card, and a new one when its title or its show's art changes", async () => {
    const first = await plan();
    const card = () => first.stories["bread-that-remembers"]?.card;
    expect(card()?.url).toMatch(/card-[0-9a-f]{10}\./u);
    expect((await plan()).stories["bread-that-remembers"]).toEqual(first.stories["bread-that-remembers"]);

    const raw = fs.readFileSync(storyFile, "utf8");
    fs.writeFileSync(storyFile, raw.replace(/^title: .*$/mu, 'title: "A New Title for the Bread"'));
    const retitled = (await plan()).stories["bread-that-remembers"]?.card;
    expect(retitled?.url).not.toBe(card()?.url);
    expect(retitled?.alt).toContain("A New Title for the Bread");

    const show = fs.readdirSync(path.join(project, "content/shows")).find((slug) => fs.existsSync(path.join(project, "content/shows", slug, "art.png")));
    const art = path.join(project, "content/shows", show ?? "", "art.png");
    const before = (await plan()).stories["bread-that-remembers"]?.card.url;
    const { width, height } = await sharp(art).metadata();
    await sharp({ create: { width: width ?? 1400, height: height ?? 1400, channels: 3, background: "#336699" } }).png().toFile(`${art}.new`);
    fs.renameSync(`${art}.new`, art);
    const newArt = (await plan()).stories["bread-that-remembers"]?.card.url;
    expect(newArt).not.toBe(before);

  });

  it("reports a character no card font has on every save until it is fixed", async () => {
    const raw = fs.readFileSync(storyFile, "utf8");
    fs.writeFileSync(storyFile, raw.replace(/^title: .*$/mu, 'title: "A private \ue000 sign"'));
    for (let save = 0; save < 2; save++) {
      const error = await plan().then(() => undefined, (e: unknown) => e);
      expect(error, `save ${save + 1}`).toBeInstanceOf(ContentErrors);
      expect((error as ContentErrors).message).toContain("U+E000");
    }
    fs.writeFileSync(storyFile, raw);
    await expect(plan()).resolves.toBeDefined();
  });
});

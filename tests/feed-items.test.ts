// The podcast feed written again and again under `npm start`: items kept by story give the same
// feed, byte for byte, and an item is written again when its story's audio changes size.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderFeed, type FeedInput } from "../src/feeds/rss.ts";
import { loadSite } from "../src/site/load.ts";
import { projectPaths } from "../src/site/paths.ts";

const model = loadSite(projectPaths(path.resolve(import.meta.dirname, "..")));

describe("feed items kept by story", () => {
  for (const show of model.shows) {
    it(`writes ${show.name}'s feed the same with and without them`, () => {
      const input = { show, stories: show.stories, settings: model.settings, audioBytes: () => 1234 };
      const items: NonNullable<FeedInput["items"]> = new WeakMap();
      const plain = renderFeed(input);
      expect(renderFeed({ ...input, items })).toBe(plain);
      expect(renderFeed({ ...input, items })).toBe(plain);
      expect(show.stories.every((story) => items.has(story))).toBe(true);
    });
  }

  it("writes an item again when its audio's size changed", () => {
    const show = model.shows.find((s) => s.stories.some((story) => story.audio?.file));
    expect(show).toBeDefined();
    const items: NonNullable<FeedInput["items"]> = new WeakMap();
    const input = { show: show!, stories: show!.stories, settings: model.settings, items };
    expect(renderFeed({ ...input, audioBytes: () => 1234 })).toContain('length="1234"');
    const after = renderFeed({ ...input, audioBytes: () => 5678 });
    expect(after).toContain('length="5678"');
    expect(after).not.toContain('length="1234"');
  });
});

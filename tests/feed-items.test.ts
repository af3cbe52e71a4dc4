// The podcast feed written again and again under `npm start`: items kept by story give the same
// feed, byte for byte, and an item is written again when its story's audio changes size.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderFeed, type FeedInput } from "../src/feeds/rss.ts";
import { loadSite } from "../src/site/load.ts";
import { projectPaths } from "../src/site/paths.ts";

const model = loadSite(projectPaths(path.resolve(import.meta.dirname, "..")));

describe("feed items kept by story", () => {
  // Every show's stories are given: only its episodes (stories with audio) become items.
  for (const show of model.shows) {
    it(`writes ${show.name}'s feed the same with and without them`, () => {
      const input = { show, stories: show.stories, settings: model.settings, audioBytes: () => 1234 };
      const items: NonNullable<FeedInput["items"]> = new WeakMap();
      const plain = renderFeed(input);
      expect(renderFeed({ ...input, items })).toBe(plain);
      expect(renderFeed({ ...input, items })).toBe(plain);
      expect(show.stories.filter((story) => items.has(story))).toEqual(show.episodes);
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

  it("writes an item again when its chapters changed (a chapter's image, with the story unchanged)", () => {
    const show = model.podcasts.find((s) => s.stories.some((story) => story.audio));
    expect(show).toBeDefined();
    const story = show!.stories.find((s) => s.audio)!;
    const items: NonNullable<FeedInput["items"]> = new WeakMap();
    const input = { show: show!, stories: show!.stories, settings: model.settings, items, audioBytes: () => 1 };
    const chapters = (img: string) => (s: typeof story) => (s === story ? { jsonUrl: "https://example.org/c.json", chapters: [{ start: 0, title: "Opening", img }] } : undefined);
    expect(renderFeed({ ...input, chapters: chapters("https://example.org/old.jpg") } as FeedInput)).toContain("old.jpg");
    const after = renderFeed({ ...input, chapters: chapters("https://example.org/new.jpg") } as FeedInput);
    expect(after).toContain("new.jpg");
    expect(after).not.toContain("old.jpg");
  });
});

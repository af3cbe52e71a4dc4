// The globals Verbatim hands Eleventy: Eleventy merges its data for every template on every build,
// deep-copying each plain object it holds unless that object is frozen. The model and the image
// plan name every story (10,000 objects in an archive), so they must reach the layouts as they are.

import path from "node:path";
import { Merge } from "@11ty/eleventy-utils";
import { describe, expect, it } from "vitest";
import { createContext, currentModel } from "../src/site/context.ts";
import { projectPaths } from "../src/site/paths.ts";
import { planSiteImages } from "../src/site/images.ts";
import { GLOBALS } from "../src/site/surface.ts";

const REPO = path.resolve(import.meta.dirname, "..");

describe("the globals", () => {
  it("reach the layouts through Eleventy's merge without being copied, and hold the model's own objects", async () => {
    const context = createContext({ paths: projectPaths(REPO) });
    const model = GLOBALS.verbatim?.(context) as { stories: unknown[]; tags: unknown[] };
    context.images.planned = await planSiteImages(currentModel(context), context.paths);
    const images = GLOBALS.images?.(context) as { stories: Record<string, unknown> };
    // The same object on every call, so a rebuild hands Eleventy nothing new to copy.
    expect(GLOBALS.verbatim?.(context)).toBe(model);
    expect(GLOBALS.images?.(context)).toBe(images);
    const merged = Merge({}, { verbatim: model, images }) as { verbatim: unknown; images: unknown };
    expect(merged.verbatim).toBe(model);
    expect(merged.images).toBe(images);
    // Only the top level is a copy: everything below it is the model's and the plan's own.
    expect(model.stories).toBe(context.model?.stories);
    expect(images.stories).toBe(context.images.planned.stories);
    expect(model.stories.length).toBeGreaterThan(0);
  });
});
